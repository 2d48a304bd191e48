using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using ProductionAnalyzers.CodeFixes;
using ProductionAnalyzers.CodeFixes.Sql;
using ProductionAnalyzers.Sql;
using ProductionAnalyzers.Tests.Quality;
using Xunit;
using static ProductionAnalyzers.Tests.Sql.SqlTestCode;
using Verify = ProductionAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ProductionAnalyzers.Sql.SqlInjectionAnalyzer,
    ProductionAnalyzers.CodeFixes.Sql.SqlInjectionCodeFixProvider>;

namespace ProductionAnalyzers.Tests.Sql
{
    public class SqlInjectionCodeFixTests
    {
        // ------------------------------------------------------------------ EF Core

        [Fact]
        public async Task EfCoreFromSqlRaw_Interpolation_Fixes()
        {
            await Verify.VerifyCodeFixAsync(Repo("""
                public List<Order> Find(Shop shop, string name) =>
                    shop.Orders.FromSqlRaw([|$"SELECT * FROM Orders WHERE Name = '{name}'"|]).ToList();
                """), Repo("""
                public List<Order> Find(Shop shop, string name) =>
                    shop.Orders.FromSql($"SELECT * FROM Orders WHERE Name = {name}").ToList();
                """));
        }

        [Fact]
        public async Task EfCoreExecuteSqlRawAsync_ConcatenationWithConstantsAndToken_Fixes()
        {
            await Verify.VerifyCodeFixAsync(Repo("""
                private const string Table = "sales.Orders";

                public Task<int> Delete(Shop shop, string name, int id, CancellationToken cancellationToken) =>
                    shop.Database.ExecuteSqlRawAsync([|"DELETE FROM " + Table + " WHERE Name = N'" + name + "' AND Id = " + id|], cancellationToken);
                """), Repo("""
                private const string Table = "sales.Orders";

                public Task<int> Delete(Shop shop, string name, int id, CancellationToken cancellationToken) =>
                    shop.Database.ExecuteSqlAsync($"DELETE FROM sales.Orders WHERE Name = {name} AND Id = {id}", cancellationToken);
                """));
        }

        [Fact]
        public async Task EfCoreExecuteSqlRawAndSqlQueryRaw_Fix()
        {
            await Verify.VerifyCodeFixAsync(Repo("""
                public void Run(Shop shop, string name, string term)
                {
                    shop.Database.ExecuteSqlRaw([|"DELETE FROM Orders WHERE Name = '" + name + "'"|]);
                    var ids = shop.Database.SqlQueryRaw<int>([|$"SELECT Id AS Value FROM Orders WHERE Name LIKE '%{term}%'"|]).ToList();
                }
                """), Repo("""
                public void Run(Shop shop, string name, string term)
                {
                    shop.Database.ExecuteSql($"DELETE FROM Orders WHERE Name = {name}");
                    var ids = shop.Database.SqlQuery<int>($"SELECT Id AS Value FROM Orders WHERE Name LIKE {("%" + term + "%")}").ToList();
                }
                """));
        }

