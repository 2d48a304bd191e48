using System.Data;
using Dapper;
using Microsoft.Data.SqlClient;

namespace EvalCorpus.Sql.BaseRepo;

public abstract class RepositoryBase
{
    private readonly string _connectionString;
    protected RepositoryBase(string connectionString) => _connectionString = connectionString;

    protected async Task<IEnumerable<T>> QueryAsync<T>(string sql, object? args = null)
    {
        await using var conn = new SqlConnection(_connectionString);
        return await conn.QueryAsync<T>(sql, args); // OK: pass-through wrapper
    }

    protected async Task<int> ExecuteAsync(string sql, object? args = null)
    {
        await using var conn = new SqlConnection(_connectionString);
        return await conn.ExecuteAsync(sql, args); // OK: pass-through wrapper
    }

    protected int RunSql(string commandText)
    {
        using var conn = new SqlConnection(_connectionString);
        using var cmd = conn.CreateCommand();
        cmd.CommandText = commandText; // OK: pass-through wrapper
        conn.Open();
        return cmd.ExecuteNonQuery();
    }
}

public sealed record Invoice(int Id, string Number, decimal Amount);

public sealed class InvoiceRepository : RepositoryBase
{
    private const string Select = "SELECT Id, Number, Amount FROM Invoices";
    public InvoiceRepository(string cs) : base(cs) { }

    public Task<IEnumerable<Invoice>> ByNumberAsync(string number)
        => QueryAsync<Invoice>(Select + " WHERE Number = @number", new { number }); // OK

    public Task<IEnumerable<Invoice>> ByNumberLegacyAsync(string number)
        => QueryAsync<Invoice>({|PA1001:Select + " WHERE Number = '" + number + "'"|});

    public Task<IEnumerable<Invoice>> OverAsync(decimal amount)
        => QueryAsync<Invoice>($"{Select} WHERE Amount > {amount}"); // OK: decimal

    public Task<int> VoidAsync(string number, string reason)
        => ExecuteAsync({|PA1001:$"UPDATE Invoices SET Voided = 1, VoidReason = '{reason}' WHERE Number = @number"|}, new { number });

    public int Reindex(string indexName) => RunSql({|PA1001:"ALTER INDEX " + indexName + " ON Invoices REBUILD"|});

    public int ReindexAll() => RunSql("ALTER INDEX ALL ON Invoices REBUILD"); // OK

    public Task<IEnumerable<Invoice>> ForYearAsync(int year)
    {
        var sql = Select + " WHERE YEAR(IssuedAt) = " + year;
        return QueryAsync<Invoice>(sql); // OK: int
    }

    public Task<IEnumerable<Invoice>> ForCustomerAsync(string customer)
    {
        var sql = Select + BuildCustomerFilter(customer);
        return QueryAsync<Invoice>({|PA1001:sql|});
    }

    private static string BuildCustomerFilter(string customer) => " WHERE Customer = '" + customer + "'";

    private static string BuildActiveFilter() => " WHERE Voided = 0";

    public Task<IEnumerable<Invoice>> ActiveAsync() => QueryAsync<Invoice>(Select + BuildActiveFilter()); // OK: helper returns constant
}

public sealed class AuditRepository
{
    private readonly IDbConnection _db;
    public AuditRepository(IDbConnection db) => _db = db;

    private Task<int> Write(string sql, object args) => _db.ExecuteAsync(sql, args); // OK wrapper

    public Task<int> LogAsync(string user, string action)
        => Write("INSERT INTO Audit (UserName, Action, At) VALUES (@user, @action, SYSUTCDATETIME())", new { user, action }); // OK

    public Task<int> LogLegacyAsync(string user, string action)
        => Write({|PA1001:$"INSERT INTO Audit (UserName, Action) VALUES ('{user}', @action)"|}, new { action });

    public IEnumerable<dynamic> Recent(int take, string? userFilter)
    {
        var sql = $"SELECT TOP ({take}) * FROM Audit";
        if (userFilter != null) sql += " WHERE UserName = @userFilter";
        sql += " ORDER BY At DESC";
        return _db.Query(sql, new { userFilter }); // OK
    }

    public IEnumerable<dynamic> RecentLegacy(int take, string? userFilter)
    {
        var sql = $"SELECT TOP ({take}) * FROM Audit";
        if (userFilter != null) sql += $" WHERE UserName = '{userFilter}'";
        sql += " ORDER BY At DESC";
        return _db.Query({|PA1001:sql|});
    }

    public IDataReader Reader(string orderBy)
        => _db.ExecuteReader({|PA1001:"SELECT * FROM Audit ORDER BY " + orderBy|});

    public T Scalar<T>(string column)
        => _db.ExecuteScalar<T>({|PA1001:$"SELECT MAX([{column}]) FROM Audit"|});

    public int Count(DateTimeOffset since, TimeSpan window, bool onlyErrors)
        => _db.ExecuteScalar<int>($"SELECT COUNT(*) FROM Audit WHERE At >= '{since:O}' AND DurationMs < {window.TotalMilliseconds} AND IsError = {(onlyErrors ? 1 : 0)}"); // OK
}
