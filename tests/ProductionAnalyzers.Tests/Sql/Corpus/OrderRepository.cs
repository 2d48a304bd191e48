using System;
using System.Collections.Generic;
using System.Data;
using System.Linq;
using System.Threading.Tasks;
using Dapper;

namespace Contoso.Orders.Data
{
    public interface IOrderRepository
    {
        Task<Order?> GetAsync(int id);
        Task<IReadOnlyList<Order>> ForCustomerAsync(string customerName);
    }

    public sealed class OrderRepository : IOrderRepository
    {
        private const string ByIdSql = "SELECT " + SqlNames.OrderColumns + " FROM " + SqlNames.OrdersTable + " WHERE Id = @id";
        private readonly IDbConnection _connection;

        public OrderRepository(IDbConnection connection)
        {
            _connection = connection;
        }

        public async Task<Order?> GetAsync(int id)
        {
            return await _connection.QuerySingleOrDefaultAsync<Order>(ByIdSql, new { id });
        }

        public async Task<IReadOnlyList<Order>> ForCustomerAsync(string customerName)
        {
            var sql = $@"SELECT o.Id, o.CustomerId, o.Status, o.Total, o.CreatedAt
                         FROM {SqlNames.OrdersTable} o
                         JOIN {SqlNames.CustomersTable} c ON c.Id = o.CustomerId
                         WHERE c.Name = @customerName";
            var rows = await _connection.QueryAsync<Order>(sql, new { customerName });
            return rows.ToList();
        }

        public async Task<IReadOnlyList<Order>> ForCountryAsync(string country)
        {
            // Written in a hurry during an incident; still here.
            var rows = await _connection.QueryAsync<Order>({|PA1001:$"SELECT * FROM {SqlNames.OrdersTable} o JOIN {SqlNames.CustomersTable} c ON c.Id = o.CustomerId WHERE c.Country = '{country}'"|});
            return rows.ToList();
        }

        public Task<int> CountByStatusAsync(OrderStatus status)
        {
            return _connection.ExecuteScalarAsync<int>($"SELECT COUNT(*) FROM {SqlNames.OrdersTable} WHERE Status = {(int)status}");
        }

        public Task<int> CancelAsync(int id, string reason)
        {
            return _connection.ExecuteAsync(
                "UPDATE " + SqlNames.OrdersTable + " SET Status = @status, CancelReason = @reason WHERE Id = @id",
                new { status = OrderStatus.Cancelled, reason, id });
        }

        public Task<int> ArchiveOlderThanAsync(DateTime cutoff)
        {
            return _connection.ExecuteAsync($"DELETE FROM {SqlNames.OrdersTable} WHERE CreatedAt < '{cutoff:yyyy-MM-dd}'");
        }

        public async Task<Order?> FindByReferenceAsync(string reference)
        {
            var sql = SqlNames.SelectOrders + " WHERE Reference = '" + reference + "'";
            return await _connection.QueryFirstOrDefaultAsync<Order>({|PA1001:sql|});
        }

        public async Task<IReadOnlyList<Order>> PageAsync(OrderSearch search)
        {
            var offset = search.Page * search.PageSize;
            var sql = SqlNames.SelectOrders + $" ORDER BY CreatedAt DESC OFFSET {offset} ROWS FETCH NEXT {search.PageSize} ROWS ONLY";
            return (await _connection.QueryAsync<Order>(sql)).ToList();
        }

        public async Task<IReadOnlyList<Order>> ByIdsAsync(IReadOnlyCollection<int> ids)
        {
            if (ids.Count == 0)
            {
                return Array.Empty<Order>();
            }

            // Dapper expands the list parameter itself.
            var rows = await _connection.QueryAsync<Order>(SqlNames.SelectOrders + " WHERE Id IN @ids", new { ids });
            return rows.ToList();
        }

        public async Task<IReadOnlyList<Order>> ByIdsInlineAsync(IEnumerable<int> ids)
        {
            var rows = await _connection.QueryAsync<Order>($"{SqlNames.SelectOrders} WHERE Id IN ({string.Join(",", ids)})");
            return rows.ToList();
        }

        public Task<IEnumerable<dynamic>> TotalsAsync(string groupBy)
        {
            return _connection.QueryAsync({|PA1001:"SELECT " + groupBy + ", SUM(Total) FROM " + SqlNames.OrdersTable + " GROUP BY " + groupBy|});
        }

        public Task<Order?> GetForUpdateAsync(int id, IDbTransaction transaction)
        {
            return _connection.QuerySingleOrDefaultAsync<Order>(
                new CommandDefinition(ByIdSql + " WITH (UPDLOCK)", new { id }, transaction));
        }

        public Task<int> TagAsync(int id, string tag)
        {
            var command = new CommandDefinition({|PA1001:"UPDATE " + SqlNames.OrdersTable + " SET Tag = '" + tag + "' WHERE Id = " + id|});
            return _connection.ExecuteAsync(command);
        }
    }
}
