using System.Collections.Generic;
using System.Data;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Dapper;

namespace Contoso.Orders.Data
{
    public sealed class OrderSearchService
    {
        private static readonly Dictionary<string, string> SortColumns = new()
        {
            ["date"] = "o.CreatedAt",
            ["total"] = "o.Total",
            ["status"] = "o.Status",
        };

        private readonly IDbConnection _connection;

        public OrderSearchService(IDbConnection connection) => _connection = connection;

        /// <summary>The safe way: placeholders and a parameter bag.</summary>
        public async Task<IReadOnlyList<Order>> SearchAsync(OrderSearch search)
        {
            var sql = new StringBuilder();
            sql.Append("SELECT o.Id, o.CustomerId, o.Status, o.Total, o.CreatedAt FROM ").Append(SqlNames.OrdersTable).Append(" o");
            sql.Append(" JOIN ").Append(SqlNames.CustomersTable).AppendLine(" c ON c.Id = o.CustomerId");
            sql.AppendLine(" WHERE 1 = 1");
            var parameters = new DynamicParameters();

            if (!string.IsNullOrWhiteSpace(search.CustomerName))
            {
                sql.AppendLine(" AND c.Name LIKE @name");
                parameters.Add("name", "%" + search.CustomerName + "%");
            }

            if (search.Status is not null)
            {
                sql.Append(" AND o.Status = @status");
                parameters.Add("status", search.Status);
            }

            if (search.MinTotal is { } minTotal)
            {
                sql.Append(" AND o.Total >= ").Append(minTotal);
            }

            var column = search.SortBy is not null && SortColumns.TryGetValue(search.SortBy, out var known) ? known : "o.CreatedAt";
            sql.Append(" ORDER BY ").Append(SortColumns.ContainsKey(search.SortBy ?? "") ? "o.Total" : "o.CreatedAt");
            sql.Append(search.Descending ? " DESC" : " ASC");
            sql.AppendFormat(" OFFSET {0} ROWS FETCH NEXT {1} ROWS ONLY", search.Page * search.PageSize, search.PageSize);

            var rows = await _connection.QueryAsync<Order>(sql.ToString(), parameters);
            return rows.ToList();
        }

        /// <summary>The older endpoint the mobile app still calls.</summary>
        public async Task<IReadOnlyList<Order>> LegacySearchAsync(OrderSearch search)
        {
            var sql = new StringBuilder("SELECT o.* FROM " + SqlNames.OrdersTable + " o JOIN " + SqlNames.CustomersTable + " c ON c.Id = o.CustomerId WHERE 1 = 1");
            if (!string.IsNullOrEmpty(search.CustomerName))
            {
                sql.Append(" AND c.Name LIKE '%" + search.CustomerName + "%'");
            }

            if (!string.IsNullOrEmpty(search.Country))
            {
                sql.AppendFormat(" AND c.Country = '{0}'", search.Country);
            }

            if (!string.IsNullOrEmpty(search.SortBy))
            {
                sql.Append(" ORDER BY ").Append(search.SortBy);
            }

            var rows = await _connection.QueryAsync<Order>({|PA1001:sql.ToString()|});
            return rows.ToList();
        }

        public Task<IEnumerable<Order>> FilterAsync(IDictionary<string, object> filters)
        {
            var sql = SqlNames.SelectOrders + " WHERE 1 = 1";
            var parameters = new DynamicParameters();
            foreach (var filter in filters)
            {
                sql += " AND " + filter.Key + " = @" + filter.Key;
                parameters.Add(filter.Key, filter.Value);
            }

            return _connection.QueryAsync<Order>({|PA1001:sql|}, parameters);
        }

        public Task<IEnumerable<Order>> ByCustomerAsync(string? name, string? country)
        {
            var sql = new StringBuilder(SqlNames.SelectOrders).Append(" o JOIN ").Append(SqlNames.CustomersTable).Append(" c ON c.Id = o.CustomerId WHERE 1 = 1");
            AppendCustomerFilters(sql, name, country);
            return _connection.QueryAsync<Order>({|PA1001:sql.ToString()|}, new { name });
        }

        private static void AppendCustomerFilters(StringBuilder sql, string? name, string? country)
        {
            if (name is not null)
            {
                sql.Append(" AND c.Name = @name");
            }

            if (country is not null)
            {
                sql.Append(" AND c.Country = '").Append(country).Append('\'');
            }
        }

        public Task<IEnumerable<Order>> ByStatusesAsync(IReadOnlyList<OrderStatus> statuses)
        {
            var sql = SqlNames.SelectOrders;
            if (statuses.Count > 0)
            {
                sql += " WHERE Status IN (" + string.Join(", ", statuses.Select(s => (int)s)) + ")";
            }

            return _connection.QueryAsync<Order>(sql);
        }
    }
}
