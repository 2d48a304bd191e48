using System.Collections.Immutable;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;

namespace ProductionAnalyzers.Tests.Quality
{
    /// <summary>Metadata references for the quality gates' compilations.</summary>
    internal static class QualityReferences
    {
        private static readonly Lazy<ImmutableArray<MetadataReference>> FullReferences = new Lazy<ImmutableArray<MetadataReference>>(LoadFull);

        /// <summary>
        /// What real backend code compiles against: the assemblies of the test host, i.e. the .NET and ASP.NET Core
        /// shared frameworks plus the packages the tests project references (Dapper, EF Core Relational, Npgsql,
        /// Serilog, NLog, Microsoft.Extensions.*).
        /// </summary>
        public static ImmutableArray<MetadataReference> Full => FullReferences.Value;

        /// <summary>Only the core library: every framework type beyond it is unresolved.</summary>
        public static ImmutableArray<MetadataReference> CoreOnly { get; } =
            ImmutableArray.Create<MetadataReference>(MetadataReference.CreateFromFile(typeof(object).Assembly.Location));

        /// <summary>Nothing at all, not even System.Object.</summary>
        public static ImmutableArray<MetadataReference> None { get; } = ImmutableArray<MetadataReference>.Empty;

        private static ImmutableArray<MetadataReference> LoadFull()
        {
            var paths = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
                .Distinct(StringComparer.Ordinal)
                .OrderBy(p => Path.GetFileName(p), StringComparer.OrdinalIgnoreCase);
            var builder = ImmutableArray.CreateBuilder<MetadataReference>();
            foreach (var path in paths)
            {
                if (HasMetadata(path))
                {
                    builder.Add(MetadataReference.CreateFromFile(path));
                }
            }

            return builder.ToImmutable();
        }

        private static bool HasMetadata(string path)
        {
            try
            {
                using var stream = File.OpenRead(path);
                using var reader = new PEReader(stream);
                return reader.HasMetadata;
            }
            catch (BadImageFormatException)
            {
                return false;
            }
            catch (IOException)
            {
                return false;
            }
        }
    }
}
