using System.Threading.Tasks;
using ProductionAnalyzers.Sql;
using ProductionAnalyzers.Tests.Verifiers;
using Xunit;

namespace ProductionAnalyzers.Tests.Sql
{
    /// <summary>The labelled SQL corpus: repositories, services, controllers and workers written the way teams write them.</summary>
    public class SqlCorpusTests
    {
        [Fact]
        public async Task Corpus_ReportsExactlyTheMarkedDiagnostics() =>
            await CorpusVerifier.VerifyAsync<SqlInjectionAnalyzer>("Sql");

        [Fact]
        public void Corpus_HasAtLeastTenFilesAndManyFindings()
        {
            var files = TestCorpus.Load("Sql");
            Assert.True(files.Count >= 10, $"only {files.Count} corpus files");
            var findings = 0;
            foreach (var (_, content) in files)
            {
                findings += content.Split("{|PA1001:").Length - 1;
            }

            Assert.True(findings >= 30, $"only {findings} marked findings");
        }
    }
}
