using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Corpus.Webhooks
{
    public sealed record WebhookDelivery(Guid Id, Uri Target, string Payload);

    public sealed record DeadLetter(WebhookDelivery Delivery, Exception Error, DateTimeOffset At);

    public sealed class WebhookDispatcher
    {
        private const int MaxAttempts = 5;

        private readonly HttpClient _http;
        private readonly ILogger<WebhookDispatcher> _logger;
        private readonly ConcurrentQueue<DeadLetter> _deadLetters = new();
        private readonly ConcurrentDictionary<Guid, TaskCompletionSource<bool>> _pending = new();
        private Exception? _lastFailure;

        public WebhookDispatcher(HttpClient http, ILogger<WebhookDispatcher> logger)
        {
            _http = http;
            _logger = logger;
        }

        public Exception? LastFailure => _lastFailure;

        public IReadOnlyCollection<DeadLetter> DeadLetters => _deadLetters;

        public Task<bool> EnqueueAsync(WebhookDelivery delivery)
        {
            var completion = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            _pending[delivery.Id] = completion;
            _ = Task.Run(() => DeliverAsync(delivery, CancellationToken.None));
            return completion.Task;
        }

        private async Task DeliverAsync(WebhookDelivery delivery, CancellationToken ct)
        {
            try
            {
                await SendWithRetriesAsync(delivery, ct);
                Complete(delivery.Id, true);
            }
            catch (Exception ex)
            {
                _deadLetters.Enqueue(new DeadLetter(delivery, ex, DateTimeOffset.UtcNow));
                if (_pending.TryRemove(delivery.Id, out var completion))
                {
                    completion.TrySetException(ex);
                }
            }
        }

        private async Task SendWithRetriesAsync(WebhookDelivery delivery, CancellationToken ct)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    using var content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json");
                    using var response = await _http.PostAsync(delivery.Target, content, ct);
                    response.EnsureSuccessStatusCode();
                    return;
                }
                catch (HttpRequestException ex) when (attempt < MaxAttempts)
                {
                    _logger.LogInformation(ex, "Webhook {DeliveryId} attempt {Attempt} failed, retrying", delivery.Id, attempt);
                    await Task.Delay(TimeSpan.FromSeconds(Math.Pow(2, attempt)), ct);
                }
            }
        }

        public async Task<bool> ProbeAsync(Uri target)
        {
            for (var attempt = 1; attempt <= 3; attempt++)
            {
                try
                {
                    using var response = await _http.GetAsync(target);
                    return response.IsSuccessStatusCode;
                }
                {|PA3002:catch (Exception)|} when (attempt < 3)
                {
                    await Task.Delay(250);
                }
                catch (Exception ex)
                {
                    _lastFailure = ex;
                }
            }

            return false;
        }

        private void Complete(Guid id, bool delivered)
        {
            if (_pending.TryRemove(id, out var completion))
            {
                try
                {
                    completion.SetResult(delivered);
                }
                {|PA3002:catch (Exception ex)|}
                {
                    Debug.WriteLine($"Completion for {id} was already set: {ex.Message}");
                }
            }
        }

        public void CancelAll()
        {
            foreach (var pair in _pending)
            {
                try
                {
                    pair.Value.TrySetCanceled();
                }
                catch (InvalidOperationException)
                {
                    // raced with a delivery that just completed
                }
            }
        }

        public int Redeliver(IEnumerable<DeadLetter> letters)
        {
            var queued = 0;
            foreach (var letter in letters)
            {
                try
                {
                    _ = EnqueueAsync(letter.Delivery);
                    queued++;
                }
                catch (Exception ex) when (ex is ArgumentException || ex is InvalidOperationException)
                {
                    _logger.LogWarning(ex, "Skipping dead letter {DeliveryId}", letter.Delivery.Id);
                }
            }

            return queued;
        }
    }
}
