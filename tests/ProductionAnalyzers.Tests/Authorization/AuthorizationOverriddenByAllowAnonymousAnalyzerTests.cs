using Xunit;
using static ProductionAnalyzers.Tests.Authorization.AuthorizationTestCode;
using Verify = ProductionAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ProductionAnalyzers.Authorization.AuthorizationAnalyzer>;

namespace ProductionAnalyzers.Tests.Authorization
{
    public class AuthorizationOverriddenByAllowAnonymousAnalyzerTests
    {
        [Fact]
        public async Task AuthorizeCancelledByControllerOrBase_Reports()
        {
            const string controllers = """
                using Microsoft.AspNetCore.Authorization;
                using Microsoft.AspNetCore.Mvc;

                [AllowAnonymous]
                public sealed class CatalogController : ControllerBase
                {
                    public IActionResult List() => Ok();

                    [Authorize(Roles = "Admin")]
                    public IActionResult {|#0:Delete|}(int id) => Ok();
                }

                [AllowAnonymous]
                public abstract class PublicControllerBase : ControllerBase
                {
                }

                [Authorize]
                public sealed class {|#1:AccountController|} : PublicControllerBase
                {
                    public IActionResult Me() => Ok();
                }

                // The intended way to open one action of a protected controller: not reported.
                [Authorize]
                public sealed class ProfileController : ControllerBase
                {
                    [AllowAnonymous]
                    public IActionResult Avatar() => Ok();

                    [Authorize]
                    [AllowAnonymous]
                    public IActionResult Both() => Ok();
                }
                """;
            var test = new Verify.Test();
            test.TestState.Sources.Add(("/0/Program.cs", Host));
            test.TestState.Sources.Add(("/0/Controllers.cs", controllers));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("PA5004").WithLocation(0).WithArguments("action 'CatalogController.Delete'", "[AllowAnonymous] on 'CatalogController'"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("PA5004").WithLocation(1).WithArguments("controller 'AccountController'", "[AllowAnonymous] on a base class"));
            await test.RunAsync();
        }

        [Fact]
        public async Task EndpointAuthorizeCancelledByGroup_Reports()
        {
            const string program = """
                using Microsoft.AspNetCore.Authorization;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Routing;

                var app = WebApplication.CreateBuilder(args).Build();
                var ops = app.MapGroup("/ops").AllowAnonymous();
                ops.MapGet("/health", () => "ok");
                ops.{|#0:MapPost|}("/flush", () => "flushed").RequireAuthorization("Ops");
                ops.{|#1:MapPost|}("/restart", [Authorize] () => "restarted");
                app.MapGroup("/public").AllowAnonymous().MapAdmin();
                app.MapGroup("/secure").RequireAuthorization().MapGet("/x", () => 1).AllowAnonymous();
                app.Run();

                static class AdminModule
                {
                    public static void MapAdmin(this IEndpointRouteBuilder app) =>
                        app.{|#2:MapDelete|}("/users/{id}", (int id) => id).RequireAuthorization();
                }
                """;
            var test = new Verify.Test();
            test.TestState.Sources.Add(("/0/Program.cs", program));
            test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("PA5004").WithLocation(0).WithArguments("endpoint 'POST /flush'", "'.AllowAnonymous()' on its route group"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("PA5004").WithLocation(1).WithArguments("endpoint 'POST /restart'", "'.AllowAnonymous()' on its route group"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("PA5004").WithLocation(2).WithArguments("endpoint 'DELETE /users/{id}'", "'.AllowAnonymous()' on its route group"));
            await test.RunAsync();
        }

        [Fact]
        public async Task PageAuthorizeCancelledByConventionOrBase_Reports()
        {
            const string program = """
                using Microsoft.AspNetCore.Builder;
                using Microsoft.Extensions.DependencyInjection;

                public static class Program
                {
                    public static void Main(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        builder.Services.AddRazorPages(o => o.Conventions.AllowAnonymousToFolder("/Public"));
                        var app = builder.Build();
                        app.MapRazorPages();
                        app.Run();
                    }
                }
                """;
            const string usings = "using Microsoft.AspNetCore.Authorization;\nusing Microsoft.AspNetCore.Mvc.RazorPages;\n";
            await VerifyAsync(
                false,
                ("Program.cs", program),
                ("Pages/Public/Terms.cshtml.cs", usings + "namespace Shop.Pages.Public;\npublic class TermsModel : PageModel { }"),
                ("Pages/Public/Downloads.cshtml.cs", usings + "namespace Shop.Pages.Public;\n[Authorize]\npublic class {|PA5004:DownloadsModel|} : PageModel { }"),
                ("Pages/OpenPageModel.cs", usings + "namespace Shop.Pages;\n[AllowAnonymous]\npublic abstract class OpenPageModel : PageModel { }"),
                ("Pages/Checkout.cshtml.cs", usings + "namespace Shop.Pages;\n[Authorize]\npublic class {|PA5004:CheckoutModel|} : OpenPageModel { }"));
        }

        [Fact]
        public async Task GlobalDecisionDoesNotSilence_Reports()
        {
            const string program = """
                using Microsoft.AspNetCore.Authorization;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.Extensions.DependencyInjection;

                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
                var app = builder.Build();
                app.MapGroup("/p").AllowAnonymous().{|PA5004:MapGet|}("/", () => 1).RequireAuthorization();
                app.Run();
                """;
            await VerifyAsync(true, ("Program.cs", program));
        }
    }
}
