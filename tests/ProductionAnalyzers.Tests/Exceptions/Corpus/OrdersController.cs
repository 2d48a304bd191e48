using System;
using System.ComponentModel.DataAnnotations;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Corpus.Api.Controllers
{
    public sealed record CreateOrderRequest(string CustomerId, decimal Total);

    public interface IOrderService
    {
        Task<int> CreateAsync(CreateOrderRequest request, CancellationToken ct);
        Task<object?> GetAsync(int id, CancellationToken ct);
        Task CancelAsync(int id, CancellationToken ct);
        Task UpdateAsync(int id, CreateOrderRequest request, CancellationToken ct);
    }

    [ApiController]
    [Route("api/orders")]
    public sealed class OrdersController : ControllerBase
    {
        private readonly IOrderService _orders;
        private readonly ILogger<OrdersController> _logger;

        public OrdersController(IOrderService orders, ILogger<OrdersController> logger)
        {
            _orders = orders;
            _logger = logger;
        }

        [HttpPost]
        public async Task<IActionResult> Create(CreateOrderRequest request, CancellationToken ct)
        {
            try
            {
                var id = await _orders.CreateAsync(request, ct);
                return CreatedAtAction(nameof(Get), new { id }, null);
            }
            catch (ValidationException ex)
            {
                return BadRequest(ex.Message);
            }
            catch (Exception ex)
            {
                return Problem(title: "Order could not be created", detail: ex.Message);
            }
        }

        [HttpGet("{id:int}")]
        public async Task<IActionResult> Get(int id, CancellationToken ct)
        {
            try
            {
                var order = await _orders.GetAsync(id, ct);
                return order is null ? NotFound() : Ok(order);
            }
            {|PA3002:catch (Exception)|}
            {
                return StatusCode(StatusCodes.Status500InternalServerError);
            }
        }

        [HttpPut("{id:int}")]
        public async Task<IActionResult> Update(int id, CreateOrderRequest request, CancellationToken ct)
        {
            try
            {
                await _orders.UpdateAsync(id, request, ct);
                return NoContent();
            }
            catch (DbUpdateConcurrencyException)
            {
                return Conflict();
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "Updating order {OrderId} failed", id);
                return Problem();
            }
        }

        [HttpDelete("{id:int}")]
        public async Task<IActionResult> Cancel(int id, CancellationToken ct)
        {
            try
            {
                await _orders.CancelAsync(id, ct);
                return NoContent();
            }
            catch (InvalidOperationException ex)
            {
                return UnprocessableEntity(new { error = ex.Message });
            }
            {|PA3002:catch|}
            {
                return Problem("Cancelling the order failed");
            }
        }
    }
}
