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

    /// <summary>The corpus is a web app: with the Web SDK's properties visible, PA4003 reports exactly the same.</summary>
    [Fact]
    public async Task ConsoleOutput_Corpus_AsWebProject() =>
        await CorpusVerifier.VerifyAsync<ConsoleOutputAnalyzer>(
            Family,
            test => test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.OutputType = Exe\nbuild_property.UsingMicrosoftNETSdkWeb = true\n")));

    /// <summary>
    /// A setup/admin command-line tool that references a logging framework through shared library code: not service code
    /// (issue 16: 391 of 399 PA4003 findings on real code were in such tools).
    /// </summary>
    [Fact]
    public async Task ConsoleOutput_ConsoleToolCorpus_AsConsoleProject() =>
        await CorpusVerifier.VerifyAsync<ConsoleOutputAnalyzer>(
            "Logging/ConsoleTool",
            test => test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.OutputType = Exe\n")));

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
