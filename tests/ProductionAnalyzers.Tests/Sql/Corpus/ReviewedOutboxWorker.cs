using System.Data;
using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace EvalCorpus.Sql.Outbox;

public sealed record OutboxMessage(long Id, string Type, string Payload, int Attempts);

public static class OutboxSchema
{
    public const string Schema = "messaging";
    public const string Table = Schema + ".outbox";
    public const string Claim = "UPDATE " + Table + " SET locked_until = now() + interval '30 seconds' WHERE id = ANY(@ids)";
}

public sealed class OutboxWorker : BackgroundService
{
    private readonly NpgsqlDataSource _ds;
    private readonly string _queueName;
    private readonly int _batchSize;

    public OutboxWorker(NpgsqlDataSource ds, string queueName, int batchSize)
    {
        _ds = ds; _queueName = queueName; _batchSize = batchSize;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await using var conn = await _ds.OpenConnectionAsync(stoppingToken);
            var batch = (await conn.QueryAsync<OutboxMessage>(
                $"SELECT id, type, payload, attempts FROM {OutboxSchema.Table} WHERE queue = @q AND sent_at IS NULL ORDER BY id LIMIT {_batchSize}",
                new { q = _queueName })).ToList(); // OK: constant + int
            if (batch.Count == 0) { await Task.Delay(1000, stoppingToken); continue; }
            await conn.ExecuteAsync(OutboxSchema.Claim, new { ids = batch.Select(b => b.Id).ToArray() }); // OK
            foreach (var m in batch)
            {
                await conn.ExecuteAsync($"UPDATE {OutboxSchema.Table} SET sent_at = now(), attempts = {m.Attempts + 1} WHERE id = {m.Id}"); // OK: ints
            }
            await conn.ExecuteAsync({|PA1001:$"NOTIFY outbox_{_queueName}"|});
        }
    }

    public async Task MarkFailedAsync(long id, string error)
    {
        await using var conn = await _ds.OpenConnectionAsync();
        await conn.ExecuteAsync({|PA1001:$"UPDATE {OutboxSchema.Table} SET last_error = '{error}' WHERE id = {id}"|});
    }

    public async Task MarkFailedSafeAsync(long id, string error)
    {
        await using var conn = await _ds.OpenConnectionAsync();
        await conn.ExecuteAsync($"UPDATE {OutboxSchema.Table} SET last_error = @error WHERE id = {id}", new { error }); // OK
    }

    public async Task<int> PurgeAsync(TimeSpan olderThan)
    {
        await using var conn = await _ds.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand($"DELETE FROM {OutboxSchema.Table} WHERE sent_at < now() - interval '{(int)olderThan.TotalHours} hours'", conn); // OK
        return await cmd.ExecuteNonQueryAsync();
    }

    public async Task<int> RequeueAsync(string type)
    {
        await using var conn = await _ds.OpenConnectionAsync();
        await using var batch = new NpgsqlBatch(conn);
        batch.BatchCommands.Add(new NpgsqlBatchCommand({|PA1001:"UPDATE " + OutboxSchema.Table + " SET sent_at = NULL WHERE type = '" + type + "'"|}));
        return await batch.ExecuteNonQueryAsync();
    }

    public async Task<int> RequeueSafeAsync(string type)
    {
        await using var conn = await _ds.OpenConnectionAsync();
        await using var batch = new NpgsqlBatch(conn);
        var c = new NpgsqlBatchCommand("UPDATE " + OutboxSchema.Table + " SET sent_at = NULL WHERE type = $1");
        c.Parameters.Add(new NpgsqlParameter { Value = type });
        batch.BatchCommands.Add(c);
        return await batch.ExecuteNonQueryAsync(); // OK
    }

    public async Task<long> ListenAsync(string channel)
    {
        await using var conn = await _ds.OpenConnectionAsync();
        var quoted = new NpgsqlCommandBuilder().QuoteIdentifier(channel);
        await using var cmd = new NpgsqlCommand("LISTEN " + quoted, conn); // OK: quoted identifier
        return await cmd.ExecuteNonQueryAsync();
    }
}
