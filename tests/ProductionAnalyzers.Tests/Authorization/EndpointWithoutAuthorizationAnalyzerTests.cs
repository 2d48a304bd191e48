using Xunit;
using static ProductionAnalyzers.Tests.Authorization.AuthorizationTestCode;
using Verify = ProductionAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ProductionAnalyzers.Authorization.AuthorizationAnalyzer>;

namespace ProductionAnalyzers.Tests.Authorization
{
    public class EndpointWithoutAuthorizationAnalyzerTests
    {
        private const string Usings = """
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Routing;
            using Microsoft.Extensions.DependencyInjection;

            """;

        private static Task VerifyProgramAsync(string program, params (string Name, string Source)[] more)
        {
            var files = new List<(string, string)> { ("Program.cs", Usings + program) };
            files.AddRange(more);
            return VerifyAsync(true, files.ToArray());
        }

        /// <summary>
        /// An endpoint mapped only in the true branch of an <c>IsDevelopment()</c> check never exists in production: not
        /// reported. The else branch, a negated check and a check that also lets production through are.
        /// </summary>
        [Fact]
        public async Task EndpointMappedOnlyInDevelopment_IsNotReported()
        {
            const string program = """
                using Microsoft.Extensions.Hosting;

                var app = WebApplication.CreateBuilder(args).Build();
                if (app.Environment.IsDevelopment())
                {
                    app.MapGet("/", () => Results.Redirect("/docs"));
                    app.MapGet("/debug/config", () => "config").ExcludeFromDescription();
                }
                else
                {
                    app.{|PA5002:MapGet|}("/", () => Results.Redirect("/home"));
                }

                if (app.Configuration["Debug"] == "on" && app.Environment.IsDevelopment())
                    app.MapGet("/debug/routes", () => "routes");

                if (!app.Environment.IsDevelopment())
                {
                    app.{|PA5002:MapGet|}("/status", () => "up");
                }

                if (app.Environment.IsDevelopment() || app.Environment.IsStaging())
                {
                    app.{|PA5002:MapGet|}("/debug/env", () => "env");
                }

                app.Run();
                """;
            await VerifyProgramAsync(program);
        }

        [Fact]
        public async Task EachMapMethod_ReportsWithVerbAndRoute()
        {
            const string program = """
                var app = WebApplication.CreateBuilder(args).Build();
                app.{|#0:MapGet|}("/orders/{id}", (int id) => id);
                app.{|#1:MapPost|}("/orders", () => "created");
                app.{|#2:MapPut|}("/orders/{id}", (int id) => id);
                app.{|#3:MapDelete|}("/orders/{id}", (int id) => id);
                app.{|#4:MapPatch|}("/orders/{id}", (int id) => id);
                app.{|#5:MapMethods|}("/orders", new[] { "head", "options" }, () => "");
                app.{|#6:Map|}("/any", () => "any");
                app.Run();
                """;
            var test = new Verify.Test();
            test.TestState.Sources.Add(("/0/Program.cs", Usings + program));
            test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
            var expected = new[] { "'GET /orders/{id}'", "'POST /orders'", "'PUT /orders/{id}'", "'DELETE /orders/{id}'", "'PATCH /orders/{id}'", "'HEAD,OPTIONS /orders'", "'/any'" };
            for (var i = 0; i < expected.Length; i++)
            {
                test.ExpectedDiagnostics.Add(Verify.Diagnostic("PA5002").WithLocation(i).WithArguments(expected[i], string.Empty));
            }

            await test.RunAsync();
        }

        [Theory]
        [InlineData("app.MapGet(\"/a\", () => 1).RequireAuthorization();")]
        [InlineData("app.MapGet(\"/a\", () => 1).RequireAuthorization(\"Admin\");")]
        [InlineData("app.MapGet(\"/a\", () => 1).AllowAnonymous();")]
        [InlineData("app.MapGet(\"/a\", () => 1).WithName(\"A\").WithTags(\"x\").RequireAuthorization();")]
        [InlineData("app.MapGet(\"/a\", () => 1).WithMetadata(new AuthorizeAttribute());")]
        [InlineData("app.MapGet(\"/a\", [Authorize] () => 1);")]
        [InlineData("app.MapGet(\"/a\", [AllowAnonymous] () => 1);")]
        [InlineData("app.MapGet(\"/a\", Handlers.Protected);")]
        [InlineData("var a = app.MapGet(\"/a\", () => 1); a.RequireAuthorization();")]
        [InlineData("app.MapGroup(\"/api\").RequireAuthorization().MapGet(\"/a\", () => 1);")]
        [InlineData("app.MapGroup(\"\").RequireAuthorization().MapGet(\"/a\", () => 1);")]
        [InlineData("var api = app.MapGroup(\"/api\").RequireAuthorization(); api.MapGet(\"/a\", () => 1);")]
        [InlineData("var api = app.MapGroup(\"/api\"); api.RequireAuthorization(); api.MapGet(\"/a\", () => 1);")]
        [InlineData("var api = app.MapGroup(\"/api\").RequireAuthorization(); var v1 = api.MapGroup(\"/v1\").WithTags(\"v1\"); v1.MapGet(\"/a\", () => 1);")]
        [InlineData("var pub = app.MapGroup(\"/public\").AllowAnonymous(); pub.MapGet(\"/a\", () => 1);")]
        [InlineData("app.MapGroup(\"/api\").RequireAuthorization().MapGroup(\"/v1\").MapGet(\"/a\", () => 1);")]
        public async Task EndpointWithDecision_DoesNotReport(string mapping)
        {
            var program = $$"""
                var app = WebApplication.CreateBuilder(args).Build();
                {{mapping}}
                app.Run();

                static class Handlers
                {
                    [Authorize]
                    public static int Protected() => 1;
                }
                """;
            await VerifyProgramAsync(program);
        }

