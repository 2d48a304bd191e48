using System;
using System.Threading;
using System.Threading.Tasks;
using Contoso.Shop.Domain;
using Contoso.Shop.Orders;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Contoso.Shop.Api
{
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

        [HttpGet("{id:int}")]
        public async Task<IActionResult> Get(int id, CancellationToken cancellationToken)
        {
            var order = await _orders.GetAsync(id, cancellationToken);
            if (order is null)
            {
                _logger.LogInformation("Order {OrderId} requested by {User} not found", id, User.Identity?.Name);
                return NotFound();
            }

            return Ok(order);
        }

        [HttpPost]
        public async Task<IActionResult> Create([FromBody] Order order, CancellationToken cancellationToken)
        {
            try
            {
                var placed = await _orders.PlaceAsync(order, cancellationToken);
                if (!placed)
                {
                    _logger.LogWarning({|PA4001:$"Order {order.Id} rejected for customer {order.CustomerId}"|});
                    return BadRequest();
                }

                return CreatedAtAction(nameof(Get), new { id = order.Id }, order);
            }
            catch (ArgumentException ex)
            {
                _logger.LogWarning("Invalid order payload: {Reason}", ex.Message); // OK for PA4002: a specific exception summarized at Warning or below
                return BadRequest(ex.Message);
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "Unexpected error creating order {OrderId}", order.Id);
                return StatusCode(StatusCodes.Status500InternalServerError);
            }
        }

        [HttpDelete("{id:int}")]
        public async Task<IActionResult> Cancel(int id, [FromQuery] string reason, CancellationToken cancellationToken)
        {
            try
            {
                await _orders.CancelAsync(id, reason, cancellationToken);
                _logger.LogInformation("Order {OrderId} cancelled by {User}: {Reason}", id, User.Identity?.Name, reason);
                return NoContent();
            }
            catch (Exception ex)
            {
                _logger.LogError({|PA4002:ex.ToString()|});
                return Problem("Cancellation failed");
            }
        }

        [HttpGet("export")]
        public IActionResult Export([FromQuery] string format)
        {
            _logger.Log(LogLevel.Information, {|PA4001:"Export requested in format " + format|});
            _logger.Log(LogLevel.Debug, new EventId(42, "Export"), "Export {Format} prepared", format);
            return Ok();
        }
    }
}
