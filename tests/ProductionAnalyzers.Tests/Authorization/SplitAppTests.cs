using Xunit;
using static ProductionAnalyzers.Tests.Authorization.AuthorizationTestCode;
using Verify = ProductionAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ProductionAnalyzers.Authorization.AuthorizationAnalyzer>;

namespace ProductionAnalyzers.Tests.Authorization
{
    /// <summary>A controllers library whose host is another project: the host's global decision is not visible.</summary>
    public class SplitAppTests
    {
        private const string HostNotVisible =
            "; no host code is in this project, so the host's global decision is not visible: if the host sets a fallback policy, declare it " +
            "with 'dotnet_code_quality.PA5001.global_decision = fallback_policy' or [assembly: HostAuthorization]";

        private const string Controllers = """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.RazorPages;

            namespace Billing.Api
            {
                [ApiController]
                [Route("api/invoices")]
                public sealed class InvoicesController : ControllerBase
                {
                    [HttpGet]
                    public IActionResult {|#0:List|}() => Ok();
                }
            }

            namespace Billing.Pages
            {
                public class {|#1:StatementModel|} : PageModel { }
            }
            """;

        [Fact]
        public async Task NoHostCode_ReportsAndSaysTheHostIsNotVisible()
        {
            var test = new Verify.Test();
            test.TestState.Sources.Add(("/0/Controllers.cs", Controllers));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("PA5001").WithLocation(0).WithArguments("'GET api/invoices' (InvoicesController.List)", HostNotVisible));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("PA5003").WithLocation(1).WithArguments("'StatementModel'", HostNotVisible));
            await test.RunAsync();
        }

        [Theory]
        [InlineData("dotnet_code_quality.PA5001.global_decision = fallback_policy")]
        [InlineData("dotnet_code_quality.PA5001.global_decision = Fallback_Policy")]
        [InlineData("production_analyzers.global_decision = authorize_filter")]
        public async Task GlobalDecisionOption_Silences(string option)
        {
            var test = new Verify.Test();
            test.TestState.Sources.Add(("/0/Controllers.cs", Controllers.Replace("{|#0:List|}", "List").Replace("{|#1:StatementModel|}", "StatementModel")));
            test.TestState.Sources.Add(("/0/Endpoints.cs", EndpointModule));
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*]\n" + option + "\n"));
            await test.RunAsync();
        }

        [Theory]
        [InlineData("dotnet_code_quality.PA5001.global_decision = none")]
        [InlineData("dotnet_code_quality.PA5001.global_decision = maybe")]
        public async Task OtherOptionValues_DoNotSilence(string option)
        {
            var test = new Verify.Test();
            test.TestState.Sources.Add(("/0/Controllers.cs", Controllers));
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*]\n" + option + "\n"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("PA5001").WithLocation(0).WithArguments("'GET api/invoices' (InvoicesController.List)", HostNotVisible));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("PA5003").WithLocation(1).WithArguments("'StatementModel'", HostNotVisible));
            await test.RunAsync();
        }

        [Fact]
        public async Task HostAuthorizationAttribute_Silences()
        {
            const string attribute = """
                [assembly: ProductionAnalyzers.HostAuthorization]

                namespace ProductionAnalyzers
                {
                    [System.AttributeUsage(System.AttributeTargets.Assembly)]
                    internal sealed class HostAuthorizationAttribute : System.Attribute { }
                }
                """;
            await VerifyAsync(
                false,
                ("Controllers.cs", Controllers.Replace("{|#0:List|}", "List").Replace("{|#1:StatementModel|}", "StatementModel")),
                ("Endpoints.cs", EndpointModule),
                ("HostAuthorization.cs", attribute));
        }

        [Fact]
        public async Task HostCodePresent_MessageHasNoSuffix()
        {
            var test = new Verify.Test();
            test.TestState.Sources.Add(("/0/Program.cs", Host));
            test.TestState.Sources.Add(("/0/Controllers.cs", Controllers));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("PA5001").WithLocation(0).WithArguments("'GET api/invoices' (InvoicesController.List)", string.Empty));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("PA5003").WithLocation(1).WithArguments("'StatementModel'", string.Empty));
            await test.RunAsync();
        }

        /// <summary>A module called inside the library on the bare builder: reported without the option, silenced by it.</summary>
        private const string EndpointModule = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Routing;

            public static class BillingEndpoints
            {
                public static void MapBilling(this IEndpointRouteBuilder app) => app.MapGroup("/billing").MapStatements();

                private static void MapStatements(this RouteGroupBuilder group) => group.MapGet("/statements", () => "s");
            }
            """;
    }
}
