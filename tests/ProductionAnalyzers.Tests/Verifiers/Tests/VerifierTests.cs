using Microsoft.CodeAnalysis;
using Xunit;
using VerifyBad = ProductionAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ProductionAnalyzers.Tests.Verifiers.Tests.BadClassAnalyzer>;
using VerifyConfigurable = ProductionAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ProductionAnalyzers.Tests.Verifiers.Tests.ConfigurableClassAnalyzer>;
using VerifyFix = ProductionAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ProductionAnalyzers.Tests.Verifiers.Tests.BadClassAnalyzer,
    ProductionAnalyzers.Tests.Verifiers.Tests.RenameBadClassFix>;
using VerifyFixAll = ProductionAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ProductionAnalyzers.Tests.Verifiers.Tests.BadClassAnalyzer,
    ProductionAnalyzers.Tests.Verifiers.Tests.DifferentFixAllFix>;
using VerifyNoLocation = ProductionAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ProductionAnalyzers.Tests.Verifiers.Tests.NoLocationAnalyzer>;
using VerifyTwo = ProductionAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ProductionAnalyzers.Tests.Verifiers.Tests.TwoRuleAnalyzer>;

namespace ProductionAnalyzers.Tests.Verifiers.Tests;

/// <summary>What the verifier accepts: each test passes only if the verifier handles the feature correctly.</summary>
public class VerifierTests
{
    [Fact]
    public async Task BracketMarkup_UsesTheOnlyDescriptor() =>
        await VerifyBad.VerifyAnalyzerAsync("""
            public class [|Bad|] { }
            public class Fine { }
            """);

    [Fact]
    public async Task IdMarkup_AndNumberedLocations_WithArguments() =>
        await VerifyBad.VerifyAnalyzerAsync(
            """
            public class {|PT0001:Bad|} { }
            public class {|#0:BadToo|} { }
            """,
            VerifyBad.Diagnostic().WithLocation(0).WithArguments("BadToo"));

    [Fact]
    public async Task NestedAndEmptyMarkup_AreParsed()
    {
        // {|#1:|} is an empty location key inside the marked span; [|...|] nests a numbered location.
        await VerifyBad.VerifyAnalyzerAsync("""
            public class [|{|#0:Bad|}|] { {|#1:|} }
            """);
        Assert.Equal("public class Bad {  }", TestFileMarkup.Strip("public class [|{|#0:Bad|}|] { {|#1:|} }"));
    }

    [Fact]
    public async Task ExplicitLineColumnAndSpan_Match() =>
        await VerifyBad.VerifyAnalyzerAsync(
            """
            namespace N;

            public class Bad { }
            public class BadAgain { }
            """,
            VerifyBad.Diagnostic("PT0001").WithLocation(3, 14).WithMessage("Class 'Bad' is bad"),
            VerifyBad.Diagnostic().WithSpan(4, 14, 4, 22).WithSeverity(DiagnosticSeverity.Warning).WithArguments("BadAgain"));

    [Fact]
    public async Task NamedFiles_DefaultNames_AndSpansWithPaths()
    {
        await new VerifyBad.Test
        {
            TestState =
            {
                Sources = { "public class [|Bad|] { }", ("Repository.cs", "public class Repo { }"), ("/src/Other.cs", "public class BadOther { }") },
                ExpectedDiagnostics = { VerifyBad.Diagnostic().WithSpan("/src/Other.cs", 1, 14, 1, 22).WithArguments("BadOther") },
            },
        }.RunAsync();
        await new VerifyBad.Test
        {
            TestState =
            {
                Sources = { "public class Fine { }", "public class Bad { }" },
                ExpectedDiagnostics = { VerifyBad.Diagnostic().WithSpan("/0/Test1.cs", 1, 14, 1, 17) },
            },
        }.RunAsync();
    }

    [Fact]
    public async Task DisabledByDefaultDescriptor_IsEnabled_AndEditorConfigOptionsApply()
    {
        await VerifyConfigurable.VerifyAnalyzerAsync("""
            public class {|#0:BadName|} { }
            public class Custom { }
            """,
            VerifyConfigurable.Diagnostic().WithLocation(0).WithArguments("BadName", "Bad").WithSeverity(DiagnosticSeverity.Info));

        await new VerifyConfigurable.Test
        {
            TestState =
            {
                Sources = { ("Service.cs", "public class BadName { }\npublic class {|#0:Custom|} { }") },
                AnalyzerConfigFiles = { ("/.editorconfig", "root = true\n\n[*.cs]\ndotnet_code_quality.PT0002.prefix = Cus\ndotnet_diagnostic.PT0002.severity = error\n") },
                ExpectedDiagnostics = { VerifyConfigurable.Diagnostic().WithLocation(0).WithArguments("Custom", "Cus").WithSeverity(DiagnosticSeverity.Error) },
            },
        }.RunAsync();
    }

