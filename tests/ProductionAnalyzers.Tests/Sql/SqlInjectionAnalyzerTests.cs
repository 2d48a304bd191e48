using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ProductionAnalyzers.Sql;
using ProductionAnalyzers.Tests.Verifiers;
using Xunit;
using static ProductionAnalyzers.Tests.Sql.SqlTestCode;
using Verify = ProductionAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ProductionAnalyzers.Sql.SqlInjectionAnalyzer>;

namespace ProductionAnalyzers.Tests.Sql
{
    public class SqlInjectionAnalyzerTests
    {
        // ------------------------------------------------------------------ ADO.NET sinks

        [Fact]
        public async Task SqlCommandConstructor_Concatenation_Reports()
        {
            await Verify.VerifyAnalyzerAsync(Repo("""
                public void Find(SqlConnection connection, string name)
                {
                    using var command = new SqlCommand({|#0:"SELECT * FROM Orders WHERE Name = '" + name + "'"|}, connection);
                    command.ExecuteReader();
                }
                """),
                Verify.Diagnostic().WithLocation(0).WithArguments("name", "a value", "pass it as a parameter", " (a parameter of Repo.Find)"));
        }

        [Fact]
        public async Task CommandTextAssignment_Interpolation_Reports()
        {
            await Verify.VerifyAnalyzerAsync(Repo("""
                public void Find(SqlConnection connection, string name)
                {
                    using var command = connection.CreateCommand();
                    command.CommandText = [|$"SELECT * FROM Orders WHERE Name = '{name}'"|];
                    command.ExecuteReader();
                }
                """));
        }

        [Fact]
        public async Task InterfaceAndBaseTypeCommands_Report()
        {
            await Verify.VerifyAnalyzerAsync(Repo("""
                public void ViaInterface(IDbConnection connection, string name)
                {
                    using IDbCommand command = connection.CreateCommand();
                    command.CommandText = [|"DELETE FROM Orders WHERE Name = '" + name + "'"|];
                }

                public void ViaBase(DbConnection connection, string name)
                {
                    using DbCommand command = connection.CreateCommand();
                    command.CommandText = [|"DELETE FROM Orders WHERE Name = '" + name + "'"|];
                }

                public void CompoundAssignment(DbCommand command, string name)
                {
                    command.CommandText = "SELECT * FROM Orders";
                    command.CommandText += [|" WHERE Name = '" + name + "'"|];
                }
                """));
        }

        [Fact]
        public async Task ObjectInitializer_CommandText_Reports()
        {
            await Verify.VerifyAnalyzerAsync(Repo("""
                public int Delete(SqlConnection connection, string email)
                {
                    using var command = new SqlCommand
                    {
                        Connection = connection,
                        CommandText = [|"DELETE FROM Users WHERE Email = '" + email + "'"|],
                    };
                    return command.ExecuteNonQuery();
                }
                """));
        }

        [Fact]
        public async Task CommandTextAssignment_FoundByItsNameInTheFileText_EverySpelling_Reports()
        {
            // The assignment sink is found by the property's name in the file's text: every way of writing the assignment
            // is found, and the name in a comment, a string or another type's property is not a sink.
            await Verify.VerifyAnalyzerAsync(Repo("""
                // command.CommandText = "DELETE FROM Orders WHERE Name = '" + name + "'";
                private const string Hint = "command.CommandText = text";

                public void SplitOverLines(DbCommand command, string name)
                {
                    command
                        .CommandText = [|"DELETE FROM Orders WHERE Name = '" + name + "'"|];
                }

                public Action<DbCommand> InALambda(string name) =>
                    command => command.CommandText = [|"DELETE FROM Orders WHERE Name = '" + name + "'"|];

                public void InALocalFunction(DbConnection connection, string name)
                {
                    using var command = connection.CreateCommand();
                    Prepare();
                    command.ExecuteNonQuery();

                    void Prepare() => command.CommandText = [|$"DELETE FROM Orders WHERE Name = '{name}'"|];
                }

                public void NotACommand(Report report, string name)
                {
                    report.CommandText = "DELETE FROM Orders WHERE Name = '" + name + "'";
                    report.Title = Hint + name;
                }

                public class Report
                {
                    public string CommandText { get; set; } = "";

                    public string Title { get; set; } = "";
                }
                """));
        }

        [Fact]
        public async Task NpgsqlCommandsDataSourceAndBatches_Report()
        {
            await Verify.VerifyAnalyzerAsync(Repo("""
                public void Run(NpgsqlConnection connection, NpgsqlDataSource dataSource, string city)
                {
                    using var command = new NpgsqlCommand([|"SELECT * FROM t WHERE city = '" + city + "'"|], connection);
                    using var fromSource = dataSource.CreateCommand([|$"SELECT * FROM t WHERE city = '{city}'"|]);
                    var batchCommand = new NpgsqlBatchCommand([|$"DELETE FROM t WHERE city = '{city}'"|]);
                    var other = new NpgsqlBatchCommand();
                    other.CommandText = [|"UPDATE t SET seen = true WHERE city = '" + city + "'"|];
                }
                """));
        }

        [Fact]
        public async Task DataAdapterSelectText_Reports()
        {
            await Verify.VerifyAnalyzerAsync(Repo("""
                public DataTable Load(SqlConnection connection, string country)
                {
                    var adapter = new SqlDataAdapter([|"SELECT * FROM Customers WHERE Country = '" + country + "'"|], connection);
                    var table = new DataTable();
                    adapter.Fill(table);
                    return table;
                }
                """));
        }

        // ------------------------------------------------------------------ Dapper

        [Fact]
        public async Task DapperMethods_AllFamilies_Report()
        {
            await Verify.VerifyAnalyzerAsync(Repo("""
                public async Task Run(IDbConnection db, string name)
                {
                    db.Query<Order>([|"SELECT * FROM Orders WHERE Name = '" + name + "'"|]);
                    db.Query([|$"SELECT * FROM Orders WHERE Name = '{name}'"|]);
                    db.QueryFirstOrDefault<Order>([|$"SELECT * FROM Orders WHERE Name = '{name}'"|]);
                    await db.QueryAsync<Order>([|$"SELECT * FROM Orders WHERE Name = '{name}'"|], new { x = 1 });
                    await db.QuerySingleAsync<Order>(sql: [|$"SELECT * FROM Orders WHERE Name = '{name}'"|]);
                    using var grid = db.QueryMultiple([|$"SELECT * FROM Orders WHERE Name = '{name}'"|]);
                    db.Execute([|$"DELETE FROM Orders WHERE Name = '{name}'"|]);
                    await db.ExecuteAsync([|$"DELETE FROM Orders WHERE Name = '{name}'"|]);
                    db.ExecuteScalar<int>([|$"SELECT COUNT(*) FROM Orders WHERE Name = '{name}'"|]);
                    using var reader = db.ExecuteReader([|$"SELECT * FROM Orders WHERE Name = '{name}'"|]);
                }
                """));
        }

