using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ProductionAnalyzers.Tests.Verifiers;

/// <summary>
/// The metadata references test code compiles against, loaded once per process: the net10.0 and ASP.NET Core
/// reference assemblies and the package assemblies this test project references (Dapper, EF Core, Npgsql,
/// Serilog, NLog, Microsoft.Extensions.*, Grpc.*), as resolved by MSBuild (the tests csproj writes them to
/// <c>test-code-references.txt</c> in the output directory), plus an in-memory stub of Microsoft.Data.SqlClient.
/// </summary>
public static class TestReferences
{
    public const string ReferenceListFileName = "test-code-references.txt";

    private static readonly string[] Frameworks = { "Microsoft.NETCore.App", "Microsoft.AspNetCore.App" };

    private static readonly string[] PackagePrefixes =
    {
        "Dapper", "Microsoft.EntityFrameworkCore", "Npgsql", "Serilog", "NLog", "Microsoft.Extensions.", "Grpc.",
    };

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyFrameworkAndPackages = new(LoadReferenceList);

    private static readonly Lazy<MetadataReference> LazySqlClient = new(CompileSqlClientStub);

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyAll =
        new(() => LazyFrameworkAndPackages.Value.Add(LazySqlClient.Value));

    /// <summary>Everything a test compilation references.</summary>
    public static ImmutableArray<MetadataReference> All => LazyAll.Value;

    /// <summary>The stub Microsoft.Data.SqlClient assembly (compiled once from <see cref="SqlClientStub.Source"/>).</summary>
    public static MetadataReference SqlClient => LazySqlClient.Value;

    private static ImmutableArray<MetadataReference> LoadReferenceList()
    {
        var listPath = Path.Combine(AppContext.BaseDirectory, ReferenceListFileName);
        if (!File.Exists(listPath))
        {
            throw new InvalidOperationException(
                $"{ReferenceListFileName} is missing from the test output directory; it is written by the WriteTestCodeReferences target of ProductionAnalyzers.Tests.csproj. Rebuild the test project.");
        }

        var references = ImmutableArray.CreateBuilder<MetadataReference>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in File.ReadAllLines(listPath))
        {
            var parts = line.Split('|');
            if (parts.Length < 3 || parts[0].Length == 0)
            {
                continue;
            }

            var (path, packageId, framework) = (parts[0], parts[1], parts[2]);
            var wanted = Frameworks.Contains(framework, StringComparer.OrdinalIgnoreCase)
                || (packageId.Length > 0 && PackagePrefixes.Any(p => packageId.StartsWith(p, StringComparison.OrdinalIgnoreCase)));
            if (wanted && File.Exists(path) && seen.Add(Path.GetFileName(path)))
            {
                references.Add(MetadataReference.CreateFromFile(path));
            }
        }

        if (references.Count == 0)
        {
            throw new InvalidOperationException($"{listPath} lists no usable reference assembly.");
        }

        return references.ToImmutable();
    }

    private static MetadataReference CompileSqlClientStub()
    {
        var compilation = CSharpCompilation.Create(
            "Microsoft.Data.SqlClient",
            new[] { CSharpSyntaxTree.ParseText(SqlClientStub.Source, new CSharpParseOptions(LanguageVersion.Latest)) },
            LazyFrameworkAndPackages.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        if (!result.Success)
        {
            throw new InvalidOperationException(
                "The Microsoft.Data.SqlClient stub does not compile:" + Environment.NewLine
                + string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }

        return MetadataReference.CreateFromImage(image.ToArray());
    }
}
