using Dapper;
using Npgsql;

namespace OrdersApi.Workers;

public sealed class OutboxWorker : BackgroundService
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger<OutboxWorker> _logger;

    public OutboxWorker(NpgsqlDataSource dataSource, ILogger<OutboxWorker> logger)
    {
        _dataSource = dataSource;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var published = await PublishBatchAsync(stoppingToken);
                // PA4003: console output from a hosted service bypasses the logging pipeline.
                Console.WriteLine($"Outbox: published {published} messages");
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "Outbox batch failed; retrying in 5 seconds");
            }

            await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
        }
    }

    private async Task<int> PublishBatchAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        var messages = (await connection.QueryAsync<(long Id, string Payload)>(
            "SELECT id, payload FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT 100")).AsList();

        foreach (var message in messages)
        {
            try
            {
                await connection.ExecuteAsync("UPDATE outbox SET published_at = now() WHERE id = @Id", new { message.Id });
            }
            catch
            {
                // PA3002: a catch-all that drops the failure and moves on.
                continue;
            }
        }

        return messages.Count;
    }
}
