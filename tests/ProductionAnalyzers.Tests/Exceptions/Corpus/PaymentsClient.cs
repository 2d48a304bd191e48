using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Corpus.Payments
{
    public sealed class PaymentFailedException : Exception
    {
        public PaymentFailedException(string message) : base(message) { }

        public PaymentFailedException(string message, Exception innerException) : base(message, innerException) { }
    }

    public sealed record PaymentStatus(string Id, string State);

    public sealed class PaymentsClient(HttpClient http, ILogger<PaymentsClient> logger)
    {
        public async Task<PaymentStatus?> GetStatusAsync(string paymentId, CancellationToken ct)
        {
            try
            {
                return await http.GetFromJsonAsync<PaymentStatus>($"payments/{paymentId}", ct);
            }
            catch (HttpRequestException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }
            catch (JsonException ex)
            {
                logger.LogWarning(ex, "Payment provider returned malformed status for {PaymentId}", paymentId);
                return null;
            }
        }

        public async Task CaptureAsync(string paymentId, CancellationToken ct)
        {
            try
            {
                using var response = await http.PostAsync($"payments/{paymentId}/capture", null, ct);
                response.EnsureSuccessStatusCode();
            }
            catch (TaskCanceledException ex) when (!ct.IsCancellationRequested)
            {
                throw new TimeoutException($"Capturing payment {paymentId} timed out", ex);
            }
            {|PA3002:catch (Exception)|}
            {
                throw new PaymentFailedException($"Capturing payment {paymentId} failed");
            }
        }

        public async Task RefundAsync(string paymentId, decimal amount, CancellationToken ct)
        {
            try
            {
                using var response = await http.PostAsJsonAsync($"payments/{paymentId}/refunds", new { amount }, ct);
                response.EnsureSuccessStatusCode();
            }
            catch (Exception ex)
            {
                throw new PaymentFailedException($"Refunding payment {paymentId} failed", ex);
            }
        }

        public async Task<bool> PingAsync()
        {
            try
            {
                using var response = await http.GetAsync("health");
                return response.IsSuccessStatusCode;
            }
            {|PA3002:catch|}
            {
                return false;
            }
        }

        public async Task<bool> IsReachableAsync()
        {
            try
            {
                using var response = await http.GetAsync("health");
                return response.IsSuccessStatusCode;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }

        public async Task VoidAsync(string paymentId, CancellationToken ct)
        {
            try
            {
                using var response = await http.DeleteAsync($"payments/{paymentId}", ct);
                response.EnsureSuccessStatusCode();
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Voiding payment {PaymentId} failed", paymentId);
                throw;
            }
        }
    }
}
