using ProductionAnalyzers.Logging;
using ProductionAnalyzers.Tests.Verifiers;
using Xunit;

namespace ProductionAnalyzers.Tests.Logging;

/// <summary>The labelled corpus of the logging family: every marked diagnostic and nothing else.</summary>
public class LoggingCorpusTests
{
    private const string Family = "Logging";

    [Fact]
    public async Task AllLoggingRules_ReportExactlyTheMarkedDiagnostics() =>
        await CorpusVerifier.VerifyAsync(
            Family,
            new NonConstantLogTemplateAnalyzer(),
            new ExceptionLoggedAsTextAnalyzer(),
            new ConsoleOutputAnalyzer(),
            new SensitiveValueLoggedAnalyzer());

    [Fact]
    public async Task NonConstantTemplate_Corpus() => await CorpusVerifier.VerifyAsync<NonConstantLogTemplateAnalyzer>(Family);

    [Fact]
    public async Task ExceptionLoggedAsText_Corpus() => await CorpusVerifier.VerifyAsync<ExceptionLoggedAsTextAnalyzer>(Family);

    [Fact]
    public async Task ConsoleOutput_Corpus() => await CorpusVerifier.VerifyAsync<ConsoleOutputAnalyzer>(Family);

    [Fact]
    public async Task SensitiveValue_Corpus() => await CorpusVerifier.VerifyAsync<SensitiveValueLoggedAnalyzer>(Family);

    [Fact]
    public void Corpus_HasAtLeastTenFiles_AndEveryRule() 
    {
        var files = TestCorpus.Load(Family);
        Assert.True(files.Count >= 10, $"only {files.Count} corpus files");
        var all = string.Concat(files.Select(f => f.Content));
        foreach (var id in new[] { "PA4001", "PA4002", "PA4003", "PA4004" })
        {
            Assert.Contains("{|" + id + ":", all);
        }
    }
}
