using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ProductionAnalyzers.Tests.Verifiers;

/// <summary>
/// The labelled corpus of a family: <c>&lt;Family&gt;/Corpus/*.cs</c>, copied to the test output directory
/// (never compiled into the test assembly). Markup in the files marks every expected diagnostic.
/// </summary>
public static class TestCorpus
{
    /// <summary>The output-directory folder of a family's corpus, e.g. <c>Sql/Corpus</c>.</summary>
    public static string DirectoryOf(string family) => Path.Combine(AppContext.BaseDirectory, family, "Corpus");

    /// <summary>All corpus files of <paramref name="family"/> as (file name, content with markup), sorted by name.</summary>
    public static IReadOnlyList<(string FileName, string Content)> Load(string family)
    {
        var directory = DirectoryOf(family);
        if (!Directory.Exists(directory))
        {
            throw new InvalidOperationException($"No corpus for family '{family}': {family}/Corpus/*.cs is not in the test output directory.");
        }

        var files = Directory.GetFiles(directory, "*.cs", SearchOption.AllDirectories)
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => (Path.GetRelativePath(directory, f).Replace('\\', '/'), File.ReadAllText(f)))
            .ToList();
        if (files.Count == 0)
        {
            throw new InvalidOperationException($"The corpus of family '{family}' ({family}/Corpus) has no .cs file.");
        }

        return files;
    }

    /// <summary>All corpus files of <paramref name="family"/> as (file name, plain code): markup removed.</summary>
    public static IReadOnlyList<(string FileName, string Code)> LoadPlain(string family) =>
        Load(family).Select(f => (f.FileName, TestFileMarkup.Strip(f.Content))).ToList();
}

/// <summary>Runs analyzers over a family's whole corpus in one compilation and demands exactly the marked diagnostics.</summary>
public static class CorpusVerifier
{
    private static readonly Lazy<ImmutableHashSet<string>> PackageIds = new(() =>
        typeof(DiagnosticIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToImmutableHashSet(StringComparer.Ordinal));

    /// <summary>
    /// Verifies <typeparamref name="TAnalyzer"/> on the corpus of <paramref name="family"/>. Markup of the
    /// package's other rules (IDs the analyzer does not declare) is ignored; unknown IDs still fail.
    /// Files are named <c>/0/&lt;Family&gt;/&lt;file&gt;</c>; <paramref name="configure"/> can add an .editorconfig etc.
    /// </summary>
    public static Task VerifyAsync<TAnalyzer>(string family, Action<CSharpAnalyzerVerifier<TAnalyzer>.Test>? configure = null)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerVerifier<TAnalyzer>.Test();
        AddCorpus(test.TestState, family, new TAnalyzer().SupportedDiagnostics);
        configure?.Invoke(test);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>Verifies several analyzers together (e.g. every analyzer of the family) on the corpus.</summary>
    public static Task VerifyAsync(string family, params DiagnosticAnalyzer[] analyzers)
    {
        var test = new MultiAnalyzerTest(analyzers);
        AddCorpus(test.TestState, family, analyzers.SelectMany(a => a.SupportedDiagnostics).ToImmutableArray());
        return test.RunAsync(CancellationToken.None);
    }

    private static void AddCorpus(SolutionState state, string family, ImmutableArray<DiagnosticDescriptor> descriptors)
    {
        var declared = descriptors.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (fileName, content) in TestCorpus.Load(family))
        {
            var filtered = TestFileMarkup.Filter(
                content,
                span => span.Name is null || span.IsLocationKey || declared.Contains(span.Name) || !PackageIds.Value.Contains(span.Name));
            state.Sources.Add(($"/0/{family}/{fileName}", filtered));
        }
    }
}
