using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using ProductionAnalyzers.Exceptions;
using ProductionAnalyzers.Tests.Verifiers;

namespace ProductionAnalyzers.Tests.Exceptions
{
    /// <summary>
    /// Runs PA3001/PA3002 over the labelled corpus (repositories with retries, HTTP clients, background workers,
    /// controllers, minimal APIs, parsers, Dispose cleanup, cache fallbacks, health checks, a Serilog host and an
    /// NLog job) in one compilation and demands exactly the marked diagnostics: every miss and every extra fails.
    /// </summary>
    public class SwallowedExceptionCorpusTests
    {
        private static readonly string CorpusDirectory = Path.Combine(AppContext.BaseDirectory, "Exceptions", "Corpus");

        [Fact]
        public void Corpus_HasEnoughFilesAndLabels()
        {
            var files = Directory.GetFiles(CorpusDirectory, "*.cs");
            Assert.True(files.Length >= 8, $"expected at least 8 corpus files, found {files.Length}");
            var text = string.Concat(files.Select(File.ReadAllText));
            Assert.Contains("{|PA3001:", text);
            Assert.Contains("{|PA3002:", text);
        }

        [Fact]
        public async Task Corpus_ReportsExactlyTheLabelledCatches()
        {
            await CorpusVerifier.VerifyAsync<SwallowedExceptionAnalyzer>("Exceptions");
        }
    }
}
