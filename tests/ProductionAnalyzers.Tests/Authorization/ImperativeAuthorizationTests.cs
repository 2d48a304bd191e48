using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static ProductionAnalyzers.Tests.Authorization.AuthorizationTestCode;
using Verify = ProductionAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ProductionAnalyzers.Authorization.AuthorizationAnalyzer>;

namespace ProductionAnalyzers.Tests.Authorization
{
    /// <summary>
    /// Authorization decided in code: an action, endpoint handler or page whose code asks <c>IAuthorizationService</c>
    /// (resource-based authorization) has a decision no attribute shows, and is not reported.
    /// </summary>
    public class ImperativeAuthorizationTests
    {
        private static string Controller(string members) => $$"""
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.Mvc;

            [ApiController]
            [Route("api/documents")]
            public sealed class DocumentsController : ControllerBase
            {
            {{members}}
            }
            """;

        [Theory]
        // The service injected into the controller and asked in the action, with a resource and a policy.
        [InlineData("""
                private readonly IAuthorizationService _authorization;
                public DocumentsController(IAuthorizationService authorization) => _authorization = authorization;
                [HttpGet("{id}")]
                public async Task<IActionResult> Get(int id) =>
                    (await _authorization.AuthorizeAsync(User, id, "Reader")).Succeeded ? Ok(id) : Forbid();
            """)]
        // Taken as an action parameter from the services.
        [InlineData("""
                [HttpGet("{id}")]
                public async Task<IActionResult> Get(int id, [FromServices] IAuthorizationService authorization)
                {
                    var result = await authorization.AuthorizeAsync(User, "Reader");
                    return result.Succeeded ? Ok(id) : Forbid();
                }
            """)]
        // Asked in a helper of the controller that the action calls.
        [InlineData("""
                private readonly IAuthorizationService _authorization;
                public DocumentsController(IAuthorizationService authorization) => _authorization = authorization;
                [HttpDelete("{id}")]
                public async Task<IActionResult> Delete(int id)
                {
                    if (!await this.MayDeleteAsync(id)) return Forbid();
                    return NoContent();
                }
                private async Task<bool> MayDeleteAsync(int id) => (await _authorization?.AuthorizeAsync(User, id, "Owner")!).Succeeded;
            """)]
        // Resolved from the request's services in the action.
        [InlineData("""
                [HttpGet("{id}")]
                public async Task<IActionResult> Get(int id)
                {
                    var authorization = HttpContext.RequestServices.GetService(typeof(IAuthorizationService)) as IAuthorizationService;
                    return (await authorization!.AuthorizeAsync(User, "Reader")).Succeeded ? Ok(id) : Forbid();
                }
            """)]
        public async Task ActionAskingTheAuthorizationService_IsNotReported(string members) =>
            await VerifyAsync(false, ("Program.cs", Host), ("DocumentsController.cs", Controller(members)));

        [Fact]
        public async Task HelperInABaseController_CountsForTheAction()
        {
            const string baseController = """
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Authorization;
                using Microsoft.AspNetCore.Mvc;

                public abstract class SecuredControllerBase : ControllerBase
                {
                    protected SecuredControllerBase(IAuthorizationService authorization) => Authorization = authorization;

                    protected IAuthorizationService Authorization { get; }

                    protected async Task<bool> CanAsync(string policy) => (await Authorization.AuthorizeAsync(User, policy)).Succeeded;
                }
                """;
            const string controller = """
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Authorization;
                using Microsoft.AspNetCore.Mvc;

                [Route("api/reports")]
                public sealed class ReportsController : SecuredControllerBase
                {
                    public ReportsController(IAuthorizationService authorization) : base(authorization) { }

                    [HttpGet]
                    public async Task<IActionResult> List() => await CanAsync("Reports") ? Ok() : Forbid();

                    [HttpGet("latest")]
                    public IActionResult {|PA5001:Latest|}() => Ok();
                }
                """;
            await VerifyAsync(false, ("Program.cs", Host), ("SecuredControllerBase.cs", baseController), ("ReportsController.cs", controller));
        }

        /// <summary>
        /// An <c>AuthorizeAsync</c> of something else (a card payment, a device) is no authorization of the caller: without
        /// <c>IAuthorizationService</c> in reach, the action is still reported.
        /// </summary>
        [Fact]
        public async Task AuthorizeAsyncOfAnotherService_IsStillReported()
        {
            var members = """
                    private readonly IPaymentGateway _gateway;
                    public DocumentsController(IPaymentGateway gateway) => _gateway = gateway;
                    [HttpPost("{id}/purchase")]
                    public async Task<IActionResult> {|PA5001:Purchase|}(int id) => await _gateway.AuthorizeAsync(id, 9.99m) ? Ok() : StatusCode(402);
                """;
            const string gateway = "public interface IPaymentGateway { System.Threading.Tasks.Task<bool> AuthorizeAsync(int order, decimal amount); }";
            await VerifyAsync(false, ("Program.cs", Host), ("DocumentsController.cs", Controller(members)), ("IPaymentGateway.cs", gateway));
        }

