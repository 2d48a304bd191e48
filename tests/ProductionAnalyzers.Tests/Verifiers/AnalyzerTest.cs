using System.Collections.Immutable;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ProductionAnalyzers.Tests.Verifiers;

/// <summary>
/// An analyzer test (the <c>Test</c> class of <see cref="CSharpAnalyzerVerifier{TAnalyzer}"/>): compiles the
/// sources against <see cref="TestReferences"/>, runs the analyzer with the test's <c>.editorconfig</c> and
/// compares its diagnostics (plus compiler errors and AD0001) with the markup and <see cref="ExpectedDiagnostics"/>.
/// </summary>
public class AnalyzerTest<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public SolutionState TestState { get; } = new();

    /// <summary>Adds one source file (<c>/0/Test{n}.cs</c>) to <see cref="TestState"/>.</summary>
    public string? TestCode
    {
        get => TestState.Sources.Count > 0 ? TestState.Sources[0].content : null;
        set
        {
            if (value is not null)
            {
                TestState.Sources.Add(value);
            }
        }
    }

    /// <summary>Expected diagnostics of the test code besides markup (same list as <c>TestState.ExpectedDiagnostics</c>).</summary>
    public List<DiagnosticResult> ExpectedDiagnostics => TestState.ExpectedDiagnostics;

    /// <summary>Which compiler diagnostics must be expected; default <see cref="CompilerDiagnostics.Errors"/>.</summary>
    public CompilerDiagnostics CompilerDiagnostics { get; set; } = CompilerDiagnostics.Errors;

    /// <summary>IDs switched off in every compilation of the test (compiler or analyzer IDs).</summary>
    public List<string> DisabledDiagnostics { get; } = new();

    public LanguageVersion LanguageVersion { get; set; } = LanguageVersion.Latest;

    public virtual async Task RunAsync(CancellationToken cancellationToken = default)
    {
        var settings = CreateSettings();
        var state = PreparedState.Create("Test code", TestState, null, TestState.ExpectedDiagnostics, settings);
        await VerifyDiagnosticsAsync(state, settings, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The analyzers under test; by default one <typeparamref name="TAnalyzer"/>.</summary>
    protected virtual IEnumerable<DiagnosticAnalyzer> GetAnalyzers() => new DiagnosticAnalyzer[] { new TAnalyzer() };

    internal TestSettings CreateSettings() =>
        new(GetAnalyzers().ToImmutableArray(), CompilerDiagnostics, DisabledDiagnostics.ToImmutableArray(), LanguageVersion);

    internal static async Task VerifyDiagnosticsAsync(PreparedState state, TestSettings settings, CancellationToken cancellationToken)
    {
        var project = TestProject.Create(state, settings);
        var diagnostics = await TestProject.GetDiagnosticsAsync(project, settings, state.Label, cancellationToken).ConfigureAwait(false);
        DiagnosticComparer.Verify(state, diagnostics.Compared, settings);
    }
}