        [Fact]
        public async Task EfCoreRawStringLiteral_Fixes()
        {
            await Verify.VerifyCodeFixAsync(Repo(""""
                public List<Order> Find(Shop shop, string name) =>
                    shop.Orders.FromSqlRaw([|$$"""
                        SELECT *
                        FROM Orders
                        WHERE Name = '{{name}}'
                        """|]).ToList();
                """"), Repo(""""
                public List<Order> Find(Shop shop, string name) =>
                    shop.Orders.FromSql($"""
                        SELECT *
                        FROM Orders
                        WHERE Name = {name}
                        """).ToList();
                """"));
        }

        [Fact]
        public async Task EfCoreWithExtraParameters_NoFix()
        {
            var source = Repo("""
                public List<Order> Find(Shop shop, string name, int id) =>
                    shop.Orders.FromSqlRaw([|"SELECT * FROM Orders WHERE Name = '" + name + "' AND Id = {0}"|], id).ToList();
                """);
            await Verify.VerifyCodeFixAsync(source, source);
        }

        [Fact]
        public async Task EfCoreLocalText_NoFix()
        {
            // FromSql needs the interpolated string itself; a string local cannot carry the parameters.
            var source = Repo("""
                public List<Order> Find(Shop shop, string name)
                {
                    var sql = $"SELECT * FROM Orders WHERE Name = '{name}'";
                    return shop.Orders.FromSqlRaw([|sql|]).ToList();
                }
                """);
            await Verify.VerifyCodeFixAsync(source, source);
        }

        // ------------------------------------------------------------------ Dapper

        [Fact]
        public async Task Dapper_WithoutParameterObject_AddsAnonymousObject()
        {
            await Verify.VerifyCodeFixAsync(Repo("""
                private const string Table = "sales.Orders";

                public Order? Find(IDbConnection db, string name) =>
                    db.QueryFirstOrDefault<Order>([|"SELECT * FROM " + Table + " WHERE Name = '" + name + "'"|]);
                """), Repo("""
                private const string Table = "sales.Orders";

                public Order? Find(IDbConnection db, string name) =>
                    db.QueryFirstOrDefault<Order>("SELECT * FROM " + Table + " WHERE Name = @name", new { name });
                """));
        }

        [Fact]
        public async Task Dapper_MergesIntoExistingAnonymousObject_AndNamesMembers()
        {
            await Verify.VerifyCodeFixAsync(Repo("""
                public Task<int> Rename(IDbConnection db, Order order, int id) =>
                    db.ExecuteAsync([|$"UPDATE Orders SET Name = '{order.Name}', Note = '{order.Name}' WHERE Id = @id"|], new { id });
                """), Repo("""
                public Task<int> Rename(IDbConnection db, Order order, int id) =>
                    db.ExecuteAsync("UPDATE Orders SET Name = @name, Note = @name WHERE Id = @id", new { id, name = order.Name });
                """));
        }

        [Fact]
        public async Task Dapper_NullParameterAndNamedArguments_Fix()
        {
            await Verify.VerifyCodeFixAsync(Repo("""
                public void Run(IDbConnection db, string name, string city)
                {
                    db.Execute([|"DELETE FROM Orders WHERE Name = '" + name + "'"|], null, commandTimeout: 30);
                    db.Execute(sql: [|"DELETE FROM Orders WHERE City = '" + city + "'"|], commandTimeout: 30);
                    db.Execute([|$"DELETE FROM Orders WHERE Name = '{name}' AND City = '{city}'"|], commandTimeout: 30);
                }
                """), Repo("""
                public void Run(IDbConnection db, string name, string city)
                {
                    db.Execute("DELETE FROM Orders WHERE Name = @name", new { name }, commandTimeout: 30);
                    db.Execute(sql: "DELETE FROM Orders WHERE City = @city", commandTimeout: 30, param: new { city });
                    db.Execute("DELETE FROM Orders WHERE Name = @name AND City = @city", new { name, city }, commandTimeout: 30);
                }
                """));
        }

        [Fact]
        public async Task Dapper_StringFormatAndConcat_Fix()
        {
            // The shared text-pieces layer reads string.Format (through the one composite-format tokenizer) and string.Concat.
            await Verify.VerifyCodeFixAsync(Repo("""
                public void Run(IDbConnection db, string name, string city)
                {
                    db.Execute([|string.Format("DELETE FROM Orders WHERE Name = '{0}' AND City = '{1}'", name, city)|]);
                    db.Execute([|string.Concat("DELETE FROM Orders WHERE City = '", city, "'")|]);
                }
                """), Repo("""
                public void Run(IDbConnection db, string name, string city)
                {
                    db.Execute("DELETE FROM Orders WHERE Name = @name AND City = @city", new { name, city });
                    db.Execute("DELETE FROM Orders WHERE City = @city", new { city });
                }
                """));
        }

        [Fact]
        public async Task Dapper_StringFormatWithItemFormat_NoFix()
        {
            // {0,5} pads the value inside the text: a parameter would send the value itself, so no fix is offered.
            var source = Repo("""
                public void Run(IDbConnection db, string name)
                {
                    db.Execute([|string.Format("DELETE FROM Orders WHERE Name = '{0,5}'", name)|]);
                }
                """);
            await Verify.VerifyCodeFixAsync(source, source);
        }

        [Fact]
        public async Task Dapper_LocalUsedOnceAndLikePattern_Fixes()
        {
            await Verify.VerifyCodeFixAsync(Repo("""
                public IEnumerable<Order> Search(IDbConnection db, string term)
                {
                    var sql = $"SELECT * FROM Orders WHERE Name LIKE '%{term}%' ORDER BY Name";
                    return db.Query<Order>([|sql|]);
                }
                """), Repo("""
                public IEnumerable<Order> Search(IDbConnection db, string term)
                {
                    var sql = "SELECT * FROM Orders WHERE Name LIKE @term ORDER BY Name";
                    return db.Query<Order>(sql, new { term = "%" + term + "%" });
                }
                """));
        }

        [Fact]
        public async Task Dapper_EscapedValueTransformedValueAndRawString_Fix()
        {
            await Verify.VerifyCodeFixAsync(Repo(""""
                public void Run(IDbConnection db, string name, Order order, string status)
                {
                    db.Execute([|"DELETE FROM Orders WHERE Name = '" + name.Replace("'", "''") + "'"|]);
                    db.Execute([|"DELETE FROM Orders WHERE Name = '" + order.Name.Trim().ToUpperInvariant() + "'"|]);
                    var sql = $$"""
                        SELECT *
                        FROM Orders
                        WHERE Status = '{{status}}'
                        """;
                    db.Query<Order>([|sql|]);
                }
                """"), Repo(""""
                public void Run(IDbConnection db, string name, Order order, string status)
                {
                    db.Execute("DELETE FROM Orders WHERE Name = @name", new { name });
                    db.Execute("DELETE FROM Orders WHERE Name = @name", new { name = order.Name.Trim().ToUpperInvariant() });
                    var sql = """
                        SELECT *
                        FROM Orders
                        WHERE Status = @status
                        """;
                    db.Query<Order>(sql, new { status });
                }
                """"));
        }

        [Fact]
        public async Task ChainedStringBuilder_NoFix()
        {
            var source = Repo("""
                public void Run(IDbConnection db, string x)
                {
                    var sql = new StringBuilder().Append("SELECT * FROM Orders WHERE Name = '").Append(x).Append('\'').ToString();
                    db.Query([|sql|]);
                    db.Query([|new StringBuilder("SELECT * FROM Orders WHERE Name = '").Append(x).Append("'").ToString()|]);
                }
                """);
            await Verify.VerifyCodeFixAsync(source, source);
        }

        [Fact]
        public async Task QuotedListValues_NoFix()
        {
            var source = Repo("""
                public void Run(IDbConnection db, IEnumerable<string> names) =>
                    db.Query([|$"SELECT * FROM Orders WHERE Name IN ('{string.Join("','", names)}')"|]);
                """);
            await Verify.VerifyCodeFixAsync(source, source);
        }

        [Fact]
        public async Task Dapper_CommandDefinition_Fixes()
        {
            await Verify.VerifyCodeFixAsync(Repo("""
                public Task<int> Tag(IDbConnection db, int id, string tag) =>
                    db.ExecuteAsync(new CommandDefinition([|"UPDATE Orders SET Tag = '" + tag + "' WHERE Id = " + id|]));
                """), Repo("""
                public Task<int> Tag(IDbConnection db, int id, string tag) =>
                    db.ExecuteAsync(new CommandDefinition("UPDATE Orders SET Tag = @tag WHERE Id = @id", new { tag, id }));
                """));
        }

        [Fact]
        public async Task Dapper_NonAnonymousParameterObject_NoFix()
        {
            var source = Repo("""
                public IEnumerable<Order> Find(IDbConnection db, string name, int id)
                {
                    var parameters = new DynamicParameters();
                    parameters.Add("id", id);
                    return db.Query<Order>([|"SELECT * FROM Orders WHERE Id = @id AND Name = '" + name + "'"|], parameters);
                }
                """);
            await Verify.VerifyCodeFixAsync(source, source);
        }

        // ------------------------------------------------------------------ ADO.NET

        [Fact]
        public async Task SqlCommandConstructor_AddsParametersWithAddWithValue()
        {
            await Verify.VerifyCodeFixAsync(Repo("""
                public int Delete(SqlConnection connection, string name)
                {
                    using var command = new SqlCommand([|"DELETE FROM Orders WHERE Name = '" + name + "'"|], connection);
                    return command.ExecuteNonQuery();
                }
                """), Repo("""
                public int Delete(SqlConnection connection, string name)
                {
                    using var command = new SqlCommand("DELETE FROM Orders WHERE Name = @name", connection);
                    command.Parameters.AddWithValue("@name", name);
                    return command.ExecuteNonQuery();
                }
                """));
        }

        [Fact]
        public async Task DbCommandText_AddsParametersWithCreateParameter()
        {
            await Verify.VerifyCodeFixAsync(Repo("""
                public int Delete(DbConnection connection, string name, Order order)
                {
                    using var command = connection.CreateCommand();
                    command.CommandText = [|$"DELETE FROM Orders WHERE Name = '{name}' OR Name = '{order.Name}'"|];
                    return command.ExecuteNonQuery();
                }
                """), Repo("""
                public int Delete(DbConnection connection, string name, Order order)
                {
                    using var command = connection.CreateCommand();
                    command.CommandText = "DELETE FROM Orders WHERE Name = @name OR Name = @name2";
                    var nameParameter = command.CreateParameter();
                    nameParameter.ParameterName = "@name";
                    nameParameter.Value = name;
                    command.Parameters.Add(nameParameter);
                    var name2Parameter = command.CreateParameter();
                    name2Parameter.ParameterName = "@name2";
                    name2Parameter.Value = order.Name;
                    command.Parameters.Add(name2Parameter);
                    return command.ExecuteNonQuery();
                }
                """));
        }

        [Fact]
        public async Task ObjectInitializerAndUsingStatement_Fix()
        {
            await Verify.VerifyCodeFixAsync(Repo("""
                public int Delete(SqlConnection connection, string email)
                {
                    var command = new SqlCommand
                    {
                        Connection = connection,
                        CommandText = [|"DELETE FROM Users WHERE Email = '" + email + "'"|],
                    };
                    return command.ExecuteNonQuery();
                }

                public void Find(NpgsqlConnection connection, string city)
                {
                    using (var command = new NpgsqlCommand([|$"SELECT * FROM t WHERE city = '{city}'"|], connection))
                    {
                        command.ExecuteReader();
                    }
                }
                """), Repo("""
                public int Delete(SqlConnection connection, string email)
                {
                    var command = new SqlCommand
                    {
                        Connection = connection,
                        CommandText = "DELETE FROM Users WHERE Email = @email",
                    };
                    command.Parameters.AddWithValue("@email", email);
                    return command.ExecuteNonQuery();
                }

                public void Find(NpgsqlConnection connection, string city)
                {
                    using (var command = new NpgsqlCommand("SELECT * FROM t WHERE city = @city", connection))
                    {
                        command.Parameters.AddWithValue("@city", city);
                        command.ExecuteReader();
                    }
                }
                """));
        }

        [Fact]
        public async Task PositionalPlaceholderProviders_NoFix()
        {
            // ODBC binds '?' by position: an '@name' placeholder would not work.
            var source = Repo("""
                public int Delete(string name)
                {
                    using var command = new System.Data.Odbc.OdbcCommand([|"DELETE FROM Orders WHERE Name = '" + name + "'"|]);
                    return command.ExecuteNonQuery();
                }
                """);
            await new Verify.Test
            {
                TestState = { Sources = { source }, AdditionalReferences = { SqlLegacyApis.Reference } },
                FixedState = { Sources = { source } },
            }.RunAsync();
        }

        [Fact]
        public async Task IdentifierOrClausePositions_NoFix()
        {
            var source = Repo("""
                public void Run(IDbConnection db, SqlConnection connection, string sort, string where, string ids)
                {
                    db.Query([|"SELECT * FROM Orders ORDER BY " + sort|]);
                    db.Query([|"SELECT * FROM Orders WHERE " + where|]);
                    db.Query([|$"SELECT * FROM Orders WHERE Id IN ({ids})"|]);
                    using var command = new SqlCommand([|"SELECT * FROM " + sort + " WHERE Name = 'x'"|], connection);
                }
                """);
            await Verify.VerifyCodeFixAsync(source, source);
        }

        [Fact]
        public async Task WrapperAndBuiltInSteps_NoFix()
        {
            var source = Repo("""
                public void Run(IDbConnection db, string name)
                {
                    var sql = "SELECT * FROM Orders";
                    sql += " WHERE Name = '" + name + "'";
                    db.Query([|sql|]);
                    Execute(db, [|"DELETE FROM Orders WHERE Name = '" + name + "'"|]);
                }

                private static void Execute(IDbConnection db, string sql) => db.Execute(sql);
                """);
            await Verify.VerifyCodeFixAsync(source, source);
        }

        [Fact]
        public async Task FixAll_FixesEveryDiagnosticOfTheDocument()
        {
            await new Verify.Test
            {
                TestCode = Repo("""
                    public void Run(IDbConnection db, DbConnection connection, Shop shop, string name, string city)
                    {
                        db.Execute([|"DELETE FROM Orders WHERE Name = '" + name + "'"|]);
                        db.Execute([|$"DELETE FROM Orders WHERE City = '{city}'"|], new { });
                        shop.Orders.FromSqlRaw([|$"SELECT * FROM Orders WHERE Name = '{name}'"|]).ToList();
                        using var first = connection.CreateCommand();
                        first.CommandText = [|"DELETE FROM Orders WHERE Name = '" + name + "'"|];
                        using var second = connection.CreateCommand();
                        second.CommandText = [|"DELETE FROM Archive WHERE Name = '" + name + "'"|];
                    }
                    """),
                FixedCode = Repo("""
                    public void Run(IDbConnection db, DbConnection connection, Shop shop, string name, string city)
                    {
                        db.Execute("DELETE FROM Orders WHERE Name = @name", new { name });
                        db.Execute("DELETE FROM Orders WHERE City = @city", new { city });
                        shop.Orders.FromSql($"SELECT * FROM Orders WHERE Name = {name}").ToList();
                        using var first = connection.CreateCommand();
                        first.CommandText = "DELETE FROM Orders WHERE Name = @name";
                        var nameParameter = first.CreateParameter();
                        nameParameter.ParameterName = "@name";
                        nameParameter.Value = name;
                        first.Parameters.Add(nameParameter);
                        using var second = connection.CreateCommand();
                        second.CommandText = "DELETE FROM Archive WHERE Name = @name";
                        var nameParameter2 = second.CreateParameter();
                        nameParameter2.ParameterName = "@name";
                        nameParameter2.Value = name;
                        second.Parameters.Add(nameParameter2);
                    }
                    """),
                CodeActionEquivalenceKey = FixKeys.Pa1001Parameterize,
            }.RunAsync();
        }

        // ------------------------------------------------------------------ text written back, parameter names

        [Fact]
        public async Task InterpolatedTextWithDoubledBraces_UndoublesThemInThePlainText_Fixes()
        {
            // '{{urgent}}' in an interpolated string is the SQL text '{urgent}' (a PostgreSQL array literal); the fixed
            // text is no longer interpolated, so the braces are written once.
            await Verify.VerifyCodeFixAsync(Repo("""
                public IEnumerable<Order> Urgent(IDbConnection db, string name) =>
                    db.Query<Order>([|$"SELECT * FROM Orders WHERE Tags @> '{{urgent}}' AND Name = '{name}'"|]);

                public int Retag(NpgsqlConnection connection, string name)
                {
                    using var command = new NpgsqlCommand([|$"UPDATE Orders SET Tags = '{{late,urgent}}' WHERE Name = '{name}'"|], connection);
                    return command.ExecuteNonQuery();
                }
                """), Repo("""
                public IEnumerable<Order> Urgent(IDbConnection db, string name) =>
                    db.Query<Order>("SELECT * FROM Orders WHERE Tags @> '{urgent}' AND Name = @name", new { name });

                public int Retag(NpgsqlConnection connection, string name)
                {
                    using var command = new NpgsqlCommand("UPDATE Orders SET Tags = '{late,urgent}' WHERE Name = @name", connection);
                    command.Parameters.AddWithValue("@name", name);
                    return command.ExecuteNonQuery();
                }
                """));
        }

        [Fact]
        public async Task RegularTextWithLineBreakEscapes_StaysARegularString_Fixes()
        {
            // "\n" written as an escape stays an escape: the fix does not turn a regular string into a verbatim one.
            await Verify.VerifyCodeFixAsync(Repo("""
                public Order? Find(IDbConnection db, string name) =>
                    db.QueryFirstOrDefault<Order>([|"SELECT Id, Name\nFROM Orders\nWHERE Name = '" + name + "'"|]);

                public int Delete(SqlConnection connection, string name)
                {
                    using var command = new SqlCommand([|$"DELETE FROM Orders\r\nWHERE Name = '{name}'"|], connection);
                    return command.ExecuteNonQuery();
                }
                """), Repo("""
                public Order? Find(IDbConnection db, string name) =>
                    db.QueryFirstOrDefault<Order>("SELECT Id, Name\nFROM Orders\nWHERE Name = @name", new { name });

                public int Delete(SqlConnection connection, string name)
                {
                    using var command = new SqlCommand("DELETE FROM Orders\r\nWHERE Name = @name", connection);
                    command.Parameters.AddWithValue("@name", name);
                    return command.ExecuteNonQuery();
                }
                """));
        }

        [Fact]
        public async Task ParameterNames_DropUnderscoreAsyncSuffixAndCasts_Fixes()
        {
            // _tenantId → @tenantId, await owners.GetOwnerAsync(…) → @owner, (int)status → @status.
            await Verify.VerifyCodeFixAsync(Repo("""
                public interface IOwnerDirectory
                {
                    Task<string> GetOwnerAsync(int orderId);
                }

                private readonly Guid _tenantId = Guid.NewGuid();

                public async Task<int> Close(IDbConnection db, IOwnerDirectory owners, OrderStatus status, Order order) =>
                    await db.ExecuteAsync([|$"UPDATE Orders SET Status = {(int)status}, Owner = '{await owners.GetOwnerAsync(order.Id)}' WHERE TenantId = '{_tenantId}' AND Id = {order.Id}"|]);
                """), Repo("""
                public interface IOwnerDirectory
                {
                    Task<string> GetOwnerAsync(int orderId);
                }

                private readonly Guid _tenantId = Guid.NewGuid();

                public async Task<int> Close(IDbConnection db, IOwnerDirectory owners, OrderStatus status, Order order) =>
                    await db.ExecuteAsync("UPDATE Orders SET Status = @status, Owner = @owner WHERE TenantId = @tenantId AND Id = @id", new { status = (int)status, owner = await owners.GetOwnerAsync(order.Id), tenantId = _tenantId, id = order.Id });
                """));
        }

        // ------------------------------------------------------------------ the diagnostic's SinkKind property

        [Theory]
        [InlineData(null, false)]
        [InlineData("", false)]
        [InlineData("NoSuchSink", false)]
        [InlineData("4", false)]
        [InlineData("dapper", false)]
        [InlineData("Wrapper", false)]
        [InlineData("EntityFrameworkRaw", false)]
        [InlineData("CommandText", false)]
        [InlineData("Dapper", true)]
        public async Task SinkKindProperty_ChoosesTheRewrite_NoFixWhenMissingUnknownOrOfAnotherSink(string? sinkKind, bool offered)
        {
            // The analyzer reports this Dapper call with SinkKind=Dapper; the same diagnostic without the property, with a
            // value that is not a kind as the analyzer writes it, or with the kind of another sink gets no fix.
            var source = Repo("""
                public Order? Find(IDbConnection db, string name) =>
                    db.QueryFirstOrDefault<Order>("SELECT * FROM Orders WHERE Name = '" + name + "'");
                """);
            var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new SqlInjectionAnalyzer());
            var (project, compilation) = await QualityHarness.CreateProjectAsync(new[] { ("/0/Repo.cs", source) }, QualityReferences.Full, analyzers);
            var reported = Assert.Single((await QualityHarness.AnalyzeAsync(compilation, analyzers)).Diagnostics, d => d.Id == "PA1001");
            Assert.Equal("Dapper", reported.Properties[SqlInjectionAnalyzer.SinkKindProperty]);

            var properties = ImmutableDictionary<string, string?>.Empty;
            if (sinkKind is not null)
            {
                properties = properties.Add(SqlInjectionAnalyzer.SinkKindProperty, sinkKind);
            }

            var diagnostic = Diagnostic.Create(reported.Descriptor, reported.Location, properties);
            var document = QualityHarness.FindDocument(project, reported.Location.SourceTree)!;
            var actions = new List<CodeAction>();
            await new SqlInjectionCodeFixProvider().RegisterCodeFixesAsync(
                new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
            Assert.Equal(offered ? 1 : 0, actions.Count);
        }
    }
}
