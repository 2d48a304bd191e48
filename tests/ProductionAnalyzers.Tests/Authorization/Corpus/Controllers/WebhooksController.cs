using Clinic.Filters;
using Microsoft.AspNetCore.Mvc;

namespace Clinic.Controllers;

[ApiController]
[Route("webhooks")]
[ApiKey]
public sealed class WebhooksController : ControllerBase
{
    [HttpPost("payments")]
    public IActionResult Payments([FromBody] object payload) => Ok();

    [HttpPost("lab-results")]
    public IActionResult LabResults([FromBody] object payload) => Ok();
}

[ApiController]
[Route("partners")]
public sealed class PartnersController : ControllerBase
{
    [HttpPost("sync")]
    [ServiceFilter(typeof(PartnerSignatureFilter))]
    public IActionResult Sync() => Ok();

    [HttpGet("status")]
    [ResponseCache(Duration = 30)]
    public IActionResult {|PA5001:Status|}() => Ok("up");
}
