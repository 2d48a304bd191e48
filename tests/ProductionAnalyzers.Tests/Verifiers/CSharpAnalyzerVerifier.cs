using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ProductionAnalyzers.Tests.Verifiers;

/// <summary>
/// Analyzer-only verifier with the public shape of Microsoft.CodeAnalysis.CSharp.Analyzer.Testing:
/// <c>using Verify = CSharpAnalyzerVerifier&lt;MyAnalyzer&gt;;</c> then <c>await Verify.VerifyAnalyzerAsync(source)</c>.
/// </summary>
public static class CSharpAnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    /// <summary>The analyzer's only (or first) descriptor.</summary>
    public static DiagnosticResult Diagnostic() => VerifierDiagnostics.Default(new TAnalyzer());

    /// <summary>The analyzer's descriptor with this ID (message format and default severity included).</summary>
    public static DiagnosticResult Diagnostic(string diagnosticId) => VerifierDiagnostics.ById(new TAnalyzer(), diagnosticId);

    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new(descriptor);

    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    public sealed class Test : AnalyzerTest<TAnalyzer>
    {
    }
}

/// <summary>
/// Analyzer + code-fix verifier with the public shape of Microsoft.CodeAnalysis.CSharp.CodeFix.Testing:
/// <c>using Verify = CSharpCodeFixVerifier&lt;MyAnalyzer, MyFix&gt;;</c>.
/// </summary>
public static class CSharpCodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider, new()
{
    public static DiagnosticResult Diagnostic() => VerifierDiagnostics.Default(new TAnalyzer());

    public static DiagnosticResult Diagnostic(string diagnosticId) => VerifierDiagnostics.ById(new TAnalyzer(), diagnosticId);

    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new(descriptor);

    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>Fixes <paramref name="source"/> (diagnostics from markup) into <paramref name="fixedSource"/>; equal sources = no fix offered.</summary>
    public static Task VerifyCodeFixAsync(string source, string fixedSource) =>
        VerifyCodeFixAsync(source, DiagnosticResult.EmptyDiagnosticResults, fixedSource);

    public static Task VerifyCodeFixAsync(string source, DiagnosticResult expected, string fixedSource) =>
        VerifyCodeFixAsync(source, new[] { expected }, fixedSource);

    public static Task VerifyCodeFixAsync(string source, DiagnosticResult[] expected, string fixedSource)
    {
        var test = new Test { TestCode = source, FixedCode = fixedSource };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    public sealed class Test : CodeFixTest<TAnalyzer, TCodeFix>
    {
    }
}

internal static class VerifierDiagnostics
{
    public static DiagnosticResult Default(DiagnosticAnalyzer analyzer)
    {
        var descriptors = analyzer.SupportedDiagnostics;
        if (descriptors.IsEmpty)
        {
            throw new InvalidOperationException($"{analyzer.GetType().Name} declares no diagnostic.");
        }

        return new DiagnosticResult(descriptors[0]);
    }

    public static DiagnosticResult ById(DiagnosticAnalyzer analyzer, string id)
    {
        var descriptor = analyzer.SupportedDiagnostics.FirstOrDefault(d => d.Id == id);
        return descriptor is null ? DiagnosticResult.ForUnknownId(id) : new DiagnosticResult(descriptor);
    }
}