        [Theory]
        [InlineData("app.{|PA5002:MapGet|}(\"/a\", () => 1).WithName(\"A\");")]
        [InlineData("app.MapGroup(\"/api\").WithTags(\"api\").{|PA5002:MapGet|}(\"/a\", () => 1);")]
        [InlineData("var api = app.MapGroup(\"/api\"); api.{|PA5002:MapGet|}(\"/a\", () => 1);")]
        [InlineData("var api = app.MapGroup(\"/api\"); var v1 = api.MapGroup(\"/v1\"); v1.{|PA5002:MapGet|}(\"/a\", () => 1);")]
        [InlineData("app.{|PA5002:MapGet|}(\"/a\", Handlers.Open);")]
        [InlineData("app.{|PA5002:MapGet|}(\"/a\", [ProducesResponseType(200)] () => 1);")]
        public async Task EndpointWithoutDecision_Reports(string mapping)
        {
            var program = $$"""
                using Microsoft.AspNetCore.Mvc;
                var app = WebApplication.CreateBuilder(args).Build();
                {{mapping}}
                app.Run();

                static class Handlers
                {
                    public static int Open() => 1;
                }
                """;
            await VerifyProgramAsync(program);
        }

        [Fact]
        public async Task NotInTheRulesList_DoesNotReport()
        {
            const string program = """
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddHealthChecks();
                var app = builder.Build();
                app.MapHealthChecks("/health");
                app.MapFallbackToFile("index.html");
                app.Map("/branch", branch => branch.Run(context => context.Response.WriteAsync("branch")));
                app.Run();
                """;
            await VerifyProgramAsync(program);
        }

        [Fact]
        public async Task UseEndpoints_IsTheHost_Reports()
        {
            const string startup = """
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Http;

                public sealed class Startup
                {
                    public void Configure(IApplicationBuilder app)
                    {
                        app.UseRouting();
                        app.UseEndpoints(endpoints =>
                        {
                            endpoints.{|PA5002:MapGet|}("/ping", () => "pong");
                            endpoints.MapGet("/secure", () => "ok").RequireAuthorization();
                        });
                    }
                }
                """;
            await VerifyAsync(false, ("Startup.cs", startup));
        }

        [Fact]
        public async Task Modules_JudgedAtEveryCallSite()
        {
            const string program = """
                var app = WebApplication.CreateBuilder(args).Build();
                app.MapGroup("/orders").RequireAuthorization().MapOrders();
                app.MapGroup("/admin").RequireAuthorization().MapAdmin();
                app.MapAdmin();
                app.Run();
                """;
            const string modules = """
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Routing;

                public static class OrderEndpoints
                {
                    // Every call site protects it.
                    public static IEndpointRouteBuilder MapOrders(this IEndpointRouteBuilder app)
                    {
                        app.MapGet("/", () => "all");
                        return app;
                    }
                }

                public static class AdminEndpoints
                {
                    // One call site passes the bare app.
                    public static void MapAdmin(this IEndpointRouteBuilder app)
                    {
                        app.{|PA5002:MapPost|}("/reset", () => "reset");
                        app.MapGet("/stats", () => "stats").RequireAuthorization();
                    }
                }

                public static class UncalledEndpoints
                {
                    // No call site in this compilation (a library's public API): the decision is not known.
                    public static void MapReports(this IEndpointRouteBuilder app) => app.MapGet("/reports", () => "r");
                }
                """;
            await VerifyProgramAsync(program, ("Modules.cs", modules));
        }

