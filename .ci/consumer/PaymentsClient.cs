using System;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Consumer;

public sealed record PaymentStatus(string Id, string State);

// An outbound HTTP client as teams write them: a catch that drops the failure, a catch-all that turns it into null,
// an exception logged as text and an interpolated log template.
public sealed class PaymentsClient
{
    private readonly HttpClient _http;
    private readonly ILogger<PaymentsClient> _logger;

    public PaymentsClient(HttpClient http, ILogger<PaymentsClient> logger)
    {
        _http = http;
        _logger = logger;
    }

    public async Task<PaymentStatus?> GetStatusAsync(string paymentId, CancellationToken cancellationToken)
    {
        try
        {
            return await _http.GetFromJsonAsync<PaymentStatus>($"payments/{paymentId}", cancellationToken);
        }
        catch (Exception)
        {
            return null;
        }
    }

    public async Task CancelAsync(string paymentId, CancellationToken cancellationToken)
    {
        _logger.LogWarning($"Cancelling payment {paymentId}");
        try
        {
            using var response = await _http.DeleteAsync($"payments/{paymentId}", cancellationToken);
            response.EnsureSuccessStatusCode();
        }
        catch (HttpRequestException ex)
        {
            _logger.LogError("Cancel of {PaymentId} failed: {Error}", paymentId, ex.ToString());
            throw;
        }
    }

    public async Task NotifyAsync(Uri webhook, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.PostAsync(webhook, content: null, cancellationToken);
        }
        catch (HttpRequestException)
        {
        }
    }
}
