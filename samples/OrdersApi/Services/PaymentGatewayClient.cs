using System.Net.Http.Json;
using OrdersApi.Models;

namespace OrdersApi.Services;

public sealed class PaymentGatewayClient
{
    private readonly HttpClient _http;
    private readonly ILogger<PaymentGatewayClient> _logger;

    public PaymentGatewayClient(HttpClient http, ILogger<PaymentGatewayClient> logger)
    {
        _http = http;
        _logger = logger;
    }

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
