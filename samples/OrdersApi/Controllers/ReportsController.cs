using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OrdersApi.Services;

namespace OrdersApi.Controllers;

// PA5001: added for the finance team in a hurry; nothing decides who may call it.
[ApiController]
[Route("api/reports")]
public sealed class ReportsController : ControllerBase
{
    private readonly OrderService _orders;

    public ReportsController(OrderService orders) => _orders = orders;

    [HttpGet("revenue")]
    public async Task<IActionResult> Revenue([FromQuery] string customer) =>
        Ok(await _orders.SearchAsync(customer, status: null, sortBy: "created_at", page: 0));

    [AllowAnonymous]
    [HttpGet("ping")]
    public IActionResult Ping() => Ok("pong");
}

// PA5004: the catalogue is public, and the class-level [AllowAnonymous] also opens the action meant for administrators.
[ApiController]
[AllowAnonymous]
[Route("api/catalog")]
public sealed class CatalogController : ControllerBase
{
    [HttpGet]
    public IActionResult Products() => Ok(Array.Empty<string>());

    [Authorize(Roles = "Admin")]
    [HttpDelete("{sku}")]
    public IActionResult Remove(string sku) => NoContent();
}
