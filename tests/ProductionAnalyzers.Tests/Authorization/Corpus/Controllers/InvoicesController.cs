using System;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Clinic.Controllers;

// Written before ApiControllerBase existed: nobody decided.
[ApiController]
[Route("api/[controller]")]
[ApiExplorerSettings(GroupName = "billing")]
public sealed class InvoicesController : ControllerBase
{
    [HttpGet]
    public IActionResult {|PA5001:List|}([FromQuery] int page = 0) => Ok(page);

    [HttpPost("{id:guid}/refund")]
    public IActionResult {|PA5001:Refund|}(Guid id) => Accepted();

    [AllowAnonymous]
    [HttpGet("/invoices/{token}/pdf")]
    public IActionResult Download(string token) => File(Array.Empty<byte>(), "application/pdf");

    [NonAction]
    public decimal Total(decimal[] lines) => 0m;
}
