using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ProductionAnalyzers.Tests.Verifiers;

/// <summary>
/// What every test of this repository shares, applied to the official harness's tests:
/// <list type="bullet">
/// <item>References: the net10.0 and ASP.NET Core reference packs and the real library packages the test project
/// restores (<see cref="TestReferences"/>); no reference assembly is downloaded at test time.</item>
/// <item>C# latest with nullable reference types enabled, as in the projects the rules are written for.</item>
/// <item><c>$$</c> is code, not a caret: test code uses raw interpolated strings.</item>
/// </list>
/// </summary>
public static class TestDefaults
{
    /// <summary>A target framework with no reference-assembly package: the references come from <see cref="TestReferences"/>.</summary>
    public static readonly ReferenceAssemblies NoDownload = new("net10.0");

    public static void Apply(AnalyzerTest<DefaultVerifier> test)
    {
        test.ReferenceAssemblies = NoDownload;
        test.TestState.AdditionalReferences.AddRange(TestReferences.All);
        test.MarkupOptions |= MarkupOptions.TreatPositionIndicatorsAsCode | MarkupOptions.UseFirstDescriptor;
    }

    public static ParseOptions ParseOptions(ParseOptions options) =>
        ((CSharpParseOptions)options).WithLanguageVersion(LanguageVersion.Latest);

    public static CompilationOptions CompilationOptions(CompilationOptions options) =>
        ((CSharpCompilationOptions)options).WithNullableContextOptions(NullableContextOptions.Enable);
}
