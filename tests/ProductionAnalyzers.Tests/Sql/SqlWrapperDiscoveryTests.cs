using System.Threading.Tasks;
using Xunit;
using static ProductionAnalyzers.Tests.Sql.SqlTestCode;
using Verify = ProductionAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ProductionAnalyzers.Sql.SqlInjectionAnalyzer>;

namespace ProductionAnalyzers.Tests.Sql
{
    /// <summary>
    /// How PA1001 finds wrappers of sinks across files: interface implementations, chains of helpers, local aliases,
    /// and methods that only look like wrappers.
    /// </summary>
    public class SqlWrapperDiscoveryTests
    {
        [Fact]
        public async Task WrapperBehindInterfaceImplementedInAnotherFile_Reports()
        {
            await new Verify.Test
            {
                TestState =
                {
                    Sources =
                    {
                        ("Contracts.cs", Usings + """
                            public interface IReportStore
                            {
                                Task<int> RunAsync(string statement, object? args = null);

                                Task NoteAsync(string message);
                            }
                            """),
                        ("OrderService.cs", Usings + """
                            public sealed class OrderService
                            {
                                private readonly IReportStore _store;

                                public OrderService(IReportStore store) => _store = store;

                                public Task<int> Purge(string region) =>
                                    _store.RunAsync([|"DELETE FROM Orders WHERE Region = '" + region + "'"|]);

                                public Task Note(string region) =>
                                    _store.NoteAsync("DELETE FROM Orders WHERE Region = '" + region + "'");
                            }
                            """),
                        ("Infrastructure/DapperReportStore.cs", Usings + """
                            public sealed class DapperReportStore : IReportStore
                            {
                                private readonly IDbConnection _db;

                                public DapperReportStore(IDbConnection db) => _db = db;

                                public Task<int> RunAsync(string statement, object? args = null) => Execute(statement, args);

                                public Task NoteAsync(string message)
                                {
                                    Console.WriteLine(message);
                                    return Task.CompletedTask;
                                }

                                private Task<int> Execute(string text, object? args)
                                {
                                    var sql = text;
                                    return _db.ExecuteAsync(sql, args);
                                }
                            }
                            """),
                    },
                },
            }.RunAsync();
        }

        [Fact]
        public async Task WrapperChainThroughCommandTextInAnotherFile_Reports()
        {
            await new Verify.Test
            {
                TestState =
                {
                    Sources =
                    {
                        ("Db.cs", Usings + """
                            public static class Db
                            {
                                public static int Run(SqlConnection connection, string commandText) => Inner(connection, (commandText));

                                private static int Inner(SqlConnection connection, string text)
                                {
                                    using var command = connection.CreateCommand();
                                    command.CommandText = text;
                                    return command.ExecuteNonQuery();
                                }
                            }
                            """),
                        ("Jobs.cs", Usings + """
                            public sealed class CleanupJob
                            {
                                public int Clean(SqlConnection connection, string table) =>
                                    Db.Run(connection, [|"DELETE FROM " + table|]);
                            }
                            """),
                    },
                },
            }.RunAsync();
        }

        [Fact]
        public async Task HelperThatOnlyLogsOrValidatesItsText_DoesNotReport()
        {
            await new Verify.Test
            {
                TestState =
                {
                    Sources =
                    {
                        ("Audit.cs", Usings + """
                            public interface IAudit
                            {
                                void Record(string text);
                            }

                            public sealed class ConsoleAudit : IAudit
                            {
                                public void Record(string text) => Write(text.Trim());

                                private static void Write(string line) => Console.WriteLine(line);
                            }
                            """),
                        ("Service.cs", Usings + """
                            public sealed class ExportService
                            {
                                private readonly IAudit _audit;

                                public ExportService(IAudit audit) => _audit = audit;

                                public void Export(string table) => _audit.Record("SELECT * FROM " + table);
                            }
                            """),
                    },
                },
            }.RunAsync();
        }
    }
}
