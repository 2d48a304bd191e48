using System.Threading.Tasks;
using ProductionAnalyzers.Sql;
using Xunit;
using static ProductionAnalyzers.Tests.Sql.SqlTestCode;
using Verify = ProductionAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ProductionAnalyzers.Sql.SqlInjectionAnalyzer>;

namespace ProductionAnalyzers.Tests.Sql
{
    /// <summary>PA1001: text the program makes itself, members written only by their type, parameters judged by their callers.</summary>
    public class SqlTrustedTextTests
    {
        private const string Identifier = "check it against an allow-list of known names, or quote it with QuoteIdentifier";

        /// <summary>The interface the archive-store tests call their implementation through.</summary>
        private static readonly (string, string) ArchiveStoreInterface = ("Data/IArchiveStore.cs", Usings + """
            public interface IArchiveStore
            {
                void Purge(IDbConnection db, string table);
            }
            """);

        [Fact]
        public async Task HelperCalledOnlyWithConstants_DoesNotReport()
        {
            await Verify.VerifyAnalyzerAsync(Repo("""
                public void Nightly(IDbConnection db)
                {
                    Purge(db, "Sessions");
                    Purge(db, nameof(Order));
                    Purge(db, typeof(Order).Name);
                }

                private void Purge(IDbConnection db, string table) => db.Execute($"DELETE FROM {table} WHERE Expired = 1");
                """));
        }

        [Fact]
        public async Task HelperCalledWithUntrustedText_ReportsAtThatCall()
        {
            await Verify.VerifyAnalyzerAsync(Repo("""
                public void Nightly(IDbConnection db) => Purge(db, "Sessions");

                public void OnRequest(IDbConnection db, Order order) => Purge(db, {|#0:order.Name|});

                private void Purge(IDbConnection db, string table) => db.Execute({|#1:$"DELETE FROM {table} WHERE Expired = 1"|});
                """),
                Verify.Diagnostic().WithLocation(0).WithLocation(1)
                    .WithArguments("order.Name", "an identifier", Identifier, " (a member of the parameter 'order' of Repo.OnRequest; passed to Repo.Purge)"));
        }

        /// <summary>Call sites are found by the method's name in the source text: a null-conditional call and a generic call are calls too.</summary>
        [Fact]
        public async Task HelperCalledThroughNullConditionalAndGenericCalls_ReportsAtThoseCalls()
        {
            await Verify.VerifyAnalyzerAsync(Repo("""
                public void Nightly(IDbConnection db) => Purge<Order>(db, "Sessions");

                // Purge(db, order.Name) in a comment is no call.
                public void OnRequest(IDbConnection db, Order order, Repo? other) => other?.Purge<Order>(db, {|#0:order.Name|});

                private void Purge<T>(IDbConnection db, string table) => db.Execute({|#1:$"DELETE FROM {table} WHERE Expired = 1"|});
                """),
                Verify.Diagnostic().WithLocation(0).WithLocation(1)
                    .WithArguments("order.Name", "an identifier", Identifier, " (a member of the parameter 'order' of Repo.OnRequest; passed to Repo.Purge)"));
        }

        /// <summary>The helper of a test project (Duplicati's <c>TestUtils.DumpTable</c>), its calls in another file.</summary>
        private static readonly (string, string) DumpTableHelper = ("Support/TestUtils.cs", Usings + """
            public static class TestUtils
            {
                public static string DumpTable(IDbCommand cmd, string table, string? where = null)
                {
                    var sb = new StringBuilder();
                    cmd.CommandText = {|#1:$"SELECT * FROM {table}"|};
                    sb.AppendLine($"{table} table:");
                    using (var reader = cmd.ExecuteReader())
                    {
                        while (reader.Read())
                        {
                            sb.AppendLine(reader.GetValue(0)?.ToString());
                        }
                    }

                    return sb.ToString();
                }
            }
            """);

        /// <summary>
        /// A call that does not bind because another argument's type does not resolve (the command comes from a database
        /// type of a project the compilation cannot see) is still a call of the helper: its only candidate is the helper,
        /// and the text it passes is read from the syntax, by position or by name.
        /// </summary>
        [Fact]
        public async Task HelperCalledWhereAnotherArgumentDoesNotResolve_IsJudgedByThoseCalls()
        {
            await new Verify.Test
            {
                TestState =
                {
                    Sources =
                    {
                        DumpTableHelper,
                        ("Tests/DisruptionTests.cs", Usings + """
                            public class DisruptionTests
                            {
                                public async Task AfterFailure()
                                {
                                    using var db = await {|CS0103:LocalDatabase|}.OpenAsync("test.sqlite");
                                    using var cmd = db.Connection.CreateCommand();
                                    var sb = new StringBuilder();
                                    sb.AppendLine(TestUtils.DumpTable(cmd, "Remotevolume", null));
                                    sb.AppendLine(TestUtils.DumpTable(cmd, table: "Fileset"));
                                    Console.WriteLine(sb);
                                }
                            }
                            """),
                    },
                },
            }.RunAsync();
        }

        [Fact]
        public async Task HelperCalledWhereAnotherArgumentDoesNotResolve_ReportsTheCallThatPassesRequestData()
        {
            await new Verify.Test
            {
                TestState =
                {
                    Sources =
                    {
                        DumpTableHelper,
                        ("Tests/DisruptionTests.cs", Usings + """
                            public class DisruptionTests
                            {
                                public async Task AfterFailure(Order order)
                                {
                                    using var db = await {|CS0103:LocalDatabase|}.OpenAsync("test.sqlite");
                                    using var cmd = db.Connection.CreateCommand();
                                    Console.WriteLine(TestUtils.DumpTable(cmd, "Remotevolume"));
                                    Console.WriteLine(TestUtils.DumpTable(cmd, where: null, table: {|#0:order.Name|}));
                                }
                            }
                            """ + Model),
                    },
                    ExpectedDiagnostics =
                    {
                        Verify.Diagnostic().WithLocation(0).WithLocation(1)
                            .WithArguments("order.Name", "an identifier", Identifier, " (a member of the parameter 'order' of DisruptionTests.AfterFailure; passed to TestUtils.DumpTable)"),
                    },
                },
            }.RunAsync();
        }

        [Fact]
        public async Task ParameterPassedOnThroughTwoCallers_ReportsWhereItIsUntrusted()
        {
            await Verify.VerifyAnalyzerAsync(Repo("""
                public void Api(IDbConnection db, string sort) => Service(db, {|#0:sort|});

                private void Service(IDbConnection db, string orderBy) => List(db, orderBy);

                public void Internal(IDbConnection db) => Service(db, "Name");

                private void List(IDbConnection db, string orderBy) => db.Query({|#1:"SELECT * FROM Orders ORDER BY " + orderBy|});
                """),
                Verify.Diagnostic().WithLocation(0).WithLocation(1)
                    .WithArguments("sort", "an identifier", Identifier, " (a parameter of Repo.Api; passed to Repo.Service)"));
        }

        /// <summary>
        /// An interface member's implementation is called through the interface: its parameter is judged by the calls of the
        /// interface member (in any file), not inside the implementation. Implicit and explicit implementations.
        /// </summary>
        [Theory]
        [InlineData("public void Purge(IDbConnection db, string table)")]
        [InlineData("void IArchiveStore.Purge(IDbConnection db, string table)")]
        public async Task ImplementationCalledThroughItsInterfaceOnlyWithConstants_DoesNotReport(string signature)
        {
            await new Verify.Test
            {
                TestState =
                {
                    Sources =
                    {
                        ArchiveStoreInterface,
                        ("Data/SqlArchiveStore.cs", Usings + """
                            public sealed class SqlArchiveStore : IArchiveStore
                            {
                                SIGNATURE => db.Execute($"DELETE FROM \"{table}\" WHERE Archived = 1");
                            }
                            """.Replace("SIGNATURE", signature)),
                        ("Jobs/NightlyArchive.cs", Usings + """
                            public sealed class NightlyArchive
                            {
                                private readonly IArchiveStore _store;

                                public NightlyArchive(IArchiveStore store) => _store = store;

                                public void Run(IDbConnection db)
                                {
                                    foreach (var table in new[] { "Sessions", "AuditEntries" })
                                    {
                                        _store.Purge(db, table);
                                    }
                                }
                            }
                            """),
                        ("Jobs/ResetTask.cs", Usings + """
                            public sealed class ResetTask
                            {
                                public void Run(IArchiveStore store, IDbConnection db) => store.Purge(db, nameof(ResetTask));
                            }
                            """),
                    },
                },
            }.RunAsync();
        }

        [Fact]
        public async Task ImplementationCalledThroughItsInterfaceWithRequestData_ReportsAtThatCall()
        {
            await new Verify.Test
            {
                TestState =
                {
                    Sources =
                    {
                        ArchiveStoreInterface,
                        ("Data/SqlArchiveStore.cs", Usings + """
                            public sealed class SqlArchiveStore : IArchiveStore
                            {
                                public void Purge(IDbConnection db, string table) => db.Execute({|#1:$"DELETE FROM \"{table}\" WHERE Archived = 1"|});
                            }
                            """),
                        ("Jobs/NightlyArchive.cs", Usings + """
                            public sealed class NightlyArchive
                            {
                                public void Run(IArchiveStore store, IDbConnection db) => store.Purge(db, "Sessions");
                            }
                            """),
                        ("Api/ArchiveEndpoint.cs", Usings + """
                            public sealed class ArchiveRequest
                            {
                                public string Table { get; set; } = "";
                            }

                            public sealed class ArchiveEndpoint
                            {
                                private readonly IArchiveStore _store;

                                public ArchiveEndpoint(IArchiveStore store) => _store = store;

                                public void Post(IDbConnection db, ArchiveRequest request) => _store.Purge(db, {|#0:request.Table|});
                            }
                            """),
                    },
                    ExpectedDiagnostics =
                    {
                        Verify.Diagnostic().WithLocation(0).WithLocation(1)
                            .WithArguments("request.Table", "an identifier", Identifier, " (a member of the parameter 'request' of ArchiveEndpoint.Post; passed to SqlArchiveStore.Purge)"),
                    },
                },
            }.RunAsync();
        }

        /// <summary>
        /// A housekeeping task that runs a helper for each table of a constant list through a query operator or
        /// <c>List.ForEach</c> (seen on a real media server): the lambda's parameter is an element of the list, like a
        /// foreach variable, so the helper's table name is trusted. The same task with a list that holds a request value
        /// is reported at the call.
        /// </summary>
        [Theory]
        [InlineData("new[] { \"Series\", \"Notifications\", \"DelayProfiles\" }", false)]
        [InlineData("TaggedTables", false)]
        [InlineData("new[] { \"Series\", request.Table }", true)]
        public async Task HelperCalledFromAQueryOperatorOverAList_IsJudgedByTheListsElements(string tables, bool reported)
        {
            var call = reported ? "{|#0:table|}" : "table";
            var test = new Verify.Test
            {
                TestState =
                {
                    Sources =
                    {
                        ("Housekeeping/TagQueries.cs", Usings + """
                            public static class TagQueries
                            {
                                public static IEnumerable<int> UsedTags(IDbConnection db, string table) =>
                                    db.Query<string>({|#1:$"SELECT DISTINCT \"Tags\" FROM \"{table}\" WHERE length(\"Tags\") > 2"|}).Select(int.Parse);

                                public static void Touch(IDbConnection db, string table) => db.Execute($"UPDATE \"{table}\" SET \"Touched\" = 1");
                            }
                            """.Replace("{|#1:", reported ? "{|#1:" : "").Replace("|})", reported ? "|})" : ")")),
                        ("Housekeeping/CleanupUnusedTags.cs", Usings + """
                            public sealed class CleanupRequest
                            {
                                public string Table { get; set; } = "";
                            }

                            public sealed class CleanupUnusedTags
                            {
                                private static readonly string[] TaggedTables = { "Series", "ImportLists" };

                                public void Clean(IDbConnection db, CleanupRequest request)
                                {
                                    var used = TABLES.SelectMany(table => TagQueries.UsedTags(db, CALL)).Distinct().ToList();
                                    new List<string> { "Indexers", "DownloadClients" }.ForEach(table => TagQueries.Touch(db, table));
                                    db.Execute("DELETE FROM \"Tags\" WHERE NOT \"Id\" IN @used", new { used });
                                }
                            }
                            """.Replace("TABLES", tables).Replace("CALL", call)),
                    },
                },
            };
            if (reported)
            {
                test.TestState.ExpectedDiagnostics.Add(
                    Verify.Diagnostic().WithLocation(0).WithLocation(1)
                        .WithArguments("request.Table", "an identifier", Identifier, " (a member of the parameter 'request' of CleanupUnusedTags.Clean; passed to TagQueries.UsedTags)"));
            }

            await test.RunAsync();
        }

