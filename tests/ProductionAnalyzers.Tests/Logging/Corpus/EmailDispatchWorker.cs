using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Contoso.Shop.Workers
{
    public sealed record OutgoingEmail(Guid Id, string To, string Subject, int Attempts);

    public interface IEmailQueue
    {
        Task<IReadOnlyList<OutgoingEmail>> DequeueAsync(int max, CancellationToken cancellationToken);
    }

    public interface ISmtpSender
    {
        Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken);
    }

    public sealed class EmailDispatchWorker : BackgroundService
    {
        private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(15);
        private readonly IEmailQueue _queue;
        private readonly ISmtpSender _sender;
        private readonly ILogger<EmailDispatchWorker> _logger;
        private int _sentSinceStart;

        public EmailDispatchWorker(IEmailQueue queue, ISmtpSender sender, ILogger<EmailDispatchWorker> logger)
        {
            _queue = queue;
            _sender = sender;
            _logger = logger;
        }

        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            {|PA4003:Console.WriteLine("Email dispatcher started")|};
            _logger.LogInformation("Email dispatcher started, polling every {PollInterval}", PollInterval);

            while (!stoppingToken.IsCancellationRequested)
            {
                IReadOnlyList<OutgoingEmail> batch;
                try
                {
                    batch = await _queue.DequeueAsync(50, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }

                foreach (var email in batch)
                {
                    try
                    {
                        await _sender.SendAsync(email, stoppingToken);
                        _sentSinceStart++;
                        {|PA4003:Debug.WriteLine($"Sent {email.Id} to {email.To}")|};
                    }
                    catch (Exception ex) when (email.Attempts < 5)
                    {
                        _logger.LogWarning(ex, "Sending {EmailId} failed on attempt {Attempt}; will retry", email.Id, email.Attempts + 1);
                    }
                    catch (Exception ex)
                    {
                        _logger.LogError("Giving up on {EmailId} after {Attempts} attempts: {Error}", email.Id, email.Attempts, {|PA4002:ex.Message|});
                    }
                }

                if (batch.Count > 0)
                {
                    _logger.LogInformation("Dispatched {Count} emails ({Total} since start)", batch.Count, _sentSinceStart);
                }

                await Task.Delay(PollInterval, stoppingToken);
            }

            {|PA4003:Console.Error.WriteLine($"Email dispatcher stopped after {_sentSinceStart} emails")|};
        }
    }
}
