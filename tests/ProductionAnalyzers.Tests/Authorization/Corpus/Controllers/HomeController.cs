using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Clinic.Controllers;

public class HomeController : Controller
{
    public override void OnActionExecuting(ActionExecutingContext context)
    {
        ViewData["RequestId"] = Activity.Current?.Id;
        base.OnActionExecuting(context);
    }

    [AllowAnonymous]
    public IActionResult Index() => View();

    public IActionResult {|PA5001:Error|}() => View();

    protected override void Dispose(bool disposing) => base.Dispose(disposing);
}