        /// <summary>The service injected but never asked by the action: reported.</summary>
        [Fact]
        public async Task ServiceInjectedButNotAsked_IsReported()
        {
            var members = """
                    private readonly IAuthorizationService _authorization;
                    public DocumentsController(IAuthorizationService authorization) => _authorization = authorization;
                    [HttpGet("{id}")]
                    public async Task<IActionResult> Get(int id) => (await _authorization.AuthorizeAsync(User, id, "Reader")).Succeeded ? Ok(id) : Forbid();
                    [HttpGet("{id}/history")]
                    public IActionResult {|PA5001:History|}(int id) => Ok(id);
                """;
            await VerifyAsync(false, ("Program.cs", Host), ("DocumentsController.cs", Controller(members)));
        }

        [Theory]
        // An API key checked in the action (a package feed's push), the 401 set on the response.
        [InlineData("""
                [HttpPut("upload")]
                public async Task Upload()
                {
                    if (!await _keys.IsValidAsync(Request.Headers["X-Api-Key"].ToString()))
                    {
                        HttpContext.Response.StatusCode = 401;
                        return;
                    }

                    HttpContext.Response.StatusCode = 201;
                }
            """)]
        // A webhook's signature, rejected with StatusCode(StatusCodes.Status403Forbidden).
        [InlineData("""
                [HttpPost("hook")]
                public async Task<IActionResult> Hook([FromHeader(Name = "X-Hub-Signature-256")] string header)
                {
                    if (!await _keys.MatchesSignatureAsync(header))
                        return StatusCode(Microsoft.AspNetCore.Http.StatusCodes.Status403Forbidden);
                    return Accepted();
                }
            """)]
        // The permission checked in code, the work in the branch and the rejection in the else.
        [InlineData("""
                [HttpDelete("{id}")]
                public IActionResult Delete(int id)
                {
                    if (User.HasClaim("documents", "delete"))
                    {
                        return NoContent();
                    }
                    else
                    {
                        return new ForbidResult();
                    }
                }
            """)]
        [InlineData("""
                [HttpGet("mine")]
                public IActionResult Mine()
                {
                    if (User.Identity?.IsAuthenticated != true) throw new System.UnauthorizedAccessException();
                    return Ok();
                }
            """)]
        public async Task ActionRejectingOnACredentialCheck_IsNotReported(string members)
        {
            var source = Controller("""
                    private readonly IKeyStore _keys;
                    public DocumentsController(IKeyStore keys) => _keys = keys;
                """ + members);
            const string keys = """
                public interface IKeyStore
                {
                    System.Threading.Tasks.Task<bool> IsValidAsync(string apiKey);
                    System.Threading.Tasks.Task<bool> MatchesSignatureAsync(string header);
                }
                """;
            await VerifyAsync(false, ("Program.cs", Host), ("DocumentsController.cs", source), ("IKeyStore.cs", keys));
        }

        /// <summary>
        /// A 401 that is not the answer to a credential or permission check — a wrong password at login (a public endpoint),
        /// a read-only mode — decides nothing about who may call the action: reported.
        /// </summary>
        [Theory]
        [InlineData("""
                [HttpPost("login")]
                public IActionResult {|PA5001:Login|}(string user, string password)
                {
                    if (password != "x" + user) return Unauthorized();
                    return Ok();
                }
            """)]
        [InlineData("""
                [HttpPost("{id}/relist")]
                public IActionResult {|PA5001:Relist|}(int id, [FromServices] Microsoft.Extensions.Options.IOptions<FeedOptions> options)
                {
                    if (options.Value.ReadOnly) return Unauthorized();
                    return Ok();
                }
            """)]
        [InlineData("""
                [HttpPost("{id}/permissions")]
                public IActionResult {|PA5001:Grant|}(int id, string permission)
                {
                    if (string.IsNullOrEmpty(permission)) return BadRequest();
                    return Ok();
                }
            """)]
        public async Task UnauthorizedWithoutACredentialCheck_IsReported(string members)
        {
            const string options = "public sealed class FeedOptions { public bool ReadOnly { get; set; } }";
            await VerifyAsync(false, ("Program.cs", Host), ("DocumentsController.cs", Controller(members)), ("FeedOptions.cs", options));
        }