        [Fact]
        public async Task DapperCommandDefinition_Reports()
        {
            await Verify.VerifyAnalyzerAsync(Repo("""
                public Task<int> Tag(IDbConnection db, int id, string tag)
                {
                    var command = new CommandDefinition([|"UPDATE Orders SET Tag = '" + tag + "' WHERE Id = " + id|]);
                    return db.ExecuteAsync(command);
                }
                """));
        }

        // ------------------------------------------------------------------ EF Core

        [Fact]
        public async Task EfCoreRawApis_Report()
        {
            await Verify.VerifyAnalyzerAsync(Repo("""
                public async Task Run(Shop shop, string name, CancellationToken cancellationToken)
                {
                    shop.Orders.FromSqlRaw([|$"SELECT * FROM Orders WHERE Name = '{name}'"|]).ToList();
                    shop.Database.ExecuteSqlRaw([|"DELETE FROM Orders WHERE Name = '" + name + "'"|]);
                    await shop.Database.ExecuteSqlRawAsync([|"DELETE FROM Orders WHERE Name = '" + name + "'"|], cancellationToken);
                    shop.Database.SqlQueryRaw<int>([|$"SELECT Id AS Value FROM Orders WHERE Name = '{name}'"|]).ToList();
                }
                """));
        }

        [Fact]
        public async Task EfCoreMigrationSql_Reports()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                public sealed class AddArchive : Microsoft.EntityFrameworkCore.Migrations.Migration
                {
                    private const string Table = "sales.Orders";

                    protected override void Up(Microsoft.EntityFrameworkCore.Migrations.MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.Sql($"CREATE INDEX IX_Orders_Name ON {Table} (Name)");
                        var schema = Environment.GetEnvironmentVariable("ARCHIVE_SCHEMA");
                        migrationBuilder.Sql([|$"CREATE SCHEMA {schema}"|]);
                    }
                }
                """ + Model);
        }

        [Fact]
        public async Task EfCoreFormattableStringApis_DoNotReport()
        {
            await Verify.VerifyAnalyzerAsync(Repo("""
                public async Task Run(Shop shop, string name, CancellationToken cancellationToken)
                {
                    shop.Orders.FromSql($"SELECT * FROM Orders WHERE Name = {name}").ToList();
                    shop.Orders.FromSqlInterpolated($"SELECT * FROM Orders WHERE Name = {name}").ToList();
                    shop.Database.ExecuteSql($"DELETE FROM Orders WHERE Name = {name}");
                    await shop.Database.ExecuteSqlAsync($"DELETE FROM Orders WHERE Name = {name}", cancellationToken);
                    shop.Database.ExecuteSqlInterpolated($"DELETE FROM Orders WHERE Name = {name}");
                    await shop.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM Orders WHERE Name = {name}", cancellationToken);
                    shop.Database.SqlQuery<int>($"SELECT Id AS Value FROM Orders WHERE Name = {name}").ToList();
                    shop.Orders.FromSqlRaw("SELECT * FROM Orders WHERE Name = {0}", name).ToList();
                }
                """));
        }

        // ------------------------------------------------------------------ configured sinks and wrappers

        [Fact]
        public async Task AdditionalSinks_FromEditorConfig_Report()
        {
            await new Verify.Test
            {
                TestState =
                {
                    Sources =
                    {
                        """
                        namespace MyCompany.Data
                        {
                            public static class Db
                            {
                                public static void Run(string statement) { }
                                public static void Run(int timeout, string sql) { }
                            }
                        }

                        public class Caller
                        {
                            public void Go(string name)
                            {
                                MyCompany.Data.Db.Run([|"DELETE FROM t WHERE n = '" + name + "'"|]);
                                MyCompany.Data.Db.Run(30, [|"DELETE FROM t WHERE n = '" + name + "'"|]);
                                MyCompany.Data.Db.Run("DELETE FROM t WHERE n = 'x'");
                            }
                        }
                        """,
                    },
                    AnalyzerConfigFiles =
                    {
                        ("/.editorconfig", "root = true\n[*.cs]\ndotnet_code_quality.PA1001.additional_sinks = M:MyCompany.Data.Db.Run(System.String)|M:MyCompany.Data.Db.Run(System.Int32,System.String)\n"),
                    },
                },
            }.RunAsync();
        }

        [Fact]
        public async Task AdditionalSinks_NotConfigured_DoNotReport()
        {
            await Verify.VerifyAnalyzerAsync("""
                namespace MyCompany.Data
                {
                    public static class Db
                    {
                        public static void Run(string statement) { }
                    }
                }

                public class Caller
                {
                    public void Go(string name) => MyCompany.Data.Db.Run("DELETE FROM t WHERE n = '" + name + "'");
                }
                """);
        }

        [Fact]
        public async Task SinkWrapper_ReportsAtTheCallSite_NotInsideTheWrapper()
        {
            await Verify.VerifyAnalyzerAsync(Repo("""
                private readonly SqlConnection _connection = new SqlConnection();

                public void Delete(string name) => Run([|"DELETE FROM Orders WHERE Name = '" + name + "'"|]);

                public void DeleteAll() => Run("DELETE FROM Orders");

                private int Run(string sql)
                {
                    using var command = new SqlCommand(sql, _connection);
                    return command.ExecuteNonQuery();
                }
                """));
        }

        [Fact]
        public async Task SinkWrapper_InAnotherFileThroughLocalAndSecondWrapper_Reports()
        {
            await new Verify.Test
            {
                TestState =
                {
                    Sources =
                    {
                        ("/0/SqlExecutor.cs", Usings + """
                            public sealed class SqlExecutor
                            {
                                private readonly IDbConnection _db;

                                public SqlExecutor(IDbConnection db) => _db = db;

                                public Task<IEnumerable<T>> QueryAsync<T>(string sql, object? args = null)
                                {
                                    var text = sql;
                                    return _db.QueryAsync<T>(text, args);
                                }

                                public Task<IEnumerable<T>> QueryWithTimeoutAsync<T>(string query, object? args = null) => QueryAsync<T>(query, args);

                                public T? Single<T>(string sql) => _db.QuerySingleOrDefault<T>(new CommandDefinition(sql));
                            }

                            public sealed class SqlStatement
                            {
                                public SqlStatement(SqlConnection connection, string text) => Command = new SqlCommand(text, connection);

                                public SqlCommand Command { get; }
                            }
                            """),
                        ("/0/OrderService.cs", Usings + """
                            public sealed class OrderService
                            {
                                private readonly SqlExecutor _sql;

                                public OrderService(SqlExecutor sql) => _sql = sql;

                                public Task<IEnumerable<int>> Ids(string name) => _sql.QueryAsync<int>([|$"SELECT Id FROM Orders WHERE Name = '{name}'"|]);

                                public Task<IEnumerable<int>> Safe(string name) => _sql.QueryAsync<int>("SELECT Id FROM Orders WHERE Name = @name", new { name });

                                public Task<IEnumerable<int>> Nested(string name) => _sql.QueryWithTimeoutAsync<int>([|"SELECT Id FROM Orders WHERE Name = '" + name + "'"|]);

                                public int One(string name) => _sql.Single<int>([|"SELECT Id FROM Orders WHERE Name = '" + name + "'"|]);

