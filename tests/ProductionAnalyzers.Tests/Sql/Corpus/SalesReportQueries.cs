using System;
using System.Collections.Generic;
using System.Data;
using System.Data.Common;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Contoso.Reporting
{
    public sealed record ReportRequest(string SortColumn, string Direction, DateTime From, DateTime To, string? Region, int Top);

    public sealed class SalesReportQueries
    {
        private static readonly HashSet<string> AllowedColumns = new(StringComparer.OrdinalIgnoreCase) { "Region", "Revenue", "Orders" };
        private const string BaseQuery = @"
            SELECT Region, SUM(Total) AS Revenue, COUNT(*) AS Orders
            FROM sales.Orders
            WHERE CreatedAt >= @from AND CreatedAt < @to";

        private readonly DbDataSource _dataSource;

        public SalesReportQueries(DbDataSource dataSource) => _dataSource = dataSource;

        public async Task<DataTable> RevenueByRegionAsync(ReportRequest request, CancellationToken cancellationToken)
        {
            var sortColumn = AllowedColumns.Contains(request.SortColumn) ? request.SortColumn : "Revenue";
            var direction = string.Equals(request.Direction, "asc", StringComparison.OrdinalIgnoreCase) ? "ASC" : "DESC";

            await using var command = _dataSource.CreateCommand();
            command.CommandText = BaseQuery + " GROUP BY Region ORDER BY " + sortColumn + " " + direction;
            AddParameter(command, "@from", request.From);
            AddParameter(command, "@to", request.To);

            var table = new DataTable();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            table.Load(reader);
            return table;
        }

        public async Task<DataTable> TopCustomersAsync(ReportRequest request, CancellationToken cancellationToken)
        {
            var sql = $@"
                SELECT TOP ({request.Top}) c.Name, SUM(o.Total) AS Revenue
                FROM sales.Orders o JOIN sales.Customers c ON c.Id = o.CustomerId
                WHERE o.CreatedAt >= @from AND o.CreatedAt < @to
                GROUP BY c.Name
                ORDER BY Revenue DESC";

            await using var command = _dataSource.CreateCommand(sql);
            AddParameter(command, "@from", request.From);
            AddParameter(command, "@to", request.To);
            var table = new DataTable();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            table.Load(reader);
            return table;
        }

        public async Task<DataTable> RegionAsync(ReportRequest request, CancellationToken cancellationToken)
        {
            var sql = BaseQuery;
            if (request.Region is not null)
            {
                sql += " AND Region = '" + request.Region + "'";
            }

            sql += " GROUP BY Region";
            await using var command = _dataSource.CreateCommand({|PA1001:sql|});
            AddParameter(command, "@from", request.From);
            AddParameter(command, "@to", request.To);
            var table = new DataTable();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            table.Load(reader);
            return table;
        }

        public async Task<DataTable> PivotAsync(IReadOnlyList<string> regions, CancellationToken cancellationToken)
        {
            // Pivot columns come from the caller: names, not values.
            var columns = string.Join(", ", regions.Select(r => "[" + r + "]"));
            await using var command = _dataSource.CreateCommand();
            command.CommandText = {|PA1001:$"SELECT * FROM (SELECT Region, Total FROM sales.Orders) s PIVOT (SUM(Total) FOR Region IN ({columns})) p"|};
            var table = new DataTable();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            table.Load(reader);
            return table;
        }

        public async Task<DataTable> OrderedAsync(string orderBy, CancellationToken cancellationToken)
        {
            var safeOrder = orderBy switch
            {
                "region" => "Region",
                "revenue" => "Revenue",
                _ => "Orders",
            };

            await using var command = _dataSource.CreateCommand(BaseQuery + " GROUP BY Region ORDER BY " + safeOrder);
            var table = new DataTable();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            table.Load(reader);
            return table;
        }

        public async Task<DataTable> GroupedAsync(string groupBy, CancellationToken cancellationToken)
        {
            if (!AllowedColumns.Contains(groupBy))
            {
                throw new ArgumentOutOfRangeException(nameof(groupBy), groupBy, "Unknown column.");
            }

            await using var command = _dataSource.CreateCommand($"SELECT {groupBy}, COUNT(*) FROM sales.Orders GROUP BY {groupBy}");
            var table = new DataTable();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            table.Load(reader);
            return table;
        }

        public async Task<DataTable> MappedAsync(string sort, CancellationToken cancellationToken)
        {
            var map = new Dictionary<string, string> { ["r"] = "Region", ["v"] = "Revenue" };
            if (!map.TryGetValue(sort, out var column))
            {
                column = "Region";
            }

            await using var command = _dataSource.CreateCommand(BaseQuery + " GROUP BY Region ORDER BY " + column);
            var table = new DataTable();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            table.Load(reader);
            return table;
        }

        public async Task<DataTable> UncheckedAsync(string groupBy, CancellationToken cancellationToken)
        {
            await using var command = _dataSource.CreateCommand({|PA1001:$"SELECT {groupBy}, COUNT(*) FROM sales.Orders GROUP BY {groupBy}"|});
            var table = new DataTable();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            table.Load(reader);
            return table;
        }

        private static void AddParameter(DbCommand command, string name, object value)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
    }
}
