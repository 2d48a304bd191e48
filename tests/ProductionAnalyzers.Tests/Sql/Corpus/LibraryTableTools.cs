using System.Data.Common;
using Dapper;

namespace EvalCorpus.Sql.MediaLibrary;

/// <summary>Maintenance helpers that take table and column names; every caller decides what it passes.</summary>
public sealed class LibraryTableTools
{
    private readonly DbConnection _connection;

    public LibraryTableTools(DbConnection connection) => _connection = connection;

    public async Task<IReadOnlyList<dynamic>> DumpTableAsync(string table, string orderBy) =>
        (await _connection.QueryAsync($"SELECT * FROM {table} ORDER BY {orderBy}")).ToList(); // judged at the call sites

    public Task<int> DeleteFromDbAsync(string table, long id) =>
        _connection.ExecuteAsync($"DELETE FROM {table} WHERE Id = @id", new { id }); // OK: every caller passes a constant

    public Task<long> CountItemsAsync() => CountAsync("SELECT id FROM items");

    public Task<long> CountPeopleAsync() => CountAsync("SELECT DISTINCT person_id FROM item_people");

    private Task<long> CountAsync(string outerSelect) =>
        _connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM ({outerSelect}) AS q"); // OK: two constant callers
}

public sealed class LibraryEntry
{
    public long Id { get; set; }
    public DateTime AddedAt { get; set; }
}