    [Fact]
    public async Task EditorConfigSeverityNone_SilencesTheRule() =>
        await new VerifyBad.Test
        {
            TestState =
            {
                Sources = { "public class Bad { }" },
                AnalyzerConfigFiles = { ("/.editorconfig", "root = true\n[*.cs]\ndotnet_diagnostic.PT0001.severity = none\n") },
            },
        }.RunAsync();

    [Fact]
    public async Task DisabledDiagnostics_AreIgnored() =>
        await new VerifyBad.Test { TestCode = "public class Bad { }", DisabledDiagnostics = { "PT0001" } }.RunAsync();

    [Fact]
    public async Task TwoDescriptors_BracketMarkupMeansTheFirst_IdMarkupPicksTheOther() =>
        await VerifyTwo.VerifyAnalyzerAsync("""
            public class [|Bad|] { }
            public class {|PT0004:Worse|} { }
            """);

    [Fact]
    public async Task RealReferences_CompileWithoutErrors() =>
        await VerifyBad.VerifyAnalyzerAsync("""
            using System.Data;
            using System.Linq;
            using System.Threading.Tasks;
            using Dapper;
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Data.SqlClient;
            using Microsoft.EntityFrameworkCore;
            using Microsoft.Extensions.Logging;
            using Npgsql;

            public sealed class Order { public int Id { get; set; } }

            public sealed class ShopContext : DbContext
            {
                public DbSet<Order> Orders => Set<Order>();
            }

            [ApiController, Authorize, Route("orders")]
            public sealed class OrdersController : ControllerBase
            {
                private readonly ShopContext _db;
                private readonly ILogger<OrdersController> _logger;
                private readonly Serilog.ILogger _serilog = Serilog.Log.Logger;
                private static readonly NLog.Logger NLogger = NLog.LogManager.GetCurrentClassLogger();

                public OrdersController(ShopContext db, ILogger<OrdersController> logger) => (_db, _logger) = (db, logger);

                [HttpGet("{id}")]
                public async Task<IActionResult> Get(int id, string sort)
                {
                    _logger.LogInformation("Loading {Id}", id);
                    _serilog.Information("Loading {Id}", id);
                    NLogger.Info("Loading {Id}", id);
                    var fromEf = await _db.Orders.FromSqlRaw("SELECT * FROM Orders WHERE Id = {0}", id).ToListAsync();
                    using var connection = new SqlConnection("Server=.;Database=shop;Integrated Security=true");
                    using var command = new SqlCommand("SELECT 1 FROM Orders WHERE Id = @id", connection);
                    command.Parameters.AddWithValue("@id", id);
                    var quoted = new SqlCommandBuilder().QuoteIdentifier(sort);
                    var adapter = new SqlDataAdapter(command);
                    var fromDapper = await connection.QueryAsync<Order>("SELECT * FROM Orders WHERE Id = @id", new { id });
                    await using var npgsql = new NpgsqlConnection("Host=db");
                    await using var npgsqlCommand = new NpgsqlCommand("SELECT 1", npgsql);
                    return Ok(fromEf.Concat(fromDapper));
                }
            }

            public static class Endpoints
            {
                public static void Map(WebApplication app) => app.MapGet("/health", () => "ok").RequireAuthorization();
            }
            """);

    [Fact]
    public async Task TopLevelStatements_WithConsoleApplication() =>
        await new VerifyBad.Test
        {
            TestState =
            {
                Sources = { "System.Console.WriteLine(new Bad());\npublic class [|Bad|] { }" },
                OutputKind = OutputKind.ConsoleApplication,
            },
        }.RunAsync();

    [Fact]
    public async Task BrokenCode_WithCompilerDiagnosticsNone_Passes() =>
        await new VerifyBad.Test
        {
            TestCode = "public class [|Bad|] { void M() { var x = ; undefined(); }",
            CompilerDiagnostics = CompilerDiagnostics.None,
        }.RunAsync();

    [Fact]
    public async Task ExpectedCompilerErrors_FromMarkupAndResults() =>
        await VerifyBad.VerifyAnalyzerAsync(
            "public class [|Bad|] { void M() { {|CS0103:undefined|}(); {|#0:Missing|} m; } }",
            DiagnosticResult.CompilerError("CS0246").WithLocation(0));

    [Fact]
    public async Task CodeFix_FixesEveryDiagnostic_AndFixAllAgrees() =>
        await VerifyFix.VerifyCodeFixAsync(
            """
            public class [|BadOne|] { }
            public class [|BadTwo|] { }
            """,
            """
            public class GoodOne { }
            public class GoodTwo { }
            """);

    [Fact]
    public async Task CodeFix_WithExplicitDiagnostic() =>
        await VerifyFix.VerifyCodeFixAsync(
            "public class {|#0:BadOne|} { }",
            VerifyFix.Diagnostic().WithLocation(0).WithArguments("BadOne"),
            "public class GoodOne { }");

