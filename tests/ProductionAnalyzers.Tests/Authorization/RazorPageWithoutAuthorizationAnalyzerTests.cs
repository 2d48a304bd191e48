using Xunit;
using static ProductionAnalyzers.Tests.Authorization.AuthorizationTestCode;
using Verify = ProductionAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ProductionAnalyzers.Authorization.AuthorizationAnalyzer>;

namespace ProductionAnalyzers.Tests.Authorization
{
    public class RazorPageWithoutAuthorizationAnalyzerTests
    {
        private static string Program(string configure, string map = "app.MapRazorPages();") => PagesHost(configure, map);

        private static string Page(string ns, string declaration) => $$"""
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.Mvc.RazorPages;

            namespace {{ns}};

            {{declaration}}
            """;

        private static (string, string)[] ThreePages(bool marked) => new[]
        {
            ("Pages/Index.cshtml.cs", Page("Shop.Pages", $"public class {(marked ? "{|#0:IndexModel|}" : "IndexModel")} : PageModel {{ public void OnGet() {{ }} }}")),
            // [Authorize] on a handler is ignored by Razor Pages: it does not count.
            ("Pages/Admin/Users.cshtml.cs", Page("Shop.Pages.Admin", $"public class {(marked ? "{|#1:UsersModel|}" : "UsersModel")} : PageModel {{ [Authorize] public void OnGet() {{ }} }}")),
            ("Areas/Identity/Pages/Account/Login.cshtml.cs", Page("Shop.Areas.Identity.Pages.Account", $"public class {(marked ? "{|#2:LoginModel|}" : "LoginModel")} : PageModel {{ }}")),
        };

        [Fact]
        public async Task PagesWithoutDecision_ReportWithPath()
        {
            var test = new Verify.Test();
            test.TestState.Sources.Add(("/0/Program.cs", Program(string.Empty)));
            foreach (var (name, source) in ThreePages(marked: true))
            {
                test.TestState.Sources.Add(("/0/" + name, source));
            }

            test.TestState.Sources.Add(("/0/Models/NotAPageFolder.cs", Page("Shop.Models", "public class {|#3:ContactModel|} : PageModel { }")));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("PA5003").WithLocation(0).WithArguments("'/Index' (IndexModel)", string.Empty));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("PA5003").WithLocation(1).WithArguments("'/Admin/Users' (UsersModel)", string.Empty));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("PA5003").WithLocation(2).WithArguments("'area Identity /Account/Login' (LoginModel)", string.Empty));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("PA5003").WithLocation(3).WithArguments("'ContactModel'", string.Empty));
            await test.RunAsync();
        }

        [Fact]
        public async Task Conventions_CoverTheirFolderAndPages()
        {
            const string configure = """
                builder.Services.AddRazorPages(options =>
                {
                    options.Conventions.AuthorizeFolder("/Admin");
                    options.Conventions.AllowAnonymousToPage("/Index");
                });
                """;
            await VerifyAsync(
                false,
                ("Program.cs", Program(configure)),
                ("Pages/Index.cshtml.cs", Page("Shop.Pages", "public class IndexModel : PageModel { }")),
                ("Pages/Privacy.cshtml.cs", Page("Shop.Pages", "public class {|PA5003:PrivacyModel|} : PageModel { }")),
                ("Pages/Admin/Users.cshtml.cs", Page("Shop.Pages.Admin", "public class UsersModel : PageModel { }")),
                ("Pages/Admin/Reports/Daily.cshtml.cs", Page("Shop.Pages.Admin.Reports", "public class DailyModel : PageModel { }")),
                ("Pages/Administration/Audit.cshtml.cs", Page("Shop.Pages.Administration", "public class {|PA5003:AuditModel|} : PageModel { }")));
        }

        [Fact]
        public async Task AreaConventionsAndAttributes_Decide()
        {
            const string configure = """
                builder.Services.AddRazorPages(options =>
                {
                    options.Conventions.AuthorizeAreaFolder("Identity", "/Account/Manage");
                    options.Conventions.AllowAnonymousToAreaPage("Identity", "/Account/Login");
                });
                """;
            await VerifyAsync(
                false,
                ("Program.cs", Program(configure)),
                ("Areas/Identity/Pages/Account/Login.cshtml.cs", Page("Shop.Areas.Identity.Pages.Account", "public class LoginModel : PageModel { }")),
                ("Areas/Identity/Pages/Account/Register.cshtml.cs", Page("Shop.Areas.Identity.Pages.Account", "public class {|PA5003:RegisterModel|} : PageModel { }")),
                ("Areas/Identity/Pages/Account/Manage/Email.cshtml.cs", Page("Shop.Areas.Identity.Pages.Account.Manage", "public class EmailModel : PageModel { }")),
                ("Pages/SecurePageModel.cs", Page("Shop.Pages", "[Authorize] public abstract class SecurePageModel : PageModel { }")),
                ("Pages/Orders.cshtml.cs", Page("Shop.Pages", "public class OrdersModel : SecurePageModel { }")),
                ("Pages/Error.cshtml.cs", Page("Shop.Pages", "[AllowAnonymous] public class ErrorModel : PageModel { }")),
                // A concrete base page model of other pages is not a page itself.
                ("Pages/ShopPageModel.cs", Page("Shop.Pages", "public class ShopPageModel : PageModel { }")),
                ("Pages/Cart.cshtml.cs", Page("Shop.Pages", "[Authorize] public class CartModel : ShopPageModel { }")));
        }

        [Theory]
        [InlineData("", "app.MapRazorPages().RequireAuthorization();")]
        [InlineData("builder.Services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());", "app.MapRazorPages();")]
        [InlineData("builder.Services.AddRazorPages(o => o.Conventions.AuthorizeFolder(\"/\"));", "app.MapRazorPages();")]
        [InlineData("builder.Services.AddRazorPages(o => o.Conventions.AuthorizeFolder(Folders.Root));", "app.MapRazorPages();")]
        public async Task GlobalOrUnknownConvention_DoesNotReport(string configure, string map)
        {
            var files = new List<(string, string)>
            {
                ("Program.cs", Program(configure, map)),
                ("Folders.cs", "public static class Folders { public static string Root = \"/\"; }"),
            };
            // The pages outside areas (AuthorizeFolder("/") does not cover area pages).
            files.AddRange(ThreePages(marked: false).Take(2));
            await VerifyAsync(false, files.ToArray());
        }
        [Fact]
        public async Task BasePageModelNamedInABaseList_IsNotAPage()
        {
            // StaffPageModel is not abstract, but the pages derive from it (by its qualified name too): it is their base, not a page.
            await VerifyAsync(
                false,
                ("Program.cs", Program(string.Empty)),
                ("Pages/StaffPageModel.cs", Page("Shop.Pages", "public class StaffPageModel : PageModel { public string Clinic { get; set; } = string.Empty; }")),
                ("Pages/Rota.cshtml.cs", Page("Shop.Pages", "public class {|PA5003:RotaModel|} : StaffPageModel { public void OnGet() { } }")),
                ("Pages/Leave.cshtml.cs", Page("Shop.Pages", "[Authorize]\npublic class LeaveModel : Shop.Pages.StaffPageModel { public void OnGet() { } }")));
        }
    }
}
