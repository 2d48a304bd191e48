using System.Collections.Immutable;
using System.Composition;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using ProductionAnalyzers.CodeFixes;
using ProductionAnalyzers.Infrastructure;

namespace ProductionAnalyzers.Tests.Conventions;

/// <summary>What an assembly exports, found by reflection: analyzers with their descriptors, code fix providers.</summary>
internal sealed class PackageInventory
{
    private PackageInventory(ImmutableArray<Type> analyzerTypes, ImmutableArray<Type> codeFixTypes)
    {
        AnalyzerTypes = analyzerTypes;
        CodeFixTypes = codeFixTypes;
        Analyzers = analyzerTypes.Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!).ToImmutableArray();
        CodeFixes = codeFixTypes.Select(t => (CodeFixProvider)Activator.CreateInstance(t)!).ToImmutableArray();
    }

    /// <summary>The analyzers and code fixes of the package (ProductionAnalyzers + ProductionAnalyzers.CodeFixes).</summary>
    public static PackageInventory Package { get; } =
        Of(typeof(ProductionAnalyzer).Assembly, typeof(FixKeys).Assembly);

    /// <summary>Every concrete analyzer type (exported or not: an analyzer without the attribute is a bug the tests report).</summary>
    public ImmutableArray<Type> AnalyzerTypes { get; }

    public ImmutableArray<Type> CodeFixTypes { get; }

    public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; }

    public ImmutableArray<CodeFixProvider> CodeFixes { get; }

    /// <summary>Every (analyzer, descriptor) pair.</summary>
    public IEnumerable<(DiagnosticAnalyzer Analyzer, DiagnosticDescriptor Descriptor)> Descriptors =>
        Analyzers.SelectMany(a => a.SupportedDiagnostics.Select(d => (a, d)));

    public static PackageInventory Of(params Assembly[] assemblies)
    {
        var types = assemblies.SelectMany(LoadableTypes).Where(t => t is { IsClass: true, IsAbstract: false } && !t.ContainsGenericParameters).ToList();
        return new PackageInventory(
            types.Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t)).OrderBy(t => t.FullName, StringComparer.Ordinal).ToImmutableArray(),
            types.Where(t => typeof(CodeFixProvider).IsAssignableFrom(t)).OrderBy(t => t.FullName, StringComparer.Ordinal).ToImmutableArray());
    }

    public static DiagnosticAnalyzerAttribute? AnalyzerAttribute(Type type) => type.GetCustomAttribute<DiagnosticAnalyzerAttribute>();

    public static ExportCodeFixProviderAttribute? ExportAttribute(Type type) => type.GetCustomAttribute<ExportCodeFixProviderAttribute>();

    public static bool IsShared(Type type) => type.GetCustomAttribute<SharedAttribute>() is not null;

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException exception)
        {
            return exception.Types.Where(t => t is not null)!;
        }
    }
}

/// <summary>The repository checkout the tests run from, found by walking up to ProductionAnalyzers.sln.</summary>
internal static class Repository
{
    private static readonly Lazy<string> LazyRoot = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ProductionAnalyzers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"ProductionAnalyzers.sln not found above {AppContext.BaseDirectory}.");
    });

    public static string Root => LazyRoot.Value;

    public static string PathOf(params string[] parts) => Path.Combine(new[] { Root }.Concat(parts).ToArray());

    public static string ReadText(params string[] parts)
    {
        var path = PathOf(parts);
        return File.Exists(path) ? File.ReadAllText(path) : string.Empty;
    }
}