        [Fact]
        public async Task MinimalApiHandler_AskingTheService_IsNotReported()
        {
            const string program = """
                using System.Security.Claims;
                using Microsoft.AspNetCore.Authorization;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Http;

                public static class Program
                {
                    public static void Main(string[] args)
                    {
                        var app = WebApplication.CreateBuilder(args).Build();
                        app.MapGet("/documents/{id}", async (int id, ClaimsPrincipal user, IAuthorizationService authorization) =>
                            (await authorization.AuthorizeAsync(user, id, "Reader")).Succeeded ? Results.Ok(id) : Results.Forbid());
                        app.MapPut("/documents/{id}", Update);
                        app.{|PA5002:MapDelete|}("/documents/{id}", (int id) => Results.NoContent());
                        app.Run();
                    }

                    private static async System.Threading.Tasks.Task<IResult> Update(int id, HttpContext context, IAuthorizationService authorization)
                    {
                        var result = await authorization.AuthorizeAsync(context.User, id, "Editor");
                        return result.Succeeded ? Results.NoContent() : Results.Forbid();
                    }
                }
                """;
            await VerifyAsync(false, ("Program.cs", program));
        }

        [Fact]
        public async Task RazorPage_EveryHandlerOrThePageFilterAsks_IsNotReported()
        {
            var program = PagesHost();
            const string pages = """
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Authorization;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.AspNetCore.Mvc.Filters;
                using Microsoft.AspNetCore.Mvc.RazorPages;

                namespace Shop.Pages;

                public class EditModel : PageModel
                {
                    private readonly IAuthorizationService _authorization;
                    public EditModel(IAuthorizationService authorization) => _authorization = authorization;
                    public async Task<IActionResult> OnGetAsync(int id) => (await _authorization.AuthorizeAsync(User, id, "Editor")).Succeeded ? Page() : Forbid();
                    public async Task<IActionResult> OnPostSaveAsync(int id) => (await _authorization.AuthorizeAsync(User, id, "Editor")).Succeeded ? RedirectToPage() : Forbid();
                }

                // One check before every handler, in the page filter method.
                public class ArchiveModel : PageModel
                {
                    private readonly IAuthorizationService _authorization;
                    public ArchiveModel(IAuthorizationService authorization) => _authorization = authorization;
                    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
                    {
                        if (!(await _authorization.AuthorizeAsync(User, "Archivist")).Succeeded)
                        {
                            context.Result = Forbid();
                            return;
                        }

                        await next();
                    }
                    public void OnGet() { }
                    public IActionResult OnPostRestore(int id) => RedirectToPage();
                }

                // A handler without the check leaves the page undecided; so does a page with no handler at all.
                public class {|PA5003:ExportModel|} : PageModel
                {
                    private readonly IAuthorizationService _authorization;
                    public ExportModel(IAuthorizationService authorization) => _authorization = authorization;
                    public async Task<IActionResult> OnGetAsync(int id) => (await _authorization.AuthorizeAsync(User, id, "Editor")).Succeeded ? Page() : Forbid();
                    public IActionResult OnPostCsv(int id) => File(new byte[0], "text/csv");
                }

                public class {|PA5003:AboutModel|} : PageModel
                {
                }
                """;
            await VerifyAsync(false, ("Program.cs", program), ("Pages/Pages.cshtml.cs", pages));
        }

        /// <summary>Without the ASP.NET Core authorization assembly the service's type does not resolve: its name still counts, and nothing throws.</summary>
        [Fact]
        public async Task UnresolvedServiceType_CountsByName()
        {
            var test = new Verify.Test();
            test.TestState.Sources.Add(("/0/Program.cs", Host));
            test.TestState.Sources.Add(("/0/DocumentsController.cs", """
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;

                [Route("api/documents")]
                public sealed class DocumentsController : ControllerBase
                {
                    private readonly {|#0:IAuthorizationService|} _authorization;
                    public DocumentsController({|#1:IAuthorizationService|} authorization) => _authorization = authorization;
                    [HttpGet("{id}")]
                    public async Task<IActionResult> Get(int id) => (await _authorization.AuthorizeAsync(User, id, "Reader")).Succeeded ? Ok(id) : Forbid();
                }
                """));
            test.ExpectedDiagnostics.Add(DiagnosticResult.CompilerError("CS0246").WithLocation(0).WithArguments("IAuthorizationService"));
            test.ExpectedDiagnostics.Add(DiagnosticResult.CompilerError("CS0246").WithLocation(1).WithArguments("IAuthorizationService"));
            await test.RunAsync();
        }
    }
}