                                public SqlStatement Statement(SqlConnection connection, string name) => new SqlStatement(connection, [|"DELETE FROM Orders WHERE Name = '" + name + "'"|]);
                            }
                            """),
                    },
                },
            }.RunAsync();
        }

        [Fact]
        public async Task SinkWrapper_BehindInterfaceOrAbstractMethod_Reports()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                public interface ISqlExecutor
                {
                    Task<IEnumerable<T>> QueryAsync<T>(string sql, object? args = null);

                    void Log(string message);
                }

                public sealed class DapperExecutor : ISqlExecutor
                {
                    private readonly IDbConnection _db;

                    public DapperExecutor(IDbConnection db) => _db = db;

                    public Task<IEnumerable<T>> QueryAsync<T>(string sql, object? args = null) => _db.QueryAsync<T>(sql, args);

                    public void Log(string message) => Console.WriteLine(message);
                }

                public abstract class CommandRunner
                {
                    public abstract int Run(string statement);
                }

                public sealed class SqlRunner : CommandRunner
                {
                    private readonly SqlConnection _connection = new SqlConnection();

                    public override int Run(string statement)
                    {
                        using var command = _connection.CreateCommand();
                        command.CommandText = statement;
                        return command.ExecuteNonQuery();
                    }
                }

                public sealed class OrderService
                {
                    private readonly ISqlExecutor _sql;
                    private readonly CommandRunner _runner;

                    public OrderService(ISqlExecutor sql, CommandRunner runner)
                    {
                        _sql = sql;
                        _runner = runner;
                    }

                    public Task<IEnumerable<int>> Ids(string name) => _sql.QueryAsync<int>([|$"SELECT Id FROM Orders WHERE Name = '{name}'"|]);

                    public void Note(string name) => _sql.Log($"SELECT Id FROM Orders WHERE Name = '{name}'");

                    public int Delete(string name) => _runner.Run([|"DELETE FROM Orders WHERE Name = '" + name + "'"|]);
                }
                """ + Model);
        }

        [Fact]
        public async Task SinkWrapper_ExplicitOrGenericInterfaceImplementation_Reports()
        {
            await new Verify.Test
            {
                TestState =
                {
                    Sources =
                    {
                        ("/0/Contracts.cs", Usings + """
                            public interface IReportQueries
                            {
                                int Count(string sql);

                                string Describe(string text);
                            }

                            public interface IStore<TKey>
                            {
                                Task<TKey> ScalarAsync(string statement);
                            }
                            """),
                        ("/0/Implementations.cs", Usings + """
                            public sealed class ReportQueries : IReportQueries
                            {
                                private readonly IDbConnection _db;

                                public ReportQueries(IDbConnection db) => _db = db;

                                int IReportQueries.Count(string sql) => _db.ExecuteScalar<int>(sql);

                                string IReportQueries.Describe(string text) => text.Trim();
                            }

                            public sealed class GuidStore : IStore<Guid>
                            {
                                private readonly IDbConnection _db;

                                public GuidStore(IDbConnection db) => _db = db;

                                public Task<Guid> ScalarAsync(string statement) => _db.ExecuteScalarAsync<Guid>(statement);
                            }
                            """),
                        ("/0/ReportService.cs", Usings + """
                            public sealed class ReportService
                            {
                                private readonly IReportQueries _queries;
                                private readonly IStore<Guid> _store;

                                public ReportService(IReportQueries queries, IStore<Guid> store)
                                {
                                    _queries = queries;
                                    _store = store;
                                }

                                public int Orders(string region) => _queries.Count([|"SELECT COUNT(*) FROM Orders WHERE Region = '" + region + "'"|]);

                                public string Title(string region) => _queries.Describe("SELECT COUNT(*) FROM Orders WHERE Region = '" + region + "'");

                                public Task<Guid> Latest(string region) => _store.ScalarAsync([|$"SELECT TOP 1 Id FROM Orders WHERE Region = '{region}'"|]);
                            }
                            """),
                    },
                },
            }.RunAsync();
        }

        [Fact]
        public async Task LegacyAndMicroOrmApis_Report()
        {
            await new Verify.Test
            {
                TestState =
                {
                    Sources =
                    {
                        Repo("""
                            public void Run(System.Data.Entity.Database ef6, NHibernate.ISession session, IDbConnection db, string name)
                            {
                                ef6.SqlQuery<int>([|"SELECT Id FROM Orders WHERE Name = '" + name + "'"|]);
                                ef6.ExecuteSqlCommand([|$"DELETE FROM Orders WHERE Name = '{name}'"|]);
                                ef6.ExecuteSqlCommand("DELETE FROM Orders WHERE Name = @p0", name);
                                session.CreateSQLQuery([|"SELECT * FROM Orders WHERE Name = '" + name + "'"|]);
                                RepoDb.DbConnectionExtension.ExecuteQuery<Order>(db, [|$"SELECT * FROM Orders WHERE Name = '{name}'"|]);
                                Microsoft.ApplicationBlocks.Data.SqlHelper.ExecuteNonQuery("Server=.", CommandType.Text, [|"DELETE FROM Orders WHERE Name = '" + name + "'"|]);
                            }
                            """),
                    },
                    AdditionalReferences = { SqlLegacyApis.Reference },
                },
            }.RunAsync();
        }

        [Fact]
        public async Task DataHelperOfALibraryThatNamesNoAdoNetType_Reports()
        {
            // The helper's assembly references the core library only: the sink test that rejects such assemblies before their
            // methods' parameters are read must keep a static *Helper of a data namespace.
            var probe = CSharpCompilation.Create("Probe", references: TestReferences.All.Add(SqlLegacyApis.HelperWithoutAdoNet));
            var helperAssembly = (IAssemblySymbol)probe.GetAssemblyOrModuleSymbol(SqlLegacyApis.HelperWithoutAdoNet)!;
            Assert.DoesNotContain(helperAssembly.Modules.SelectMany(m => m.ReferencedAssemblies), r => r.Name.StartsWith("System.Data", StringComparison.Ordinal));

            await new Verify.Test
            {
                TestState =
                {
                    Sources =
                    {
                        Repo("""
                            public int Purge(string name) => Acme.Data.QueryHelper.Execute([|"DELETE FROM Orders WHERE Name = '" + name + "'"|]);

                            public string Show(string name) => Acme.Text.SqlFormatter.Format("SELECT * FROM Orders WHERE Name = '" + name + "'");
                            """),
                    },
                    AdditionalReferences = { SqlLegacyApis.HelperWithoutAdoNet },
                },
            }.RunAsync();
        }

        [Fact]
        public async Task NewLinesConversionsAndModelNames_DoNotReport()
        {
            await Verify.VerifyAnalyzerAsync(Repo("""
                public void Run(IDbConnection db, Shop shop, int id)
                {
                    db.Query("SELECT *" + Environment.NewLine + "FROM Orders WHERE Id = " + Convert.ToString(id));
                    var entity = shop.Model.FindEntityType(typeof(Order))!;
                    shop.Database.ExecuteSqlRaw($"TRUNCATE TABLE {entity.GetSchema()}.{entity.GetTableName()}");
                }
                """));
        }

        [Fact]
        public async Task SinkWrappers_CallingEachOther_ReportTheSameWhateverTheOrder()
        {
            await Verify.VerifyAnalyzerAsync(Repo("""
                private readonly SqlConnection _connection = new SqlConnection();

                public void First(string name) => Retry([|"DELETE FROM Orders WHERE Name = '" + name + "'"|], 1);

                public void Second(string name) => Execute([|"DELETE FROM Orders WHERE Name = '" + name + "'"|], 1);

                private void Retry(string sql, int attempt) => Execute(sql, attempt + 1);

                private void Execute(string sql, int attempt)
                {
                    if (attempt > 3)
                    {
                        return;
                    }

                    try
                    {
                        using var command = new SqlCommand(sql, _connection);
                        command.ExecuteNonQuery();
                    }
                    catch (SqlException)
                    {
                        Retry(sql, attempt);
                    }
                }
                """));
        }

        [Fact]
        public async Task ParameterPassedThroughToSink_DoesNotReport()
        {
            await Verify.VerifyAnalyzerAsync(Repo("""
                private string _lastSql = "";

                public int Run(DbCommand command, string sql)
                {
                    command.CommandText = sql;
                    return command.ExecuteNonQuery();
                }

                public int RunLast(DbCommand command)
                {
                    command.CommandText = _lastSql;
                    return command.ExecuteNonQuery();
                }

                public int FromFile(DbCommand command, string path)
                {
                    var script = System.IO.File.ReadAllText(path);
                    command.CommandText = script;
                    return command.ExecuteNonQuery();
                }
                """));
        }

        // ------------------------------------------------------------------ building forms

        [Fact]
        public async Task FormatConcatAndJoin_Report()
        {
            await Verify.VerifyAnalyzerAsync(Repo("""
                public void Run(IDbConnection db, string name, string[] columns)
                {
                    db.Execute([|string.Format("DELETE FROM Orders WHERE Name = '{0}'", name)|]);
                    db.Execute([|string.Concat("DELETE FROM Orders WHERE Name = '", name, "'")|]);
                    db.Query([|"SELECT " + string.Join(", ", columns) + " FROM Orders"|]);
                }
                """));
        }

        [Fact]
        public async Task StringBuilderAppends_Report()
        {
            await Verify.VerifyAnalyzerAsync(Repo("""
                public void Search(IDbConnection db, string name, string city, string sort, string prefix)
                {
                    var sql = new StringBuilder("SELECT * FROM Customers WHERE 1 = 1");
                    if (name != null)
                    {
                        sql.Append(" AND Name = @name");
                    }

                    if (city != null)
                    {
                        sql.Append(" AND City LIKE '%").Append(city).Append("%'");
                    }

                    db.Query([|sql.ToString()|], new { name });

                    var ordered = new StringBuilder();
                    ordered.AppendLine("SELECT * FROM Customers");
                    ordered.AppendFormat(" ORDER BY {0}", sort);
                    db.Query([|ordered.ToString()|]);

                    var inserted = new StringBuilder(" FROM Customers");
                    inserted.Insert(0, "SELECT " + prefix + "Name");
                    db.Query([|inserted.ToString()|]);
                }
                """));
        }

        [Fact]
        public async Task StringBuilderHandedToHelpers_Reports()
        {
            await Verify.VerifyAnalyzerAsync(Repo("""
                public IEnumerable<Order> Search(IDbConnection db, string? name, string? city)
                {
                    var sql = new StringBuilder("SELECT * FROM Customers WHERE 1 = 1");
                    AddFilters(sql, name, city);
                    return db.Query<Order>({|#0:sql.ToString()|}, new { name });
                }

                public IEnumerable<Order> SearchSafe(IDbConnection db, string? name, int? age)
                {
                    var sql = new StringBuilder("SELECT * FROM Customers WHERE 1 = 1");
                    AddSafeFilters(sql, name, age);
                    return db.Query<Order>(sql.ToString(), new { name });
                }

                private static void AddFilters(StringBuilder sql, string? name, string? city)
                {
                    if (name != null)
                    {
                        sql.Append(" AND Name = @name");
                    }

                    if (city != null)
                    {
                        AddEquals(sql, "City", city);
                    }
                }

                private static void AddEquals(StringBuilder sql, string column, string value) => sql.Append($" AND {column} = '{value}'");

                private static void AddSafeFilters(StringBuilder sql, string? name, int? age)
                {
                    if (name != null)
                    {
                        sql.Append(" AND Name = @name");
                    }

                    if (age != null)
                    {
                        sql.Append(" AND Age > ").Append(age);
                    }
                }
                """),
                Verify.Diagnostic().WithLocation(0).WithSpan(18, 31, 18, 35).WithArguments("city", "a value", "pass it as a parameter", " (a parameter of Repo.Search)"));
        }

        [Fact]
        public async Task LocalsBuiltInSeveralStepsAndBranches_Report()
        {
            await Verify.VerifyAnalyzerAsync(Repo("""
                public void Steps(IDbConnection db, string name, bool active)
                {
                    var sql = "SELECT * FROM Customers";
                    sql = sql + " WHERE 1 = 1";
                    if (active)
                    {
                        sql += " AND Active = 1";
                    }

                    sql += " AND Name = '" + name + "'";
                    db.Query([|sql|]);
                }

                public void Branches(IDbConnection db, string name, int id, bool byName)
                {
                    string sql;
                    if (byName)
                    {
                        sql = "SELECT * FROM Customers WHERE Name = '" + name + "'";
                    }
                    else
                    {
                        sql = "SELECT * FROM Customers WHERE Id = " + id;
                    }

                    db.Query([|sql|]);
                }

                public void Ternary(IDbConnection db, string name, bool all)
                {
                    var sql = all ? "SELECT * FROM Customers" : "SELECT * FROM Customers WHERE Name = '" + name + "'";
                    db.Query([|sql|]);
                }

                public void Switch(IDbConnection db, string kind, string value)
                {
                    var sql = kind switch
                    {
                        "name" => $"SELECT * FROM Customers WHERE Name = '{value}'",
                        _ => "SELECT * FROM Customers",
                    };
                    db.Query([|sql|]);
                }

                public void Template(IDbConnection db, string name)
                {
                    var sql = "SELECT * FROM Customers WHERE Name = '{name}'".Replace("{name}", name);
                    db.Query([|sql|]);
                }
                """));
        }

        [Fact]
        public async Task PartBuiltEarlier_IsAnAdditionalLocation()
        {
            await Verify.VerifyAnalyzerAsync(Repo("""
                public void Run(IDbConnection db, string name)
                {
                    var sql = "SELECT * FROM Orders WHERE Name = '" + {|#1:name|} + "'";
                    db.Query({|#0:sql|});
                }
                """),
                Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("name", "a value", "pass it as a parameter", " (a parameter of Repo.Run)"));
        }

        [Fact]
        public async Task PrivateHelperReturningBuiltText_Reports()
        {
            await Verify.VerifyAnalyzerAsync(Repo("""
                public void ByRole(IDbConnection db, string role)
                {
                    var sql = BuildRoleQuery(role);
                    db.Query([|sql|]);
                }

                public void Admins(IDbConnection db) => db.Query(BuildRoleQuery("admin"));

                public void Local(IDbConnection db, string name)
                {
                    db.Query([|Where(name)|]);

                    string Where(string value) => "SELECT * FROM Users WHERE Name = '" + value + "'";
                }

                private static string BuildRoleQuery(string role)
                {
                    return "SELECT * FROM Users WHERE Role = '" + role + "'";
                }
                """));
        }

        [Fact]
        public async Task TextHelperOfAnotherType_ReportsWithTheCallersArgument()
        {
            await Verify.VerifyAnalyzerAsync(Repo("""
                public int Upsert(IDbConnection db, string table, Order order) => db.Execute({|#0:Queries.Upsert(table)|}, order);

                public int UpsertOrders(IDbConnection db, Order order) => db.Execute(Queries.Upsert("sales.Orders"), order);

                public IEnumerable<Order> ByIds(IDbConnection db, int[] ids) => db.Query<Order>(Queries.ByIds(ids.Length));
                """) + """
                internal static class Queries
                {
                    internal static string Upsert(string table) => $"MERGE {table} AS t USING (SELECT @Id AS Id) s ON t.Id = s.Id";

                    internal static string ByIds(int count) =>
                        "SELECT * FROM Orders WHERE Id IN (" + string.Join(",", Enumerable.Range(0, count).Select(i => "@p" + i)) + ")";
                }
                """,
                Verify.Diagnostic().WithLocation(0).WithArguments("table", "an identifier", "check it against an allow-list of known names, or quote it with QuoteIdentifier", " (a parameter of Repo.Upsert)"));
        }

        [Fact]
        public async Task ConditionsCollectedInAList_NameTheCulprit()
        {
            await Verify.VerifyAnalyzerAsync(Repo("""
                public IEnumerable<Order> Search(IDbConnection db, string? name, string? category)
                {
                    var where = new List<string>();
                    if (name != null)
                    {
                        where.Add("Name LIKE @name");
                    }

                    if (category != null)
                    {
                        where.Add($"Category = '{category}'");
                    }

                    var sql = "SELECT * FROM Orders";
                    if (where.Count > 0)
                    {
                        sql += " WHERE " + string.Join(" AND ", where);
                    }

                    return db.Query<Order>({|#0:sql|}, new { name });
                }

                public IEnumerable<Order> SearchSafe(IDbConnection db, string? name)
                {
                    var where = new List<string>();
                    if (name != null)
                    {
                        where.Add("Name LIKE @name");
                    }

                    return db.Query<Order>("SELECT * FROM Orders WHERE " + string.Join(" AND ", where), new { name });
                }

                public void Report(IDbConnection db, string from, string to)
                {
                    var sql = new StringBuilder();
                    sql.AppendLine("SELECT Day, SUM(Total) FROM Sales");
                    sql.AppendLine($"WHERE Day BETWEEN '{from}' AND '{to}'");
                    db.Query({|#1:sql.ToString()|});
                }
                """),
                Verify.Diagnostic().WithLocation(0).WithSpan(25, 38, 25, 46).WithArguments("category", "a value", "pass it as a parameter", " (a parameter of Repo.Search)"),
                Verify.Diagnostic().WithLocation(1).WithSpan(52, 46, 52, 50).WithArguments("from", "a value", "pass it as a parameter", " (a parameter of Repo.Report)"));
        }

        [Fact]
        public async Task ConditionListHandedToHelpers_FollowsTheHelpersAdds()
        {
            await Verify.VerifyAnalyzerAsync(Repo("""
                public IEnumerable<Order> Safe(IDbConnection db, string? name, string? city)
                {
                    var where = new List<string> { "1 = 1" };
                    AddParameterizedConditions(where, name, city);
                    return db.Query<Order>("SELECT * FROM Orders WHERE " + string.Join(" AND ", where), new { name, city });
                }

                public IEnumerable<Order> Unsafe(IDbConnection db, string? city)
                {
                    var where = new List<string> { "1 = 1" };
                    AddCityCondition(where, city);
                    return db.Query<Order>({|#0:"SELECT * FROM Orders WHERE " + string.Join(" AND ", where)|});
                }

                private static void AddParameterizedConditions(List<string> where, string? name, string? city)
                {
                    if (name != null)
                    {
                        where.Add("Name = @name");
                    }

                    if (city != null)
                    {
                        where.Add("City = @city");
                    }
                }

                private static void AddCityCondition(ICollection<string> where, string? city)
                {
                    if (city != null)
                    {
                        where.Add($"City = '{city}'");
                    }
                }
                """),
                Verify.Diagnostic().WithLocation(0).WithSpan(25, 33, 25, 37).WithArguments("city", "a value", "pass it as a parameter", " (a parameter of Repo.Unsafe)"));
        }

        [Fact]
        public async Task ColumnsFilteredByAllowList_DoNotReport()
        {
            await Verify.VerifyAnalyzerAsync(Repo("""
                private static readonly HashSet<string> Updatable = new() { "Name", "Total" };

                public void Update(IDbConnection db, Dictionary<string, object> values)
                {
                    var keys = values.Keys.Where(Updatable.Contains).ToList();
                    var sets = string.Join(", ", keys.Select(k => $"{k} = @{k}"));
                    db.Execute($"UPDATE Orders SET {sets} WHERE Id = @Id", new DynamicParameters(values));
                }

                public void UpdateAll(IDbConnection db, Dictionary<string, object> values)
                {
                    var sets = string.Join(", ", values.Keys.Select(k => $"{k} = @{k}"));
                    db.Execute({|#0:$"UPDATE Orders SET {sets} WHERE Id = @Id"|}, new DynamicParameters(values));
                }
                """),
                Verify.Diagnostic().WithLocation(0).WithSpan(26, 65, 26, 66).WithArguments("string.Join(\", \", values.Keys.Select(k => $\"{k} = @{k}\"))", "an identifier", "check it against an allow-list of known names, or quote it with QuoteIdentifier", ""));
        }

        // ------------------------------------------------------------------ messages: value / identifier / clause

        [Fact]
        public async Task Message_NamesPartAndPosition()
        {
            await Verify.VerifyAnalyzerAsync(Repo("""
                public void Run(IDbConnection db, string sort, string where, Order order)
                {
                    db.Query({|#0:"SELECT * FROM Orders ORDER BY " + sort|});
                    db.Query({|#1:"SELECT * FROM Orders WHERE " + where|});
                    db.Query({|#2:$"SELECT * FROM Orders WHERE Name LIKE '{order.Name}%'"|});
                    db.Query({|#3:$"SELECT * FROM {sort}"|});
                    db.Query({|#4:$"SELECT * FROM Orders WHERE Id IN ({where})"|});
                }
                """),
                Verify.Diagnostic().WithLocation(0).WithArguments("sort", "an identifier", "check it against an allow-list of known names, or quote it with QuoteIdentifier", " (a parameter of Repo.Run)"),
                Verify.Diagnostic().WithLocation(1).WithArguments("where", "a clause", "build the SQL from constant text and pass the values as parameters", " (a parameter of Repo.Run)"),
                Verify.Diagnostic().WithLocation(2).WithArguments("order.Name", "a value", "pass it as a parameter", " (a member of the parameter 'order' of Repo.Run)"),
                Verify.Diagnostic().WithLocation(3).WithArguments("sort", "an identifier", "check it against an allow-list of known names, or quote it with QuoteIdentifier", " (a parameter of Repo.Run)"),
                Verify.Diagnostic().WithLocation(4).WithArguments("where", "a value", "pass each value as a parameter (one placeholder per item)", " (a parameter of Repo.Run)"));
        }

        // ------------------------------------------------------------------ not reported

        [Fact]
        public async Task ConstantsAcrossClassesAndStaticReadonly_DoNotReport()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                public static class Tables
                {
                    public const string Schema = "sales";
                    public const string Orders = Schema + ".Orders";
                }

                public class Repo
                {
                    private const string Columns = "Id, Name";
                    private static readonly string Select = "SELECT " + Columns + " FROM " + Tables.Orders;
                    private static readonly string[] ColumnList = { "Id", "Name" };
                    private readonly string _table = "sales.Archive";
                    private static string Archive => "sales.Archive";

                    public void Run(IDbConnection db, int id)
                    {
                        const string local = "SELECT 1";
                        db.Query(local);
                        db.Query("SELECT " + Columns + " FROM " + Tables.Orders);
                        db.Query($"SELECT {Columns} FROM {Tables.Orders} WHERE Id = @id", new { id });
                        db.Query(Select + " WHERE Id = @id", new { id });
                        db.Query($"SELECT {string.Join(", ", ColumnList)} FROM {Tables.Orders}");
                        db.Query("SELECT * FROM " + _table + " UNION SELECT * FROM " + Archive);
                        db.Query($"SELECT * FROM {nameof(Order)}s WHERE {nameof(Order.Id)} = @id", new { id });
                        db.Query(string.Format("SELECT {0} FROM {1}", Columns, Tables.Orders));
                        db.Query(string.Empty + "SELECT 1");
                    }
                }
                """ + Model);
        }

        [Fact]
        public async Task HolesOfTypesThatCannotCarrySql_DoNotReport()
        {
            await Verify.VerifyAnalyzerAsync(Repo("""
                public void Run(IDbConnection db, int id, long total, decimal amount, bool active, Guid key, DateTime at, DateTimeOffset when, TimeSpan span, OrderStatus status, int? maybe, List<int> ids)
                {
                    db.Query($"SELECT * FROM Orders WHERE Id = {id} AND Total > {total} AND Amount = {amount} AND Active = {(active ? 1 : 0)}");
                    db.Query($"SELECT * FROM Orders WHERE Key = '{key}' AND At > '{at:yyyy-MM-dd}' AND W < '{when}' AND S < '{span}'");
                    db.Query("SELECT * FROM Orders WHERE Status = " + (int)status + " OR Status = '" + status + "' OR M = " + maybe);
                    db.Query("SELECT * FROM Orders WHERE Id IN (" + string.Join(",", ids) + ")");
                    db.Query($"SELECT * FROM Orders WHERE Status = {status.ToString()} AND Len = {id.ToString()}");
                }
                """));
        }

        [Fact]
        public async Task StrictOption_ReportsNumericHoles()
        {
            await new Verify.Test
            {
                TestState =
                {
                    Sources =
                    {
                        Repo("""
                            public void Run(IDbConnection db, int id, List<int> ids, string name)
                            {
                                db.Query([|$"SELECT * FROM Orders WHERE Id = {id}"|]);
                                db.Query([|"SELECT * FROM Orders WHERE Id IN (" + string.Join(",", ids) + ")"|]);
                                var placeholders = string.Join(", ", ids.Select((_, i) => "@p" + i));
                                db.Query($"SELECT * FROM Orders WHERE Id IN ({placeholders})");
                            }
                            """),
                    },
                    AnalyzerConfigFiles = { ("/.editorconfig", "root = true\n[*.cs]\ndotnet_code_quality.PA1001.strict = true\n") },
                },
            }.RunAsync();
        }

        [Fact]
        public async Task ParameterizedQueries_DoNotReport()
        {
            await Verify.VerifyAnalyzerAsync(Repo("""
                public async Task Run(IDbConnection db, SqlConnection connection, string name, string? city, bool active)
                {
                    await db.QueryAsync<Order>("SELECT * FROM Orders WHERE Name = @name", new { name });

                    var sql = @"SELECT * FROM Orders WHERE 1 = 1";
                    if (city != null)
                    {
                        sql += " AND City = @city";
                    }

                    if (active)
                    {
                        sql = sql + " AND Active = 1";
                    }

                    await db.QueryAsync<Order>(sql, new { city });

                    var builder = new StringBuilder("SELECT * FROM Orders WHERE 1 = 1");
                    builder.Append(" AND status = @status");
                    builder.AppendLine().Append(" ORDER BY ").Append(active ? "Name" : "Id");
                    await db.QueryAsync<Order>(builder.ToString(), new { status = 1 });

                    using var command = new SqlCommand("SELECT * FROM Orders WHERE Name = @name", connection);
                    command.Parameters.AddWithValue("@name", name);
                }
                """));
        }

        [Fact]
        public async Task PlaceholderListsForInClauses_DoNotReport()
        {
            await Verify.VerifyAnalyzerAsync(Repo("""
                public void Run(IDbConnection db, SqlCommand command, IReadOnlyList<string> names)
                {
                    var placeholders = string.Join(", ", names.Select((_, i) => "@p" + i));
                    db.Query($"SELECT * FROM Orders WHERE Name IN ({placeholders})");

                    var list = new List<string>();
                    for (var i = 0; i < names.Count; i++)
                    {
                        list.Add("@name" + i);
                        command.Parameters.AddWithValue("@name" + i, names[i]);
                    }

                    command.CommandText = "SELECT * FROM Orders WHERE Name IN (" + string.Join(",", list) + ")";

                    var values = Enumerable.Range(0, names.Count).Select(i => $"(@id{i}, @name{i})");
                    db.Execute("INSERT INTO Orders (Id, Name) VALUES " + string.Join(", ", values));
                }
                """));
        }

        [Fact]
        public async Task StringValuesJoinedIntoInList_Reports()
        {
            await Verify.VerifyAnalyzerAsync(Repo("""
                public void Run(IDbConnection db, IEnumerable<string> names)
                {
                    var list = string.Join(",", names.Select(n => "'" + n + "'"));
                    db.Execute([|"DELETE FROM Orders WHERE Name IN (" + list + ")"|]);
                }
                """));
        }

        [Fact]
        public async Task QuotedIdentifiersAndSanitizers_DoNotReport()
        {
            await new Verify.Test
            {
                TestState =
                {
                    Sources =
                    {
                        Repo("""
                            public void Run(IDbConnection db, string column, string table, string value)
                            {
                                var builder = new SqlCommandBuilder();
                                db.Query($"SELECT {builder.QuoteIdentifier(column)} FROM {builder.QuoteIdentifier(table)}");
                                db.Query("SELECT * FROM " + QuoteName(table));
                                db.Query("SELECT * FROM t WHERE v = " + SqlSafe.Literal(value));
                                db.Query([|"SELECT * FROM t WHERE v = " + SqlSafe.Unchecked(value)|]);
                            }

                            private static string QuoteName(string name) => "[" + name.Replace("]", "]]") + "]";
                            """) + """
                            public static class SqlSafe
                            {
                                public static string Literal(string value) => "'" + value.Replace("'", "''") + "'";

                                public static string Unchecked(string value) => value;
                            }
                            """,
                    },
                    AnalyzerConfigFiles = { ("/.editorconfig", "root = true\n[*.cs]\ndotnet_code_quality.PA1001.sanitizers = M:SqlSafe.Literal(System.String)\n") },
                },
            }.RunAsync();
        }

        [Fact]
        public async Task SanitizerOption_BySimpleName_DoesNotReport()
        {
            await new Verify.Test
            {
                TestState =
                {
                    Sources =
                    {
                        Repo("""
                            public void Run(IDbConnection db, string table) => db.Query("SELECT * FROM " + Identifiers.Checked(table));
                            """) + """
                            public static class Identifiers
                            {
                                public static string Checked(string value) => value;
                            }
                            """,
                    },
                    AnalyzerConfigFiles = { ("/.editorconfig", "root = true\n[*.cs]\nproduction_analyzers.sanitizers = Identifiers.Checked\n") },
                },
            }.RunAsync();
        }

        [Fact]
        public async Task AllowListedOrMappedIdentifiers_DoNotReport()
        {
            await Verify.VerifyAnalyzerAsync(Repo("""
                private static readonly HashSet<string> Allowed = new() { "Name", "Total" };
                private static readonly Dictionary<string, string> Columns = new() { ["name"] = "Name", ["total"] = "Total" };

                public void Guarded(IDbConnection db, string sort)
                {
                    if (!Allowed.Contains(sort))
                    {
                        throw new ArgumentOutOfRangeException(nameof(sort));
                    }

                    db.Query("SELECT * FROM Orders ORDER BY " + sort);
                }

                public void Ternary(IDbConnection db, string sort) =>
                    db.Query("SELECT * FROM Orders ORDER BY " + (Allowed.Contains(sort) ? sort : "Name"));

                public void AnyGuard(IDbConnection db, string sort)
                {
                    if (!Allowed.Any(c => c.Equals(sort, StringComparison.OrdinalIgnoreCase)))
                    {
                        return;
                    }

                    db.Query($"SELECT * FROM Orders ORDER BY {sort}");
                }

                public void Mapped(IDbConnection db, string sort)
                {
                    if (!Columns.TryGetValue(sort, out var column))
                    {
                        column = "Name";
                    }

                    db.Query("SELECT * FROM Orders ORDER BY " + column);
                    db.Query("SELECT * FROM Orders ORDER BY " + Columns[sort]);
                }

                public void Switched(IDbConnection db, string sort)
                {
                    var column = sort switch { "total" => "Total", _ => "Name" };
                    db.Query($"SELECT * FROM Orders ORDER BY {column}");
                }
                """));
        }

        [Fact]
        public async Task DataLookupWithAny_IsNotAnAllowList_Reports()
        {
            await Verify.VerifyAnalyzerAsync(Repo("""
                public void Run(IDbConnection db, List<Order> orders, string name)
                {
                    if (orders.Any(o => o.Name == name))
                    {
                        db.Query([|$"SELECT * FROM Orders WHERE Name = '{name}'"|]);
                    }
                }
                """));
        }

        [Fact]
        public async Task GenericRepositoryTableNames_DoNotReport()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                public abstract class RepositoryBase<T>
                {
                    protected abstract string TableName { get; }

                    protected virtual string Key => "Id";

                    public IEnumerable<T> All(IDbConnection db) => db.Query<T>($"SELECT * FROM {TableName} ORDER BY {Key}");

                    public IEnumerable<T> ByType(IDbConnection db) => db.Query<T>($"SELECT * FROM {typeof(T).Name}s");

                    public IEnumerable<T> Where(IDbConnection db, string column) => db.Query<T>([|$"SELECT * FROM {TableName} WHERE {column} = 1"|]);
                }

                public sealed class OrderRepository : RepositoryBase<Order>
                {
                    protected override string TableName => "sales.Orders";
                }

                public sealed class LineRepository : RepositoryBase<Order>
                {
                    protected override string TableName { get; } = "sales.Lines";

                    protected override string Key => "LineId";
                }
                """ + Model);
        }

        [Fact]
        public async Task NonConstantFieldOrAbstractNameWithoutConstantOverrides_Reports()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                public abstract class RepositoryBase
                {
                    private string _schema = "dbo";

                    protected abstract string TableName { get; }

                    public void Rename(string schema) => _schema = schema;

                    public void All(IDbConnection db) => db.Query([|$"SELECT * FROM {_schema}.{TableName}"|]);
                }

                public sealed class ConfiguredRepository : RepositoryBase
                {
                    private readonly string _table;

                    public ConfiguredRepository(string table) => _table = table;

                    protected override string TableName => _table;
                }
                """ + Model);
        }

        [Fact]
        public async Task GeneratedCode_DoesNotReport()
        {
            await Verify.VerifyAnalyzerAsync("// <auto-generated/>\n" + Repo("""
                public void Run(IDbConnection db, string name) => db.Query("SELECT * FROM Orders WHERE Name = '" + name + "'");
                """));
        }

        [Fact]
        public async Task NoSqlReferences_DoesNotReport()
        {
            await Verify.VerifyAnalyzerAsync("""
                public class Report
                {
                    public string CommandText { get; set; } = "";

                    public void Build(string name) => CommandText = "SELECT * FROM t WHERE n = '" + name + "'";
                }
                """);
        }

        [Fact]
        public async Task MapLookupWithGetValueOrDefault_DoesNotReport()
        {
            await Verify.VerifyAnalyzerAsync(Repo("""
                private static readonly Dictionary<string, string> Map = new() { ["name"] = "display_name" };
                private readonly IReadOnlyDictionary<string, string> _columns = new Dictionary<string, string> { ["total"] = "Total" };

                public void Sorted(IDbConnection db, string k)
                {
                    var col = Map.GetValueOrDefault(k, "id");
                    db.Query("SELECT * FROM t ORDER BY " + col);
                    db.Query("SELECT * FROM t ORDER BY " + Map.GetValueOrDefault(k));
                    db.Query($"SELECT * FROM t ORDER BY {_columns.GetValueOrDefault(k, "Name")}");
                }
                """));
        }

        [Fact]
        public async Task GetValueOrDefaultOnDataOrWithUntrustedFallback_Reports()
        {
            await Verify.VerifyAnalyzerAsync(Repo("""
                private static readonly Dictionary<string, string> Map = new() { ["name"] = "display_name" };

                public void Sorted(IDbConnection db, Dictionary<string, string> query, string k)
                {
                    db.Query([|"SELECT * FROM t ORDER BY " + query.GetValueOrDefault("sort", "id")|]);
                    db.Query([|"SELECT * FROM t ORDER BY " + Map.GetValueOrDefault(k, k)|]);
                }
                """));
        }

        [Fact]
        public async Task RepeatedAndRangedPlaceholderLists_DoNotReport()
        {
            await Verify.VerifyAnalyzerAsync(Repo("""
                public void ByIds(IDbConnection db, int[] ids, object args)
                {
                    var marks = string.Join(", ", Enumerable.Repeat("?", ids.Length));
                    db.Query($"SELECT * FROM t WHERE id IN ({marks})", args);
                    db.Query("SELECT * FROM t WHERE id IN (" + string.Join(",", Enumerable.Repeat("@p", ids.Length)) + ")", args);
                    var names = string.Join(", ", Enumerable.Range(0, ids.Length).Select(i => "@p" + i));
                    db.Query($"SELECT * FROM t WHERE id IN ({names})", args);
                    var named = string.Join(", ", Enumerable.Range(0, ids.Length).Select(i => $"@id{i}"));
                    db.Query($"SELECT * FROM t WHERE id IN ({named})", args);
                }
                """));
        }

        [Fact]
        public async Task RepeatedUntrustedText_Reports()
        {
            await Verify.VerifyAnalyzerAsync(Repo("""
                public void ByIds(IDbConnection db, string name, int count)
                {
                    var list = string.Join(", ", Enumerable.Repeat(name, count));
                    db.Query([|$"SELECT * FROM t WHERE id IN ({list})"|]);
                }
                """));
        }

        [Fact]
        public async Task ChainedStringBuilder_Constant_DoesNotReport()
        {
            await Verify.VerifyAnalyzerAsync(Repo("""
                public void Top(IDbConnection db, bool desc, int top)
                {
                    var sb = new StringBuilder("SELECT * FROM t ORDER BY x ").Append(desc ? "DESC" : "ASC").Append(" LIMIT ").Append(top);
                    db.Query(sb.ToString());
                    db.Query(new StringBuilder("SELECT * FROM t").Append(" WHERE a = @a").ToString(), new { a = top });
                    var text = new StringBuilder().Append("SELECT * FROM t LIMIT ").Append(top).ToString();
                    db.Query(text);
                }
                """));
        }

        [Fact]
        public async Task ChainedStringBuilder_Untrusted_Reports()
        {
            await Verify.VerifyAnalyzerAsync(Repo("""
                public void Find(IDbConnection db, string x)
                {
                    var sql = new StringBuilder().Append("SELECT * FROM t WHERE a = '").Append(x).Append('\'').ToString();
                    db.Query({|#0:sql|});
                    db.Query({|#1:new StringBuilder("SELECT * FROM t WHERE a = '").Append(x).Append("'").ToString()|});
                    var sb = new StringBuilder("SELECT * FROM t").Append(" WHERE a = '").Append(x);
                    sb.Append("'");
                    db.Query({|#2:sb.ToString()|});
                    var reassigned = new StringBuilder("SELECT * FROM t WHERE b = 1");
                    reassigned = reassigned.Append(" AND a = '").Append(x).Append("'");
                    db.Query({|#3:reassigned.ToString()|});
                    db.Query({|#4:reassigned.Append(" AND c = 2").ToString()|});
                }
                """),
                Verify.Diagnostic().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("x", "a value", "pass it as a parameter", " (a parameter of Repo.Find)"),
                Verify.Diagnostic().WithLocation(1).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("x", "a value", "pass it as a parameter", " (a parameter of Repo.Find)"),
                Verify.Diagnostic().WithLocation(2).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("x", "a value", "pass it as a parameter", " (a parameter of Repo.Find)"),
                Verify.Diagnostic().WithLocation(3).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("x", "a value", "pass it as a parameter", " (a parameter of Repo.Find)"),
                Verify.Diagnostic().WithLocation(4).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("x", "a value", "pass it as a parameter", " (a parameter of Repo.Find)"));
        }

        [Fact]
        public async Task PatternGuardAgainstConstants_DoesNotReport()
        {
            await Verify.VerifyAnalyzerAsync(Repo("""
                public void Sorted(IDbConnection db, string x, string dir)
                {
                    if (x is not ("name" or "total"))
                    {
                        throw new ArgumentException("bad sort", nameof(x));
                    }

                    if (dir != "ASC" && dir != "DESC")
                    {
                        return;
                    }

                    db.Query("SELECT * FROM t ORDER BY " + x + " " + dir);
                }

                public void Sorted2(IDbConnection db, string x)
                {
                    if (x is not "name" and not "total") throw new ArgumentOutOfRangeException(nameof(x));
                    db.Query($"SELECT * FROM t ORDER BY {x}");
                }

                public void Sorted3(IDbConnection db, string x, string y)
                {
                    if (string.IsNullOrEmpty(x) || !(x == "name" || x == "total"))
                    {
                        return;
                    }

                    db.Query("SELECT * FROM t ORDER BY " + x + ", " + (y is "name" or "total" ? y : "id"));
                }
                """));
        }

        [Fact]
        public async Task PatternCheckThatDoesNotGuard_Reports()
        {
            await Verify.VerifyAnalyzerAsync(Repo("""
                public void Sorted(IDbConnection db, string x, string y)
                {
                    if (x is not ("name" or "total"))
                    {
                        Console.WriteLine("unusual sort");
                    }

                    db.Query([|"SELECT * FROM t ORDER BY " + x|]);

                    if (y is "name" or "total")
                    {
                        throw new ArgumentException("bad sort", nameof(y));
                    }

                    db.Query([|"SELECT * FROM t ORDER BY " + y|]);
                }

                public void PickedButNotGuarded(IDbConnection db, string sort, string dir)
                {
                    var direction = dir == "desc" ? "DESC" : "ASC";
                    if (sort == "")
                    {
                        sort = sort.Trim();
                    }

                    db.Query([|"SELECT * FROM t ORDER BY " + sort + " " + direction + ", " + dir|]);
                }
                """));
        }

        [Fact]
        public async Task HalfTypedCode_DoesNotReportOrCrash()
        {
            await new Verify.Test
            {
                TestCode = Repo("""
                    public void A(IDbConnection db, string name) { db.Query($"SELECT * FROM t WHERE n = '{name}'" }
                    public void B(string name) { var command = new SqlCommand("SELECT " + name +
                    public void C(Unknown u, string n) { u.Query("SELECT " + n); var q = new Foo("SELECT " + n); }
                    public void D(string n) { var command = new SqlCommand(); command.CommandText = $"SELECT {n.Missing} FROM {Missing2}"; }
                    public void E(string n) { var sql = "a" + ; new SqlCommand(sql); }
                    public void F(string n) { string sql = sql + n; }
                    """),
                CompilerDiagnostics = CompilerDiagnostics.None,
            }.RunAsync();
        }
    }
}
