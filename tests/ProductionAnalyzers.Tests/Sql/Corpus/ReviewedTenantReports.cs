using System.Data;
using System.Text;
using Dapper;
using Npgsql;

namespace EvalCorpus.Sql.TenantReports;

public sealed record ReportRequest(string TenantSchema, string Metric, DateTime From, DateTime To, string? GroupBy, string? Region);

public static class ReportColumns
{
    public const string Revenue = "SUM(amount)";
    public const string Orders = "COUNT(*)";
    public static readonly IReadOnlyDictionary<string, string> Metrics = new Dictionary<string, string>
    {
        ["revenue"] = Revenue,
        ["orders"] = Orders,
    };
    public static readonly string[] GroupByColumns = { "region", "channel", "product_line" };
}

public sealed class TenantReportService
{
    private readonly NpgsqlDataSource _dataSource;

    public TenantReportService(NpgsqlDataSource dataSource) => _dataSource = dataSource;

    private static string Quote(NpgsqlCommandBuilder b, string id) => b.QuoteIdentifier(id);

    public async Task<IEnumerable<dynamic>> RunAsync(ReportRequest r)
    {
        if (!ReportColumns.Metrics.TryGetValue(r.Metric, out var metricExpr))
            throw new ArgumentException("Unknown metric", nameof(r));
        var groupBy = r.GroupBy switch { "channel" => "channel", "product_line" => "product_line", _ => "region" };
        var schema = new NpgsqlCommandBuilder().QuoteIdentifier(r.TenantSchema);
        var sql = $"SELECT {groupBy}, {metricExpr} AS value FROM {schema}.sales WHERE sold_at BETWEEN @From AND @To GROUP BY {groupBy}";
        await using var conn = await _dataSource.OpenConnectionAsync();
        return await conn.QueryAsync(sql, new { r.From, r.To }); // OK: dictionary of constants, switch, QuoteIdentifier
    }

    public async Task<IEnumerable<dynamic>> RunUnsafeSchemaAsync(ReportRequest r)
    {
        await using var conn = await _dataSource.OpenConnectionAsync();
        return await conn.QueryAsync({|PA1001:$"SELECT region, SUM(amount) FROM {r.TenantSchema}.sales WHERE sold_at >= @From GROUP BY region"|}, new { r.From });
    }

    public async Task<IEnumerable<dynamic>> RunQuotedSchemaAsync(ReportRequest r)
    {
        var builder = new NpgsqlCommandBuilder();
        await using var conn = await _dataSource.OpenConnectionAsync();
        return await conn.QueryAsync($"SELECT region, SUM(amount) FROM {builder.QuoteIdentifier(r.TenantSchema)}.sales WHERE sold_at >= @From GROUP BY region", new { r.From }); // OK: quoted
    }

    public async Task<long> CountAsync(ReportRequest r)
    {
        await using var conn = await _dataSource.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand($"SELECT COUNT(*) FROM {Quote(new NpgsqlCommandBuilder(), r.TenantSchema)}.sales", conn);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    public async Task<long> CountRegionAsync(ReportRequest r)
    {
        await using var conn = await _dataSource.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand("SELECT COUNT(*) FROM sales WHERE region = @region", conn);
        cmd.Parameters.AddWithValue("region", r.Region ?? "EU");
        return (long)(await cmd.ExecuteScalarAsync())!; // OK
    }

    public async Task<long> CountRegionLegacyAsync(ReportRequest r)
    {
        await using var conn = await _dataSource.OpenConnectionAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = {|PA1001:"SELECT COUNT(*) FROM sales WHERE region = '" + r.Region + "'"|};
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    public async Task<int> ExportAsync(ReportRequest r, string targetTable)
    {
        var sb = new StringBuilder();
        sb.AppendLine("INSERT INTO reports.exports (tenant, metric, value)");
        sb.AppendLine("SELECT @tenant, @metric, SUM(amount) FROM sales");
        sb.AppendLine("WHERE sold_at BETWEEN @From AND @To");
        await using var conn = await _dataSource.OpenConnectionAsync();
        return await conn.ExecuteAsync(sb.ToString(), new { tenant = r.TenantSchema, metric = r.Metric, r.From, r.To }); // OK: constant appends
    }

    public async Task<int> ExportDynamicAsync(ReportRequest r, string targetTable)
    {
        var sb = new StringBuilder();
        sb.Append("INSERT INTO ").Append(targetTable).Append(" (tenant, value) ");
        sb.Append("SELECT @tenant, SUM(amount) FROM sales");
        await using var conn = await _dataSource.OpenConnectionAsync();
        return await conn.ExecuteAsync({|PA1001:sb.ToString()|}, new { tenant = r.TenantSchema });
    }

    public async Task<IEnumerable<dynamic>> BatchAsync(IReadOnlyList<string> regions)
    {
        var placeholders = string.Join(", ", regions.Select((_, i) => $"@r{i}"));
        var p = new DynamicParameters();
        for (var i = 0; i < regions.Count; i++) p.Add($"r{i}", regions[i]);
        await using var conn = await _dataSource.OpenConnectionAsync();
        return await conn.QueryAsync($"SELECT * FROM sales WHERE region IN ({placeholders})", p); // OK: placeholder list
    }

    public async Task<IEnumerable<dynamic>> LatestAsync(int days, bool includeRefunds)
    {
        var refunds = includeRefunds ? "" : " AND kind <> 'refund'";
        await using var conn = await _dataSource.OpenConnectionAsync();
        return await conn.QueryAsync($"SELECT * FROM sales WHERE sold_at > now() - interval '{days} days'{refunds}"); // OK: int + constant
    }

    public async Task<IEnumerable<dynamic>> SearchAsync(string q)
    {
        await using var conn = await _dataSource.OpenConnectionAsync();
        return await conn.QueryAsync({|PA1001:"SELECT * FROM customers WHERE to_tsvector(name) @@ plainto_tsquery('" + q + "')"|});
    }

    public async Task<NpgsqlDataReader> ReaderAsync(string filter)
    {
        var conn = await _dataSource.OpenConnectionAsync();
        var cmd = conn.CreateCommand();
        cmd.CommandText = {|PA1001:"SELECT * FROM sales WHERE " + filter|};
        return await cmd.ExecuteReaderAsync();
    }
}
