using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Clinic.Controllers;

/// <summary>The public service catalogue of the clinic.</summary>
[ApiController]
[AllowAnonymous]
[Route("api/catalog")]
public sealed class CatalogController : ControllerBase
{
    [HttpGet]
    public IActionResult Services() => Ok();

    // Meant for administrators, but the class-level [AllowAnonymous] wins.
    [HttpDelete("{code}")]
    [Authorize(Roles = "Admin")]
    public IActionResult {|PA5004:Remove|}(string code) => NoContent();
}
