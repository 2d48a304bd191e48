using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Corpus.Notifications
{
    public sealed record OutboxMessage(Guid Id, string To, string Subject, string Body);

    public interface IOutboxStore
    {
        Task<IReadOnlyList<OutboxMessage>> NextBatchAsync(int size, CancellationToken ct);
        Task MarkSentAsync(Guid id, CancellationToken ct);
        Task MarkFailedAsync(Guid id, string reason, CancellationToken ct);
    }

    public interface IEmailSender
    {
        Task SendAsync(string to, string subject, string body, CancellationToken ct);
    }

    public sealed class EmailOutboxWorker : BackgroundService
    {
        private readonly IOutboxStore _store;
        private readonly IEmailSender _sender;
        private readonly ILogger<EmailOutboxWorker> _logger;
        private int _consecutiveFailures;

        public EmailOutboxWorker(IOutboxStore store, IEmailSender sender, ILogger<EmailOutboxWorker> logger)
        {
            _store = store;
            _sender = sender;
            _logger = logger;
        }

        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    var sent = await DrainOnceAsync(stoppingToken);
                    _consecutiveFailures = 0;
                    if (sent == 0)
                    {
                        await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
                    }
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception ex)
                {
                    _consecutiveFailures++;
                    _logger.LogError(ex, "Outbox drain failed ({Failures} in a row)", _consecutiveFailures);
                    await Task.Delay(TimeSpan.FromSeconds(Math.Min(60, 5 * _consecutiveFailures)), stoppingToken);
                }
            }
        }

        private async Task<int> DrainOnceAsync(CancellationToken ct)
        {
            var batch = await _store.NextBatchAsync(50, ct);
            var sent = 0;
            var failed = 0;
            foreach (var message in batch)
            {
                try
                {
                    await _sender.SendAsync(message.To, message.Subject, message.Body, ct);
                    await _store.MarkSentAsync(message.Id, ct);
                    sent++;
                }
                catch (OperationCanceledException)
                {
                    throw;
                }
                catch (Exception ex)
                {
                    await _store.MarkFailedAsync(message.Id, ex.Message, ct);
                }
            }

            foreach (var message in batch)
            {
                try
                {
                    _ = new System.Net.Mail.MailAddress(message.To);
                }
                {|PA3002:catch (Exception ex)|}
                {
                    Debug.WriteLine(ex);
                    failed++;
                    continue;
                }
            }

            return sent - failed;
        }

        public override async Task StopAsync(CancellationToken cancellationToken)
        {
            try
            {
                await base.StopAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    public sealed class DigestScheduler
    {
        private readonly IOutboxStore _store;

        public DigestScheduler(IOutboxStore store) => _store = store;

        public async Task RunAsync(IEnumerable<Func<CancellationToken, Task>> jobs, CancellationToken ct)
        {
            foreach (var job in jobs)
            {
                try
                {
                    await job(ct);
                }
                {|PA3002:catch (Exception)|}
                {
                    // one bad job must not stop the others
                    continue;
                }
            }
        }

        public async Task<int> RetryAsync(Func<Task> send, int maxAttempts)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await send();
                    return attempt;
                }
                {|PA3002:catch (Exception)|} when (attempt < maxAttempts)
                {
                    await Task.Delay(100 * attempt);
                }
            }
        }
    }
}
