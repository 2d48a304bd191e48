using System.Data;
using Dapper;
using Microsoft.Data.SqlClient;

namespace EvalCorpus.Sql.Orders;

public sealed record OrderRow(int Id, string CustomerId, decimal Total, string Status, DateTime CreatedAt);

public sealed class OrderQuery
{
    public string? CustomerId { get; set; }
    public string? Status { get; set; }
    public DateTime? From { get; set; }
    public DateTime? To { get; set; }
    public string? SortBy { get; set; }
    public bool Descending { get; set; }
    public int Page { get; set; } = 1;
    public int PageSize { get; set; } = 50;
    public string? Search { get; set; }
}

internal static class OrderSql
{
    public const string Table = "dbo.Orders";
    public const string Columns = "Id, CustomerId, Total, Status, CreatedAt";
    public const string SelectAll = "SELECT " + Columns + " FROM " + Table;
}

public sealed class OrderRepository
{
    private readonly string _connectionString;
    private static readonly Dictionary<string, string> SortColumns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["date"] = "CreatedAt",
        ["total"] = "Total",
        ["status"] = "Status",
    };

    public OrderRepository(string connectionString) => _connectionString = connectionString;

    private IDbConnection Open() => new SqlConnection(_connectionString);

    public async Task<IEnumerable<OrderRow>> SearchAsync(OrderQuery q)
    {
        var where = new List<string>();
        var args = new DynamicParameters();
        if (!string.IsNullOrWhiteSpace(q.CustomerId)) { where.Add("CustomerId = @CustomerId"); args.Add("CustomerId", q.CustomerId); }
        if (!string.IsNullOrWhiteSpace(q.Status)) { where.Add("Status = @Status"); args.Add("Status", q.Status); }
        if (q.From is not null) { where.Add("CreatedAt >= @From"); args.Add("From", q.From); }
        if (q.To is not null) { where.Add("CreatedAt < @To"); args.Add("To", q.To); }
        if (!string.IsNullOrWhiteSpace(q.Search)) { where.Add("Notes LIKE @Search"); args.Add("Search", "%" + q.Search + "%"); }

        var orderBy = SortColumns.TryGetValue(q.SortBy ?? "", out var col) ? col : "CreatedAt";
        var dir = q.Descending ? "DESC" : "ASC";
        var whereSql = where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "";
        var sql = $"{OrderSql.SelectAll}{whereSql} ORDER BY {orderBy} {dir} OFFSET {(q.Page - 1) * q.PageSize} ROWS FETCH NEXT {q.PageSize} ROWS ONLY";
        using var db = Open();
        return await db.QueryAsync<OrderRow>(sql, args); // OK: only constants, allow-listed column, ints
    }

    public async Task<IEnumerable<OrderRow>> SearchLegacyAsync(OrderQuery q)
    {
        var sql = OrderSql.SelectAll + " WHERE 1 = 1";
        if (!string.IsNullOrEmpty(q.CustomerId))
            sql += " AND CustomerId = '" + q.CustomerId + "'";
        if (!string.IsNullOrEmpty(q.Status))
            sql += " AND Status = @Status";
        using var db = Open();
        return await db.QueryAsync<OrderRow>({|PA1001:sql|}, new { q.Status });
    }

    public async Task<IEnumerable<OrderRow>> SortedAsync(OrderQuery q)
    {
        using var db = Open();
        return await db.QueryAsync<OrderRow>({|PA1001:$"{OrderSql.SelectAll} ORDER BY {q.SortBy} DESC"|});
    }

    public Task<OrderRow?> GetAsync(int id)
    {
        using var db = Open();
        return db.QueryFirstOrDefaultAsync<OrderRow>($"{OrderSql.SelectAll} WHERE Id = {id}"); // OK: int
    }

    public Task<OrderRow?> GetByNumberAsync(string orderNumber)
    {
        using var db = Open();
        return db.QueryFirstOrDefaultAsync<OrderRow>({|PA1001:$"{OrderSql.SelectAll} WHERE OrderNumber = '{orderNumber}'"|});
    }

    public Task<IEnumerable<OrderRow>> ByIdsAsync(IReadOnlyList<int> ids)
    {
        var names = Enumerable.Range(0, ids.Count).Select(i => "@id" + i);
        var p = new DynamicParameters();
        for (var i = 0; i < ids.Count; i++) p.Add("id" + i, ids[i]);
        var sql = $"{OrderSql.SelectAll} WHERE Id IN ({string.Join(", ", names)})";
        using var db = Open();
        return db.QueryAsync<OrderRow>(sql, p); // OK: placeholder list
    }

    public Task<IEnumerable<OrderRow>> ByIdsInlineAsync(IReadOnlyList<int> ids)
    {
        using var db = Open();
        return db.QueryAsync<OrderRow>($"{OrderSql.SelectAll} WHERE Id IN ({string.Join(",", ids)})"); // OK: ints joined
    }

    public Task<IEnumerable<OrderRow>> ByStatusesAsync(IEnumerable<string> statuses)
    {
        var list = string.Join(",", statuses.Select(s => $"'{s}'"));
        using var db = Open();
        return db.QueryAsync<OrderRow>({|PA1001:$"{OrderSql.SelectAll} WHERE Status IN ({list})"|});
    }

    public Task<int> CancelAsync(int id, string reason)
    {
        using var db = Open();
        return db.ExecuteAsync("UPDATE " + OrderSql.Table + " SET Status = 'Cancelled', Reason = @reason WHERE Id = @id", new { id, reason }); // OK
    }

    public Task<int> ArchiveOlderThanAsync(DateTime cutoff, Guid tenantId)
    {
        using var db = Open();
        return db.ExecuteAsync($"DELETE FROM {OrderSql.Table} WHERE CreatedAt < '{cutoff:yyyy-MM-dd}' AND TenantId = '{tenantId}'"); // OK: DateTime, Guid
    }

    public Task<int> BulkStatusAsync(string newStatus, int[] ids)
    {
        using var db = Open();
        var cmd = new CommandDefinition({|PA1001:$"UPDATE {OrderSql.Table} SET Status = '{newStatus}' WHERE Id IN @ids"|}, new { ids });
        return db.ExecuteAsync(cmd);
    }

    public Task<decimal> TotalForAsync(string customerId)
    {
        using var db = Open();
        return db.ExecuteScalarAsync<decimal>("SELECT SUM(Total) FROM " + OrderSql.Table + " WHERE CustomerId = @customerId", new { customerId }); // OK
    }

    public Task<decimal> TotalForLegacyAsync(string customerId)
    {
        using var db = Open();
        return db.ExecuteScalarAsync<decimal>({|PA1001:string.Format("SELECT SUM(Total) FROM {0} WHERE CustomerId = '{1}'", OrderSql.Table, customerId)|});
    }

    public async Task<(IEnumerable<OrderRow> Rows, int Count)> PageAsync(int page, int size)
    {
        const string countSql = "SELECT COUNT(*) FROM " + OrderSql.Table + ";";
        var sql = countSql + $" {OrderSql.SelectAll} ORDER BY Id OFFSET {page * size} ROWS FETCH NEXT {size} ROWS ONLY";
        using var db = Open();
        using var multi = await db.QueryMultipleAsync(sql); // OK
        var count = await multi.ReadSingleAsync<int>();
        return (await multi.ReadAsync<OrderRow>(), count);
    }
}
