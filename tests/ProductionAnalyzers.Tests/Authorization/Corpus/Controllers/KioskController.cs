using Microsoft.AspNetCore.Mvc;

namespace Clinic.Controllers;

// Conventionally routed (MapDefaultControllerRoute in Program.cs): the message names the action, not an empty route.
public class KioskController : Controller
{
    [HttpGet]
    public IActionResult {|PA5001:CheckIn|}() => View();

    [HttpPost]
    [ValidateAntiForgeryToken]
    public IActionResult {|PA5001:CheckIn|}(string appointmentCode) => RedirectToAction(nameof(CheckIn));
}
