using System.Data;
using System.Data.Common;
using System.Text;
using Dapper;
using Microsoft.Data.SqlClient;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EvalCorpus.Sql.Admin;

public sealed class DbHealthCheck : IHealthCheck
{
    private const string ProbeSql = "SELECT 1";
    private readonly string _cs;
    public DbHealthCheck(string cs) => _cs = cs;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        await using var conn = new SqlConnection(_cs);
        await conn.OpenAsync(ct);
        await using var cmd = new SqlCommand(ProbeSql, conn); // OK
        await cmd.ExecuteScalarAsync(ct);
        return HealthCheckResult.Healthy();
    }
}

public sealed class MaintenanceService
{
    private static readonly string[] Tables = { "Orders", "OrderLines", "Customers" };
    private readonly string _cs;
    public MaintenanceService(string cs) => _cs = cs;

    public async Task RebuildStatsAsync(CancellationToken ct)
    {
        await using var conn = new SqlConnection(_cs);
        await conn.OpenAsync(ct);
        foreach (var t in Tables)
        {
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = "UPDATE STATISTICS dbo." + t; // OK: static readonly array of constants (allow-list)
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    public async Task RebuildStatsForAsync(IEnumerable<string> requestedTables, CancellationToken ct)
    {
        await using var conn = new SqlConnection(_cs);
        await conn.OpenAsync(ct);
        foreach (var t in requestedTables)
        {
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = {|PA1001:"UPDATE STATISTICS dbo." + t|};
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    public async Task<int> KillSessionAsync(int spid)
    {
        await using var conn = new SqlConnection(_cs);
        return await conn.ExecuteAsync("KILL " + spid); // OK: int
    }

    public async Task<int> CreateLoginAsync(string login)
    {
        await using var conn = new SqlConnection(_cs);
        return await conn.ExecuteAsync({|PA1001:$"CREATE LOGIN [{login}] WITH PASSWORD = @pwd"|}, new { pwd = Guid.NewGuid().ToString() });
    }

    public async Task<int> RunScriptAsync(string scriptPath)
    {
        var script = await File.ReadAllTextAsync(scriptPath);
        await using var conn = new SqlConnection(_cs);
        return await conn.ExecuteAsync(script); // OK: not built by concatenation (plain variable)
    }

    public async Task<IEnumerable<string>> ColumnsOfAsync(string table)
    {
        await using var conn = new SqlConnection(_cs);
        return await conn.QueryAsync<string>(
            "SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = @table ORDER BY ORDINAL_POSITION",
            new { table }); // OK
    }

    public async Task<int> CopyTableAsync(string source, string target)
    {
        var sb = new StringBuilder();
        sb.Append("SELECT * INTO ");
        sb.Append(target);
        sb.Append(" FROM ");
        sb.Append(source);
        await using var conn = new SqlConnection(_cs);
        return await conn.ExecuteAsync({|PA1001:sb.ToString()|});
    }

    public DataTable Preview(string table, int rows)
    {
        using var conn = new Npgsql.NpgsqlConnection(_cs);
        var adapter = new Npgsql.NpgsqlDataAdapter({|PA1001:$"SELECT * FROM {table} LIMIT {rows}"|}, conn);
        var dt = new DataTable();
        adapter.Fill(dt);
        return dt;
    }

    public async Task<int> SetRecoveryAsync(string database, bool full)
    {
        var mode = full ? "FULL" : "SIMPLE";
        await using var conn = new SqlConnection(_cs);
        return await conn.ExecuteAsync({|PA1001:$"ALTER DATABASE [{database}] SET RECOVERY {mode}"|});
    }

    public async Task<int> SetRecoveryKnownAsync(bool full)
    {
        var mode = full ? "FULL" : "SIMPLE";
        await using var conn = new SqlConnection(_cs);
        return await conn.ExecuteAsync($"ALTER DATABASE [{nameof(MaintenanceService)}] SET RECOVERY {mode}"); // OK
    }
}
