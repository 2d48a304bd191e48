using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Dapper;

namespace EvalCorpus.Sql.MediaLibrary;

/// <summary>Names of scratch tables, made by the program from hashes: nothing outside can shape them.</summary>
public static class ScratchTableNames
{
    public static string ForKey(string cacheKey)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(cacheKey));
        return "tmp_" + BitConverter.ToString(hash).Replace("-", string.Empty);
    }

    public static string ForDigest(byte[] digest) => "batch_" + Convert.ToHexString(digest).ToLowerInvariant();
}

public sealed record LibraryPageRequest(string? SortBy, int Limit);

public sealed class ScratchTableImporter
{
    private readonly DbConnection _connection;

    public ScratchTableImporter(DbConnection connection) => _connection = connection;

    public async Task ImportAsync(IReadOnlyList<Guid> ids)
    {
        var table = "tmp_" + Guid.NewGuid().ToString("N");
        await _connection.ExecuteAsync($"CREATE TEMP TABLE \"{table}\" (id TEXT NOT NULL)"); // OK: a GUID name
        await _connection.ExecuteAsync($"INSERT INTO \"{table}\" (id) VALUES (@Id)", ids.Select(id => new { Id = id }));
        await _connection.ExecuteAsync($"DELETE FROM items WHERE id NOT IN (SELECT id FROM \"{table}\")");
        await _connection.ExecuteAsync($"DROP TABLE \"{table}\"");
    }

    public async Task<int> StageAsync(string cacheKey, byte[] digest)
    {
        var staging = ScratchTableNames.ForKey(cacheKey);
        var batch = ScratchTableNames.ForDigest(digest);
        await _connection.ExecuteAsync($"CREATE TABLE {staging} AS SELECT * FROM {batch} WHERE 1 = 0"); // OK: hex of a hash
        return await _connection.ExecuteAsync($"INSERT INTO {staging} SELECT * FROM {batch}");
    }

    public async Task<IEnumerable<Guid>> PageAsync(LibraryPageRequest request)
    {
        var table = $"page_{Guid.NewGuid():N}";
        await _connection.ExecuteAsync($"CREATE TEMP TABLE {table} AS SELECT id, name FROM items"); // OK
        return await _connection.QueryAsync<Guid>({|PA1001:$"SELECT id FROM {table} ORDER BY {request.SortBy} LIMIT {request.Limit}"|});
    }
}
