using Xunit;

namespace ProductionAnalyzers.Tests.Verifiers.Tests;

public class CorpusTests
{
    private const string Family = "Verifiers/Tests";

    [Fact]
    public async Task CorpusVerifier_DemandsExactlyTheMarkedDiagnostics_IgnoringOtherRulesMarkup() =>
        await CorpusVerifier.VerifyAsync<BadClassAnalyzer>(Family);

    [Fact]
    public async Task CorpusVerifier_WithSeveralAnalyzers() =>
        await CorpusVerifier.VerifyAsync(Family, new BadClassAnalyzer());

    [Fact]
    public async Task CorpusVerifier_FailsWhenTheAnalyzerMissesAMarkedDiagnostic()
    {
        var exception = await Assert.ThrowsAnyAsync<Exception>(
            () => CorpusVerifier.VerifyAsync<BadClassAnalyzer>(Family, test => test.DisabledDiagnostics.Add("PT0001")));
        Assert.Contains("Mismatch between number of diagnostics returned, expected \"2\" actual \"0\"", exception.Message);
    }

    [Fact]
    public void Load_ReturnsEveryFileWithMarkup_AndLoadPlainStripsIt()
    {
        var files = TestCorpus.Load(Family);
        Assert.Equal(new[] { "OrderService.cs", "Repositories.cs" }, files.Select(f => f.FileName));
        Assert.Contains("{|PT0001:BadOrderCache|}", files[0].Content);

        var plain = TestCorpus.LoadPlain(Family);
        Assert.Contains("internal sealed class BadOrderCache", plain[0].Code);
        Assert.DoesNotContain("{|", plain[0].Code);
        Assert.DoesNotContain("[|", plain[1].Code);
    }

    [Fact]
    public void Load_UnknownFamily_Throws() =>
        Assert.Contains("No corpus for family 'Nope'", Assert.Throws<InvalidOperationException>(() => TestCorpus.Load("Nope")).Message);

    [Theory]
    [InlineData("a {|PA1:b [|c|] d|} e", "a b [|c|] d e")]
    [InlineData("a {|PT1:{|PA1:b|}|} e", "a {|PT1:b|} e")]
    [InlineData("{|PT1:[|x|]|}{|#0:|}", "{|PT1:[|x|]|}{|#0:|}")]
    [InlineData("[|{|#0:|}x|]", "[|{|#0:|}x|]")]
    [InlineData("{|PA1:x|}{|#1:|}", "x{|#1:|}")]
    public void Filter_DropsOnlyTheRejectedSpans(string markup, string expected) =>
        Assert.Equal(expected, TestFileMarkup.Filter(markup, span => span.Name != "PA1"));
}
