using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace Contoso.Eventing
{
    public sealed record StoredEvent(long Position, string Stream, string Type, string Payload);

    public sealed class EventStore
    {
        private const string EventsTable = "eventing.events";
        private const string Columns = "position, stream, type, payload";
        private readonly NpgsqlDataSource _dataSource;
        private readonly string _schema;

        public EventStore(NpgsqlDataSource dataSource, string schema)
        {
            _dataSource = dataSource;
            _schema = schema;
        }

        public async Task AppendAsync(string stream, IReadOnlyList<(string Type, string Payload)> events, CancellationToken cancellationToken)
        {
            await using var batch = _dataSource.CreateBatch();
            foreach (var (type, payload) in events)
            {
                var command = new NpgsqlBatchCommand($"INSERT INTO {EventsTable} (stream, type, payload) VALUES ($1, $2, $3::jsonb)");
                command.Parameters.AddWithValue(stream);
                command.Parameters.AddWithValue(type);
                command.Parameters.AddWithValue(payload);
                batch.BatchCommands.Add(command);
            }

            await batch.ExecuteNonQueryAsync(cancellationToken);
        }

        public async Task<IReadOnlyList<StoredEvent>> ReadAsync(string stream, long fromPosition, int max, CancellationToken cancellationToken)
        {
            var sql = new StringBuilder();
            sql.Append("SELECT ").Append(Columns).Append(" FROM ").Append(EventsTable);
            sql.Append(" WHERE stream = $1 AND position > $2");
            sql.Append(" ORDER BY position LIMIT ").Append(max);

            await using var command = _dataSource.CreateCommand(sql.ToString());
            command.Parameters.AddWithValue(stream);
            command.Parameters.AddWithValue(fromPosition);
            return await ReadAllAsync(command, cancellationToken);
        }

        public async Task<IReadOnlyList<StoredEvent>> ReadByTypeAsync(string type, CancellationToken cancellationToken)
        {
            await using var command = _dataSource.CreateCommand({|PA1001:"SELECT " + Columns + " FROM " + EventsTable + " WHERE type = '" + type + "' ORDER BY position"|});
            return await ReadAllAsync(command, cancellationToken);
        }

        public async Task<long> CountAsync(CancellationToken cancellationToken)
        {
            // The schema comes from configuration at startup.
            await using var command = _dataSource.CreateCommand({|PA1001:$"SELECT count(*) FROM {_schema}.events"|});
            return (long)(await command.ExecuteScalarAsync(cancellationToken) ?? 0L);
        }

        public async Task<IReadOnlyList<StoredEvent>> SearchPayloadAsync(string jsonPath, CancellationToken cancellationToken)
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = {|PA1001:$"SELECT {Columns} FROM {EventsTable} WHERE payload #> '{jsonPath}' IS NOT NULL"|};
            return await ReadAllAsync(command, cancellationToken);
        }

        private static async Task<IReadOnlyList<StoredEvent>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
        {
            var result = new List<StoredEvent>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                result.Add(new StoredEvent(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
            }

            return result;
        }
    }
}
