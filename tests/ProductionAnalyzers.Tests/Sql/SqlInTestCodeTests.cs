using System.Threading.Tasks;
using Xunit;
using static ProductionAnalyzers.Tests.Sql.SqlTestCode;
using Verify = ProductionAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ProductionAnalyzers.Sql.SqlInjectionAnalyzer>;

namespace ProductionAnalyzers.Tests.Sql
{
    /// <summary>
    /// PA1001 in test code: a test builds its SQL from values the test itself chose (a scratch database's name from the
    /// environment, a temporary table, a fixture's path), and no attacker can reach it. Test projects, test-support
    /// libraries and files that import a unit-test framework are quiet unless <c>report_in_tests = true</c>.
    /// </summary>
    public class SqlInTestCodeTests
    {
        private const string ScratchDatabase = """
            public static class ScratchDatabase
            {
                public static void Create(NpgsqlConnection connection, string suffix)
                {
                    var name = "orders_test_" + Environment.GetEnvironmentVariable("TEST_DB_SUFFIX");
                    using var command = connection.CreateCommand();
                    command.CommandText = {|PA1001:$"CREATE DATABASE \"{name}\" WITH OWNER = {suffix}"|};
                    command.ExecuteNonQuery();
                }
            }
            """;

        [Fact]
        public async Task TestProject_DoesNotReport()
        {
            await new Verify.Test
            {
                TestState =
                {
                    Sources = { Usings + ScratchDatabase.Replace("{|PA1001:", string.Empty).Replace("|};", ";") },
                    AnalyzerConfigFiles = { ("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n") },
                },
            }.RunAsync();
        }

        [Fact]
        public async Task TestProject_WithReportInTests_Reports()
        {
            await new Verify.Test
            {
                TestState =
                {
                    Sources = { Usings + ScratchDatabase },
                    AnalyzerConfigFiles =
                    {
                        ("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\ndotnet_code_quality.PA1001.report_in_tests = true\n"),
                    },
                },
            }.RunAsync();
        }

        [Fact]
        public async Task ProjectThatIsNotATestProject_Reports()
        {
            await new Verify.Test
            {
                TestState =
                {
                    Sources = { Usings + ScratchDatabase },
                    AnalyzerConfigFiles = { ("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = false\n") },
                },
            }.RunAsync();
        }

        /// <summary>A shared test-support library (no test SDK, but a reference to NUnit) is test code too.</summary>
        [Fact]
        public async Task LibraryThatReferencesATestFramework_DoesNotReport()
        {
            await new Verify.Test
            {
                TestState =
                {
                    Sources = { Usings + ScratchDatabase.Replace("{|PA1001:", string.Empty).Replace("|};", ";") },
                    AdditionalReferences = { SqlLegacyApis.TestFramework },
                },
            }.RunAsync();
        }

        /// <summary>
        /// One compilation over a whole repository (product and tests together): the files that import a test framework are
        /// quiet — a direct sink in a test, and a test's call of a product helper with its own scratch table — while the
        /// product's call that passes request data is reported at its argument.
        /// </summary>
        [Fact]
        public async Task FilesThatImportATestFramework_DoNotReport_ProductCallsDo()
        {
            await new Verify.Test
            {
                TestState =
                {
                    Sources =
                    {
                        ("/0/ReportQueries.cs", Usings + """
                            public static class ReportQueries
                            {
                                public static IEnumerable<Order> ByCustomer(IDbConnection db, string table, string customer) =>
                                    db.Query<Order>($"SELECT * FROM \"{table}\" WHERE Customer = @customer", new { customer });
                            }
                            """ + Model),
                        ("/0/ReportsController.cs", Usings + """
                            public sealed class ReportsController
                            {
                                private readonly IDbConnection _db;

                                public ReportsController(IDbConnection db) => _db = db;

                                public IEnumerable<Order> Get(string table, string customer) => ReportQueries.ByCustomer(_db, [|table|], customer);

                                public IEnumerable<Order> Archive(string customer) => ReportQueries.ByCustomer(_db, "OrdersArchive", customer);
                            }
                            """),
                        ("/0/ReportQueriesTests.cs", Usings + """
                            using NUnit.Framework;

                            [TestFixture]
                            public sealed class ReportQueriesTests
                            {
                                [Test]
                                public void ReadsTheScratchTable()
                                {
                                    using var db = new NpgsqlConnection(Environment.GetEnvironmentVariable("TEST_DB"));
                                    var table = "orders_" + Environment.GetEnvironmentVariable("TEST_RUN_ID");
                                    using var command = db.CreateCommand();
                                    command.CommandText = "CREATE TABLE \"" + table + "\" (\"Id\" int)";
                                    command.ExecuteNonQuery();
                                    ReportQueries.ByCustomer(db, table, "c-1");
                                }
                            }
                            """),
                        ("/0/NUnitStub.cs", """
                            namespace NUnit.Framework
                            {
                                public sealed class TestAttribute : System.Attribute { }
                                public sealed class TestFixtureAttribute : System.Attribute { }
                            }
                            """),
                    },
                },
            }.RunAsync();
        }

        /// <summary>The same repository with the option set for the test folder: the test file's findings come back.</summary>
        [Fact]
        public async Task FilesThatImportATestFramework_WithReportInTests_Report()
        {
            await new Verify.Test
            {
                TestState =
                {
                    Sources =
                    {
                        ("/0/tests/ReportQueriesTests.cs", Usings + """
                            using NUnit.Framework;

                            [TestFixture]
                            public sealed class ReportQueriesTests
                            {
                                [Test]
                                public void CreatesTheScratchTable()
                                {
                                    using var db = new NpgsqlConnection(Environment.GetEnvironmentVariable("TEST_DB"));
                                    var table = "orders_" + Environment.GetEnvironmentVariable("TEST_RUN_ID");
                                    using var command = db.CreateCommand();
                                    command.CommandText = [|"CREATE TABLE \"" + table + "\" (\"Id\" int)"|];
                                    command.ExecuteNonQuery();
                                }
                            }
                            """),
                        ("/0/NUnitStub.cs", """
                            namespace NUnit.Framework
                            {
                                public sealed class TestAttribute : System.Attribute { }
                                public sealed class TestFixtureAttribute : System.Attribute { }
                            }
                            """),
                    },
                    AnalyzerConfigFiles = { ("/.editorconfig", "root = true\n[/0/tests/*.cs]\ndotnet_code_quality.PA1001.report_in_tests = true\n") },
                },
            }.RunAsync();
        }
    }
}
