using System.Collections.Generic;
using System.Data;
using System.Linq;
using System.Threading.Tasks;
using Dapper;
using Microsoft.Data.SqlClient;

namespace Contoso.Orders.Data
{
    public sealed class BulkOrderOperations
    {
        private readonly SqlConnection _connection;

        public BulkOrderOperations(SqlConnection connection) => _connection = connection;

        public async Task<int> ShipAsync(IReadOnlyList<int> orderIds)
        {
            using var command = _connection.CreateCommand();
            var names = new List<string>();
            for (var i = 0; i < orderIds.Count; i++)
            {
                var name = "@id" + i;
                names.Add(name);
                command.Parameters.AddWithValue(name, orderIds[i]);
            }

            command.CommandText = $"UPDATE {SqlNames.OrdersTable} SET Status = 2 WHERE Id IN ({string.Join(", ", names)})";
            return await command.ExecuteNonQueryAsync();
        }

        public Task<int> DeleteAsync(IReadOnlyList<long> ids)
        {
            var placeholders = string.Join(",", ids.Select((_, index) => $"@p{index}"));
            var parameters = new DynamicParameters();
            for (var i = 0; i < ids.Count; i++)
            {
                parameters.Add("p" + i, ids[i]);
            }

            return _connection.ExecuteAsync($"DELETE FROM {SqlNames.OrderLinesTable} WHERE OrderId IN ({placeholders})", parameters);
        }

        public Task<int> DeleteByReferencesAsync(IEnumerable<string> references)
        {
            var list = string.Join(",", references.Select(r => "'" + r + "'"));
            return _connection.ExecuteAsync({|PA1001:"DELETE FROM " + SqlNames.OrdersTable + " WHERE Reference IN (" + list + ")"|});
        }

        public async Task<int> InsertLinesAsync(int orderId, IReadOnlyList<(string Sku, int Quantity)> lines)
        {
            var values = new List<string>();
            var parameters = new DynamicParameters();
            parameters.Add("orderId", orderId);
            for (var i = 0; i < lines.Count; i++)
            {
                values.Add($"(@orderId, @sku{i}, @qty{i})");
                parameters.Add("sku" + i, lines[i].Sku);
                parameters.Add("qty" + i, lines[i].Quantity);
            }

            var sql = "INSERT INTO " + SqlNames.OrderLinesTable + " (OrderId, Sku, Quantity) VALUES " + string.Join(", ", values);
            return await _connection.ExecuteAsync(sql, parameters);
        }

        public Task<int> TouchAsync(int[] ids)
        {
            return _connection.ExecuteAsync("UPDATE " + SqlNames.OrdersTable + " SET UpdatedAt = SYSUTCDATETIME() WHERE Id IN (" + string.Join(",", ids) + ")");
        }

        public Task<int> RestoreAsync(string idsCsv)
        {
            return _connection.ExecuteAsync({|PA1001:$"UPDATE {SqlNames.OrdersTable} SET Deleted = 0 WHERE Id IN ({idsCsv})"|});
        }
    }
}