        /// <summary>
        /// A home-grown ORM (seen on a real media server): table names registered once per entity type in a map
        /// (<c>Mapper.Entity&lt;Series&gt;("Series")</c> adds to <c>TableMap</c>), looked up by a generic repository in its
        /// constructor and used in every statement. Every name put in the map is a constant, so the repository's
        /// <c>_table</c> is trusted; a registration that takes the name from configuration makes it untrusted again.
        /// </summary>
        [Theory]
        [InlineData("\"Plugins\"", false)]
        [InlineData("settings.PluginTable", true)]
        public async Task TableNamesFromARegistrationMap_AreJudgedByWhatIsRegistered(string pluginTable, bool reported)
        {
            var count = reported ? "{|#0:$\"SELECT COUNT(*) FROM \\\"{_table}\\\"\"|}" : "$\"SELECT COUNT(*) FROM \\\"{_table}\\\"\"";
            var test = new Verify.Test
            {
                TestState =
                {
                    Sources =
                    {
                        ("Datastore/TableMapper.cs", Usings + """
                            public class TableMapper
                            {
                                public TableMapper()
                                {
                                    TableMap = new Dictionary<Type, string>();
                                }

                                public Dictionary<Type, string> TableMap { get; set; }

                                public TableMapper Entity<TEntity>(string tableName)
                                {
                                    TableMap.Add(typeof(TEntity), tableName);
                                    return this;
                                }

                                public string? TableNameMapping(Type x) => TableMap.ContainsKey(x) ? TableMap[x] : null;

                                public bool IsMapped(string table) => TableMap.Values.Contains(table);
                            }
                            """),
                        ("Datastore/TableMapping.cs", Usings + """
                            public sealed class Series { }
                            public sealed class Episode { }
                            public sealed class Plugin { }

                            public sealed class PluginSettings
                            {
                                public string PluginTable { get; set; } = "Plugins";
                            }

                            public static class TableMapping
                            {
                                public static readonly TableMapper Mapper = new TableMapper();

                                public static void Map(PluginSettings settings)
                                {
                                    Mapper.Entity<Series>("Series");
                                    Mapper.Entity<Episode>("Episodes");
                                    Mapper.Entity<Plugin>(PLUGIN_TABLE);
                                }
                            }
                            """.Replace("PLUGIN_TABLE", pluginTable)),
                        ("Datastore/BasicRepository.cs", Usings + """
                            public class BasicRepository<TModel>
                            {
                                private readonly IDbConnection _db;
                                protected readonly string _table;

                                public BasicRepository(IDbConnection db)
                                {
                                    _db = db;
                                    _table = TableMapping.Mapper.TableNameMapping(typeof(TModel))!;
                                }

                                public int Count() => _db.ExecuteScalar<int>(COUNT);

                                public void Purge() => _db.Execute($"DELETE FROM \"{_table}\"");
                            }

                            public sealed class SeriesRepository : BasicRepository<Series>
                            {
                                public SeriesRepository(IDbConnection db) : base(db) { }
                            }
                            """.Replace("COUNT", count)),
                    },
                },
            };
            if (reported)
            {
                test.TestState.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithArguments("_table", "an identifier", Identifier, ""));
                test.TestState.ExpectedDiagnostics.Add(Verify.Diagnostic().WithSpan("Datastore/BasicRepository.cs", 26, 40, 26, 67).WithArguments("_table", "an identifier", Identifier, ""));
            }

            await test.RunAsync();
        }

        /// <summary>
        /// A StringBuilder concatenated into the command text without <c>ToString()</c> (<c>"… WHERE " + sb</c>, seen on a
        /// real backup tool): its text is what was appended. Only constants and <c>?</c> placeholders: quiet; a tag
        /// appended as text: reported, naming the tag (an element of the parameter 'tags') rather than the builder.
        /// </summary>
        [Theory]
        [InlineData("sb.Append(@\" (',' || \"\"Tags\"\" || ',' LIKE '%,' || ? || ',%') \");", false)]
        [InlineData("sb.Append(\" \\\"Tags\\\" LIKE '%\" + t + \"%' \");", true)]
        public async Task StringBuilderConcatenatedWithoutToString_IsJudgedByWhatWasAppended(string append, bool reported)
        {
            var text = reported ? "{|#0:@\"SELECT \"\"ID\"\" FROM \"\"Backup\"\" WHERE \" + sb|}" : "@\"SELECT \"\"ID\"\" FROM \"\"Backup\"\" WHERE \" + sb";
            var test = new Verify.Test
            {
                TestState =
                {
                    Sources =
                    {
                        ("Database/BackupTags.cs", Usings + """
                            public sealed class BackupTags
                            {
                                private readonly IDbConnection _connection;

                                public BackupTags(IDbConnection connection) => _connection = connection;

                                public List<long> IdsForTags(string[] tags)
                                {
                                    using var cmd = _connection.CreateCommand();
                                    var sb = new StringBuilder();
                                    foreach (var t in tags)
                                    {
                                        if (sb.Length != 0)
                                            sb.Append(" OR ");
                                        APPEND

                                        var p = cmd.CreateParameter();
                                        p.Value = t;
                                        cmd.Parameters.Add(p);
                                    }

                                    cmd.CommandText = TEXT;
                                    var ids = new List<long>();
                                    using var reader = cmd.ExecuteReader();
                                    while (reader.Read())
                                        ids.Add(reader.GetInt64(0));
                                    return ids;
                                }
                            }
                            """.Replace("APPEND", append).Replace("TEXT", text)),
                    },
                },
            };
            if (reported)
            {
                test.TestState.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithSpan("Database/BackupTags.cs", 27, 45, 27, 46).WithArguments("t", "a value", "pass it as a parameter", " (an element of the parameter 'tags' of BackupTags.IdsForTags)"));
            }

