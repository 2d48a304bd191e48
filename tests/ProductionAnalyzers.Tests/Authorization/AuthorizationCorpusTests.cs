using ProductionAnalyzers.Authorization;
using ProductionAnalyzers.Tests.Verifiers;
using Xunit;

namespace ProductionAnalyzers.Tests.Authorization
{
    /// <summary>
    /// The labelled authorization corpus: a clinic app with a host, controllers (a shared authorized base, an API-key filter,
    /// a legacy controller nobody decided about), minimal API modules, route groups, hubs and Razor Pages.
    /// </summary>
    public class AuthorizationCorpusTests
    {
        [Fact]
        public async Task Corpus_ReportsExactlyTheMarkedDiagnostics() =>
            await CorpusVerifier.VerifyAsync<AuthorizationAnalyzer>("Authorization");

        [Fact]
        public void Corpus_HasEveryRuleMarked()
        {
            var files = TestCorpus.Load("Authorization");
            Assert.True(files.Count >= 10, $"only {files.Count} corpus files");
            foreach (var id in new[] { "PA5001", "PA5002", "PA5003", "PA5004" })
            {
                var count = files.Sum(f => f.Content.Split("{|" + id + ":").Length - 1);
                Assert.True(count >= 1, $"{id} is not marked in the corpus");
            }
        }
    }
}
