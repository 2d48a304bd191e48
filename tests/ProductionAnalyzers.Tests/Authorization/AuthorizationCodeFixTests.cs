using Microsoft.CodeAnalysis;
using ProductionAnalyzers.CodeFixes;
using Xunit;
using Verify = ProductionAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ProductionAnalyzers.Authorization.AuthorizationAnalyzer,
    ProductionAnalyzers.CodeFixes.Authorization.AuthorizationCodeFixProvider>;

namespace ProductionAnalyzers.Tests.Authorization
{
    public class AuthorizationCodeFixTests
    {
        private static Task VerifyFixAsync(string source, string fixedSource, string key, bool topLevel = false, params (string Name, string Source)[] more)
        {
            var test = new Verify.Test
            {
                CodeActionEquivalenceKey = key,
            };
            test.TestState.Sources.Add(("/0/Test0.cs", source));
            test.FixedState.Sources.Add(("/0/Test0.cs", fixedSource));
            foreach (var (name, text) in more)
            {
                test.TestState.Sources.Add(("/0/" + name, text));
                test.FixedState.Sources.Add(("/0/" + name, text));
            }

            if (topLevel)
            {
                test.TestState.OutputKind = OutputKind.ConsoleApplication;
            }

            return test.RunAsync();
        }

        [Fact]
        public async Task AuthorizeOnController_AddedOnceWithUsing_Fixes()
        {
            const string source = """
                using Microsoft.AspNetCore.Mvc;

                namespace Shop.Controllers;

                /// <summary>Orders.</summary>
                [ApiController]
                [Route("api/orders")]
                public sealed class OrdersController : ControllerBase
                {
                    [HttpGet]
                    public IActionResult {|PA5001:List|}() => Ok();

                    [HttpPost]
                    public IActionResult {|PA5001:Place|}() => Ok();
                }

                // A controller without attributes.
                public sealed class StatusController : ControllerBase
                {
                    public IActionResult {|PA5001:Ping|}() => Ok();
                }
                """;
            const string fixedSource = """
                using Microsoft.AspNetCore.Authorization;
                using Microsoft.AspNetCore.Mvc;

                namespace Shop.Controllers;

                /// <summary>Orders.</summary>
                [ApiController]
                [Route("api/orders")]
                [Authorize]
                public sealed class OrdersController : ControllerBase
                {
                    [HttpGet]
                    public IActionResult List() => Ok();

                    [HttpPost]
                    public IActionResult Place() => Ok();
                }

                // A controller without attributes.
                [Authorize]
                public sealed class StatusController : ControllerBase
                {
                    public IActionResult Ping() => Ok();
                }
                """;
            await VerifyFixAsync(source, fixedSource, FixKeys.Pa5001AuthorizeController, false, ("Program.cs", AuthorizationTestCode.Host));
        }

        [Fact]
        public async Task AllowAnonymousOnAction_Fixes()
        {
            const string source = """
                using Microsoft.AspNetCore.Authorization;
                using Microsoft.AspNetCore.Mvc;

                public sealed class HealthController : ControllerBase
                {
                    [HttpGet("/ping")]
                    public IActionResult {|PA5001:Ping|}() => Ok();

                    public IActionResult {|PA5001:Version|}() => Ok("1.0");
                }
                """;
            const string fixedSource = """
                using Microsoft.AspNetCore.Authorization;
                using Microsoft.AspNetCore.Mvc;

                public sealed class HealthController : ControllerBase
                {
                    [HttpGet("/ping")]
                    [AllowAnonymous]
                    public IActionResult Ping() => Ok();

                    [AllowAnonymous]
                    public IActionResult Version() => Ok("1.0");
                }
                """;
            await VerifyFixAsync(source, fixedSource, FixKeys.Pa5001AllowAnonymousAction, false, ("Program.cs", AuthorizationTestCode.Host));
        }

