using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ProductionAnalyzers.Infrastructure;
using ProductionAnalyzers.Tests.Verifiers;
using Xunit;

namespace ProductionAnalyzers.Tests.Infrastructure
{
    /// <summary>
    /// <see cref="WellKnownTypes"/> looks a type up only in the assemblies it can live in (the project, the core library,
    /// the assemblies named after its namespace). These tests pin that it still finds exactly what the compiler's
    /// whole-compilation lookup finds, for every type name the rules use.
    /// </summary>
    public class WellKnownTypesTests
    {
        /// <summary>Every metadata name the analyzers resolve (kept in step with the analyzers' sources).</summary>
        public static TheoryData<string> RuleTypeNames => new TheoryData<string>
        {
            "Dapper.CommandDefinition", "Dapper.SqlMapper",
            "Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions", "Microsoft.EntityFrameworkCore.RelationalQueryableExtensions",
            "Microsoft.Extensions.Logging.LoggerMessageAttribute", "Microsoft.Extensions.Logging.ILogger", "Microsoft.Extensions.Logging.ILogger`1",
            "Microsoft.Extensions.Logging.LoggerExtensions", "Microsoft.Extensions.Logging.LoggerMessage",
            "Serilog.ILogger", "Serilog.Log", "NLog.ILogger", "NLog.ILoggerBase", "NLog.Logger", "log4net.ILog",
            "System.Console", "System.Data.Common.DbBatchCommand", "System.Data.Common.DbCommand", "System.Data.Common.DbCommandBuilder",
            "System.Data.Common.DbDataAdapter", "System.Data.Common.DbDataSource", "System.Data.IDataAdapter", "System.Data.IDbCommand",
            "System.Data.IDbConnection", "System.Diagnostics.ConditionalAttribute", "System.Diagnostics.Debug", "System.Diagnostics.Trace",
            "System.Diagnostics.TraceSource", "System.Diagnostics.Tracing.EventSource", "System.Environment", "System.Exception",
            "System.Guid", "System.IFormatProvider", "System.IO.TextWriter", "System.OperationCanceledException",
            "System.Reflection.MemberInfo", "System.SystemException", "System.Text.StringBuilder",
            "Microsoft.Data.SqlClient.SqlCommand", "NLog.LogEventBuilder",
            "Microsoft.AspNetCore.Mvc.ControllerBase", "Microsoft.AspNetCore.Mvc.RazorPages.PageModel", "Microsoft.AspNetCore.Routing.IEndpointRouteBuilder",
        };

        [Theory]
        [MemberData(nameof(RuleTypeNames))]
        public void Type_FindsWhatTheWholeCompilationLookupFinds(string metadataName)
        {
            var compilation = Compilation("public class Order { }");

            var expected = compilation.GetTypeByMetadataName(metadataName);
            var actual = WellKnownTypes.Get(compilation).Type(metadataName);

            Assert.Equal(expected, actual, SymbolEqualityComparer.Default);
            if (!metadataName.StartsWith("log4net", System.StringComparison.Ordinal))
            {
                Assert.NotNull(actual);
            }
        }

        [Fact]
        public void Type_DeclaredInTheProject_WinsOverAReference()
        {
            // A project that carries its own copy of a library type (vendored source) binds to its own declaration.
            var compilation = Compilation("namespace Dapper { public static class SqlMapper { } }");

            var type = WellKnownTypes.Get(compilation).Type("Dapper.SqlMapper");

            Assert.NotNull(type);
            Assert.Equal(compilation.Assembly, type!.ContainingAssembly, SymbolEqualityComparer.Default);
        }

        [Fact]
        public void Type_NotReferenced_IsNull()
        {
            var compilation = CSharpCompilation.Create(
                "CoreOnly",
                new[] { CSharpSyntaxTree.ParseText("public class Order { }") },
                new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) });

            var types = WellKnownTypes.Get(compilation);

            Assert.Null(types.Type("Dapper.SqlMapper"));
            Assert.Null(types.Type("Microsoft.Extensions.Logging.ILogger"));
            Assert.NotNull(types.Type("System.Exception"));
        }

        private static CSharpCompilation Compilation(string source) =>
            CSharpCompilation.Create(
                "WellKnownTypesProbe",
                new[] { CSharpSyntaxTree.ParseText(source) },
                TestReferences.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
    }
}
