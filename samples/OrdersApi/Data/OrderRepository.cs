using Dapper;
using Npgsql;
using OrdersApi.Models;

namespace OrdersApi.Data;

public sealed class OrderRepository
{
    private const string SelectOrder =
        "SELECT id, customer_id AS CustomerId, reference, status, total, created_at AS CreatedAt FROM orders";

    private readonly NpgsqlDataSource _dataSource;

    public OrderRepository(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
    }

    public async Task<Order?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Order>(
            new CommandDefinition(SelectOrder + " WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<Order>> GetByIdsAsync(IReadOnlyList<Guid> ids)
    {
        // Safe: a placeholder list built from integers only, values sent as parameters.
        var placeholders = string.Join(", ", ids.Select((_, i) => "@p" + i));
        var parameters = new DynamicParameters();
        for (var i = 0; i < ids.Count; i++)
        {
            parameters.Add("p" + i, ids[i]);
        }

        await using var connection = await _dataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<Order>(SelectOrder + " WHERE id IN (" + placeholders + ")", parameters);
        return rows.AsList();
    }

    public async Task<IReadOnlyList<Order>> SearchAsync(string customerName, OrderStatus? status, string sortBy, int page)
    {
        // PA1001: the customer name from the query string is pasted into the SQL text.
        var sql = SelectOrder + " o JOIN customers c ON c.id = o.customer_id WHERE c.name = '" + customerName + "'";
        if (status is not null)
        {
            sql += " AND o.status = @status";
        }

        // Safe: the sort column comes from an allow-list of constants.
        var orderBy = sortBy switch
        {
            "total" => "total",
            "reference" => "reference",
            _ => "created_at",
        };
        sql += $" ORDER BY o.{orderBy} DESC LIMIT 50 OFFSET {page * 50}";

        await using var connection = await _dataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<Order>(sql, new { status });
        return rows.AsList();
    }

    public async Task<int> CancelAsync(string reference, string reason)
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        // PA1001: both values are interpolated into an UPDATE.
        return await connection.ExecuteAsync(
            $"UPDATE orders SET status = 'Cancelled', cancel_reason = '{reason}' WHERE reference = '{reference}'");
    }
}
