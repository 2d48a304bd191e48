using System.Data;
using System.Data.Common;
using System.Text;
using Dapper;
using Microsoft.Data.SqlClient;

namespace EvalCorpus.Sql.BulkImport;

public sealed record PriceRow(string Sku, decimal Price, string Currency);

public sealed class PriceImporter
{
    private const string Target = "pricing.Prices";
    private readonly string _cs;
    public PriceImporter(string cs) => _cs = cs;

    public async Task<int> UpsertAsync(IReadOnlyList<PriceRow> rows)
    {
        var sb = new StringBuilder("MERGE " + Target + " AS t USING (VALUES ");
        var p = new DynamicParameters();
        for (var i = 0; i < rows.Count; i++)
        {
            if (i > 0) sb.Append(", ");
            sb.Append($"(@sku{i}, @price{i}, @cur{i})");
            p.Add($"sku{i}", rows[i].Sku);
            p.Add($"price{i}", rows[i].Price);
            p.Add($"cur{i}", rows[i].Currency);
        }
        sb.Append(") AS s (Sku, Price, Currency) ON t.Sku = s.Sku ");
        sb.Append("WHEN MATCHED THEN UPDATE SET Price = s.Price, Currency = s.Currency ");
        sb.Append("WHEN NOT MATCHED THEN INSERT (Sku, Price, Currency) VALUES (s.Sku, s.Price, s.Currency);");
        await using var conn = new SqlConnection(_cs);
        return await conn.ExecuteAsync(sb.ToString(), p); // OK: placeholders built from constants and ints
    }

    public async Task<int> UpsertFormatAsync(IReadOnlyList<PriceRow> rows)
    {
        var sb = new StringBuilder("INSERT INTO " + Target + " (Sku, Price, Currency) VALUES ");
        var p = new DynamicParameters();
        for (var i = 0; i < rows.Count; i++)
        {
            sb.AppendFormat(i == 0 ? "(@s{0}, @p{0}, @c{0})" : ", (@s{0}, @p{0}, @c{0})", i);
            p.Add("s" + i, rows[i].Sku);
            p.Add("p" + i, rows[i].Price);
            p.Add("c" + i, rows[i].Currency);
        }
        await using var conn = new SqlConnection(_cs);
        return await conn.ExecuteAsync(sb.ToString(), p); // OK
    }

    public async Task<int> UpsertInlineAsync(IReadOnlyList<PriceRow> rows)
    {
        var values = rows.Select(r => $"('{r.Sku}', {r.Price}, '{r.Currency}')");
        await using var conn = new SqlConnection(_cs);
        return await conn.ExecuteAsync({|PA1001:"INSERT INTO " + Target + " (Sku, Price, Currency) VALUES " + string.Join(", ", values)|});
    }

    public async Task<int> DeleteSkusAsync(IReadOnlyCollection<string> skus)
    {
        var names = skus.Select((_, i) => "@sku" + i).ToArray();
        var p = new DynamicParameters();
        var idx = 0;
        foreach (var sku in skus) p.Add("sku" + idx++, sku);
        await using var conn = new SqlConnection(_cs);
        return await conn.ExecuteAsync($"DELETE FROM {Target} WHERE Sku IN ({string.Join(", ", names)})", p); // OK
    }

    public async Task<int> DeleteCurrencyAsync(string currency)
    {
        await using var conn = new SqlConnection(_cs);
        await using var tx = await conn.BeginTransactionAsync();
        var n = await conn.ExecuteAsync({|PA1001:$"DELETE FROM {Target} WHERE Currency = '{currency}'"|}, transaction: tx);
        await tx.CommitAsync();
        return n;
    }

    public async Task<PriceRow?> FirstAsync(string sku)
    {
        await using var conn = new SqlConnection(_cs);
        return await conn.QueryFirstOrDefaultAsync<PriceRow>($"SELECT TOP 1 * FROM {Target} WHERE Sku = @sku", new { sku }); // OK
    }

    public async Task<PriceRow> SingleAsync(string sku)
    {
        await using var conn = new SqlConnection(_cs);
        return await conn.QuerySingleAsync<PriceRow>({|PA1001:"SELECT * FROM " + Target + " WHERE Sku = '" + sku + "'"|});
    }

    public async Task<DbDataReader> StreamAsync(string currency)
    {
        var conn = new SqlConnection(_cs);
        return await conn.ExecuteReaderAsync({|PA1001:$"SELECT * FROM {Target} WHERE Currency = N'{currency}'"|});
    }

    public async Task<decimal?> MaxAsync(string column)
    {
        var safe = column switch { "Price" => "Price", "Cost" => "Cost", _ => throw new ArgumentOutOfRangeException(nameof(column)) };
        await using var conn = new SqlConnection(_cs);
        return await conn.ExecuteScalarAsync<decimal?>($"SELECT MAX({safe}) FROM {Target}"); // OK: switch allow-list
    }

    public async Task<int> BatchInsertSqlCommandAsync(IReadOnlyList<PriceRow> rows)
    {
        await using var conn = new SqlConnection(_cs);
        await using var cmd = conn.CreateCommand();
        var sb = new StringBuilder();
        for (var i = 0; i < rows.Count; i++)
        {
            sb.Append($"INSERT INTO {Target} (Sku, Price) VALUES (@s{i}, @p{i});");
            cmd.Parameters.AddWithValue($"@s{i}", rows[i].Sku);
            cmd.Parameters.AddWithValue($"@p{i}", rows[i].Price);
        }
        cmd.CommandText = sb.ToString(); // OK: constants and ints
        await conn.OpenAsync();
        return await cmd.ExecuteNonQueryAsync();
    }

    private static string BuildCurrencyFilter(IEnumerable<string> currencies)
    {
        var sb = new StringBuilder(" WHERE Currency IN (");
        sb.Append(string.Join(",", currencies.Select(c => "'" + c + "'")));
        sb.Append(')');
        return sb.ToString();
    }

    public async Task<IEnumerable<PriceRow>> ForCurrenciesAsync(IEnumerable<string> currencies)
    {
        await using var conn = new SqlConnection(_cs);
        return await conn.QueryAsync<PriceRow>({|PA1001:"SELECT * FROM " + Target + BuildCurrencyFilter(currencies)|});
    }

    public async Task<IEnumerable<PriceRow>> ForCurrencyLocalAsync(string currency)
    {
        var sql = "SELECT * FROM " + Target;
        sql = string.Concat(sql, " WHERE Currency = @currency");
        await using var conn = new SqlConnection(_cs);
        return await conn.QueryAsync<PriceRow>(sql, new { currency }); // OK
    }

    public async Task<IEnumerable<PriceRow>> ForCurrencyTernaryAsync(string? currency)
    {
        var sql = currency is null ? "SELECT * FROM " + Target : "SELECT * FROM " + Target + " WHERE Currency = '" + currency + "'";
        await using var conn = new SqlConnection(_cs);
        return await conn.QueryAsync<PriceRow>({|PA1001:sql|});
    }
}
