using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ProductionAnalyzers.Tests.Verifiers;

/// <summary>
/// The metadata references test code compiles against, loaded once per process: the net10.0 and ASP.NET Core
/// reference packs and the real packages this test project references (Dapper, EF Core, Npgsql,
/// Microsoft.Data.SqlClient, Microsoft.Data.Sqlite, Serilog, NLog, log4net, Grpc.AspNetCore, Microsoft.Extensions.*),
/// as resolved by the project's own restore: the tests csproj writes them to <c>test-code-references.txt</c> in the
/// output directory. Nothing is downloaded at test time.
/// </summary>
public static class TestReferences
{
    public const string ReferenceListFileName = "test-code-references.txt";

    private static readonly string[] Frameworks = { "Microsoft.NETCore.App", "Microsoft.AspNetCore.App" };

    private static readonly string[] PackagePrefixes =
    {
        "Dapper", "Microsoft.EntityFrameworkCore", "Npgsql", "Serilog", "NLog", "log4net", "Microsoft.Extensions.",
        "Microsoft.Data.", "SQLitePCLRaw", "Grpc.", "Google.Protobuf",
    };

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyAll = new(LoadReferenceList);

    /// <summary>Everything a test compilation references.</summary>
    public static ImmutableArray<MetadataReference> All => LazyAll.Value;
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
}
