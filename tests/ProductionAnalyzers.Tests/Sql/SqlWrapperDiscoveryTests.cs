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

        [Fact]
        public async Task WrapperArgumentForms_BuiltTextReports_ValueReadsDoNot()
        {
            // Every form of argument that can carry text built at the call site still reaches the wrapper search (string
            // methods, StringBuilder.ToString(), the project's helpers and get-only properties, locals); values only read
            // (an array element, a library property or method, a trimmed parameter) do not, and are not reported.
            await new Verify.Test
            {
                TestState =
                {
                    Sources =
                    {
                        ("Db.cs", Usings + """
                            public sealed class Db
                            {
                                private readonly IDbConnection _connection;

                                public Db(IDbConnection connection) => _connection = connection;

                                public int Run(string text) => _connection.Execute(text);
                            }

                            public sealed class Purge
                            {
                                public Purge(IDbConnection connection, string statement) => connection.Execute(statement);
                            }
                            """),
                        ("Jobs.cs", Usings + """
                            public sealed class CleanupJob
                            {
                                private readonly Db _db;
                                private readonly string _table;

                                public CleanupJob(Db db, string table)
                                {
                                    _db = db;
                                    _table = table;
                                }

                                private string DeleteAll => "DELETE FROM " + _table;

                                private string Where(string column) => " WHERE " + column + " IS NULL";

                                public void Built(string table, string column, IDbConnection connection)
                                {
                                    _db.Run([|string.Format("DELETE FROM {0}", table)|]);
                                    _db.Run([|string.Concat("DELETE FROM ", table).Trim()|]);
                                    var sb = new StringBuilder("DELETE FROM ").Append(table);
                                    _db.Run([|sb.ToString()|]);
                                    _db.Run([|"DELETE FROM t" + Where(column)|]);
                                    _db.Run([|DeleteAll|]);
                                    var local = $"DELETE FROM {table}";
                                    _db.Run([|local|]);
                                    _ = new Purge(connection, [|"TRUNCATE TABLE " + table.Trim()|]);
                                }

                                public void ReadOnly(string[] parts, string statement, IDataRecord record, IDbConnection connection)
                                {
                                    _db.Run(parts[0]);
                                    _db.Run(statement.Trim());
                                    _db.Run(record.GetString(0));
                                    _db.Run(Environment.NewLine);
                                    _ = new Purge(connection, parts[1].ToUpperInvariant());
                                    _ = new Purge(connection, record.GetString(1));
                                }
                            }
                            """),
                    },
                },
            }.RunAsync();
        }

        [Fact]
        public async Task WrapperThroughCommandOrSourceConstructor_Reports_OtherCreationsDoNot()
        {
            // A parameter handed to new NpgsqlCommand(...) or to the constructor of a source type that runs it makes a
            // wrapper; one handed to an exception, a log entry or a StringBuilder does not.
            await new Verify.Test
            {
                TestState =
                {
                    Sources =
                    {
                        ("Maintenance/Statements.cs", Usings + """
                            public sealed class ScheduledStatement
                            {
                                public ScheduledStatement(NpgsqlConnection connection, string text) => Command = new NpgsqlCommand(text, connection);

                                public NpgsqlCommand Command { get; }
                            }

                            public sealed class AuditEntry
                            {
                                public AuditEntry(string detail) => Detail = detail;

                                public string Detail { get; }
                            }
                            """),
                        ("Maintenance/MaintenanceRunner.cs", Usings + """
                            public sealed class MaintenanceRunner
                            {
                                private readonly NpgsqlConnection _connection;
                                private readonly List<AuditEntry> _audit = new List<AuditEntry>();

                                public MaintenanceRunner(NpgsqlConnection connection) => _connection = connection;

                                public ScheduledStatement Schedule(string statement) => new ScheduledStatement(_connection, statement);

                                public NpgsqlCommand Prepare(string commandText) => new NpgsqlCommand(commandText, _connection);

                                public void Audit(string detail) => _audit.Add(new AuditEntry(detail));

                                public void Reject(string reason) => throw new InvalidOperationException(reason);

                                public string Describe(string text) => new StringBuilder(text).Append(';').ToString();
                            }
                            """),
                        ("Maintenance/VacuumJob.cs", Usings + """
                            public sealed class VacuumJob
                            {
                                private readonly MaintenanceRunner _runner;

                                public VacuumJob(MaintenanceRunner runner) => _runner = runner;

                                public void Run(string table)
                                {
                                    _runner.Schedule([|"VACUUM ANALYZE " + table|]);
                                    _runner.Prepare([|$"REINDEX TABLE {table}"|]);
                                    _runner.Audit("VACUUM ANALYZE " + table);
                                    _runner.Describe("VACUUM ANALYZE " + table);
                                    if (table.Length > 63)
                                    {
                                        _runner.Reject("VACUUM ANALYZE " + table);
                                    }
                                }
                            }
                            """),
                    },
                },
            }.RunAsync();
        }

        [Fact]
        public async Task WrapperParameterFoundByItsUses_AliasesVerbatimNamesAndLocalFunctions_Report()
        {
            // The pre-pass finds where a parameter goes from its uses in the body's text: a name that is only part of a
            // longer word (sqlText, @sql in a comment), an alias assigned later, a verbatim identifier and a local function
            // that runs the text must all be seen; a helper whose parameter only reaches a log line must not.
            await new Verify.Test
            {
                TestState =
                {
                    Sources =
                    {
                        ("Data/ReportQueries.cs", Usings + """
                            public sealed class ReportQueries
                            {
                                private readonly SqlConnection _connection;

                                public ReportQueries(SqlConnection connection) => _connection = connection;

                                // Runs sql as given; sqlText below is another local.
                                public int Run(string sql)
                                {
                                    var sqlText = "SELECT 1";
                                    string statement;
                                    statement = sql;
                                    using var command = _connection.CreateCommand();
                                    command.CommandText = statement;
                                    return command.ExecuteNonQuery() + sqlText.Length;
                                }

                                public int RunVerbatim(string @query)
                                {
                                    using var command = new SqlCommand(@query, _connection);
                                    return command.ExecuteNonQuery();
                                }

                                public int RunLater(string text)
                                {
                                    return Execute(text);

                                    int Execute(string body)
                                    {
                                        using var command = _connection.CreateCommand();
                                        command.CommandText = body;
                                        return command.ExecuteNonQuery();
                                    }
                                }

                                public void Trace(string sqlDescription)
                                {
                                    Console.WriteLine(sqlDescription);
                                }
                            }
                            """),
                        ("Reports/ReportJob.cs", Usings + """
                            public sealed class ReportJob
                            {
                                private readonly ReportQueries _queries;

                                public ReportJob(ReportQueries queries) => _queries = queries;

                                public void Refresh(string region)
                                {
                                    _queries.Run([|"DELETE FROM Totals WHERE Region = '" + region + "'"|]);
                                    _queries.RunVerbatim([|$"DELETE FROM Daily WHERE Region = '{region}'"|]);
                                    _queries.RunLater([|"DELETE FROM Weekly WHERE Region = '" + region + "'"|]);
                                    _queries.Trace("DELETE FROM Totals WHERE Region = '" + region + "'");
                                }
                            }
                            """),
                    },
                },
            }.RunAsync();
        }

        [Fact]
        public async Task ExtensionWrapperCalledOnTheBuiltText_WithoutOtherArguments_Reports()
        {
            // The text is the receiver of a wrapper extension method and the call writes no argument, or only literals and
            // lambdas: the syntax check that skips calls without text arguments must not skip these.
            await new Verify.Test
            {
                TestState =
                {
                    Sources =
                    {
                        ("Data/SqlText.cs", Usings + """
                            public static class SqlText
                            {
                                public static SqlConnection Connection { get; set; } = null!;

                                public static int Run(this string statement)
                                {
                                    using var command = new SqlCommand(statement, Connection);
                                    return command.ExecuteNonQuery();
                                }

                                public static int RunWith(this string statement, int timeout, Func<int, int> retry)
                                {
                                    using var command = new SqlCommand(statement, Connection) { CommandTimeout = retry(timeout) };
                                    return command.ExecuteNonQuery();
                                }
                            }
                            """),
                        ("Jobs/Cleanup.cs", Usings + """
                            public sealed class Cleanup
                            {
                                public int Purge(string table) => [|$"DELETE FROM {table}"|].Run();

                                public int PurgeSlowly(string table) => ([|"DELETE FROM " + table|]).RunWith(30, attempt => attempt * 2);

                                public int PurgeAll() => "DELETE FROM Sessions".RunWith(30, attempt => attempt);

                                public SqlCommand Count() => new SqlCommand("SELECT COUNT(*) FROM Sessions", SqlText.Connection);
                            }
                            """),
                    },
                },
            }.RunAsync();
        }

        [Fact(Timeout = 120000)]
        public async Task WrapperParameterHandedOnInEveryLayout_IsFound()
        {
            // The pre-pass finds a parameter's hand-over from the text of the body; each layout below is one (across lines,
            // next to a comment, in parentheses and casts, in an initializer, through an alias) and must make its method a
            // wrapper. The last method only reads its parameter (interpolation, member access, comparison) and is no wrapper:
            // its call is not reported.
            await new Verify.Test
            {
                TestState =
                {
                    Sources =
                    {
                        ("Data/Layouts.cs", Usings + """
                            public sealed class Layouts
                            {
                                private readonly SqlConnection _connection;

                                public Layouts(SqlConnection connection) => _connection = connection;

                                public int AcrossLines(string statement)
                                {
                                    using var command = new SqlCommand(
                                        statement
                                        , _connection);
                                    return command.ExecuteNonQuery();
                                }

                                public int NextToAComment(string statement)
                                {
                                    using var command = _connection.CreateCommand();
                                    command.CommandText = statement /* the caller's text */;
                                    return command.ExecuteNonQuery();
                                }

                                public int InACast(string statement)
                                {
                                    using var command = new SqlCommand((string)(statement), _connection);
                                    return command.ExecuteNonQuery();
                                }

                                public int InAnInitializer(string statement)
                                {
                                    using var command = new SqlCommand { Connection = _connection, CommandText = statement };
                                    return command.ExecuteNonQuery();
                                }

                                public int ThroughAnAlias(string statement)
                                {
                                    var text =
                                        statement;
                                    using var command = new SqlCommand(text, _connection);
                                    return command.ExecuteNonQuery();
                                }

                                public int OnlyReads(string statement)
                                {
                                    using var command = new SqlCommand($"SELECT COUNT(*) FROM Audit WHERE Length = {statement.Length}", _connection);
                                    return statement == "none" ? 0 : command.ExecuteNonQuery();
                                }
                            }
                            """),
                        ("Jobs/Purge.cs", Usings + """
                            public sealed class Purge
                            {
                                private readonly Layouts _layouts;

                                public Purge(Layouts layouts) => _layouts = layouts;

                                public void Run(string table)
                                {
                                    _layouts.AcrossLines([|"DELETE FROM " + table|]);
                                    _layouts.NextToAComment([|"DELETE FROM " + table|]);
                                    _layouts.InACast([|"DELETE FROM " + table|]);
                                    _layouts.InAnInitializer([|"DELETE FROM " + table|]);
                                    _layouts.ThroughAnAlias([|"DELETE FROM " + table|]);
                                    _layouts.OnlyReads("DELETE FROM " + table);
                                }
                            }
                            """),
                    },
                },
            }.RunAsync();
        }

        [Fact(Timeout = 120000)]
        public async Task WrapperWithAParameterNotNamedYet_FinishesWithoutReporting()
        {
            // Half-typed code: a string parameter without a name gives the pre-pass an empty name to look for.
            await new Verify.Test
            {
                TestState =
                {
                    Sources =
                    {
                        ("Data/Runner.cs", Usings + """
                            public sealed class Runner
                            {
                                private readonly SqlConnection _connection;

                                public Runner(SqlConnection connection) => _connection = connection;

                                public int Run(string {|CS1001:)|}
                                {
                                    using var command = _connection.CreateCommand();
                                    return command.ExecuteNonQuery();
                                }
                            }

                            public sealed class Caller
                            {
                                public int Go(Runner runner, string region) => runner.Run("DELETE FROM T WHERE R = '" + region + "'");
                            }
                            """),
                    },
                },
            }.RunAsync();
        }

        [Fact]
        public async Task WrapperImplementedInABaseClassOrThroughADerivedInterface_Reports()
        {
            // The implementation of IStore.Execute is inherited from StoreBase (SqlStore lists the interface, StoreBase
            // implements it); IAuditedStore : IStore reaches the same method; a virtual method overridden two levels down.
            await new Verify.Test
            {
                TestState =
                {
                    Sources =
                    {
                        ("Stores.cs", Usings + """
                            public interface IStore
                            {
                                int Execute(string statement);
                            }

                            public interface IAuditedStore : IStore
                            {
                            }

                            public abstract class StoreBase
                            {
                                protected StoreBase(IDbConnection connection) => Connection = connection;

                                protected IDbConnection Connection { get; }

                                public int Execute(string statement) => Connection.Execute(statement);

                                public virtual int Purge(string statement) => 0;
                            }

                            public class SqlStore : StoreBase, IAuditedStore
                            {
                                public SqlStore(IDbConnection connection) : base(connection) { }

                                public override int Purge(string statement) => 1;
                            }

                            public sealed class NightlyStore : SqlStore
                            {
                                public NightlyStore(IDbConnection connection) : base(connection) { }

                                public override int Purge(string statement) => Connection.Execute(statement);
                            }
                            """),
                        ("Jobs.cs", Usings + """
                            public sealed class ArchiveJob
                            {
                                private readonly IAuditedStore _store;
                                private readonly StoreBase _base;

                                public ArchiveJob(IAuditedStore store, StoreBase storeBase)
                                {
                                    _store = store;
                                    _base = storeBase;
                                }

                                public int Archive(string table) => _store.Execute([|"DELETE FROM " + table|]);

                                public int Purge(string table) => _base.Purge([|$"TRUNCATE TABLE {table}"|]);
                            }
                            """),
                    },
                },
            }.RunAsync();
        }
    
        [Fact]
        public async Task WrapperChainThroughEveryDeclarationForm_IsFound_ANamesakeThatOnlyLogsIsNot()
        {
            // The pre-pass follows a chain by names: a method of a nested static class (Send), the constructor of a generic
            // class (new Batch<T>), a partial method declared in one file and implemented in another (Move), an interface
            // method implemented explicitly in a third file (IApply.Apply), and only then Dapper. Each hop is found through
            // the declarations by name; the namesake Send of another nested class only logs its text, and its call is not
            // reported.
            await new Verify.Test
            {
                TestState =
                {
                    Sources =
                    {
                        ("Data/Store.cs", Usings + """
                            using System.IO;

                            namespace Shop.Data;

                            public static class Store
                            {
                                public static class Batches
                                {
                                    public static int Send(IDbConnection db, string batch) => new Batch<int>(db, batch).Count;
                                }
                            }

                            public static class Journal
                            {
                                public static class Batches
                                {
                                    public static int Send(TextWriter log, string batch)
                                    {
                                        log.WriteLine(batch);
                                        return 0;
                                    }
                                }
                            }

                            public sealed class Batch<T>
                            {
                                public Batch(IDbConnection db, string text) => Count = new Archive(new DapperApply(db)).Move(text);

                                public int Count { get; }
                            }
                            """),
                        ("Data/Archive.cs", Usings + """
                            namespace Shop.Data;

                            public sealed partial class Archive
                            {
                                public partial int Move(string text);
                            }
                            """),
                        ("Data/Archive.Impl.cs", Usings + """
                            namespace Shop.Data;

                            public sealed partial class Archive
                            {
                                private readonly IApply _apply;

                                public Archive(IApply apply) => _apply = apply;

                                public partial int Move(string text) => _apply.Apply(text);
                            }
                            """),
                        ("Data/DapperApply.cs", Usings + """
                            namespace Shop.Data;

                            public interface IApply
                            {
                                int Apply(string statement);
                            }

                            public sealed class DapperApply : IApply
                            {
                                private readonly IDbConnection _db;

                                public DapperApply(IDbConnection db) => _db = db;

                                int IApply.Apply(string statement) => _db.Execute(statement);
                            }
                            """),
                        ("Jobs/RegionJobs.cs", Usings + """
                            using System.IO;
                            using Shop.Data;

                            namespace Shop.Jobs;

                            public sealed class RegionJobs
                            {
                                private readonly IDbConnection _db;
                                private readonly TextWriter _log;

                                public RegionJobs(IDbConnection db, TextWriter log)
                                {
                                    _db = db;
                                    _log = log;
                                }

                                public int Purge(string region) =>
                                    Store.Batches.Send(_db, [|"DELETE FROM Orders WHERE Region = '" + region + "'"|]);

                                public int Note(string region) =>
                                    Journal.Batches.Send(_log, "DELETE FROM Orders WHERE Region = '" + region + "'");
                            }
                            """),
                    },
                },
            }.RunAsync();
        }

        [Fact]
        public async Task WrapperGivenAProperty_IsReportedOnlyWhenThePropertyHoldsBuiltText()
        {
            // A settable auto-property (a request's Filter) is one untrusted value, never text built here: the wrapper search
            // does not even look at the helper for it. A property whose getter builds the text, and one only its type sets
            // (built in the constructor), are followed and reported where they are handed to the wrapper.
            await new Verify.Test
            {
                TestState =
                {
                    Sources =
                    {
                        ("Requests.cs", Usings + """
                            public sealed class ReportRequest
                            {
                                public string Filter { get; set; } = "";

                                public string Region { get; init; } = "";

                                public string Where => "WHERE Region = '" + Region + "'";
                            }

                            public sealed class ReportQuery
                            {
                                public ReportQuery(string region) => Text = $"SELECT * FROM Reports WHERE Region = '{region}'";

                                public string Text { get; private set; }
                            }
                            """),
                        ("ReportStore.cs", Usings + """
                            public sealed class ReportStore
                            {
                                private readonly IDbConnection _db;

                                public ReportStore(IDbConnection db) => _db = db;

                                public Task<int> RunAsync(string statement) => _db.ExecuteAsync(statement);
                            }
                            """),
                        ("ReportService.cs", Usings + """
                            public sealed class ReportService
                            {
                                private readonly ReportStore _store;

                                public ReportService(ReportStore store) => _store = store;

                                public Task<int> Raw(ReportRequest request) => _store.RunAsync(request.Filter);

                                public Task<int> ByRegion(ReportRequest request) => _store.RunAsync({|#0:request.Where|});

                                public Task<int> Prepared(ReportQuery query) => _store.RunAsync({|#1:query.Text|});
                            }
                            """),
                    },
                    ExpectedDiagnostics =
                    {
                        Verify.Diagnostic().WithLocation(0).WithArguments("request.Where", "a clause", "build the SQL from constant text and pass the values as parameters", " (a member of the parameter 'request' of ReportService.ByRegion)"),
                        Verify.Diagnostic().WithLocation(1).WithSpan("Requests.cs", 24, 90, 24, 96).WithArguments("region", "a value", "pass it as a parameter", " (a parameter of ReportQuery..ctor)"),
                    },
                },
            }.RunAsync();
        }

        [Fact]
        public async Task WrapperGivenALocal_IsReportedOnlyWhenTheLocalIsBuiltOrWrittenAgain()
        {
            // A local declared with a value read from a library (a reader column, a header) and never written again is one
            // untrusted value: no wrapper finding. A local written again — appended to, assigned in a branch — is followed
            // and reported where it is handed to the wrapper, and so is a template filled in with Replace where it is
            // handed over, and so is a local given a new value by a deconstruction.
            await new Verify.Test
            {
                TestState =
                {
                    Sources =
                    {
                        ("AuditStore.cs", Usings + """
                            public sealed class AuditStore
                            {
                                private readonly IDbConnection _db;

                                public AuditStore(IDbConnection db) => _db = db;

                                public Task<int> RunAsync(string statement) => _db.ExecuteAsync(statement);
                            }
                            """),
                        ("AuditJob.cs", Usings + """
                            public sealed class AuditJob
                            {
                                private readonly AuditStore _store;

                                public AuditJob(AuditStore store) => _store = store;

                                public Task<int> Replay(IDataReader reader)
                                {
                                    var statement = reader.GetString(0);
                                    return _store.RunAsync(statement.Trim());
                                }

                                public Task<int> Append(IDataReader reader, string region)
                                {
                                    var statement = reader.GetString(0);
                                    statement += " WHERE Region = '" + region + "'";
                                    return _store.RunAsync({|#0:statement|});
                                }

                                public Task<int> Branch(IDataReader reader, string region, bool scoped)
                                {
                                    var statement = reader.GetString(0);
                                    if (scoped)
                                    {
                                        statement = $"DELETE FROM Audit WHERE Region = '{region}'";
                                    }

                                    return _store.RunAsync({|#1:statement|});
                                }

                                public Task<int> Templated(string table) =>
                                    _store.RunAsync({|#2:"DELETE FROM {table} WHERE Archived = 1".Replace("{table}", table)|});

                                public Task<int> Deconstructed(IDataReader reader, string region)
                                {
                                    var statement = reader.GetString(0);
                                    (statement, var count) = ("DELETE FROM Audit WHERE Region = '" + region + "'", 1);
                                    return _store.RunAsync({|#3:statement|});
                                }
                            }
                            """),
                    },
                    ExpectedDiagnostics =
                    {
                        Verify.Diagnostic().WithLocation(0).WithSpan("AuditJob.cs", 27, 25, 27, 44).WithArguments("reader.GetString(0)", "a clause", "build the SQL from constant text and pass the values as parameters", " (a database read)"),
                        Verify.Diagnostic().WithLocation(1).WithSpan("AuditJob.cs", 34, 25, 34, 44).WithArguments("reader.GetString(0)", "a clause", "build the SQL from constant text and pass the values as parameters", " (a database read)"),
                        Verify.Diagnostic().WithLocation(2).WithArguments("table", "an identifier", "check it against an allow-list of known names, or quote it with QuoteIdentifier", " (a parameter of AuditJob.Templated)"),
                        Verify.Diagnostic().WithLocation(3).WithSpan("AuditJob.cs", 49, 74, 49, 80).WithArguments("region", "a value", "pass it as a parameter", " (a parameter of AuditJob.Deconstructed)"),
                    },
                },
            }.RunAsync();
        }
}
}
