using System.Data;
using System.Text;
using Dapper;
using Microsoft.Data.SqlClient;

namespace EvalCorpus.Sql.Search;

public interface ISqlExecutor
{
    Task<IEnumerable<T>> QueryAsync<T>(string sql, object? args = null);
    Task<int> ExecuteAsync(string sql, object? args = null);
}

public sealed class SqlExecutor : ISqlExecutor
{
    private readonly string _cs;
    public SqlExecutor(string cs) => _cs = cs;

    public async Task<IEnumerable<T>> QueryAsync<T>(string sql, object? args = null)
    {
        await using var conn = new SqlConnection(_cs);
        return await conn.QueryAsync<T>(new CommandDefinition(sql, args)); // OK: pass-through
    }

    public async Task<int> ExecuteAsync(string sql, object? args = null)
    {
        await using var conn = new SqlConnection(_cs);
        return await conn.ExecuteAsync(sql, args); // OK: pass-through
    }
}

public static class SqlScripts
{
    public static int Run(IDbConnection conn, string script)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = script; // OK: pass-through
        return cmd.ExecuteNonQuery();
    }
}

public sealed record Document(int Id, string Title, string Body, string Language);

public sealed class SearchIndexer
{
    private const string Docs = "search.Documents";
    private readonly ISqlExecutor _sql;
    private readonly IDbConnection _conn;

    public SearchIndexer(ISqlExecutor sql, IDbConnection conn)
    {
        _sql = sql;
        _conn = conn;
    }

    public Task<IEnumerable<Document>> FullTextAsync(string phrase)
        => _sql.QueryAsync<Document>($"SELECT * FROM {Docs} WHERE CONTAINS(Body, @phrase)", new { phrase = "\"" + phrase + "\"" }); // OK

    public Task<IEnumerable<Document>> FullTextLegacyAsync(string phrase)
        => _sql.QueryAsync<Document>({|PA1001:$"SELECT * FROM {Docs} WHERE CONTAINS(Body, '\"{phrase}\"')"|});

    public Task<IEnumerable<Document>> ByLanguageAsync(string language)
    {
        var sql = new StringBuilder()
            .Append("SELECT * FROM ").Append(Docs)
            .Append(" WHERE Language = '").Append(language).Append('\'')
            .ToString();
        return _sql.QueryAsync<Document>({|PA1001:sql|});
    }

    public Task<IEnumerable<Document>> ByLanguageSafeAsync(string language)
    {
        var sql = new StringBuilder()
            .Append("SELECT * FROM ").Append(Docs)
            .Append(" WHERE Language = @language")
            .ToString();
        return _sql.QueryAsync<Document>(sql, new { language }); // OK
    }

    public Task<IEnumerable<Document>> TitlesAsync(string prefix)
        => _sql.QueryAsync<Document>({|PA1001:new StringBuilder("SELECT * FROM " + Docs + " WHERE Title LIKE '").Append(prefix).Append("%'").ToString()|});

    public Task<int> ReindexAsync(int id)
        => _sql.ExecuteAsync($"UPDATE {Docs} SET Indexed = 0 WHERE Id = {id}"); // OK: int

    public Task<int> ReindexLanguageAsync(string language)
        => _sql.ExecuteAsync({|PA1001:"UPDATE " + Docs + " SET Indexed = 0 WHERE Language = '" + language + "'"|});

    public int RebuildCatalog(string catalogName)
        => SqlScripts.Run(_conn, {|PA1001:$"ALTER FULLTEXT CATALOG {catalogName} REBUILD"|});

    public int RebuildDefaultCatalog()
        => SqlScripts.Run(_conn, "ALTER FULLTEXT CATALOG DocsCatalog REBUILD"); // OK

    public Task<IEnumerable<Document>> FilterAsync(string? title, string? language, int? minId)
    {
        var sql = "SELECT * FROM " + Docs + " WHERE 1 = 1";
        if (title is not null) sql = $"{sql} AND Title = '{title}'";
        if (language is not null) sql += " AND Language = @language";
        if (minId is not null) sql += " AND Id >= " + minId.Value;
        return _sql.QueryAsync<Document>({|PA1001:sql|}, new { language });
    }

    public Task<IEnumerable<Document>> FilterSafeAsync(string? title, string? language, int? minId)
    {
        var sql = "SELECT * FROM " + Docs + " WHERE 1 = 1";
        if (title is not null) sql = $"{sql} AND Title = @title";
        if (language is not null) sql += " AND Language = @language";
        if (minId is not null) sql += " AND Id >= " + minId.Value;
        return _sql.QueryAsync<Document>(sql, new { title, language }); // OK
    }

    public Task<IEnumerable<Document>> TopAsync(int? limit, string sortKey)
    {
        string orderBy;
        switch (sortKey)
        {
            case "title": orderBy = "Title"; break;
            case "lang": orderBy = "Language"; break;
            default: orderBy = "Id"; break;
        }
        return _sql.QueryAsync<Document>($"SELECT TOP ({limit ?? 100}) * FROM {Docs} ORDER BY {orderBy}"); // OK: switch statement allow-list, int
    }

    public Task<IEnumerable<Document>> TemplatedAsync(string table)
    {
        var sql = "SELECT * FROM {table} WHERE Indexed = 0".Replace("{table}", table);
        return _sql.QueryAsync<Document>({|PA1001:sql|});
    }

    public Task<IEnumerable<Document>> MultiLineAsync(string language)
        => _sql.QueryAsync<Document>({|PA1001:@"SELECT Id, Title
              FROM search.Documents
              WHERE Language = '" + language + "'"|});
}
