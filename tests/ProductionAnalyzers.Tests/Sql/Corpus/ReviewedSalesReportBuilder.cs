using System.Data;
using System.Text;
using Dapper;
using Npgsql;

namespace EvalCorpus.Sql.SalesReports;

public enum Granularity { Day, Week, Month }

public sealed record SalesReportRequest(DateTime From, DateTime To, Granularity Granularity, int? StoreId, string? Channel, int Top);

public sealed class SalesReportBuilder
{
    private const string Facts = "dw.fact_sales";
    private const string Stores = "dw.dim_store";
    private readonly NpgsqlDataSource _ds;

    public SalesReportBuilder(NpgsqlDataSource ds) => _ds = ds;

    private static string Bucket(Granularity g) => g switch
    {
        Granularity.Week => "date_trunc('week', sold_at)",
        Granularity.Month => "date_trunc('month', sold_at)",
        _ => "date_trunc('day', sold_at)",
    };

    public async Task<IEnumerable<dynamic>> RunAsync(SalesReportRequest r)
    {
        var sql = new StringBuilder();
        var p = new DynamicParameters();
        sql.AppendLine($"SELECT {Bucket(r.Granularity)} AS bucket, SUM(amount) AS revenue");
        sql.AppendLine($"FROM {Facts} f JOIN {Stores} s ON s.id = f.store_id");
        sql.AppendLine("WHERE sold_at >= @From AND sold_at < @To");
        p.Add("From", r.From);
        p.Add("To", r.To);
        if (r.StoreId is not null)
        {
            sql.AppendLine($"AND f.store_id = {r.StoreId.Value}");
        }
        if (r.Channel is not null)
        {
            sql.AppendLine("AND f.channel = @Channel");
            p.Add("Channel", r.Channel);
        }
        sql.AppendLine("GROUP BY 1 ORDER BY 1");
        sql.AppendLine($"LIMIT {r.Top}");
        await using var conn = await _ds.OpenConnectionAsync();
        return await conn.QueryAsync(sql.ToString(), p); // OK: only constants, a constant-returning helper and ints
    }

    public async Task<IEnumerable<dynamic>> RunLegacyAsync(SalesReportRequest r)
    {
        var sql = new StringBuilder();
        sql.AppendLine($"SELECT {Bucket(r.Granularity)} AS bucket, SUM(amount) AS revenue FROM {Facts}");
        sql.AppendLine($"WHERE sold_at >= '{r.From:yyyy-MM-dd}' AND sold_at < '{r.To:yyyy-MM-dd}'");
        if (r.Channel is not null)
            sql.AppendLine($"AND channel = '{r.Channel}'");
        sql.AppendLine("GROUP BY 1 ORDER BY 1");
        await using var conn = await _ds.OpenConnectionAsync();
        return await conn.QueryAsync({|PA1001:sql.ToString()|});
    }

    public async Task<IEnumerable<dynamic>> TopStoresAsync(int top, bool descending)
    {
        var sb = new StringBuilder("SELECT s.name, SUM(f.amount) AS revenue FROM ")
            .Append(Facts).Append(" f JOIN ").Append(Stores).Append(" s ON s.id = f.store_id ")
            .Append("GROUP BY s.name ORDER BY revenue ").Append(descending ? "DESC" : "ASC")
            .Append(" LIMIT ").Append(top);
        await using var conn = await _ds.OpenConnectionAsync();
        return await conn.QueryAsync(sb.ToString()); // OK: constants, ternary of constants, int
    }

    public async Task<IEnumerable<dynamic>> StoresByRegionAsync(string region)
    {
        var sb = new StringBuilder("SELECT * FROM ")
            .Append(Stores)
            .Append(" WHERE region = '").Append(region).Append('\'');
        await using var conn = await _ds.OpenConnectionAsync();
        return await conn.QueryAsync({|PA1001:sb.ToString()|});
    }

    public async Task<long> CountAsync(Granularity g, DateTime since)
    {
        await using var conn = await _ds.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand($"SELECT COUNT(DISTINCT {Bucket(g)}) FROM {Facts} WHERE sold_at >= @since", conn); // OK
        cmd.Parameters.AddWithValue("since", since);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    public async Task<IEnumerable<dynamic>> PivotAsync(IReadOnlyList<string> channels)
    {
        var sb = new StringBuilder("SELECT store_id");
        var p = new DynamicParameters();
        for (var i = 0; i < channels.Count; i++)
        {
            sb.Append($", SUM(amount) FILTER (WHERE channel = @ch{i}) AS ch{i}");
            p.Add($"ch{i}", channels[i]);
        }
        sb.Append($" FROM {Facts} GROUP BY store_id");
        await using var conn = await _ds.OpenConnectionAsync();
        return await conn.QueryAsync(sb.ToString(), p); // OK: placeholders and aliases from ints
    }

    public async Task<IEnumerable<dynamic>> PivotByNameAsync(IReadOnlyList<string> channels)
    {
        var sb = new StringBuilder("SELECT store_id");
        foreach (var ch in channels)
            sb.Append(", SUM(amount) FILTER (WHERE channel = '").Append(ch).Append("') AS \"").Append(ch).Append('"');
        sb.Append(" FROM ").Append(Facts).Append(" GROUP BY store_id");
        await using var conn = await _ds.OpenConnectionAsync();
        return await conn.QueryAsync({|PA1001:sb.ToString()|});
    }
}