    [Fact]
    public async Task CodeFix_ByEquivalenceKey_AndByIndex()
    {
        await new VerifyFix.Test
        {
            TestCode = "public class [|Bad|] { }",
            FixedCode = "public class FixedBad { }",
            CodeActionEquivalenceKey = RenameBadClassFix.SuffixKey,
        }.RunAsync();
        await new VerifyFix.Test
        {
            TestCode = "public class [|Bad|] { }",
            FixedCode = "public class FixedBad { }",
            CodeActionIndex = 1,
        }.RunAsync();
    }

    [Fact]
    public async Task CodeFix_NotOffered_WhenFixedEqualsSource() =>
        await VerifyFix.VerifyCodeFixAsync("public class [|BadKeep|] { }", "public class [|BadKeep|] { }");

    [Fact]
    public async Task CodeFix_NotOffered_WithExplicitDiagnostic() =>
        await VerifyFix.VerifyCodeFixAsync(
            "public class {|#0:BadKeep|} { }",
            VerifyFix.Diagnostic().WithLocation(0).WithArguments("BadKeep"),
            "public class {|#0:BadKeep|} { }");

    [Fact]
    public async Task CodeFix_RemainingDiagnostics_AreMarkedInFixedCode() =>
        await VerifyFix.VerifyCodeFixAsync(
            """
            public class [|Bad|] { }
            public class [|BadKeep|] { }
            """,
            """
            public class Good { }
            public class [|BadKeep|] { }
            """);

    [Fact]
    public async Task CodeFix_AcrossFiles_WithEditorConfig() =>
        await new VerifyFix.Test
        {
            TestState =
            {
                Sources = { ("A.cs", "public class [|BadA|] { }"), ("B.cs", "public class {|#0:BadB|} { }\npublic class BadC { }") },
                AnalyzerConfigFiles = { ("/.editorconfig", "root = true\n[B.cs]\ndotnet_diagnostic.PT0001.severity = error\n") },
                ExpectedDiagnostics =
                {
                    VerifyFix.Diagnostic().WithLocation(0).WithSeverity(DiagnosticSeverity.Error),
                    VerifyFix.Diagnostic().WithSpan("B.cs", 2, 14, 2, 18).WithSeverity(DiagnosticSeverity.Error).WithArguments("BadC"),
                },
            },
            FixedState =
            {
                Sources = { ("A.cs", "public class GoodA { }"), ("B.cs", "public class GoodB { }\npublic class GoodC { }") },
            },
        }.RunAsync();

    [Fact]
    public async Task FixAll_WithItsOwnExpectedResult() =>
        await new VerifyFixAll.Test
        {
            TestCode = "public class [|BadOne|] { }\npublic class [|BadTwo|] { }",
            FixedCode = "public class GoodOne { }\npublic class GoodTwo { }",
            BatchFixedCode = "public class AllGood0 { }\npublic class AllGood1 { }",
        }.RunAsync();

    [Fact]
    public async Task FixAll_CanBeSkipped() =>
        await new VerifyFixAll.Test
        {
            TestCode = "public class [|BadOne|] { }\npublic class [|BadTwo|] { }",
            FixedCode = "public class GoodOne { }\npublic class GoodTwo { }",
            CodeFixTestBehaviors = CodeFixTestBehaviors.SkipFixAllCheck,
        }.RunAsync();

    [Fact]
    public async Task CodeFixVerifier_VerifyAnalyzerAsync_RunsTheAnalyzerOnly() =>
        await VerifyFix.VerifyAnalyzerAsync("public class [|Bad|] { }");

    [Fact]
    public async Task DiagnosticWithoutLocation_MatchesWithNoLocation() =>
        await VerifyNoLocation.VerifyAnalyzerAsync("public class Bad { }", VerifyNoLocation.Diagnostic().WithNoLocation().WithArguments("Bad"));

    [Fact]
    public async Task FixOne_AppliesASingleFix() =>
        await new VerifyFix.Test
        {
            TestCode = "public class [|BadOne|] { }\npublic class [|BadTwo|] { }",
            FixedCode = "public class GoodOne { }\npublic class [|BadTwo|] { }",
            BatchFixedCode = "public class GoodOne { }\npublic class GoodTwo { }",
            CodeFixTestBehaviors = CodeFixTestBehaviors.FixOne,
        }.RunAsync();

    [Fact]
    public void Strip_RemovesEveryKindOfMarkup() =>
        Assert.Equal(
            "var s = $$\"\"\"{{x}}\"\"\"; class Bad { } class C { }",
            TestFileMarkup.Strip("var s = $$\"\"\"{{x}}\"\"\"; class [|Bad|] { } class {|PA1001:{|#0:C|}|} { }"));
}
