using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ProductionAnalyzers.Tests.Verifiers;

/// <summary>
/// The official analyzer test running several analyzers together (e.g. every analyzer of a family, or two rules
/// whose fixes must not trigger each other), with this repository's defaults.
/// </summary>
public sealed class MultiAnalyzerTest : CSharpAnalyzerTest<MultiAnalyzerTest.NoDiagnosticsAnalyzer, DefaultVerifier>
{
    private readonly DiagnosticAnalyzer[] _analyzers;

    public MultiAnalyzerTest(params DiagnosticAnalyzer[] analyzers)
    {
        _analyzers = analyzers;
        TestDefaults.Apply(this);
    }

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => _analyzers;

    protected override ParseOptions CreateParseOptions() => TestDefaults.ParseOptions(base.CreateParseOptions());

    protected override CompilationOptions CreateCompilationOptions() => TestDefaults.CompilationOptions(base.CreateCompilationOptions());

#pragma warning disable RS1036, RS1038, RS1041 // a test-only placeholder, never loaded by a compiler

    /// <summary>Placeholder type argument of <see cref="MultiAnalyzerTest"/>; never run.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class NoDiagnosticsAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray<DiagnosticDescriptor>.Empty;

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        }
    }
}