        [Fact]
        public async Task GroupFromHelperMethodAndField_Followed()
        {
            const string program = """
                var app = WebApplication.CreateBuilder(args).Build();
                var api = Routes.Api(app);
                api.MapGet("/a", () => 1);
                var open = Routes.Open(app);
                open.{|PA5002:MapGet|}("/b", () => 2);
                new Registrar(app).Register();
                app.Run();
                """;
            const string routes = """
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Http;
                using Microsoft.AspNetCore.Routing;

                public static class Routes
                {
                    public static RouteGroupBuilder Api(IEndpointRouteBuilder app) => app.MapGroup("/api").RequireAuthorization();

                    public static RouteGroupBuilder Open(IEndpointRouteBuilder app)
                    {
                        var group = app.MapGroup("/open");
                        return group;
                    }
                }

                public sealed class Registrar
                {
                    private readonly RouteGroupBuilder _secure;
                    private readonly RouteGroupBuilder _plain;

                    public Registrar(WebApplication app)
                    {
                        _secure = app.MapGroup("/secure");
                        _secure.RequireAuthorization();
                        _plain = app.MapGroup("/plain");
                    }

                    public void Register()
                    {
                        _secure.MapGet("/x", () => 1);
                        _plain.{|PA5002:MapGet|}("/y", () => 2);
                    }
                }
                """;
            await VerifyProgramAsync(program, ("Routes.cs", routes));
        }

        [Fact]
        public async Task ConventionHelperOfTheApp_Followed()
        {
            const string program = """
                var app = WebApplication.CreateBuilder(args).Build();
                app.MapGet("/a", () => 1).RequireAdmin();
                app.MapGroup("/b").RequireAdmin().MapGet("/", () => 2);
                app.MapGroup("/c").Tagged().{|PA5002:MapGet|}("/", () => 3);
                app.Run();

                static class Conventions
                {
                    public static TBuilder RequireAdmin<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
                        builder.RequireAuthorization("Admin");

                    public static RouteGroupBuilder Tagged(this RouteGroupBuilder group) => group.WithTags("c");
                }
                """;
            await VerifyProgramAsync(program);
        }

        [Fact]
        public async Task BuilderFromUnknownSource_DoesNotReport()
        {
            const string modules = """
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Routing;

                public interface IEndpointModule
                {
                    void AddRoutes(IEndpointRouteBuilder app);
                }

                // Carter-like: the framework calls it, the analyzer cannot see with what.
                public sealed class OrdersModule : IEndpointModule
                {
                    public void AddRoutes(IEndpointRouteBuilder app) => app.MapGet("/orders", () => "orders");
                }

                public static class Escapes
                {
                    // The endpoint builder leaves the method: the caller decides.
                    public static RouteHandlerBuilder MapPing(this IEndpointRouteBuilder app) => app.MapGet("/ping", () => "pong");
                }
                """;
            await VerifyAsync(false, ("Program.cs", Host), ("Modules.cs", modules));
        }

        [Fact]
        public async Task HubsAndGrpcServices_Report()
        {
            const string program = """
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddSignalR();
                builder.Services.AddGrpc();
                var app = builder.Build();
                app.{|#0:MapHub<ChatHub>|}("/chat");
                app.MapHub<AdminHub>("/admin");
                app.MapHub<NotificationsHub>("/notifications");
                app.MapHub<ChatHub>("/chat2").RequireAuthorization();
                app.{|#1:MapGrpcService<GreeterService>|}();
                app.MapGrpcService<SecureGreeterService>();
                app.MapGrpcService<MethodsGreeterService>();
                app.Run();
                """;
            const string services = """
                using System.Threading.Tasks;
                using Grpc.Core;
                using Microsoft.AspNetCore.Authorization;
                using Microsoft.AspNetCore.SignalR;

                public sealed class ChatHub : Hub
                {
                    public Task Send(string message) => Clients.All.SendAsync("message", message);
                }

                [Authorize]
                public sealed class AdminHub : Hub
                {
                }

                public sealed class NotificationsHub : Hub
                {
                    [Authorize]
                    public Task Subscribe(string topic) => Task.CompletedTask;
                }

                public class GreeterBase
                {
                    public virtual Task<string> SayHello(string request, ServerCallContext context) => Task.FromResult(request);
                }

                public sealed class GreeterService : GreeterBase
                {
                    public override Task<string> SayHello(string request, ServerCallContext context) => Task.FromResult("hi " + request);
                }

                [Authorize]
                public sealed class SecureGreeterService : GreeterBase
                {
                }

                public sealed class MethodsGreeterService : GreeterBase
                {
                    [Authorize]
                    public override Task<string> SayHello(string request, ServerCallContext context) => Task.FromResult("hi");
                }
                """;
            var test = new Verify.Test();
            test.TestState.Sources.Add(("/0/Program.cs", Usings + program));
            test.TestState.Sources.Add(("/0/Services.cs", services));
            test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("PA5002").WithLocation(0).WithArguments("hub 'ChatHub' at '/chat'", string.Empty));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("PA5002").WithLocation(1).WithArguments("gRPC service 'GreeterService'", string.Empty));
            await test.RunAsync();
        }

        [Theory]
        [InlineData("builder.Services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());")]
        [InlineData("builder.Services.AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());")]
        public async Task FallbackPolicy_DoesNotReport(string configure)
        {
            var program = $$"""
                var builder = WebApplication.CreateBuilder(args);
                {{configure}}
                var app = builder.Build();
                app.MapGet("/a", () => 1);
                app.MapGroup("/b").MapPost("/", () => 2);
                app.Run();
                """;
            await VerifyProgramAsync(program);
        }
    }
}
