using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace EvalCorpus.Exceptions.Controllers;

public sealed record CreateOrder(string CustomerId, decimal Amount);
public sealed class NotFoundException(string message) : Exception(message);
public sealed class ValidationException(string message) : Exception(message);

public interface IOrderService
{
    Task<object> GetAsync(int id);
    Task<int> CreateAsync(CreateOrder cmd);
    Task CancelAsync(int id);
    Task<object> ExportAsync(string format);
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

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Get(int id)
    {
        try
        {
            return Ok(await _orders.GetAsync(id));
        }
        catch (NotFoundException)
        {
            return NotFound(); // OK: specific
        }
        catch (Exception ex)
        {
            return Problem(ex.Message); // OK: exception used
        }
    }

    [HttpPost]
    public async Task<IActionResult> Create(CreateOrder cmd)
    {
        try
        {
            var id = await _orders.CreateAsync(cmd);
            return CreatedAtAction(nameof(Get), new { id }, null);
        }
        catch (ValidationException ve)
        {
            return BadRequest(ve.Message);
        }
        {|PA3002:catch (Exception)|}
        {
            return StatusCode(500);
        }
    }

    [HttpDelete("{id:int}")]
    public async Task<IActionResult> Cancel(int id)
    {
        try
        {
            await _orders.CancelAsync(id);
            return NoContent();
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Cancelling order {OrderId} failed", id);
            return Problem("Could not cancel the order."); // OK: logged
        }
    }

    [HttpGet("export")]
    public async Task<IActionResult> Export(string format)
    {
        try
        {
            return Ok(await _orders.ExportAsync(format));
        }
        catch (JsonException)
        {
            return BadRequest("Malformed export definition"); // OK: specific
        }
        {|PA3002:catch (Exception e)|}
        {
            return Problem("Export failed, please retry later.");
        }
    }

    [HttpPost("import")]
    public async Task<IActionResult> Import([FromBody] JsonElement body)
    {
        var imported = 0;
        var errors = new List<string>();
        foreach (var item in body.EnumerateArray())
        {
            try
            {
                var cmd = item.Deserialize<CreateOrder>()!;
                await _orders.CreateAsync(cmd);
                imported++;
            }
            catch (Exception ex)
            {
                errors.Add(ex.Message); // OK: exception used
            }
        }
        return Ok(new { imported, errors });
    }

    [HttpPost("bulk-cancel")]
    public async Task<IActionResult> BulkCancel(int[] ids)
    {
        var failed = 0;
        foreach (var id in ids)
        {
            try
            {
                await _orders.CancelAsync(id);
            }
            {|PA3002:catch (Exception)|}
            {
                failed++;
                continue;
            }
        }
        return Ok(new { failed });
    }

    [HttpPost("bulk-cancel-logged")]
    public async Task<IActionResult> BulkCancelLogged(int[] ids)
    {
        foreach (var id in ids)
        {
            try
            {
                await _orders.CancelAsync(id);
            }
            catch (Exception ex)
            {
                _logger.LogWarning(ex, "Skipping order {OrderId}", id);
                continue; // OK: catch-log-continue
            }
        }
        return NoContent();
    }

    [HttpGet("{id:int}/status")]
    public async Task<IActionResult> Status(int id)
    {
        try
        {
            return Ok(await _orders.GetAsync(id));
        }
        {|PA3002:catch (Exception)|} when (id <= 0)
        {
            return BadRequest(); // BAD: a filter that does not narrow the type leaves the catch broad
        }
    }

    [HttpGet("{id:int}/summary")]
    public async Task<IActionResult> Summary(int id)
    {
        try
        {
            return Ok(await _orders.GetAsync(id));
        }
        catch (Exception ex) when (ex is NotFoundException or KeyNotFoundException)
        {
            return NotFound(); // OK: narrowed by the filter
        }
    }

    [HttpGet("{id:int}/pdf")]
    public async Task<IActionResult> Pdf(int id)
    {
        try
        {
            return Ok(await _orders.GetAsync(id));
        }
        {|PA3002:catch (Exception ex)|} when (ex is not OperationCanceledException)
        {
            return StatusCode(StatusCodes.Status502BadGateway);
        }
    }
}
