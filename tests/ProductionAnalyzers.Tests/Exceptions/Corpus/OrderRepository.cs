using System;
using System.Collections.Generic;
using System.Data;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using Dapper;
using Microsoft.Extensions.Logging;

namespace Corpus.Orders.Data
{
    public sealed record Order(int Id, string CustomerId, decimal Total, string Status);

    public interface IDbConnectionFactory
    {
        DbConnection Create();
    }

    public sealed class OrderRepository
    {
        private const int MaxAttempts = 3;

        private readonly IDbConnectionFactory _connections;
        private readonly ILogger<OrderRepository> _logger;

        public OrderRepository(IDbConnectionFactory connections, ILogger<OrderRepository> logger)
        {
            _connections = connections;
            _logger = logger;
        }

        public async Task<Order?> FindAsync(int id, CancellationToken ct)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await using var connection = _connections.Create();
                    return await connection.QuerySingleOrDefaultAsync<Order>(
                        new CommandDefinition("select * from orders where id = @id", new { id }, cancellationToken: ct));
                }
                catch (DbException ex) when (ex.IsTransient && attempt < MaxAttempts)
                {
                    _logger.LogWarning(ex, "Transient failure reading order {OrderId}, attempt {Attempt}", id, attempt);
                    await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), ct);
                }
            }
        }

        // Used by the storefront badge: "no order" is an acceptable answer when the database hiccups.
        public async Task<int?> CountOpenOrdersAsync(string customerId)
        {
            try
            {
                await using var connection = _connections.Create();
                return await connection.ExecuteScalarAsync<int>(
                    "select count(*) from orders where customer_id = @customerId and status = 'open'", new { customerId });
            }
            {|PA3002:catch (Exception)|}
            {
                return null;
            }
        }

        public async Task SaveAsync(Order order, CancellationToken ct)
        {
            await using var connection = _connections.Create();
            await connection.OpenAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            try
            {
                await connection.ExecuteAsync(
                    "update orders set total = @Total, status = @Status where id = @Id", order, transaction);
                await transaction.CommitAsync(ct);
            }
            catch
            {
                await transaction.RollbackAsync(CancellationToken.None);
                throw;
            }
        }

        public async Task<IReadOnlyList<Order>> ListAsync(string customerId, CancellationToken ct)
        {
            try
            {
                await using var connection = _connections.Create();
                var rows = await connection.QueryAsync<Order>(
                    new CommandDefinition("select * from orders where customer_id = @customerId", new { customerId }, cancellationToken: ct));
                return rows.AsList();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _logger.LogError(ex, "Listing orders for {CustomerId} failed", customerId);
                throw;
            }
        }

        public async Task ArchiveAsync(int id)
        {
            try
            {
                await using var connection = _connections.Create();
                await connection.ExecuteAsync("update orders set status = 'archived' where id = @id", new { id });
            }
            {|PA3002:catch (Exception ex)|}
            {
                throw new InvalidOperationException($"Could not archive order {id}: {ex.Message}");
            }
        }

        public async Task DeleteAsync(int id)
        {
            try
            {
                await using var connection = _connections.Create();
                await connection.ExecuteAsync("delete from orders where id = @id", new { id });
            }
            catch (Exception ex)
            {
                throw new DataException($"Could not delete order {id}", ex);
            }
        }

        public bool TryGetStatus(int id, out string? status)
        {
            status = null;
            try
            {
                using var connection = _connections.Create();
                status = connection.ExecuteScalar<string>("select status from orders where id = @id", new { id });
                return status is not null;
            }
            catch (DbException ex)
            {
                _logger.LogDebug(ex, "Status lookup for order {OrderId} failed", id);
                return false;
            }
        }
    }
}