            await test.RunAsync();
        }

        /// <summary>
        /// Two overloads of a delete helper that call each other (the short one adds the key column, the long one opens a
        /// transaction and calls the short one again with it; seen on a real backup tool). The cycle brings no table name
        /// of its own: the helper is judged by its other calls — constants and <c>typeof(T).Name</c> — and reported only at
        /// a call that passes request data.
        /// </summary>
        [Theory]
        [InlineData("\"Schedule\"", false)]
        [InlineData("{|#0:request.Table|}", true)]
        public async Task OverloadsThatCallEachOther_AreJudgedByTheirOtherCalls(string adminTable, bool reported)
        {
            var test = new Verify.Test
            {
                TestState =
                {
                    Sources =
                    {
                        ("Database/Connection.cs", Usings + """
                            public sealed class Notification { }

                            public sealed class Connection
                            {
                                private readonly IDbConnection _connection;

                                public Connection(IDbConnection connection) => _connection = connection;

                                public void RemoveBackup(long id)
                                {
                                    DeleteFromDb("ErrorLog", id, "BackupID");
                                    DeleteFromDb("Filter", id, "BackupID");
                                    DeleteFromDb("Backup", id);
                                }

                                public void DismissNotification(long id) => DeleteFromDb(typeof(Notification).Name, id);

                                internal bool DeleteFromDb(string tablename, long id, IDbTransaction? transaction = null) =>
                                    DeleteFromDb(tablename, id, "ID", transaction);

                                private bool DeleteFromDb(string tablename, long id, string identifier, IDbTransaction? transaction = null)
                                {
                                    if (transaction == null)
                                    {
                                        using var tr = _connection.BeginTransaction();
                                        var r = DeleteFromDb(tablename, id, tr);
                                        tr.Commit();
                                        return r;
                                    }

                                    using var cmd = _connection.CreateCommand();
                                    cmd.Transaction = transaction;
                                    cmd.CommandText = SQL;
                                    var p = cmd.CreateParameter();
                                    p.ParameterName = "@Value";
                                    p.Value = id;
                                    cmd.Parameters.Add(p);
                                    return cmd.ExecuteNonQuery() == 1;
                                }
                            }
                            """.Replace("SQL", reported
                                ? "{|#1:string.Format(System.Globalization.CultureInfo.InvariantCulture, @\"DELETE FROM \"\"{0}\"\" WHERE \"\"{1}\"\"=@Value\", tablename, identifier)|}"
                                : "string.Format(System.Globalization.CultureInfo.InvariantCulture, @\"DELETE FROM \"\"{0}\"\" WHERE \"\"{1}\"\"=@Value\", tablename, identifier)")),
                        ("Api/ScheduleAdmin.cs", Usings + """
                            public sealed class PurgeRequest
                            {
                                public string Table { get; set; } = "";
                            }

                            public sealed class ScheduleAdmin
                            {
                                private readonly Connection _db;

                                public ScheduleAdmin(Connection db) => _db = db;

                                public bool Purge(PurgeRequest request, long id) => _db.DeleteFromDb(ADMIN_TABLE, id);
                            }
                            """.Replace("ADMIN_TABLE", adminTable)),
                    },
                },
            };
            if (reported)
            {
                test.TestState.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithLocation(1)
                    .WithArguments("request.Table", "an identifier", Identifier, " (a member of the parameter 'request' of ScheduleAdmin.Purge; passed to Connection.DeleteFromDb)"));
            }

            await test.RunAsync();
        }

        /// <summary>
        /// A schema upgrader (seen on a real backup tool): the schema and the upgrade scripts are read from the manifest
        /// resources of the assembly a marker type names, in <c>using (…)</c> statements, and handed to a private method
        /// that runs them (and calls itself again with the same schema after opening the connection). Scripts compiled
        /// into an assembly are program-made text, and the call to itself brings no other text: quiet.
        /// </summary>
        [Fact]
        public async Task SchemaReadFromManifestResourcesInUsingStatements_DoesNotReport()
        {
            await new Verify.Test
            {
                TestState =
                {
                    Sources =
                    {
                        ("Database/DatabaseUpgrader.cs", Usings + """
                            public static class DatabaseUpgrader
                            {
                                public static void UpgradeDatabase(IDbConnection connection, Type marker)
                                {
                                    var asm = marker.Assembly;
                                    string schema;
                                    using (var rd = new System.IO.StreamReader(asm.GetManifestResourceStream(marker, "Database_schema.Schema.sql")!))
                                        schema = rd.ReadToEnd();

                                    var upgrades = new List<string>();
                                    foreach (var name in asm.GetManifestResourceNames())
                                    {
                                        using (var reader = new System.IO.StreamReader(asm.GetManifestResourceStream(name)!))
                                            upgrades.Add(reader.ReadToEnd());
                                    }

                                    UpgradeDatabase(connection, schema);
                                }

                                private static void UpgradeDatabase(IDbConnection connection, string schema)
                                {
                                    if (connection.State != ConnectionState.Open)
                                    {
                                        // Opens, then starts over: a call of the method to itself, with its own schema.
                                        connection.Open();
                                        UpgradeDatabase(connection, schema);
                                        return;
                                    }

                                    using var cmd = connection.CreateCommand();
                                    cmd.CommandText = "BEGIN;\n" + schema + "\nCOMMIT;";
                                    cmd.ExecuteNonQuery();
                                }
                            }
                            """),
                    },
                },
            }.RunAsync();
        }

        /// <summary>
        /// A script preprocessor (seen on a real backup tool): conditional blocks of an embedded schema script are found
        /// with <c>Regex.Matches</c>, and the chosen block, a match group of the script, is preprocessed again by a call of
        /// the method to itself. A match group carries only what the text it was matched on carries; the recursive call adds
        /// only what its arguments carry.
        /// </summary>
        private static string ScriptPreprocessor(string caller) => Usings + """
            using System.Text.RegularExpressions;

            public static class SchemaScripts
            {
                public static string Preparse(string sql, IDictionary<string, int> vars)
                {
                    var pattern = @"\{#if\s+(?<CONDITION>[^}]*)}(?<THEN>.*?)(?:\{#else\}(?<ELSE>.*?))?\{#endif\}";
                    var result = new StringBuilder();
                    var position = 0;
                    foreach (Match block in Regex.Matches(sql, pattern, RegexOptions.Singleline))
                    {
                        var condition = block.Groups["CONDITION"].Value;
                        var thenPart = block.Groups["THEN"].Value;
                        var elsePart = block.Groups["ELSE"].Success ? block.Groups["ELSE"].Value : null;
                        result.Append(sql.Substring(position, block.Index - position));
                        if (vars.ContainsKey(condition.Trim()))
                            result.Append(Preparse(thenPart, vars));
                        else if (elsePart != null)
                            result.Append(Preparse(elsePart, vars));

                        position = block.Index + block.Length;
                    }

                    result.Append(sql.Substring(position));
                    return result.ToString();
                }
            }

            """ + caller;

        [Fact]
        public async Task PreprocessedEmbeddedScript_DoesNotReport()
        {
            await new Verify.Test
            {
                TestState =
                {
                    Sources =
                    {
                        ("Database/SchemaScripts.cs", ScriptPreprocessor("""
                            public static class SchemaInstaller
                            {
                                public static void Install(IDbConnection connection)
                                {
                                    string schema;
                                    using (var reader = new System.IO.StreamReader(typeof(SchemaInstaller).Assembly.GetManifestResourceStream("Schema.sql")!))
                                        schema = reader.ReadToEnd();

                                    var first = Regex.Match(schema, @"^--\s*(?<NAME>\w+)");
                                    using var cmd = connection.CreateCommand();
                                    cmd.CommandText = SchemaScripts.Preparse(schema, new Dictionary<string, int> { ["sqlite_version"] = 3 });
                                    cmd.ExecuteNonQuery();
                                    cmd.CommandText = "INSERT INTO Version (Name) VALUES ('" + first.Groups["NAME"].Value + "')";
                                    cmd.ExecuteNonQuery();
                                }
                            }
                            """)),
                    },
                },
            }.RunAsync();
        }

        [Fact]
        public async Task PreprocessedRequestText_ReportsWhereTheTextComesIn()
        {
            await new Verify.Test
            {
                TestState =
                {
                    Sources =
                    {
                        ("Database/SchemaScripts.cs", ScriptPreprocessor("""
                            public static class ScriptRunner
                            {
                                public static void Run(IDbConnection connection, Order order)
                                {
                                    using var cmd = connection.CreateCommand();
                                    cmd.CommandText = {|#0:SchemaScripts.Preparse(order.Name, new Dictionary<string, int>())|};
                                    cmd.ExecuteNonQuery();
                                    var match = Regex.Match({|#2:order.Name|}, @"(\w+)");
                                    cmd.CommandText = {|#1:"SELECT * FROM Orders ORDER BY " + match.NextMatch().Groups[1].Value|};
                                    cmd.ExecuteNonQuery();
                                }
                            }
                            """) + Model),
                    },
                    ExpectedDiagnostics =
                    {
                        Verify.Diagnostic().WithLocation(0)
                            .WithArguments("order.Name", "a clause", "build the SQL from constant text and pass the values as parameters", " (a member of the parameter 'order' of ScriptRunner.Run)"),
                        Verify.Diagnostic().WithLocation(1).WithLocation(2)
                            .WithArguments("order.Name", "an identifier", Identifier, " (a member of the parameter 'order' of ScriptRunner.Run)"),
                    },
                },
            }.RunAsync();
        }

        /// <summary>
        /// A database provider that purges tables by name (seen on a real media server): it loops over a collection
        /// parameter, and its only caller, through the interface, passes the table names of the EF Core model. The
        /// elements of the collections the callers pass are judged, not the parameter.
        /// </summary>
        private static string PurgeProvider(string callers) => Usings + """"
            using Microsoft.EntityFrameworkCore.Metadata;

            public interface IDatabaseProvider
            {
                Task PurgeDatabase(DbContext dbContext, IEnumerable<string>? tableNames);
            }

            public sealed class SqliteDatabaseProvider : IDatabaseProvider
            {
                public async Task PurgeDatabase(DbContext dbContext, IEnumerable<string>? tableNames)
                {
                    ArgumentNullException.ThrowIfNull(tableNames);

                    var deleteQueries = new List<string>();
                    foreach (var tableName in tableNames)
                    {
                        deleteQueries.Add($"DELETE FROM \"{tableName}\";");
                    }

                    var deleteAllQuery =
                        $"""
                        PRAGMA foreign_keys = OFF;
                        {string.Join('\n', deleteQueries)}
                        PRAGMA foreign_keys = ON;
                        """;

                    await dbContext.Database.ExecuteSqlRawAsync({|#1:deleteAllQuery|});
                }
            }

            """" + callers + Model;

        [Fact]
        public async Task CollectionParameterLoopedOver_CallersPassModelNames_DoesNotReport()
        {
            await Verify.VerifyAnalyzerAsync(PurgeProvider("""
                public sealed class BackupService
                {
                    private readonly IDatabaseProvider _provider;

                    public BackupService(IDatabaseProvider provider) => _provider = provider;

                    public async Task RestoreAsync(Shop shop)
                    {
                        var tableNames = shop.Model.GetEntityTypes().Select(e => e.GetTableName()!);
                        await _provider.PurgeDatabase(shop, tableNames);
                        await _provider.PurgeDatabase(shop, new[] { "ActivityLogs", "Devices" });
                        await PurgeSome(shop, new List<string> { "Users" });
                    }

                    private Task PurgeSome(Shop shop, List<string> tables) => _provider.PurgeDatabase(shop, tables);
                }

                """));
        }

        [Fact]
        public async Task CollectionParameterLoopedOver_OneCallerPassesRequestData_ReportsThatCall()
        {
            await Verify.VerifyAnalyzerAsync(PurgeProvider("""
                public sealed class PurgeRequest
                {
                    public List<string> Tables { get; set; } = new();
                }

                public sealed class AdminController
                {
                    private readonly IDatabaseProvider _provider;

                    public AdminController(IDatabaseProvider provider) => _provider = provider;

                    public async Task Nightly(Shop shop) => await _provider.PurgeDatabase(shop, new[] { "ActivityLogs" });

                    public async Task Purge(Shop shop, PurgeRequest request) => await _provider.PurgeDatabase(shop, {|#0:request.Tables|});
                }

                """),
                Verify.Diagnostic().WithLocation(0).WithLocation(1)
                    .WithArguments("request.Tables", "an identifier", Identifier, " (a member of the parameter 'request' of AdminController.Purge; passed to SqliteDatabaseProvider.PurgeDatabase)"));
        }

        /// <summary>
        /// SQL that EF Core generates itself (a migration executor concatenating the history table's insert scripts, seen on a
        /// real payment server) and identifiers its SQL generator delimits are made by the framework, not from input.
        /// </summary>
        [Fact]
        public async Task SqlGeneratedByEfCore_DoesNotReport()
        {
            await Verify.VerifyAnalyzerAsync("using Microsoft.EntityFrameworkCore.Infrastructure;\nusing Microsoft.EntityFrameworkCore.Migrations;\nusing Microsoft.EntityFrameworkCore.Storage;\n" + Repo("""
                public async Task ApplyAsync(Shop shop, IReadOnlyList<string> migrationIds, CancellationToken cancellationToken)
                {
                    var history = shop.GetService<IHistoryRepository>();
                    var inserted = migrationIds.Select(id => new HistoryRow(id, "10.0.0")).ToList();
                    var insertMigrations = string.Concat(inserted.Select(r => history.GetInsertScript(r)).ToArray());
                    await shop.Database.ExecuteSqlRawAsync(insertMigrations, cancellationToken);
                    await shop.Database.ExecuteSqlRawAsync(history.GetCreateIfNotExistsScript() + "\n" + history.GetDeleteScript("Initial"), cancellationToken);

                    var sql = shop.GetService<ISqlGenerationHelper>();
                    shop.Database.ExecuteSqlRaw("DELETE FROM " + sql.DelimitIdentifier("Orders", "sales") + " WHERE 1 = 0");
                }
                """));
        }

        [Fact]
        public async Task SqlGeneratedByEfCoreNextToRequestText_ReportsTheRequestText()
        {
            await Verify.VerifyAnalyzerAsync("using Microsoft.EntityFrameworkCore.Migrations;\nusing Microsoft.EntityFrameworkCore.Infrastructure;\n" + Repo("""
                public void Apply(Shop shop, Order order)
                {
                    var history = shop.GetService<IHistoryRepository>();
                    shop.Database.ExecuteSqlRaw({|#0:history.GetDeleteScript("Initial") + "\nDELETE FROM Orders WHERE Name = '" + order.Name + "'"|});
                }
                """),
                Verify.Diagnostic().WithLocation(0).WithArguments("order.Name", "a value", "pass it as a parameter", " (a member of the parameter 'order' of Repo.Apply)"));
        }

        /// <summary><c>string.Concat</c> of an array handed over whole is judged by the array's elements, like <c>string.Join</c>.</summary>
        [Fact]
        public async Task ConcatOfAnArrayOfStatementsBuiltFromRequestText_Reports()
        {
            await Verify.VerifyAnalyzerAsync(Repo("""
                public void Purge(IDbConnection db, List<Order> orders)
                {
                    db.Execute(string.Concat(new[] { "DELETE FROM Orders WHERE Id = 1;", "DELETE FROM Lines;" }.Select(s => s + "\n").ToArray()));
                    db.Execute({|#0:string.Concat(orders.Select(o => "DELETE FROM " + o.Name + ";").ToArray())|});
                }
                """),
                Verify.Diagnostic().WithLocation(0).WithArguments(
                    "string.Concat(orders.Select(o => \"DELETE FROM \" + o.Name + …", "an identifier", Identifier, " (a member of the lambda parameter 'o' in Repo.Purge)"));
        }

        [Fact]
        public async Task MethodWithoutCallSite_IsJudgedInside()
        {
            await Verify.VerifyAnalyzerAsync(Repo("""
                public void Purge(IDbConnection db, string table) => db.Execute({|#0:$"DELETE FROM {table}"|});
                """),
                Verify.Diagnostic().WithLocation(0).WithArguments("table", "an identifier", Identifier, " (a parameter of Repo.Purge)"));
        }

        [Fact]
        public async Task ProgramMadeNames_DoNotReport()
        {
            await Verify.VerifyAnalyzerAsync(Repo("""
                private static readonly string[] Tables = { "A", "B" };

                public void Run(IDbConnection db, byte[] hash, byte[] digest)
                {
                    var t = "tmp_" + Guid.NewGuid().ToString("N");
                    db.Execute($"CREATE TABLE {t} (id int)");
                    db.Execute("DROP TABLE x_" + BitConverter.ToString(hash).Replace("-", ""));
                    db.Execute($"DROP TABLE y_{Convert.ToHexString(digest)}");
                    for (var i = 0; i < Tables.Length; i++)
                    {
                        db.Execute("DELETE FROM " + Tables[i]);
                    }

                    var sb = new StringBuilder("SELECT * FROM Orders WHERE 1 = 0");
                    for (var i = 0; i < 3; i++)
                    {
                        sb.Append($" OR Name LIKE @p{i}");
                    }

                    db.Query(sb.ToString());
                }
                """));
        }

        [Fact]
        public async Task EmbeddedScript_DoesNotReport()
        {
            await Verify.VerifyAnalyzerAsync(Repo("""
                public void Apply(IDbConnection db)
                {
                    using var stream = typeof(Repo).Assembly.GetManifestResourceStream("Scripts.Init.sql")!;
                    using var reader = new System.IO.StreamReader(stream);
                    var script = reader.ReadToEnd();
                    db.Execute("BEGIN;" + script + "COMMIT;");
                }
                """));
        }

        [Fact]
        public async Task FileScript_Reports()
        {
            await Verify.VerifyAnalyzerAsync(Repo("""
                public void Apply(IDbConnection db, string path)
                {
                    using var reader = new System.IO.StreamReader(path);
                    var script = {|#1:reader.ReadToEnd()|};
                    db.Execute({|#0:"BEGIN;" + script + "COMMIT;"|});
                }
                """),
                Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("reader.ReadToEnd()", "a clause", "build the SQL from constant text and pass the values as parameters", " (a file or network read)"));
        }

        [Fact]
        public async Task FieldBuiltFromConfigurationInConstructor_ReportsWhereItRuns()
        {
            await Verify.VerifyAnalyzerAsync(Repo("""
                private readonly string _pragma;

                public Repo(Microsoft.Extensions.Configuration.IConfiguration configuration)
                {
                    _pragma = "PRAGMA journal_mode=" + {|#1:configuration["JournalMode"]|} + ";";
                }

                public void Open(IDbConnection db) => db.Execute({|#0:_pragma|});
                """),
                Verify.Diagnostic().WithLocation(0).WithLocation(1)
                    .WithArguments("configuration[\"JournalMode\"]", "an identifier", Identifier, " (a configuration value)"));
        }

        /// <summary>
        /// The culture-explicit forms CA1305 asks for (<c>Append(IFormatProvider, $"…")</c>, <c>AppendLine(IFormatProvider, $"…")</c>,
        /// <c>string.Create(IFormatProvider, $"…")</c>) add their interpolated text like the plain forms: a request value in
        /// them is reported, numbers are not.
        /// </summary>
        [Theory]
        [InlineData("sql.AppendLine(CultureInfo.InvariantCulture, $\"ORDER BY {sort} LIMIT {limit}\");")]
        [InlineData("sql.Append(CultureInfo.InvariantCulture, $\"ORDER BY {sort} LIMIT {limit}\");")]
        [InlineData("sql.Append(string.Create(CultureInfo.InvariantCulture, $\"ORDER BY {sort} LIMIT {limit}\"));")]
        public async Task CultureExplicitAppends_AreRead(string append)
        {
            await Verify.VerifyAnalyzerAsync(Repo("""
                public IEnumerable<Order> Page(IDbConnection db, Microsoft.AspNetCore.Http.HttpRequest request, int limit)
                {
                    var sort = {|#1:request.Query["sort"].ToString()|};
                    var sql = new StringBuilder("SELECT * FROM Orders ");
                    sql.AppendLine(CultureInfo.InvariantCulture, $"WHERE Total > {limit * 10}");

                """ + "    " + append + """

                    return db.Query<Order>({|#0:sql.ToString()|});
                }

                public IEnumerable<Order> Recent(IDbConnection db, int limit)
                {
                    var sql = new StringBuilder("SELECT * FROM Orders ");
                """ + "    " + append.Replace("{sort}", "Created DESC") + """

                    return db.Query<Order>(sql.ToString());
                }
                """).Replace("using System.Linq;", "using System.Globalization;\nusing System.Linq;"),
                Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("request.Query[\"sort\"].ToString()", "an identifier", Identifier, ""));
        }

        /// <summary>A PRAGMA takes no parameters: a setting in it is named a name to check, not a value to parameterize.</summary>
        [Fact]
        public async Task PragmaFromConfiguration_IsAnIdentifierPosition()
        {
            await Verify.VerifyAnalyzerAsync(Repo("""
                private readonly string _pragma;

                public Repo(Microsoft.Extensions.Configuration.IConfiguration configuration)
                {
                    _pragma = $"PRAGMA foreign_keys=ON; PRAGMA journal_mode={{|#1:configuration["JournalMode"]|}};";
                }

                public void Open(IDbConnection db) => db.Execute({|#0:_pragma|});
                """),
                Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("configuration[\"JournalMode\"]", "an identifier", Identifier, " (a configuration value)"));
        }

        [Fact]
        public async Task FieldBuiltFromConstantsInConstructor_DoesNotReport()
        {
            await Verify.VerifyAnalyzerAsync(Repo("""
                private readonly string _pragma;

                public Repo(int cacheSize)
                {
                    _pragma = "PRAGMA cache_size=" + cacheSize + ";";
                }

                public void Open(IDbConnection db) => db.Execute(_pragma + "PRAGMA foreign_keys=ON;");
                """));
        }

        [Fact]
        public async Task WholeSubQuery_IsNamedASubQuery()
        {
            await Verify.VerifyAnalyzerAsync(Repo("""
                public long Count(IDbConnection db, string inner) => db.ExecuteScalar<long>({|#0:$"SELECT COUNT(*) FROM ({inner}) AS q"|});
                """),
                Verify.Diagnostic().WithLocation(0).WithArguments("inner", "a sub-query", "build the sub-query from constant text and pass its values as parameters", " (a parameter of Repo.Count)"));
        }
        /// <summary>
        /// A concrete table gateway created with target-typed <c>new(…)</c>: the call that passes a request header is still
        /// found among the code base's other target-typed creations (of other types, with other argument counts).
        /// </summary>
        [Theory]
        [InlineData("\"archive\"", false)]
        [InlineData("request.Query[\"schema\"].ToString()", true)]
        public async Task SchemaFromConstructor_TargetTypedCreation_IsJudged(string schemaArgument, bool reported)
        {
            var text = reported ? "{|#0:$\"SELECT COUNT(*) FROM [{_schema}].[Orders]\"|}" : "$\"SELECT COUNT(*) FROM [{_schema}].[Orders]\"";
            var source = """
                using System.Collections.Generic;
                using System.Data;
                using Dapper;
                using Microsoft.AspNetCore.Http;

                public sealed class OrderTable
                {
                    private readonly string _schema;

                    public OrderTable(string schema) => _schema = schema;

                    public long Count(IDbConnection db) => db.ExecuteScalar<long>(
                """ + text + """
                );
                }

                public sealed class OrderReports
                {
                    private readonly List<string> _names = new();
                    private readonly Dictionary<string, int> _totals = new(16);

                    public long Archived(IDbConnection db, HttpRequest request)
                    {
                        OrderTable table = new(
                """ + schemaArgument + """
                );
                        return table.Count(db);
                    }
                }
                """;
            if (reported)
            {
                await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("_schema", "an identifier", Identifier, ""));
            }
            else
            {
                await Verify.VerifyAnalyzerAsync(source);
            }
        }

        /// <summary>
        /// Constructor calls written with white space before the argument list and a qualified generic base type are found
        /// (the calls are located by searching the source text, so spacing and qualification must not hide them).
        /// </summary>
        [Theory]
        [InlineData("\"archive\"", "\"dbo\"", false)]
        [InlineData("request.Query[\"schema\"].ToString()", "\"dbo\"", true)]
        [InlineData("\"archive\"", "request.Headers[\"X-Schema\"].ToString()", true)]
        public async Task SchemaFromConstructor_SpacedAndQualifiedCalls_AreJudged(string createdWith, string baseWith, bool reported)
        {
            var text = reported ? "{|#0:$\"SELECT COUNT(*) FROM [{_schema}].[Orders]\"|}" : "$\"SELECT COUNT(*) FROM [{_schema}].[Orders]\"";
            var source = """
                using System.Data;
                using Dapper;
                using Microsoft.AspNetCore.Http;

                namespace Shop.Data
                {
                    public class Table<T>
                    {
                        private readonly string _schema;

                        public Table(string schema) => _schema = schema;

                        public long Count(IDbConnection db) => db.ExecuteScalar<long>(
                """ + text + """
                );
                    }
                }

                namespace Shop.Web
                {
                    public sealed class Order { }

                    public sealed class TenantOrders : Shop.Data.Table<Order>
                    {
                        public TenantOrders(HttpRequest request) : base (
                """ + baseWith + """
                ) { }
                    }

                    public sealed class Reports
                    {
                        public long Archived(IDbConnection db, HttpRequest request)
                        {
                            Shop.Data.Table<Order> table = new (
                """ + createdWith + """
                );
                            return table.Count(db);
                        }
                    }
                }
                """;
            if (reported)
            {
                await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("_schema", "an identifier", Identifier, ""));
            }
            else
            {
                await Verify.VerifyAnalyzerAsync(source);
            }
        }

            /// <summary>
        /// A generic repository base whose schema comes from an optional constructor parameter, called from the
        /// <c>: base(…)</c> of more repositories than the method call-site bound (80 here, as on a real code base). The
        /// rest of the code base's target-typed <c>new(…)</c> (hundreds on a real one) cannot call the abstract base and
        /// must not count against the constructor call-site bound.
        /// </summary>
        [Theory]
        [InlineData(80, "", false, 0)]
        [InlineData(80, ", request.Headers[\"X-Schema\"].ToString()", true, 0)]
        [InlineData(80, "", false, 400)]
        [InlineData(80, ", request.Headers[\"X-Schema\"].ToString()", true, 400)]
        public async Task SchemaFromConstructor_ManyDerivedRepositories_JudgedByEveryBaseCall(int repositories, string lastSchema, bool reported, int targetTypedElsewhere)
        {
            var derived = new System.Text.StringBuilder();
            derived.Append("public sealed class Lookups\n{\n");
            for (var i = 0; i < targetTypedElsewhere; i++)
            {
                derived.Append("    public System.Collections.Generic.List<int> L").Append(i).Append(" { get; } = new();\n");
                derived.Append("    public System.Text.StringBuilder B").Append(i).Append(" { get; } = new(\"x\");\n");
            }

            derived.Append("}\n");
            for (var i = 0; i < repositories - 1; i++)
            {
                derived.Append("public sealed class Repo").Append(i).Append(" : Repository<Entity> { public Repo").Append(i)
                    .Append("(string cs) : base(cs) { } }\n");
            }

            derived.Append("public sealed class TenantRepo : Repository<Entity> { public TenantRepo(string cs, Microsoft.AspNetCore.Http.HttpRequest request) : base(cs")
                .Append(lastSchema).Append(") { } }\n");
            var text = reported ? "{|#0:$\"[{Schema}].[Entity_ReadById]\"|}" : "$\"[{Schema}].[Entity_ReadById]\"";
            var source = """
                using System.Data;
                using Dapper;
                using Microsoft.Data.SqlClient;

                public sealed class Entity { }

                public abstract class Repository<T>
                {
                    protected Repository(string connectionString, string? schema = null)
                    {
                        ConnectionString = connectionString;
                        if (!string.IsNullOrWhiteSpace(schema))
                        {
                            Schema = schema;
                        }
                    }

                    protected string ConnectionString { get; }

                    protected string Schema { get; private set; } = "dbo";

                    public T? Get(System.Guid id)
                    {
                        using var connection = new SqlConnection(ConnectionString);
                        return connection.QuerySingleOrDefault<T>(
                """ + text + """
                , new { Id = id }, commandType: CommandType.StoredProcedure);
                    }
                }

                """ + derived;
            if (reported)
            {
                await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("Schema", "an identifier", Identifier, ""));
            }
            else
            {
                await Verify.VerifyAnalyzerAsync(source);
            }
        }
            /// <summary>
        /// The calls of a repository base are told apart by the arguments they write: a call that names the schema argument is
        /// judged by what it passes, a call that names only the other parameters leaves the schema at its default, and a call
        /// with a positional argument after a named one is bound to see which parameter it fills.
        /// </summary>
        [Theory]
        [InlineData("connectionString: cs", false)]
        [InlineData("cs, schema: \"archive\"", false)]
        [InlineData("schema: request.Headers[\"X-Schema\"].ToString(), connectionString: cs", true)]
        [InlineData("connectionString: cs, request.Headers[\"X-Schema\"].ToString()", true)]
        public async Task SchemaFromConstructor_NamedArguments_AreJudgedByTheParameterTheyFill(string baseArguments, bool reported)
        {
            var text = reported ? "{|#0:$\"[{Schema}].[Entity_ReadById]\"|}" : "$\"[{Schema}].[Entity_ReadById]\"";
            var source = """
                using System.Data;
                using Dapper;
                using Microsoft.AspNetCore.Http;
                using Microsoft.Data.SqlClient;

                public sealed class Entity { }

                public abstract class Repository<T>
                {
                    protected Repository(string connectionString, string schema = "dbo")
                    {
                        ConnectionString = connectionString;
                        Schema = schema;
                    }

                    protected string ConnectionString { get; }

                    protected string Schema { get; }

                    public T? Get(System.Guid id)
                    {
                        using var connection = new SqlConnection(ConnectionString);
                        return connection.QuerySingleOrDefault<T>(
                """ + text + """
                , new { Id = id }, commandType: CommandType.StoredProcedure);
                    }
                }

                public sealed class EntityRepository : Repository<Entity>
                {
                    public EntityRepository(string cs) : base(cs) { }
                }

                public sealed class TenantRepository : Repository<Entity>
                {
                    public TenantRepository(string cs, HttpRequest request) : base(
                """ + baseArguments + """
                ) { }
                }
                """;
            if (reported)
            {
                await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("Schema", "an identifier", Identifier, ""));
            }
            else
            {
                await Verify.VerifyAnalyzerAsync(source);
            }
        }

        /// <summary>
        /// Every place found by the type's name leaves the schema at its default, but none of them calls this constructor (they
        /// create a namesake class of another namespace): a constructor nobody calls is not trusted, so the text is judged where
        /// it is built.
        /// </summary>
        [Fact]
        public async Task SchemaFromConstructor_OnlyANamesakeIsCreated_IsNotTrusted()
        {
            const string source = """
                using System.Data;
                using Dapper;
                using Microsoft.Data.SqlClient;

                namespace Shop.Data
                {
                    public class Repository
                    {
                        public Repository(string connectionString, string schema)
                        {
                            ConnectionString = connectionString;
                            Schema = schema;
                        }

                        private string ConnectionString { get; }

                        private string Schema { get; }

                        public int Count()
                        {
                            using var connection = new SqlConnection(ConnectionString);
                            return connection.ExecuteScalar<int>({|#0:$"SELECT COUNT(*) FROM [{Schema}].[Orders]"|});
                        }
                    }
                }

                namespace Shop.Cache
                {
                    public class Repository
                    {
                        public Repository(string name) => Name = name;

                        public string Name { get; }
                    }

                    public static class Caches
                    {
                        public static Repository Orders() => new Repository("orders");
                    }
                }
                """;
            await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("Schema", "an identifier", Identifier, ""));
        }

        /// <summary>A generic helper that formats its argument (IFormattable, invariant culture) keeps the argument's type.</summary>
        [Theory]
        [InlineData("long", false)]
        [InlineData("OrderStatus", false)]
        [InlineData("DateTime", false)]
        [InlineData("string", true)]
        public async Task GenericFormattingHelper_IsJudgedByTheTypeOfWhatItFormats(string type, bool reported)
        {
            var helper = ("Data/SqlValueFormat.cs", Usings + """
                public static class SqlValueFormat
                {
                    public static string Invariant<T>(T value)
                        => value is IFormattable formattable
                            ? formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture)
                            : string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0}", value);
                }
                """);
            var sink = reported ? "{|#0:sql|}" : "sql";
            var repository = ("Data/BlockStats.cs", Usings + $$"""
                public class BlockStats
                {
                    public long Count(DbConnection connection, {{type}} key)
                    {
                        var where = $"Key = {SqlValueFormat.Invariant(key)}";
                        var sql = "SELECT COUNT(*) FROM Blocks WHERE " + where;
                        using var cmd = connection.CreateCommand();
                        cmd.CommandText = {{sink}};
                        return (long)cmd.ExecuteScalar()!;
                    }
                }
                """ + Model);
            var test = new Verify.Test { TestState = { Sources = { helper, repository } } };
            if (reported)
            {
                test.TestState.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithSpan("Data/BlockStats.cs", 17, 55, 17, 58)
                    .WithArguments("key", "a value", "pass it as a parameter", " (a parameter of BlockStats.Count)"));
            }

            await test.RunAsync();
        }

        /// <summary>A protected field is followed into the types deriving from its type: there it is written from a hex GUID.</summary>
        [Theory]
        [InlineData("BackupIds.NewHexId()", false)]
        [InlineData("Environment.GetEnvironmentVariable(\"RESTORE_TABLE\")", true)]
        public async Task ProtectedFieldWrittenByDerivedTypes_IsJudgedByThoseWrites(string name, bool reported)
        {
            var ids = ("Backup/BackupIds.cs", Usings + """
                public static class BackupIds
                {
                    public static string NewHexId() => BitConverter.ToString(Guid.NewGuid().ToByteArray()).Replace("-", string.Empty);
                }
                """);
            var sink = reported ? "{|#0:$\"DROP TABLE IF EXISTS \\\"{m_fileTable}\\\"\"|}" : "$\"DROP TABLE IF EXISTS \\\"{m_fileTable}\\\"\"";
            var baseType = ("Backup/RestoreDatabaseBase.cs", Usings + $$"""
                public abstract class RestoreDatabaseBase
                {
                    protected readonly DbConnection Connection;
                    protected string? m_fileTable;

                    protected RestoreDatabaseBase(DbConnection connection) => Connection = connection;

                    public void DropTables()
                    {
                        if (m_fileTable is null)
                        {
                            return;
                        }

                        using var cmd = Connection.CreateCommand();
                        cmd.CommandText = {{sink}};
                        cmd.ExecuteNonQuery();
                        m_fileTable = null;
                    }
                }
                """ + Model);
            var derived = ("Backup/RestoreDatabase.cs", Usings + $$"""
                public sealed class RestoreDatabase : RestoreDatabaseBase
                {
                    public RestoreDatabase(DbConnection connection) : base(connection) { }

                    public void Prepare() => m_fileTable = "Fileset-" + {{name}};
                }
                """);
            var test = new Verify.Test { TestState = { Sources = { ids, baseType, derived } } };
            if (reported)
            {
                test.TestState.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithSpan("Backup/RestoreDatabase.cs", 17, 57, 17, 108)
                    .WithArguments("Environment.GetEnvironmentVariable(\"RESTORE_TABLE\")", "an identifier", Identifier, " (an environment variable)"));
            }

            await test.RunAsync();
        }

        /// <summary>
        /// A static member any code can set (a dialect switch the host flips at startup): no binder or serializer sets a
        /// static member, so its initializer and every assignment in the compilation are its values — trusted when all are,
        /// reported (at the sink, naming the part) when one is configuration, and not followed after a compound assignment.
        /// </summary>
        [Theory]
        [InlineData("property", "\"last_insert_id()\"", false)]
        [InlineData("field", "\"last_insert_id()\"", false)]
        [InlineData("property", "configuration[\"Dialect:LastId\"]!", true)]
        [InlineData("field", "configuration[\"Dialect:LastId\"]!", true)]
        [InlineData("property", "null!; SqlDialect.LastInsertedId += \"\"", true)]
        public async Task StaticMemberSetAcrossTheCompilation_IsJudgedByEveryWrite(string kind, string hostValue, bool reported)
        {
            var declaration = kind == "property"
                ? "public static string LastInsertedId { get; set; } = \"last_insert_rowid()\";"
                : "public static string LastInsertedId = \"last_insert_rowid()\";";
            var dialect = ("Data/SqlDialect.cs", Usings + $$"""
                public static class SqlDialect
                {
                    {{declaration}}
                }
                """);
            var host = ("Host/Startup.cs", Usings + $$"""
                public static class Startup
                {
                    public static void UseMySql(Microsoft.Extensions.Configuration.IConfiguration configuration)
                    {
                        SqlDialect.LastInsertedId = {{hostValue}};
                    }

                    public static void UseSqlite() => SqlDialect.LastInsertedId = "last_insert_rowid()";
                }
                """);
            var sink = reported ? "{|#0:$\"INSERT INTO Posters (Path) VALUES (@Path); SELECT {SqlDialect.LastInsertedId}\"|}" : "$\"INSERT INTO Posters (Path) VALUES (@Path); SELECT {SqlDialect.LastInsertedId}\"";
            var repository = ("Data/ArtworkRepository.cs", Usings + $$"""
                public sealed class ArtworkRepository
                {
                    private readonly DbConnection _connection;

                    public ArtworkRepository(DbConnection connection) => _connection = connection;

                    public Task<int> AddAsync(string path) => _connection.QuerySingleAsync<int>({{sink}}, new { Path = path });
                }
                """);
            var test = new Verify.Test { TestState = { Sources = { dialect, host, repository } } };
            test.TestState.AdditionalReferences.Add(typeof(Microsoft.Extensions.Configuration.IConfiguration).Assembly.Location);
            if (reported)
            {
                test.TestState.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithArguments(
                    "SqlDialect.LastInsertedId", "an identifier", Identifier, string.Empty));
            }

            await test.RunAsync();
        }

        /// <summary>
        /// A static factory sets a private field on the instance it creates (<c>db.m_deletedTable = …</c>): that write is
        /// one of the field's values, as is a write from a nested type.
        /// </summary>
        [Theory]
        [InlineData("$\"DeletedBlock-{BackupIds.NewHexId()}\"", "", false)]
        [InlineData("$\"DeletedBlock-{BackupIds.NewHexId()}\"", "owner.m_deletedTable = Environment.GetEnvironmentVariable(\"DELETED_TABLE\");", true)]
        [InlineData("Environment.GetEnvironmentVariable(\"DELETED_TABLE\")", "", true)]
        public async Task PrivateFieldSetByAStaticFactoryOnItsInstance_IsJudgedByThoseWrites(string value, string nestedWrite, bool reported)
        {
            var ids = ("Backup/BackupIds.cs", Usings + """
                public static class BackupIds
                {
                    public static string NewHexId() => Convert.ToHexString(Guid.NewGuid().ToByteArray());
                }
                """);
            var sink = reported ? "{|#0:$\"DROP TABLE \\\"{m_deletedTable}\\\"\"|}" : "$\"DROP TABLE \\\"{m_deletedTable}\\\"\"";
            var database = ("Backup/BackupDatabase.cs", Usings + $$"""
                public sealed class BackupDatabase
                {
                    private readonly DbConnection _connection;
                    private string? m_deletedTable;

                    private BackupDatabase(DbConnection connection) => _connection = connection;

                    public static BackupDatabase Create(DbConnection connection, bool cacheDeletedBlocks)
                    {
                        var dbnew = new BackupDatabase(connection);
                        if (cacheDeletedBlocks)
                        {
                            dbnew.m_deletedTable = {{value}};
                        }

                        return dbnew;
                    }

                    public void Close()
                    {
                        if (m_deletedTable is null)
                        {
                            return;
                        }

                        using var cmd = _connection.CreateCommand();
                        cmd.CommandText = {{sink}};
                        cmd.ExecuteNonQuery();
                    }

                    private sealed class Reset
                    {
                        public void Apply(BackupDatabase owner)
                        {
                            {{nestedWrite}}
                        }
                    }
                }
                """ + Model);
            var test = new Verify.Test { TestState = { Sources = { ids, database } } };
            if (reported)
            {
                // A value copied into the field is named as the field; text built with it names the part it was built from.
                test.TestState.ExpectedDiagnostics.Add(nestedWrite.Length == 0
                    ? Verify.Diagnostic().WithLocation(0).WithArguments("m_deletedTable", "an identifier", Identifier, "")
                    : Verify.Diagnostic().WithLocation(0).WithSpan("Backup/BackupDatabase.cs", 47, 36, 47, 87)
                        .WithArguments("Environment.GetEnvironmentVariable(\"DELETED_TABLE\")", "an identifier", Identifier, " (an environment variable)"));
            }

            await test.RunAsync();
        }

        /// <summary>
        /// A factory of a private nested class is called only from the type that holds it: its calls are found there even
        /// when the compilation has more same-named calls than the bound (every database type has a CreateAsync).
        /// </summary>
        [Theory]
        [InlineData("m_blockTable", false)]
        [InlineData("request.Table", true)]
        public async Task FactoryOfAPrivateNestedClass_IsJudgedByTheCallsInItsType(string argument, bool reported)
        {
            var test = new Verify.Test();
            for (var i = 0; i < SqlCallSites.MaxCallSites + 6; i++)
            {
                test.TestState.Sources.Add(($"Data/Store{i}.cs", Usings + $$"""
                    public sealed class Store{{i}}
                    {
                        public static Task<Store{{i}}> CreateAsync() => Task.FromResult(new Store{{i}}());

                        public async Task<Store{{i}}> OpenAsync() => await CreateAsync();
                    }
                    """));
            }

            var passed = reported ? "{|#0:request.Table|}" : argument;
            test.TestState.Sources.Add(("Data/RestoreDatabase.cs", Usings + $$"""
                public sealed record RestoreRequest(string Table);

                public sealed class RestoreDatabase
                {
                    private readonly DbConnection _connection;
                    private readonly string m_blockTable = "Blocks-" + Convert.ToHexString(Guid.NewGuid().ToByteArray());

                    public RestoreDatabase(DbConnection connection) => _connection = connection;

                    public async Task<int> MarkAsync(RestoreRequest request)
                    {
                        var marker = await BlockMarker.CreateAsync(_connection, {{passed}});
                        return marker.Mark(42);
                    }

                    private sealed class BlockMarker
                    {
                        private readonly DbCommand _update;

                        private BlockMarker(DbCommand update) => _update = update;

                        public int Mark(long id)
                        {
                            _update.Parameters.Clear();
                            var parameter = _update.CreateParameter();
                            parameter.ParameterName = "@id";
                            parameter.Value = id;
                            _update.Parameters.Add(parameter);
                            return _update.ExecuteNonQuery();
                        }

                        public static async Task<BlockMarker> CreateAsync(DbConnection connection, string blockTable)
                        {
                            var cmd = connection.CreateCommand();
                            cmd.CommandText = {|#1:$"UPDATE \"{blockTable}\" SET \"Restored\" = 1 WHERE \"ID\" = @id"|};
                            await Task.Yield();
                            return new BlockMarker(cmd);
                        }
                    }
                }
                """ + Model));
            if (reported)
            {
                test.TestState.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithLocation(1)
                    .WithArguments("request.Table", "an identifier", Identifier, " (a member of the parameter 'request' of RestoreDatabase.MarkAsync; passed to BlockMarker.CreateAsync)"));
            }

            await test.RunAsync();
        }

        /// <summary>
        /// Locals given by a deconstruction (<c>var (added, deleted) = GetSqls(true)</c>) are the elements of the tuple
        /// the helper returns, each judged on its own.
        /// </summary>
        [Theory]
        [InlineData("\"Path\"", false)]
        [InlineData("filter.Column", true)]
        public async Task LocalsFromADeconstructedTupleHelper_AreJudgedByTheirElement(string column, bool reported)
        {
            var changes = ("Data/ListChanges.cs", Usings + $$""""
                public sealed record ChangeFilter(string Column);

                public sealed class ListChanges
                {
                    private readonly DbConnection _connection;
                    private readonly string m_currentTable = "Current-" + Convert.ToHexString(Guid.NewGuid().ToByteArray());
                    private readonly string m_previousTable = "Previous-" + Convert.ToHexString(Guid.NewGuid().ToByteArray());

                    public ListChanges(DbConnection connection) => _connection = connection;

                    private (string Added, string Deleted, string Order) GetSqls(bool allTypes, ChangeFilter filter)
                    {
                        return (
                            $@"SELECT ""Path"" FROM ""{m_currentTable}"" WHERE {(allTypes ? "" : @"""Type"" = @Type AND ")}""Path"" NOT IN (SELECT ""Path"" FROM ""{m_previousTable}"")",
                            $@"SELECT ""Path"" FROM ""{m_previousTable}"" WHERE ""Path"" NOT IN (SELECT ""Path"" FROM ""{m_currentTable}"")",
                            {{column}});
                    }

                    public long AddedSize(ChangeFilter filter)
                    {
                        var (added, _, order) = GetSqls(true, filter);
                        using var cmd = _connection.CreateCommand();
                        cmd.CommandText = $@"SELECT SUM(""Size"") FROM ""{m_currentTable}"" WHERE ""Path"" IN ({added})"; // OK: program-made text
                        var total = (long)cmd.ExecuteScalar()!;
                        cmd.CommandText = {|#0:$@"SELECT ""Path"" FROM ({added}) ORDER BY {order}"|};
                        cmd.ExecuteNonQuery();
                        return total;
                    }

                    public void Literal(ChangeFilter filter)
                    {
                        (string table, string sort) = ("Series", filter.Column);
                        using var cmd = _connection.CreateCommand();
                        cmd.CommandText = $"DELETE FROM {table}"; // OK: the constant element
                        cmd.ExecuteNonQuery();
                        cmd.CommandText = {|#1:$"SELECT * FROM {table} ORDER BY {sort}"|};
                        cmd.ExecuteNonQuery();
                    }
                }
                """" + Model);
            var test = new Verify.Test { TestState = { Sources = { changes } } };
            test.TestState.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(1).WithSpan("Data/ListChanges.cs", 44, 50, 44, 63)
                .WithArguments("filter.Column", "an identifier", Identifier, " (a member of the parameter 'filter' of ListChanges.Literal)"));
            if (reported)
            {
                test.TestState.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithSpan("Data/ListChanges.cs", 28, 13, 28, 26)
                    .WithArguments("filter.Column", "an identifier", Identifier, " (a member of the parameter 'filter' of ListChanges.GetSqls)"));
            }

            await test.RunAsync();
        }

        /// <summary>
        /// A helper called in a loop over an array literal of constant objects (<c>t.Table</c> of each element): judged by
        /// the members' values in every element; reported at the call when one element carries a parameter's text.
        /// </summary>
        [Theory]
        [InlineData("new { Table = \"ConnectionString\", Column = \"BaseUrl\" }", false)]
        [InlineData("new { Table = \"ConnectionString\", Column = extraColumn }", true)]
        public async Task HelperCalledOverAConstantObjectSet_IsJudgedByEachElementsMembers(string last, bool reported)
        {
            var source = Usings + $$"""
                public sealed class WipeTarget
                {
                    public string Table { get; init; } = "";

                    public string Column { get; init; } = "";
                }

                public static class WipeEncryption
                {
                    public static async Task<long> WipeAsync(DbConnection con, string extraColumn)
                    {
                        var targets = new[]
                        {
                            new { Table = "Backup", Column = "TargetURL" },
                            new { Table = "Source", Column = "Path" },
                            {{last}},
                        };

                        long total = 0;
                        foreach (var t in targets)
                        {
                            total += await WipeColumnAsync(con, t.Table, {{(reported ? "{|#0:t.Column|}" : "t.Column")}});
                        }

                        foreach (var option in new[] { new WipeTarget { Table = "Option", Column = "Value" }, new WipeTarget { Table = "Setting", Column = "Value" } })
                        {
                            total += await WipeColumnAsync(con, option.Table, option.Column);
                        }

                        return total;
                    }

                    private static async Task<long> WipeColumnAsync(DbConnection con, string table, string column)
                    {
                        using var cmd = con.CreateCommand();
                        cmd.CommandText = {|#1:$"UPDATE \"{table}\" SET \"{column}\" = '' WHERE \"{column}\" LIKE 'enc-v1:%'"|};
                        return await cmd.ExecuteNonQueryAsync();
                    }
                }
                """ + Model;
            if (reported)
            {
                await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic().WithLocation(0).WithLocation(1)
                    .WithArguments("extraColumn", "an identifier", Identifier, " (a parameter of WipeEncryption.WipeAsync; passed to WipeEncryption.WipeColumnAsync)"));
            }
            else
            {
                await Verify.VerifyAnalyzerAsync(source.Replace("{|#1:", string.Empty).Replace("|};", ";"));
            }
        }

        /// <summary>An awaited async helper that returns a WHERE clause with its parameter values, deconstructed by the caller.</summary>
        [Theory]
        [InlineData("query.Append(\" AND \\\"Name\\\" LIKE @Name\");", false)]
        [InlineData("query.Append(\" AND \\\"Name\\\" LIKE '\" + name + \"'\");", true)]
        public async Task LocalsFromAnAwaitedTupleHelper_AreJudgedByTheirElement(string nameFilter, bool reported)
        {
            var source = Usings + $$"""
                public sealed class FilesetQueries
                {
                    private readonly DbConnection _connection;

                    public FilesetQueries(DbConnection connection) => _connection = connection;

                    public async Task<(string Query, Dictionary<string, object?> Values)> GetWhereClauseAsync(DateTime time, long[] versions, string name)
                    {
                        await Task.Yield();
                        var query = new StringBuilder(" WHERE \"Timestamp\" <= @Timestamp");
                        var args = new Dictionary<string, object?> { ["@Timestamp"] = time.Ticks };
                        var list = new StringBuilder();
                        foreach (var v in versions)
                        {
                            var argName = $"@Fileset{v.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
                            args.Add(argName, v);
                            list.Append(argName);
                            list.Append(',');
                        }

                        if (list.Length > 0)
                        {
                            query.Append(" OR \"ID\" IN (" + list.ToString(0, list.Length - 1) + ")");
                        }

                        {{nameFilter}}
                        return (query.ToString(), args);
                    }

                    public async Task<long> CountAsync(DateTime time, long[] versions, string name)
                    {
                        (var where, var values) = await GetWhereClauseAsync(time, versions, name).ConfigureAwait(false);
                        using var cmd = _connection.CreateCommand();
                        cmd.CommandText = {{(reported ? "{|#0:$\"SELECT COUNT(*) FROM \\\"Fileset\\\" {where}\"|}" : "$\"SELECT COUNT(*) FROM \\\"Fileset\\\" {where}\"")}};
                        foreach (var pair in values)
                        {
                            var parameter = cmd.CreateParameter();
                            parameter.ParameterName = pair.Key;
                            parameter.Value = pair.Value;
                            cmd.Parameters.Add(parameter);
                        }

                        return (long)(await cmd.ExecuteScalarAsync())!;
                    }
                }
                """ + Model;
            if (reported)
            {
                await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic().WithLocation(0).WithSpan(44, 77, 44, 81)
                    .WithArguments("name", "a value", "pass it as a parameter", " (a parameter of FilesetQueries.CountAsync)"));
            }
            else
            {
                await Verify.VerifyAnalyzerAsync(source);
            }
        }

        /// <summary>A tuple kept whole in a local (<c>var clause = await …</c>) and read by element name (<c>clause.Query</c>).</summary>
        [Theory]
        [InlineData("\" WHERE \\\"ID\\\" = @Id\"", false)]
        [InlineData("\" WHERE \\\"Name\\\" = '\" + name + \"'\"", true)]
        public async Task TupleElementReadFromALocal_IsJudgedByThatElement(string where, bool reported)
        {
            var source = Usings + $$"""
                public sealed class BrokenFiles
                {
                    private readonly DbConnection _connection;

                    public BrokenFiles(DbConnection connection) => _connection = connection;

                    private async Task<(string Query, Dictionary<string, object?> Values)> WhereClauseAsync(long id, string name)
                    {
                        await Task.Yield();
                        return ({{where}}, new Dictionary<string, object?> { ["@Id"] = id });
                    }

                    public async Task<long> CountAsync(long id, string name)
                    {
                        var clause = await WhereClauseAsync(id, name);
                        var query = "SELECT COUNT(*) FROM \"Fileset\"";
                        if (!string.IsNullOrWhiteSpace(clause.Query))
                        {
                            query += $" {clause.Query}";
                        }

                        using var cmd = _connection.CreateCommand();
                        cmd.CommandText = {{(reported ? "{|#0:query|}" : "query")}};
                        return (long)(await cmd.ExecuteScalarAsync())!;
                    }
                }
                """ + Model;
            if (reported)
            {
                await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic().WithLocation(0).WithSpan(27, 49, 27, 53)
                    .WithArguments("name", "a value", "pass it as a parameter", " (a parameter of BrokenFiles.CountAsync)"));
            }
            else
            {
                await Verify.VerifyAnalyzerAsync(source);
            }
        }

        /// <summary>
        /// The RawSql of a SqlBuilder template (Dapper.SqlBuilder's shape, kept as a copy in the code base) wrapped in an
        /// outer select whose column list every caller passes as a constant: quiet; a caller passing request text is reported.
        /// </summary>
        [Theory]
        [InlineData("\"SUM(\\\"Size\\\")\"", false)]
        [InlineData("request.Columns", true)]
        public async Task SqlBuilderTemplateWrappedInAnOuterSelect_IsJudgedByTheOuterParts(string outerSelect, bool reported)
        {
            var builder = ("Datastore/SqlBuilder.cs", Usings + """
                public class SqlBuilder
                {
                    private readonly List<string> _where = new();

                    public Template AddTemplate(string sql) => new Template(this, sql);

                    public SqlBuilder Where(string sql)
                    {
                        _where.Add(sql);
                        return this;
                    }

                    public class Template
                    {
                        private readonly SqlBuilder _builder;
                        private readonly string _sql;

                        public Template(SqlBuilder builder, string sql)
                        {
                            _builder = builder;
                            _sql = sql;
                        }

                        public string RawSql => _sql.Replace("/**where**/", _builder._where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", _builder._where));

                        public object Parameters => new { };
                    }
                }
                """);
            var statistics = ("Statistics/StatisticsRepository.cs", Usings + $$"""
                public sealed record StatisticsRequest(string Columns);

                public sealed class StatisticsRepository
                {
                    private readonly IDbConnection _db;

                    public StatisticsRepository(IDbConnection db) => _db = db;

                    public long TotalSize(StatisticsRequest request) =>
                        QueryGrouped<long>(new SqlBuilder().Where("\"Monitored\" = 1"), "SELECT \"Size\" FROM \"Episodes\" /**where**/", {{(reported ? "{|#0:" + outerSelect + "|}" : outerSelect)}});

                    public long EpisodeCount() =>
                        QueryGrouped<long>(new SqlBuilder(), "SELECT \"Id\" FROM \"Episodes\" /**where**/", "COUNT(*)");

                    private T QueryGrouped<T>(SqlBuilder builder, string template, string outerSelect)
                    {
                        var sql = builder.AddTemplate(template);
                        var wrappedSql = $"SELECT {outerSelect} FROM ({sql.RawSql}) AS \"Grouped\"";
                        return _db.Query<T>({{(reported ? "{|#1:wrappedSql|}" : "wrappedSql")}}, sql.Parameters).Single();
                    }
                }
                """ + Model);
            var test = new Verify.Test { TestState = { Sources = { builder, statistics } } };
            if (reported)
            {
                test.TestState.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithLocation(1)
                    .WithArguments("request.Columns", "an identifier", Identifier, " (a member of the parameter 'request' of StatisticsRepository.TotalSize; passed to StatisticsRepository.QueryGrouped)"));
            }

            await test.RunAsync();
        }

        /// <summary>A private field also written by a deconstruction is not followed: its text is reported as the field.</summary>
        [Fact]
        public async Task PrivateFieldWrittenByADeconstruction_IsNotFollowed()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                public sealed class ScratchTables
                {
                    private readonly DbConnection _connection;
                    private string _table = "tmp_" + Guid.NewGuid().ToString("N");
                    private int _rows;

                    public ScratchTables(DbConnection connection) => _connection = connection;

                    public void Rename(string table, int rows) => (_table, _rows) = (table, rows);

                    public void Drop()
                    {
                        using var cmd = _connection.CreateCommand();
                        cmd.CommandText = {|#0:$"DROP TABLE {_table}"|};
                        cmd.ExecuteNonQuery();
                    }
                }
                """ + Model, Verify.Diagnostic().WithLocation(0).WithArguments("_table", "an identifier", Identifier, ""));
        }

        private const string PurgeSetAndBrokenFiles = """
            public sealed class PurgeSet
            {
                private readonly DbConnection _connection;
                private readonly string _table = "purge_" + Guid.NewGuid().ToString("N");

                public PurgeSet(DbConnection connection) => _connection = connection;

                public async Task<int> ApplyAsync(Func<DbCommand, string, Task<int>> filter)
                {
                    await using var cmd = _connection.CreateCommand();
                    return await filter(cmd, _table);
                }
            }

            public sealed class BrokenFiles
            {
                private readonly DbConnection _connection;

                public BrokenFiles(DbConnection connection) => _connection = connection;

                public async Task<int> MarkAsync(DbCommand cmd, string table)
                {
                    cmd.CommandText = {|#1:$"INSERT INTO \"{table}\" (FileID) SELECT ID FROM Files WHERE Broken = 1"|};
                    return await cmd.ExecuteNonQueryAsync();
                }
            }

            """;

        /// <summary>
        /// Seen on a real backup tool: a lambda's parameter is judged by the invocations of the delegate it becomes. The purge
        /// set hands the callback its own GUID-named scratch table, so the table name the callback passes on is trusted.
        /// </summary>
        [Fact]
        public async Task LambdaParameter_IsJudgedByTheDelegatesInvocations()
        {
            await Verify.VerifyAnalyzerAsync(Usings + PurgeSetAndBrokenFiles.Replace("{|#1:", string.Empty).Replace("|};", ";") + """
                public sealed class PurgeBrokenFiles
                {
                    public Task<int> RunAsync(PurgeSet set, BrokenFiles broken) =>
                        set.ApplyAsync((cmd, table) => broken.MarkAsync(cmd, table));

                    public Task<int> RunInlineAsync(PurgeSet set) =>
                        set.ApplyAsync(async (cmd, table) =>
                        {
                            cmd.CommandText = $"DELETE FROM \"{table}\" WHERE FileID IS NULL";
                            return await cmd.ExecuteNonQueryAsync();
                        });
                }
                """ + Model);
        }

        /// <summary>
        /// The shape it was seen in: the callback goes through a handler's public method, a private one and an interface
        /// before the implementation invokes it with its private scratch table (a field set from a GUID in its factory).
        /// </summary>
        [Fact]
        public async Task LambdaParameter_FollowedThroughMethodsAndAnInterfaceToTheInvocation()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                public interface ITemporaryFileset
                {
                    Task ApplyFilterAsync(Func<DbCommand, long, string, Task<int>> filter, CancellationToken token);
                }

                public sealed class PurgeDatabase
                {
                    private readonly DbConnection _connection;

                    public PurgeDatabase(DbConnection connection) => _connection = connection;

                    public ITemporaryFileset CreateTemporaryFileset(long parentId) => TemporaryFileset.Create(_connection, parentId);

                    private sealed class TemporaryFileset : ITemporaryFileset
                    {
                        private DbConnection _connection = null!;
                        private string _tableName = null!;
                        private long _parentId;

                        public static TemporaryFileset Create(DbConnection connection, long parentId)
                        {
                            var fileset = new TemporaryFileset();
                            fileset._connection = connection;
                            fileset._parentId = parentId;
                            fileset._tableName = "DeletedFiles-" + Guid.NewGuid().ToString("N");
                            return fileset;
                        }

                        public async Task ApplyFilterAsync(Func<DbCommand, long, string, Task<int>> filter, CancellationToken token)
                        {
                            await using var cmd = _connection.CreateCommand();
                            var updated = await filter(cmd, _parentId, _tableName);
                            token.ThrowIfCancellationRequested();
                        }
                    }
                }

                public sealed class PurgeFilesHandler
                {
                    public Task RunAsync(PurgeDatabase db, long filesetId, Func<DbCommand, long, string, Task<int>> filter) =>
                        DoRunAsync(db, filesetId, filter);

                    private async Task DoRunAsync(PurgeDatabase db, long filesetId, Func<DbCommand, long, string, Task<int>>? filter)
                    {
                        if (filter == null)
                        {
                            return;
                        }

                        var fileset = db.CreateTemporaryFileset(filesetId);
                        await fileset.ApplyFilterAsync(filter, CancellationToken.None);
                    }
                }

                public sealed class BrokenFilesDatabase
                {
                    public async Task<int> InsertBrokenFileIdsAsync(DbCommand cmd, long filesetId, string tableName)
                    {
                        cmd.CommandText = $"INSERT INTO \"{tableName}\" (\"FileID\") SELECT \"ID\" FROM \"Files\" WHERE \"FilesetID\" = {filesetId}";
                        return await cmd.ExecuteNonQueryAsync();
                    }
                }

                public sealed class PurgeBrokenFilesHandler
                {
                    public Task RunAsync(PurgeDatabase db, BrokenFilesDatabase broken, long filesetId) =>
                        new PurgeFilesHandler().RunAsync(db, filesetId, async (cmd, id, tablename) =>
                        {
                            if (id != filesetId)
                            {
                                throw new InvalidOperationException("Unexpected fileset");
                            }

                            return await broken.InsertBrokenFileIdsAsync(cmd, id, tablename);
                        });
                }
                """ + Model);
        }

        /// <summary>
        /// The code that invokes the delegate passes request text: reported at that argument, with the SQL text the lambda's
        /// parameter reaches as the second location. A lambda stored in a field is not followed (judged where the text is
        /// built, as before).
        /// </summary>
        [Fact]
        public async Task LambdaParameter_InvokedWithRequestText_ReportsAtTheInvocation()
        {
            await Verify.VerifyAnalyzerAsync(Usings + PurgeSetAndBrokenFiles + """
                public sealed class ArchiveRequest
                {
                    public string Table { get; set; } = "";
                }

                public sealed class ArchiveRunner
                {
                    private readonly DbConnection _connection;

                    public ArchiveRunner(DbConnection connection) => _connection = connection;

                    public async Task<int> RunAsync(ArchiveRequest request, Func<DbCommand, string, Task<int>> step)
                    {
                        await using var cmd = _connection.CreateCommand();
                        return await step(cmd, {|#0:request.Table|});
                    }
                }

                public sealed class Archive
                {
                    private Func<DbCommand, string, Task<int>>? _stored;

                    public Task<int> RunAsync(ArchiveRunner runner, ArchiveRequest request, BrokenFiles broken) =>
                        runner.RunAsync(request, (cmd, table) => broken.MarkAsync(cmd, table));

                    public void Keep() => _stored = (cmd, table) =>
                    {
                        cmd.CommandText = {|#2:"DROP TABLE " + table|};
                        return cmd.ExecuteNonQueryAsync();
                    };
                }
                """ + Model,
                Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("request.Table", "an identifier", Identifier, " (a member of the parameter 'request' of ArchiveRunner.RunAsync; passed to the lambda in Archive.RunAsync)"),
                Verify.Diagnostic().WithLocation(2).WithArguments("table", "an identifier", Identifier, " (a parameter of a lambda in Archive.Keep)"));
        }
    
        /// <summary>
        /// A schema upgrader's table-rebuild helper: index names cut (<c>command[start..]</c>) from the constant index
        /// commands its callers pass, and a command list with those commands inserted (<c>InsertRange</c>) and run one by
        /// one. Every part is the program's own text, judged at the callers; one admin entry point that passes index
        /// commands it was handed is reported at that argument.
        /// </summary>
        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public async Task TableRebuildHelper_CutsIndexNamesFromItsCallersConstantCommands(bool adminPassesItsOwn)
        {
            var rebuilder = ("Data/ShelfSchemaUpgrades.cs", Usings + """
                public sealed class ShelfSchemaUpgrades
                {
                    public void Upgrade(DbConnection db)
                    {
                        RebuildTable(db, "Shelf", "CREATE TABLE Shelf (ShelfId INTEGER PRIMARY KEY, Label TEXT NOT NULL, Aisle INTEGER)",
                            "ShelfId, Label, Aisle", ["CREATE UNIQUE INDEX UIX_Shelf_Label ON Shelf(Label);", "CREATE INDEX IX_Shelf_Aisle ON Shelf(Aisle);"]);
                        RebuildTable(db, "Crate", "CREATE TABLE Crate (CrateId INTEGER PRIMARY KEY, ShelfId INTEGER)", "CrateId, ShelfId");
                    }

                    internal static void RebuildTable(DbConnection db, string table, string createCommand, string columns, IReadOnlyList<string>? indexCommands = null)
                    {
                        indexCommands ??= [];
                        foreach (var indexCommand in indexCommands)
                        {
                            // "CREATE [UNIQUE] INDEX name ON ...": the name is the word after INDEX.
                            var start = indexCommand.IndexOf("index", StringComparison.OrdinalIgnoreCase) + 6;
                            var indexName = indexCommand[start..];
                            indexName = indexName[..indexName.IndexOf(' ')];
                            Run(db, "DROP INDEX IF EXISTS " + indexName + ";");
                        }

                        var commands = new List<string>
                        {
                            $"ALTER TABLE {table} RENAME TO {table}_old;",
                            createCommand,
                            $"INSERT INTO {table} ({columns}) SELECT {columns} FROM {table}_old;",
                            $"DROP TABLE {table}_old;",
                        };
                        commands.InsertRange(2, indexCommands);
                        foreach (var command in commands)
                        {
                            Run(db, command);
                        }
                    }

                    private static void Run(DbConnection db, string sql)
                    {
                        using var command = db.CreateCommand();
                        command.CommandText = sql;
                        command.ExecuteNonQuery();
                    }
                }
                """);
            var indexes = adminPassesItsOwn ? "{|#0:extraIndexes|}" : "[\"CREATE INDEX IX_Bin_Shelf ON Bin(ShelfId);\"]";
            var admin = ("Admin/StorageAdmin.cs", Usings + $$"""
                public sealed class StorageAdmin
                {
                    public void RebuildBins(DbConnection db, string[] extraIndexes) =>
                        ShelfSchemaUpgrades.RebuildTable(db, "Bin", "CREATE TABLE Bin (BinId INTEGER PRIMARY KEY, ShelfId INTEGER)", "BinId, ShelfId", {{indexes}});
                }
                """);
            var test = new Verify.Test { TestState = { Sources = { rebuilder, admin } } };
            if (adminPassesItsOwn)
            {
                test.TestState.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithLocation("Data/ShelfSchemaUpgrades.cs", 31, 21).WithArguments(
                    "extraIndexes", "an identifier", Identifier, " (a parameter of StorageAdmin.RebuildBins; passed to ShelfSchemaUpgrades.RebuildTable)"));
            }

            await test.RunAsync();
        }

        /// <summary>
        /// SQLite's table rebuild (rename, create, copy the kept columns, drop the old table): the column list is what the
        /// schema catalogue says the table has (<c>PRAGMA table_info</c>, <c>pragma_table_info</c>,
        /// <c>information_schema.columns</c>) — the program's own schema, read through a rows helper and a
        /// <c>Select</c>, Dapper, or a reader loop — minus the dropped ones, joined by an extension helper. Quiet; a column
        /// list read from a file is reported, named and placed where an identifier goes.
        /// </summary>
        [Theory]
        [InlineData("ColumnsOf(db, table)", false)]
        [InlineData("db.Query<string>($\"SELECT name FROM pragma_table_info('{table}')\")", false)]
        [InlineData("CatalogColumns(db, table)", false)]
        [InlineData("File.ReadAllLines(\"columns.txt\")", true)]
        public async Task TableRebuild_CopiesTheColumnsTheSchemaCatalogueLists(string columns, bool reported)
        {
            var copy = "$\"INSERT INTO {table} ({kept}) SELECT {kept} FROM {table}_old;\"";
            var rebuild = ("Data/NoteSchemaRebuild.cs", Usings + """
                using System.IO;

                public sealed class NoteSchemaRebuild
                {
                    public void Upgrade(DbConnection db) =>
                        DropColumns(db, "Note", ["LegacyFlag"], "CREATE TABLE Note (NoteId INTEGER PRIMARY KEY, Body TEXT NOT NULL)");

                    public bool HasColumn(DbConnection db, string column) =>
                        ColumnsOf(db, "Note").Contains(column) || CatalogColumns(db, "Note").Contains(column);

                    private void DropColumns(DbConnection db, string table, IReadOnlyList<string> dropped, string createCommand)
                    {
                        var kept = COLUMNS.Except(dropped).JoinWith(", ");
                        Run(db, $"ALTER TABLE {table} RENAME TO {table}_old;");
                        Run(db, createCommand);
                        Run(db, COPY);
                        Run(db, $"DROP TABLE {table}_old;");
                    }

                    private static List<string> ColumnsOf(DbConnection db, string table) =>
                        Rows(db, $"PRAGMA table_info({table});").Select(row => (string)row[1]).ToList();

                    private static List<string> CatalogColumns(DbConnection db, string table)
                    {
                        using var command = db.CreateCommand();
                        command.CommandText = "SELECT column_name FROM information_schema.columns WHERE table_name = @table ORDER BY ordinal_position";
                        var parameter = command.CreateParameter();
                        parameter.ParameterName = "@table";
                        parameter.Value = table;
                        command.Parameters.Add(parameter);
                        var names = new List<string>();
                        using var reader = command.ExecuteReader();
                        while (reader.Read())
                        {
                            names.Add(reader.GetString(0));
                        }

                        return names;
                    }

                    private static List<object[]> Rows(DbConnection db, string sql)
                    {
                        using var command = db.CreateCommand();
                        command.CommandText = sql;
                        using var reader = command.ExecuteReader();
                        var rows = new List<object[]>();
                        while (reader.Read())
                        {
                            var row = new object[reader.FieldCount];
                            reader.GetValues(row);
                            rows.Add(row);
                        }

                        return rows;
                    }

                    private static void Run(DbConnection db, string sql)
                    {
                        using var command = db.CreateCommand();
                        command.CommandText = sql;
                        command.ExecuteNonQuery();
                    }
                }
                """.Replace("COLUMNS", columns).Replace("COPY", reported ? "{|#0:" + copy + "|}" : copy));
            var extensions = ("Text/SequenceText.cs", Usings + """
                public static class SequenceText
                {
                    public static string JoinWith(this IEnumerable<string> items, string separator) => string.Join(separator, items);
                }
                """);
            var test = new Verify.Test { TestState = { Sources = { rebuild, extensions } } };
            if (reported)
            {
                test.TestState.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithSpan("Data/NoteSchemaRebuild.cs", 25, 20, 25, 68).WithArguments(
                    "File.ReadAllLines(\"columns.txt\").Except(dropped)", "an identifier", Identifier, " (a file or network read)"));
            }

            await test.RunAsync();
        }

        /// <summary>
        /// A lambda written in a static field's initializer (a dashboard metric that reads the schema version) is named by
        /// the field it initializes, not by an empty method name.
        /// </summary>
        [Fact]
        public async Task LambdaInAFieldInitializer_IsNamedByTheField()
        {
            var storage = ("Storage/JobStorage.cs", Usings + """
                public sealed class JobStorageOptions
                {
                    public string SchemaName { get; set; } = "jobs";
                }

                public sealed class JobStorage
                {
                    private readonly DbConnection _connection;

                    public JobStorage(DbConnection connection, JobStorageOptions options)
                    {
                        _connection = connection;
                        SchemaName = options.SchemaName;
                    }

                    public string SchemaName { get; }

                    public T UseConnection<T>(Func<JobStorage, DbConnection, T> action) => action(this, _connection);

                    public static readonly Func<JobStorage, int> SchemaVersion = static storage =>
                        storage.UseConnection(static (self, connection) =>
                            connection.ExecuteScalar<int>({|#0:$"SELECT TOP (1) [Version] FROM [{self.SchemaName}].[Schema]"|}));
                }
                """);
            var test = new Verify.Test { TestState = { Sources = { storage } } };
            test.TestState.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithArguments(
                "self.SchemaName", "an identifier", Identifier, " (a member of the lambda parameter 'self' in JobStorage.SchemaVersion)"));
            await test.RunAsync();
        }

        /// <summary>
        /// A catalogue query's text handed to a helper that only adds to it (paging) and returns it is text, not a read of
        /// the catalogue: the filter the caller put into it is still reported.
        /// </summary>
        [Fact]
        public async Task CatalogueQueryTextHandedToATextHelper_IsStillJudgedAsText()
        {
            await Verify.VerifyAnalyzerAsync(Repo("""
                public List<string> Tables(IDbConnection db, string filter)
                {
                    var sql = Paged("SELECT name FROM sys.tables WHERE name LIKE '" + filter + "%'", 50);
                    return db.Query<string>({|#0:sql|}).ToList();
                }

                private static string Paged(string sql, int size) => sql + " ORDER BY name OFFSET 0 ROWS FETCH NEXT " + size + " ROWS ONLY";
                """),
                Verify.Diagnostic().WithLocation(0).WithLocation(17, 75)
                    .WithArguments("filter", "a value", "pass it as a parameter", " (a parameter of Repo.Tables)"));
        }

        /// <summary>
        /// A piece of a trusted element in a lambda over constant names (<c>c.Trim()</c>) is trusted; a call on the element
        /// that is handed request text (<c>c.Insert(0, value)</c>) carries that text.
        /// </summary>
        [Theory]
        [InlineData("c.Trim()", false)]
        [InlineData("c.Insert(0, value)", true)]
        public async Task CallOnATrustedElement_CarriesTheTextItIsHanded(string select, bool reported)
        {
            var text = reported ? "{|#0:\"SELECT \" + string.Join(\", \", columns) + \" FROM Orders\"|}" : "\"SELECT \" + string.Join(\", \", columns) + \" FROM Orders\"";
            var test = new Verify.Test
            {
                TestState =
                {
                    Sources =
                    {
                        Repo($$"""
                            public List<Order> Report(IDbConnection db, string value)
                            {
                                var columns = new[] { "Id", "Name" }.Select(c => {{select}}).ToList();
                                return db.Query<Order>({{text}}).ToList();
                            }
                            """),
                    },
                },
            };
            if (reported)
            {
                test.TestState.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithLocation(17, 58)
                    .WithArguments("c.Insert(0, value)", "an identifier", Identifier, string.Empty));
            }

            await test.RunAsync();
        }
}
}
