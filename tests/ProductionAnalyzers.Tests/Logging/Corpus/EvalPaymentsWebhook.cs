using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace EvalCorpus.Logging.Webhooks;

public sealed record StripeEvent(string Id, string Type, JsonElement Data);

[ApiController]
[Route("webhooks/payments")]
public sealed class PaymentsWebhookController : ControllerBase
{
    private const string EventTemplate = "Webhook {EventId} of type {EventType}";
    private readonly ILogger _logger;
    private readonly string _webhookSecret;

    public PaymentsWebhookController(ILoggerFactory factory, IConfiguration_ config)
    {
        _logger = factory.CreateLogger("Payments.Webhooks");
        _webhookSecret = config.Get("Stripe:WebhookSecret");
    }

    [HttpPost]
    public async Task<IActionResult> Receive()
    {
        string body;
        using (var reader = new StreamReader(Request.Body))
            body = await reader.ReadToEndAsync();
        var signature = Request.Headers["Stripe-Signature"].ToString();
        _logger.LogDebug("Received {Length} bytes, signature present: {HasSignature}", body.Length, signature.Length > 0); // OK
        _logger.LogTrace("Verifying with secret {WebhookSecret}", {|PA4004:_webhookSecret|});

        StripeEvent? evt;
        try
        {
            evt = JsonSerializer.Deserialize<StripeEvent>(body);
        }
        catch (JsonException ex)
        {
            _logger.LogWarning(ex, "Malformed webhook payload"); // OK
            return BadRequest();
        }
        if (evt is null) return BadRequest();

        _logger.LogInformation(EventTemplate, evt.Id, evt.Type); // OK: const template
        _logger.LogInformation(EventTemplate + " received", evt.Id, evt.Type); // OK: const concatenation
        _logger.LogInformation({|PA4001:EventTemplate + " received at " + DateTime.UtcNow|}, evt.Id, evt.Type);

        try
        {
            await DispatchAsync(evt);
            return Ok();
        }
        catch (NotSupportedException ex)
        {
            _logger.LogInformation("Ignoring {EventType}: {Reason}", evt.Type, ex.Message); // OK for PA4002: a specific exception summarized at Warning or below
            return Ok();
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Dispatching {EventId} failed", evt.Id); // OK
            return StatusCode(StatusCodes.Status500InternalServerError);
        }
    }

    private Task DispatchAsync(StripeEvent evt) => evt.Type switch
    {
        "payment_intent.succeeded" => Task.CompletedTask,
        _ => throw new NotSupportedException($"Unhandled {evt.Type}"),
    };
}

public interface IConfiguration_ { string Get(string key); }
