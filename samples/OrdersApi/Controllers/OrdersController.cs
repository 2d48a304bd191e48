using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OrdersApi.Models;
using OrdersApi.Services;

namespace OrdersApi.Controllers;

[ApiController]
[Authorize]
[Route("api/orders")]
public sealed class OrdersController : ControllerBase
{
    private readonly OrderService _orders;
    private readonly ILogger<OrdersController> _logger;

    public OrdersController(OrderService orders, ILogger<OrdersController> logger)
    {
        _orders = orders;
        _logger = logger;
    }

    [HttpGet("{id:guid}")]
    public async Task<ActionResult<Order>> Get(Guid id, CancellationToken cancellationToken)
    {
        var order = await _orders.FindAsync(id, cancellationToken);
        return order is null ? NotFound() : order;
    }

    [HttpGet]
    public async Task<IReadOnlyList<Order>> Search([FromQuery] string customer, [FromQuery] OrderStatus? status, [FromQuery] string sort = "created_at", [FromQuery] int page = 0)
    {
        return await _orders.SearchAsync(customer, status, sort, page);
    }

    [HttpPost]
    public async Task<IActionResult> Place(PlaceOrderRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var result = await _orders.PlaceAsync(request, cancellationToken);
            return result.Succeeded ? Ok(result) : UnprocessableEntity(result);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Placing order {Reference} failed", request.Reference);
            return Problem(title: "The order could not be placed");
        }
    }
}