        [Fact]
        public async Task RequireAuthorizationOnEndpoints_Fixes()
        {
            const string source = """
                using Microsoft.AspNetCore.Builder;

                var app = WebApplication.CreateBuilder(args).Build();
                app.{|PA5002:MapGet|}("/orders", () => "all").WithName("Orders");
                var api = app.MapGroup("/api");
                api.{|PA5002:MapPost|}("/orders", () =>
                {
                    return "created";
                });
                app.Run();
                """;
            const string fixedSource = """
                using Microsoft.AspNetCore.Builder;

                var app = WebApplication.CreateBuilder(args).Build();
                app.MapGet("/orders", () => "all").RequireAuthorization().WithName("Orders");
                var api = app.MapGroup("/api");
                api.MapPost("/orders", () =>
                {
                    return "created";
                }).RequireAuthorization();
                app.Run();
                """;
            await VerifyFixAsync(source, fixedSource, FixKeys.Pa5002RequireAuthorization, topLevel: true);
        }

        [Fact]
        public async Task AllowAnonymousOnEndpointInModule_Fixes()
        {
            const string module = """
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Routing;

                public static class PublicEndpoints
                {
                    public static void MapPublic(this IEndpointRouteBuilder app)
                    {
                        app.{|PA5002:MapGet|}("/terms", () => "terms");
                        app.{|PA5002:MapHub<StatusHub>|}("/status");
                    }
                }

                public sealed class StatusHub : Microsoft.AspNetCore.SignalR.Hub
                {
                }
                """;
            const string fixedModule = """
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Routing;

                public static class PublicEndpoints
                {
                    public static void MapPublic(this IEndpointRouteBuilder app)
                    {
                        app.MapGet("/terms", () => "terms").AllowAnonymous();
                        app.MapHub<StatusHub>("/status").AllowAnonymous();
                    }
                }

                public sealed class StatusHub : Microsoft.AspNetCore.SignalR.Hub
                {
                }
                """;
            const string program = """
                using Microsoft.AspNetCore.Builder;

                public static class Program
                {
                    public static void Main(string[] args)
                    {
                        var app = WebApplication.CreateBuilder(args).Build();
                        app.MapPublic();
                        app.Run();
                    }
                }
                """;
            await VerifyFixAsync(module, fixedModule, FixKeys.Pa5002AllowAnonymous, false, ("Program.cs", program));
        }

        [Fact]
        public async Task AuthorizeOnPageModel_Fixes()
        {
            const string source = """
                using Microsoft.AspNetCore.Mvc.RazorPages;

                namespace Shop.Pages.Account
                {
                    public class {|PA5003:ProfileModel|} : PageModel
                    {
                        public void OnGet() { }
                    }
                }
                """;
            const string fixedSource = """
                using Microsoft.AspNetCore.Authorization;
                using Microsoft.AspNetCore.Mvc.RazorPages;

                namespace Shop.Pages.Account
                {
                    [Authorize]
                    public class ProfileModel : PageModel
                    {
                        public void OnGet() { }
                    }
                }
                """;
            const string program = """
                using Microsoft.AspNetCore.Builder;

                public static class Program
                {
                    public static void Main(string[] args)
                    {
                        var app = WebApplication.CreateBuilder(args).Build();
                        app.MapRazorPages();
                        app.Run();
                    }
                }
                """;
            await VerifyFixAsync(source, fixedSource, FixKeys.Pa5003AuthorizePage, false, ("Program.cs", program));
        }

        [Fact]
        public async Task AllowAnonymousOnPageModel_Fixes()
        {
            const string source = """
                using Microsoft.AspNetCore.Mvc.RazorPages;

                namespace Shop.Pages
                {
                    public class {|PA5003:PrivacyModel|} : PageModel
                    {
                    }
                }
                """;
            const string fixedSource = """
                using Microsoft.AspNetCore.Authorization;
                using Microsoft.AspNetCore.Mvc.RazorPages;

                namespace Shop.Pages
                {
                    [AllowAnonymous]
                    public class PrivacyModel : PageModel
                    {
                    }
                }
                """;
            await VerifyFixAsync(source, fixedSource, FixKeys.Pa5003AllowAnonymousPage, false, ("Program.cs", "public static class Program { public static void Main() { Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder().Build().Run(); } }"));
        }
    }
}
