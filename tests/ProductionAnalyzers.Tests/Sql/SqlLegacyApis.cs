using System;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ProductionAnalyzers.Tests.Verifiers;

namespace ProductionAnalyzers.Tests.Sql
{
    /// <summary>
    /// A metadata reference with the public shape of SQL APIs the test host does not reference: EF6's
    /// <c>Database.SqlQuery</c>, NHibernate's <c>ISession.CreateSQLQuery</c>, a micro-ORM extension on
    /// <c>IDbConnection</c> and a legacy static <c>SqlHelper</c>. Compiled once.
    /// </summary>
    internal static class SqlLegacyApis
    {
        private const string Source = """
            using System.Collections.Generic;
            using System.Data;

            namespace System.Data.Entity
            {
                public class Database
                {
                    public IEnumerable<T> SqlQuery<T>(string sql, params object[] parameters) => throw null!;
                    public int ExecuteSqlCommand(string sql, params object[] parameters) => throw null!;
                }
            }

            namespace NHibernate
            {
                public interface ISQLQuery { }

                public interface ISession
                {
                    ISQLQuery CreateSQLQuery(string queryString);
                }
            }

            namespace RepoDb
            {
                public static class DbConnectionExtension
                {
                    public static IEnumerable<T> ExecuteQuery<T>(this IDbConnection connection, string commandText, object? param = null) => throw null!;
                }
            }

            namespace System.Data.Odbc
            {
                using System.Data.Common;

                public sealed class OdbcCommand : DbCommand
                {
                    public OdbcCommand(string cmdText) { }
                    [System.Diagnostics.CodeAnalysis.AllowNull] public override string CommandText { get; set; } = "";
                    public override int CommandTimeout { get; set; }
                    public override CommandType CommandType { get; set; }
                    public override bool DesignTimeVisible { get; set; }
                    public override UpdateRowSource UpdatedRowSource { get; set; }
                    protected override DbConnection? DbConnection { get; set; }
                    protected override DbParameterCollection DbParameterCollection => throw null!;
                    protected override DbTransaction? DbTransaction { get; set; }
                    public override void Cancel() { }
                    public override int ExecuteNonQuery() => 0;
                    public override object? ExecuteScalar() => null;
                    public override void Prepare() { }
                    protected override DbParameter CreateDbParameter() => throw null!;
                    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => throw null!;
                }
            }

            namespace Microsoft.ApplicationBlocks.Data
            {
                public static class SqlHelper
                {
                    public static int ExecuteNonQuery(string connectionString, CommandType commandType, string commandText) => throw null!;
                }
            }
            """;

        /// <summary>
        /// A static helper of a data namespace in a library that names no ADO.NET type (it would reach the database through
        /// another library): its assembly references the core library only.
        /// </summary>
        private const string HelperWithoutAdoNetSource = """
            namespace Acme.Data
            {
                public static class QueryHelper
                {
                    public static int Execute(string sql) => sql.Length;
                }
            }

            namespace Acme.Text
            {
                public static class SqlFormatter
                {
                    public static string Format(string sql) => sql.Trim();
                }
            }
            """;

        /// <summary>A stand-in for NUnit's assembly: its name is what makes a compilation a test-support library.</summary>
        private const string TestFrameworkSource = """
            namespace NUnit.Framework
            {
                public sealed class TestAttribute : System.Attribute { }
                public sealed class TestFixtureAttribute : System.Attribute { }
            }
            """;

        private static readonly Lazy<MetadataReference> LazyTestFramework = new(() => Compile("nunit.framework", TestFrameworkSource));

        /// <summary>An assembly named <c>nunit.framework</c> with NUnit's two attributes.</summary>
        public static MetadataReference TestFramework => LazyTestFramework.Value;

        private static readonly Lazy<MetadataReference> LazyReference = new(() => Compile("LegacySqlApis", Source));

        private static readonly Lazy<MetadataReference> LazyHelperWithoutAdoNet = new(() => Compile("AcmeHelpers", HelperWithoutAdoNetSource));

        public static MetadataReference Reference => LazyReference.Value;

        /// <summary>The library of <see cref="HelperWithoutAdoNetSource"/>.</summary>
        public static MetadataReference HelperWithoutAdoNet => LazyHelperWithoutAdoNet.Value;

        private static MetadataReference Compile(string name, string source)
        {
            var compilation = CSharpCompilation.Create(
                name,
                new[] { CSharpSyntaxTree.ParseText(source) },
                TestReferences.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            using var stream = new MemoryStream();
            var result = compilation.Emit(stream);
            if (!result.Success)
            {
                throw new InvalidOperationException("Legacy SQL API stub does not compile: " + string.Join("\n", result.Diagnostics));
            }

            return MetadataReference.CreateFromImage(stream.ToArray());
        }
    }
}
