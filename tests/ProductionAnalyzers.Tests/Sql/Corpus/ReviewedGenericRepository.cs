using System.Data;
using Dapper;

namespace EvalCorpus.Sql.Generic;

public interface IEntity { long Id { get; } }

public sealed class Customer : IEntity
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    public string City { get; set; } = "";
}

public abstract class TableMap
{
    public abstract string Table { get; }
    public abstract IReadOnlyList<string> Columns { get; }
}

public sealed class CustomerMap : TableMap
{
    private static readonly string[] Cols = { "name", "email", "city" };
    public override string Table => "crm.customers";
    public override IReadOnlyList<string> Columns => Cols;
}

public sealed class CustomerRepository
{
    private const string Table = "crm.customers";
    private static readonly string[] Columns = { "name", "email", "city" };
    private static readonly string[] SearchableColumns = { "name", "email" };
    private readonly IDbConnection _db;

    public CustomerRepository(IDbConnection db) => _db = db;

    public Task<IEnumerable<Customer>> AllAsync()
        => _db.QueryAsync<Customer>($"SELECT id, {string.Join(", ", Columns)} FROM {Table}"); // OK: static readonly constant array

    public Task<IEnumerable<Customer>> AllQuotedAsync()
        => _db.QueryAsync<Customer>($"SELECT id, {string.Join(", ", Columns.Select(c => $"\"{c}\""))} FROM {Table}"); // OK: projection over a constant array

    public Task<int> InsertAsync(Customer c)
        => _db.ExecuteAsync($"INSERT INTO {Table} ({string.Join(", ", Columns)}) VALUES ({string.Join(", ", Columns.Select(x => "@" + x))})", c); // OK: placeholders from constants

    public Task<int> UpdateAsync(Customer c)
        => _db.ExecuteAsync($"UPDATE {Table} SET {string.Join(", ", Columns.Select(x => $"{x} = @{x}"))} WHERE id = @Id", c); // OK: SET list from a constant array

    public Task<IEnumerable<Customer>> SearchAsync(string term)
    {
        var where = string.Join(" OR ", SearchableColumns.Select(col => $"{col} ILIKE @term"));
        return _db.QueryAsync<Customer>($"SELECT * FROM {Table} WHERE {where}", new { term = "%" + term + "%" }); // OK
    }

    public Task<IEnumerable<Customer>> SearchUnsafeAsync(string term)
    {
        var where = string.Join(" OR ", SearchableColumns.Select(col => $"{col} ILIKE '%{term}%'"));
        return _db.QueryAsync<Customer>({|PA1001:$"SELECT * FROM {Table} WHERE {where}"|});
    }

    public Task<IEnumerable<Customer>> ByIdsAsync(IReadOnlyList<long> ids)
    {
        var marks = string.Join(", ", Enumerable.Repeat("?", ids.Count));
        return _db.QueryAsync<Customer>($"SELECT * FROM {Table} WHERE id IN ({marks})", ids.Cast<object>().ToArray()); // OK: placeholder list
    }

    public Task<IEnumerable<Customer>> ByCitiesAsync(IReadOnlyList<string> cities)
    {
        var p = new DynamicParameters();
        var names = new List<string>();
        for (var i = 0; i < cities.Count; i++)
        {
            names.Add($"@city{i}");
            p.Add($"city{i}", cities[i]);
        }
        return _db.QueryAsync<Customer>($"SELECT * FROM {Table} WHERE city IN ({string.Join(", ", names)})", p); // OK
    }

    public Task<IEnumerable<Customer>> ByCitiesInlineAsync(IReadOnlyList<string> cities)
    {
        var names = new List<string>();
        foreach (var city in cities) names.Add($"'{city}'");
        return _db.QueryAsync<Customer>({|PA1001:$"SELECT * FROM {Table} WHERE city IN ({string.Join(", ", names)})"|});
    }

    public Task<int> CountAsync(string? city)
    {
        var sql = $"SELECT COUNT(*) FROM {Table}";
        if (city is not null) sql += " WHERE city = @city";
        return _db.ExecuteScalarAsync<int>(sql, new { city }); // OK
    }

    public Task<int> CountGroupedAsync(string groupColumn)
    {
        return _db.ExecuteScalarAsync<int>({|PA1001:$"SELECT COUNT(DISTINCT {groupColumn}) FROM {Table}"|});
    }
}
