using System.Net.Http.Json;
using OrdersApi.Models;

namespace OrdersApi.Services;

public sealed class PaymentGatewayClient
{
    private readonly HttpClient _http;
    private readonly ILogger<PaymentGatewayClient> _logger;

    // PA2002: a provider key in a known format, committed with the code.
    private const string GatewaySecretKey = "sk_live_51PqR7sT2uV9wX4yZ8aB3cD6eF1gH5iJ0kL7mN2oP9qR4sT6";

    public PaymentGatewayClient(HttpClient http, ILogger<PaymentGatewayClient> logger)
    {
        _http = http;
        _logger = logger;
        _http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", GatewaySecretKey);
    }

    // PA2001: a hardcoded webhook secret; the fix reads it from an environment variable.
    public string WebhookSecret { get; } = "Wh9!kX2mQ7vL4tPz";

    public async Task<PaymentResult> ChargeAsync(string reference, decimal amount, string cardNumber, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync("charges", new { reference, amount, cardNumber }, cancellationToken);
        response.EnsureSuccessStatusCode();
        var result = await response.Content.ReadFromJsonAsync<PaymentResult>(cancellationToken);
        return result ?? new PaymentResult(false, null, "empty response");
    }

    public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.GetAsync("health", cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (OperationCanceledException)
        {
            // Cancellation is expected when the caller gives up: not a swallowed failure.
            return false;
        }
        catch (HttpRequestException ex)
        {
            _logger.LogWarning(ex, "Payment gateway health check failed");
            return false;
        }
    }

    public async Task RefundAsync(string transactionId, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.PostAsync($"charges/{transactionId}/refund", null, cancellationToken);
            response.EnsureSuccessStatusCode();
        }
        catch (HttpRequestException)
        {
        }
    }
}
