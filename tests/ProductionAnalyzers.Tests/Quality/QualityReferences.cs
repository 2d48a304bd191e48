using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using ProductionAnalyzers.Tests.Verifiers;

namespace ProductionAnalyzers.Tests.Quality
{
    /// <summary>Metadata references for the quality gates' compilations.</summary>
    internal static class QualityReferences
    {
        /// <summary>
        /// What real backend code compiles against: the references of the verifier (net10.0 and ASP.NET Core reference
        /// assemblies, Dapper, EF Core Relational, Npgsql, Serilog, NLog, Microsoft.Extensions.*, the SqlClient stub).
        /// </summary>
        public static ImmutableArray<MetadataReference> Full => TestReferences.All;

        /// <summary>Only the core library: every framework type beyond it is unresolved.</summary>
        public static ImmutableArray<MetadataReference> CoreOnly { get; } =
            ImmutableArray.Create<MetadataReference>(MetadataReference.CreateFromFile(typeof(object).Assembly.Location));

        /// <summary>Nothing at all, not even System.Object.</summary>
        public static ImmutableArray<MetadataReference> None { get; } = ImmutableArray<MetadataReference>.Empty;
    }
}
