using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using ProductionAnalyzers.Infrastructure;
using Xunit;
using Verify = ProductionAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ProductionAnalyzers.Tests.Verifiers.Tests.SqlCommandTextAnalyzer>;

namespace ProductionAnalyzers.Tests.Verifiers.Tests;

public class TestReferencesTests
{
    [Theory]
    [InlineData("System.Data.Common.DbCommand")]
    [InlineData("Microsoft.Data.SqlClient.SqlCommand")]
    [InlineData("Microsoft.Data.SqlClient.SqlCommandBuilder")]
    [InlineData("Dapper.SqlMapper")]
    [InlineData("Microsoft.EntityFrameworkCore.DbContext")]
    [InlineData("Microsoft.EntityFrameworkCore.RelationalQueryableExtensions")]
    [InlineData("Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions")]
    [InlineData("Npgsql.NpgsqlCommand")]
    [InlineData("Serilog.ILogger")]
    [InlineData("NLog.Logger")]
    [InlineData("Microsoft.Extensions.Logging.ILogger`1")]
    [InlineData("Microsoft.Extensions.Logging.LoggerExtensions")]
    [InlineData("Microsoft.AspNetCore.Authorization.AuthorizeAttribute")]
    [InlineData("Microsoft.AspNetCore.Mvc.ControllerBase")]
    [InlineData("Microsoft.AspNetCore.Mvc.RazorPages.PageModel")]
    [InlineData("Microsoft.AspNetCore.Builder.WebApplication")]
    [InlineData("Microsoft.Extensions.Hosting.BackgroundService")]
    public void WellKnownType_ResolvesToExactlyOneType(string metadataName)
    {
        var compilation = CSharpCompilation.Create("Probe", references: TestReferences.All);
        Assert.NotNull(compilation.GetTypeByMetadataName(metadataName));
    }

    [Fact]
    public void References_AreReferenceAssembliesAndWantedPackagesOnly()
    {
        var names = TestReferences.All.Select(r => Path.GetFileNameWithoutExtension(r.Display ?? string.Empty)).ToList();
        Assert.Contains("System.Runtime", names);
        Assert.Contains("Microsoft.AspNetCore.Mvc.Core", names);
        Assert.Contains("Dapper", names);
        Assert.DoesNotContain(names, n => n.StartsWith("xunit", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(names, n => n.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
        Assert.DoesNotContain(names, n => n.StartsWith("ProductionAnalyzers", StringComparison.Ordinal));
        Assert.DoesNotContain(names, n => n.StartsWith("Microsoft.TestPlatform", StringComparison.Ordinal));
        Assert.Same(TestReferences.All[0], TestReferences.All[0]);
    }

    [Fact]
    public async Task ProductionAnalyzer_WithWellKnownTypesAndRuleOptions_RunsInTheVerifier()
    {
        const string Source = """
            using Microsoft.Data.SqlClient;

            public sealed class Repository
            {
                public void Load(SqlConnection connection, string table)
                {
                    using var ok = new SqlCommand("SELECT 1", connection);
                    using var bad = new SqlCommand({|#0:"SELECT * FROM " + table|}, connection);
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(Source, Verify.Diagnostic().WithLocation(0).WithArguments("SqlCommand"));
        await new Verify.Test
        {
            TestState =
            {
                Sources = { Source },
                AnalyzerConfigFiles = { ("/.editorconfig", "root = true\n[*.cs]\ndotnet_code_quality.PT0010.enabled = false\n") },
            },
        }.RunAsync();
        await new Verify.Test
        {
            TestState =
            {
                Sources = { Source },
                AnalyzerConfigFiles = { ("/.editorconfig", "root = true\n[*.cs]\nproduction_analyzers.enabled = false\n") },
            },
        }.RunAsync();
    }
}

#pragma warning disable RS1036, RS2008, RS1038, RS1041

/// <summary>A ProductionAnalyzer-based sample: reports a non-literal first argument of <c>new SqlCommand(...)</c> unless <c>enabled = false</c>.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SqlCommandTextAnalyzer : ProductionAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "PT0010", "Non-literal command text", "{0} text is not a literal", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    protected override void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var sqlCommand = WellKnownTypes.Get(context.Compilation).Type("Microsoft.Data.SqlClient.SqlCommand");
        if (sqlCommand is null)
        {
            return;
        }

        context.RegisterSyntaxNodeAction(
            c =>
            {
                var creation = (ObjectCreationExpressionSyntax)c.Node;
                var argument = creation.ArgumentList?.Arguments.FirstOrDefault()?.Expression;
                if (argument is null or LiteralExpressionSyntax
                    || !RuleOptions.ForTree(c.Options, c.Node.SyntaxTree, Rule.Id).GetBool("enabled", true)
                    || !SymbolEqualityComparer.Default.Equals(c.SemanticModel.GetTypeInfo(creation, c.CancellationToken).Type, sqlCommand))
                {
                    return;
                }

                c.ReportDiagnostic(Diagnostic.Create(Rule, argument.GetLocation(), sqlCommand.Name));
            },
            SyntaxKind.ObjectCreationExpression);
    }
}
