using Xunit;
using static ProductionAnalyzers.Tests.Authorization.AuthorizationTestCode;
using Verify = ProductionAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ProductionAnalyzers.Authorization.AuthorizationAnalyzer>;

namespace ProductionAnalyzers.Tests.Authorization
{
    public class ControllerActionWithoutAuthorizationAnalyzerTests
    {
        [Fact]
        public async Task ActionWithoutDecision_ReportsWithVerbAndRoute()
        {
            const string controller = """
                using Microsoft.AspNetCore.Mvc;

                [ApiController]
                [Route("api/[controller]")]
                public sealed class OrdersController : ControllerBase
                {
                    [HttpGet("{id}")]
                    public IActionResult {|#0:Get|}(int id) => Ok(id);

                    [HttpPost]
                    public IActionResult {|#1:Place|}() => Ok();
                }
                """;
            var test = new Verify.Test();
            test.TestState.Sources.Add(("/0/Program.cs", Host));
            test.TestState.Sources.Add(("/0/OrdersController.cs", controller));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("PA5001").WithLocation(0).WithArguments("'GET api/Orders/{id}' (OrdersController.Get)", string.Empty));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("PA5001").WithLocation(1).WithArguments("'POST api/Orders' (OrdersController.Place)", string.Empty));
            await test.RunAsync();
        }

        /// <summary>
        /// A controller split across files is judged as one class, once the whole class is known: the actions of every part
        /// are reported, and none when the <c>[Authorize]</c> is on another part than the actions.
        /// </summary>
        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public async Task PartialController_SplitAcrossFiles_IsJudgedAsOneClass(bool authorizedInOtherPart)
        {
            string Action(string name) => authorizedInOtherPart ? name : "{|PA5001:" + name + "|}";
            var listing = $$"""
                using Microsoft.AspNetCore.Mvc;

                [ApiController]
                [Route("api/orders")]
                public sealed partial class OrdersController : ControllerBase
                {
                    [HttpGet]
                    public IActionResult {{Action("List")}}() => Ok();
                }
                """;
            var placing = $$"""
                using Microsoft.AspNetCore.Authorization;
                using Microsoft.AspNetCore.Mvc;

                {{(authorizedInOtherPart ? "[Authorize(Policy = \"Orders\")]" : string.Empty)}}
                public sealed partial class OrdersController
                {
                    [HttpPost]
                    public IActionResult {{Action("Place")}}() => Ok();

                    private IActionResult Validate() => Ok();
                }
                """;
            await VerifyAsync(false, ("Program.cs", Host), ("OrdersController.List.cs", listing), ("OrdersController.Place.cs", placing));
        }

        [Theory]
        [InlineData("[Authorize]", "")]
        [InlineData("[Authorize(Roles = \"Admin\")]", "")]
        [InlineData("[AllowAnonymous]", "")]
        [InlineData("", "[Authorize]")]
        [InlineData("", "[AllowAnonymous]")]
        [InlineData("", "[Authorize(Policy = \"Orders\")]")]
        public async Task DecisionOnActionOrController_DoesNotReport(string onController, string onAction)
        {
            var controller = $$"""
                using Microsoft.AspNetCore.Authorization;
                using Microsoft.AspNetCore.Mvc;

                [ApiController]
                {{onController}}
                public sealed class OrdersController : ControllerBase
                {
                    {{onAction}}
                    [HttpGet]
                    public IActionResult Get() => Ok();
                }
                """;
            await VerifyAsync(false, ("Program.cs", Host), ("OrdersController.cs", controller));
        }

        [Fact]
        public async Task DecisionOnBaseController_DoesNotReport()
        {
            const string controllers = """
                using Microsoft.AspNetCore.Authorization;
                using Microsoft.AspNetCore.Mvc;

                [Authorize]
                public abstract class AuthorizedApiController : ControllerBase
                {
                }

                public abstract class ModuleController : AuthorizedApiController
                {
                }

                [ApiController]
                public sealed class InvoicesController : ModuleController
                {
                    [HttpGet]
                    public IActionResult List() => Ok();
                }
                """;
            await VerifyAsync(false, ("Program.cs", Host), ("Controllers.cs", controllers));
        }

        [Fact]
        public async Task CustomAuthorizeSubclassAndApiKeyFilter_DoNotReport()
        {
            const string controllers = """
                using System;
                using Microsoft.AspNetCore.Authorization;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.AspNetCore.Mvc.Filters;

                public sealed class AdminOnlyAttribute : AuthorizeAttribute
                {
                    public AdminOnlyAttribute() => Roles = "Admin";
                }

                [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
                public sealed class ApiKeyAttribute : Attribute, IAsyncAuthorizationFilter
                {
                    public System.Threading.Tasks.Task OnAuthorizationAsync(AuthorizationFilterContext context) => System.Threading.Tasks.Task.CompletedTask;
                }

                public sealed class ApiKeyFilter : IAuthorizationFilter
                {
                    public void OnAuthorization(AuthorizationFilterContext context) { }
                }

                [AdminOnly]
                public sealed class AdminController : ControllerBase
                {
                    public IActionResult Index() => Ok();
                }

                [ApiKey]
                public sealed class WebhooksController : ControllerBase
                {
                    public IActionResult Receive() => Ok();
                }

                public sealed class PartnerController : ControllerBase
                {
                    [TypeFilter(typeof(ApiKeyFilter))]
                    public IActionResult Sync() => Ok();

                    [ServiceFilter(typeof(ApiKeyFilter))]
                    public IActionResult Push() => Ok();
                }
                """;
            await VerifyAsync(false, ("Program.cs", Host), ("Controllers.cs", controllers));
        }

        [Fact]
        public async Task AttributesThatAreNotDecisions_Report()
        {
            const string controllers = """
                using Microsoft.AspNetCore.Mvc;

                [ApiController]
                [ApiExplorerSettings(GroupName = "v1")]
                [Produces("application/json")]
                [Route("api/reports")]
                public sealed class ReportsController : ControllerBase
                {
                    [HttpGet, ResponseCache(Duration = 60)]
                    public IActionResult {|PA5001:Daily|}() => Ok();
                }
                """;
            await VerifyAsync(false, ("Program.cs", Host), ("ReportsController.cs", controllers));
        }

        [Fact]
        public async Task ControllerDiscovery_FollowsMvcConventions()
        {
            const string controllers = """
                using Microsoft.AspNetCore.Mvc;

                // POCO controller by name.
                public class StatusController
                {
                    public string {|PA5001:Ping|}() => "pong";
                }

                // [Controller] without the name.
                [Controller]
                public class Telemetry
                {
                    public string {|PA5001:Send|}() => "ok";
                }

                // Not controllers: abstract, [NonController], not public, generic.
                public abstract class BaseApiController : ControllerBase
                {
                    public IActionResult {|PA5001:Health|}() => Ok();
                }

                [NonController]
                public class ToolsController : ControllerBase
                {
                    public IActionResult Run() => Ok();
                }

                internal class InternalController : ControllerBase
                {
                    public IActionResult Run() => Ok();
                }

                public class GenericController<T> : ControllerBase
                {
                    public IActionResult Run() => Ok();
                }

                public sealed class CustomersController : BaseApiController
                {
                    [NonAction]
                    public void Helper() { }

                    public override string ToString() => "customers";

                    public static void Configure() { }

                    protected IActionResult Hidden() => Ok();

                    private IActionResult Secret() => Ok();

                    public IActionResult {|PA5001:List|}() => Ok();
                }
                """;
            await VerifyAsync(false, ("Program.cs", Host), ("Controllers.cs", controllers));
        }

        [Fact]
        public async Task OverrideOfNonActionFilterMethod_DoesNotReport()
        {
            const string controllers = """
                using Microsoft.AspNetCore.Authorization;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.AspNetCore.Mvc.Filters;

                public sealed class HomeController : Controller
                {
                    public override void OnActionExecuting(ActionExecutingContext context) { }

                    [AllowAnonymous]
                    public IActionResult Index() => View();

                    public IActionResult {|PA5001:Privacy|}() => View();
                }
                """;
            await VerifyAsync(false, ("Program.cs", Host), ("HomeController.cs", controllers));
        }

        [Fact]
        public async Task InheritedActionsOfAGenericBase_ReportedOnceAtTheBaseMethod()
        {
            const string controllers = """
                using Microsoft.AspNetCore.Authorization;
                using Microsoft.AspNetCore.Mvc;

                public abstract class CrudController<T> : ControllerBase
                {
                    [HttpGet]
                    public IActionResult {|PA5001:List|}() => Ok();
                }

                public sealed class ProductsController : CrudController<string>
                {
                }

                public sealed class TagsController : CrudController<int>
                {
                }

                [Authorize]
                public sealed class SecretsController : CrudController<long>
                {
                }
                """;
            await VerifyAsync(false, ("Program.cs", Host), ("Controllers.cs", controllers));
        }

        [Theory]
        [InlineData("app.MapControllers().RequireAuthorization();")]
        [InlineData("app.MapControllerRoute(\"default\", \"{controller=Home}/{action=Index}/{id?}\").RequireAuthorization(\"Staff\");")]
        [InlineData("app.MapDefaultControllerRoute().RequireAuthorization();")]
        [InlineData("app.MapGroup(\"\").RequireAuthorization().MapControllers();")]
        [InlineData("app.MapControllers(); builder.Services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());")]
        [InlineData("app.MapControllers(); builder.Services.AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());")]
        [InlineData("app.MapControllers(); builder.Services.AddControllers(o => o.Filters.Add(new AuthorizeFilter()));")]
        [InlineData("app.MapControllers(); builder.Services.AddMvc(o => o.Filters.Add<AuthorizeFilter>());")]
        public async Task GlobalDecision_DoesNotReport(string hostCode)
        {
            var host = $$"""
                using Microsoft.AspNetCore.Authorization;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Mvc.Authorization;
                using Microsoft.Extensions.DependencyInjection;

                var builder = WebApplication.CreateBuilder(args);
                var app = builder.Build();
                {{hostCode}}
                app.Run();
                """;
            const string controller = """
                using Microsoft.AspNetCore.Mvc;

                public sealed class OrdersController : ControllerBase
                {
                    public IActionResult Get() => Ok();
                }
                """;
            await VerifyAsync(true, ("Program.cs", host), ("OrdersController.cs", controller));
        }

        [Theory]
        [InlineData("o.FallbackPolicy = null;")]
        [InlineData("o.DefaultPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();")]
        public async Task NullFallbackOrDefaultPolicyOnly_Reports(string configure)
        {
            var host = $$"""
                using Microsoft.AspNetCore.Authorization;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.Extensions.DependencyInjection;

                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddAuthorization(o => { {{configure}} });
                var app = builder.Build();
                app.MapControllers();
                app.Run();
                """;
            const string controller = """
                using Microsoft.AspNetCore.Mvc;

                public sealed class OrdersController : ControllerBase
                {
                    public IActionResult {|PA5001:Get|}() => Ok();
                }
                """;
            await VerifyAsync(true, ("Program.cs", host), ("OrdersController.cs", controller));
        }

        [Fact]
        public async Task CompilationWithoutAspNetCore_DoesNotReport()
        {
            // A worker or console tool: the same POCO "controller" that MVC would pick up, but no ASP.NET Core reference.
            const string source = """
                public sealed class InputController
                {
                    public void Poll() { }
                }
                """;
            var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
                "Worker",
                new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(source) },
                new[] { Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
                new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary));
            var diagnostics = await Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzerExtensions
                .WithAnalyzers(compilation, System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new ProductionAnalyzers.Authorization.AuthorizationAnalyzer()))
                .GetAllDiagnosticsAsync();
            Assert.Empty(diagnostics.Where(d => d.Id.StartsWith("PA", StringComparison.Ordinal) || d.Id == "AD0001"));

            // The same class in a web project is a controller.
            await VerifyAsync(false, ("Program.cs", Host), ("InputController.cs", source.Replace("void Poll", "void {|PA5001:Poll|}", StringComparison.Ordinal)));
        }
        [Fact]
        public async Task ServiceNamedController_DoesNotReport()
        {
            // A class named *Controller that implements a contract of the app (a device or session controller resolved through
            // its interface) is a service, not an MVC controller; the same name with a controller base or [Controller] still is one.
            const string source = """
                using System;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;

                public interface IPlaybackChannel
                {
                    Task SendAsync(string message, CancellationToken cancellationToken);
                }

                public sealed class SocketPlaybackController : IPlaybackChannel, IDisposable
                {
                    public Task SendAsync(string message, CancellationToken cancellationToken) => Task.CompletedTask;

                    public void Pause() { }

                    public void Dispose() { }
                }

                [Controller]
                public sealed class RemotePlaybackController : IPlaybackChannel
                {
                    public Task {|PA5001:SendAsync|}(string message, CancellationToken cancellationToken) => Task.CompletedTask;
                }

                public sealed class QueueController : ControllerBase, IPlaybackChannel
                {
                    public Task {|PA5001:SendAsync|}(string message, CancellationToken cancellationToken) => Task.CompletedTask;
                }

                // Framework interfaces do not make a service: still a POCO controller.
                public sealed class PingController : IDisposable
                {
                    public string {|PA5001:Ping|}() => "pong";

                    public void Dispose() { }
                }
                """;
            await VerifyAsync(false, ("Program.cs", Host), ("Playback.cs", source));
        }

        [Fact]
        public async Task ConventionallyRoutedAction_ReportsActionName()
        {
            const string controller = """
                using Microsoft.AspNetCore.Mvc;

                public sealed class ReportsController : Controller
                {
                    [HttpGet]
                    public IActionResult {|#0:Summary|}() => View();

                    public IActionResult {|#1:Export|}() => View();
                }
                """;
            var test = new Verify.Test();
            test.TestState.Sources.Add(("/0/Program.cs", Host));
            test.TestState.Sources.Add(("/0/ReportsController.cs", controller));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("PA5001").WithLocation(0).WithArguments("'ReportsController.Summary' (GET)", string.Empty));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("PA5001").WithLocation(1).WithArguments("'ReportsController.Export'", string.Empty));
            await test.RunAsync();
        }
        [Fact]
        public async Task InheritedActionsThroughQualifiedAndIntermediateBases_JudgedForEachController()
        {
            // Derived controllers are found through base lists, by qualified name and through an intermediate abstract base;
            // the base action is reported once, at the base method, when one controller leaves it undecided.
            const string controllers = """
                using Microsoft.AspNetCore.Authorization;
                using Microsoft.AspNetCore.Mvc;

                namespace Shop.Api
                {
                    public abstract class ApiEndpointBase : ControllerBase
                    {
                        [HttpGet("ping")]
                        public IActionResult {|PA5001:Ping|}() => Ok();
                    }

                    public abstract class AuditedApiBase : Shop.Api.ApiEndpointBase
                    {
                        [HttpGet("audit")]
                        public IActionResult Audit() => Ok();
                    }

                    [Authorize]
                    public abstract class SecureApiBase : ControllerBase
                    {
                        [HttpGet("me")]
                        public IActionResult Me() => Ok();
                    }
                }

                namespace Shop.Api.Orders
                {
                    [Authorize]
                    public sealed class OrdersController : Shop.Api.AuditedApiBase
                    {
                    }

                    public sealed class StockController : global::Shop.Api.AuditedApiBase
                    {
                        [AllowAnonymous]
                        public IActionResult Count() => Ok(3);
                    }

                    public sealed class AccountController : Shop.Api.SecureApiBase
                    {
                    }
                }
                """;
            var test = new Verify.Test();
            test.TestState.Sources.Add(("/0/Program.cs", Host));
            test.TestState.Sources.Add(("/0/Controllers.cs", controllers.Replace("public IActionResult Audit()", "public IActionResult {|#0:Audit|}()", StringComparison.Ordinal)));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("PA5001").WithLocation(0).WithArguments("'GET audit' (StockController.Audit)", string.Empty));
            await test.RunAsync();
        }
        [Fact]
        public async Task InheritedActionsOfManyBases_FoundBySearchAndByIndexAlike()
        {
            // Derived classes of the first bases asked about are found by a text search for each base's name, those of the later
            // ones through an index of every base list: both must find each derived controller, whatever the order of the questions.
            var builder = new System.Text.StringBuilder("""
                using Microsoft.AspNetCore.Mvc;

                namespace Fleet.Api
                {

                """);
            for (var i = 0; i < 12; i++)
            {
                builder.Append($$"""
                        // ModuleBase{{i}} is mentioned in this comment and in "ModuleBase{{i}}", neither of which derives from it.
                        public abstract class ModuleBase{{i}} : ControllerBase
                        {
                            [HttpGet("status{{i}}")]
                            public IActionResult {|PA5001:Status{{i}}|}() => Ok("ModuleBase{{i}}");
                        }

                        public sealed class Module{{i}}Controller : Fleet.Api.ModuleBase{{i}}
                        {
                        }

                    """);
            }

            builder.Append("}\n");
            var test = new Verify.Test();
            test.TestState.Sources.Add(("/0/Program.cs", Host));
            test.TestState.Sources.Add(("/0/Controllers.cs", builder.ToString()));
            await test.RunAsync();
        }

        [Theory]
        [InlineData("o.Filters.Add<ApiKeyFilter>()", false)]
        [InlineData("o.Filters.Add(typeof(ApiKeyFilter))", false)]
        [InlineData("o.Filters.Insert(0, new ApiKeyFilter())", false)]
        [InlineData("o.Filters.Add(new AuditFilter())", true)]
        [InlineData("o.Filters.Add<AuditFilter>()", true)]
        public async Task GlobalFilterOfTheApp_DecidesOnlyWhenItAuthorizes(string addFilter, bool reports)
        {
            var host = $$"""
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Mvc.Filters;
                using Microsoft.Extensions.DependencyInjection;

                public sealed class ApiKeyFilter : IAuthorizationFilter
                {
                    public void OnAuthorization(AuthorizationFilterContext context) { }
                }

                public sealed class AuditFilter : IActionFilter
                {
                    public void OnActionExecuting(ActionExecutingContext context) { }

                    public void OnActionExecuted(ActionExecutedContext context) { }
                }

                public static class Program
                {
                    public static void Main(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        builder.Services.AddControllers(o => {{addFilter}});
                        var app = builder.Build();
                        app.UseRouting();
                        app.UseEndpoints(endpoints =>
                        {
                            endpoints.MapControllers();
                        });
                        app.Run();
                    }
                }
                """;
            var controller = $$"""
                using Microsoft.AspNetCore.Mvc;

                public sealed class OrdersController : ControllerBase
                {
                    public IActionResult {{(reports ? "{|PA5001:Get|}" : "Get")}}() => Ok();
                }
                """;
            await VerifyAsync(false, ("Program.cs", host), ("OrdersController.cs", controller));
        }

        [Fact]
        public async Task UseEndpointsMapControllersWithDecision_DoesNotReport()
        {
            const string host = """
                using Microsoft.AspNetCore.Builder;
                using Microsoft.Extensions.DependencyInjection;

                public static class Program
                {
                    public static void Main(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        var app = builder.Build();
                        app.UseRouting();
                        app.UseEndpoints(endpoints => endpoints.MapControllers().RequireAuthorization());
                        app.Run();
                    }
                }
                """;
            const string controller = """
                using Microsoft.AspNetCore.Mvc;

                public sealed class OrdersController : ControllerBase
                {
                    public IActionResult Get() => Ok();
                }
                """;
            await VerifyAsync(false, ("Program.cs", host), ("OrdersController.cs", controller));
        }
    }
}
