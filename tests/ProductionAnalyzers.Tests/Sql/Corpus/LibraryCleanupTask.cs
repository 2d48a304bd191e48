using System.Data.Common;
using System.Globalization;
using System.Text;
using Dapper;

namespace EvalCorpus.Sql.MediaLibrary;

public enum PageSize
{
    Small = 1024,
    Large = 4096,
}

public static class SqlFormatting
{
    public static string FormatInvariantValue(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string FormatInvariantValue(PageSize value) => ((int)value).ToString(CultureInfo.InvariantCulture);
}

public sealed record TagSearch(IReadOnlyList<string> Tags, string? ExtraTable);

public sealed class LibraryCleanupTask
{
    private static readonly string[] DerivedTables = { "ItemValues", "ItemValuesMap", "ChapterImages" };

    private readonly DbConnection _connection;

    public LibraryCleanupTask(DbConnection connection) => _connection = connection;

    public async Task PurgeOrphansAsync()
    {
        foreach (var table in new[] { "Series", "Episodes", "Seasons" })
        {
            await _connection.ExecuteAsync($"DELETE FROM {table} WHERE ParentId NOT IN (SELECT Id FROM Items)"); // OK: a constant set
        }

        for (var i = 0; i < DerivedTables.Length; i++)
        {
            await _connection.ExecuteAsync("DELETE FROM " + DerivedTables[i] + " WHERE ItemId IS NULL"); // OK: indexed constant set
        }
    }

    public Task TuneAsync(int blockSize, PageSize pageSize) =>
        _connection.ExecuteAsync("PRAGMA cache_size=" + SqlFormatting.FormatInvariantValue(blockSize) + "; PRAGMA page_size=" + SqlFormatting.FormatInvariantValue(pageSize)); // OK: formatted numbers and enums

    public Task<IEnumerable<long>> FindByTagsAsync(TagSearch search)
    {
        var sql = new StringBuilder("SELECT Id FROM Items WHERE 1 = 0");
        var parameters = new DynamicParameters();
        for (var i = 0; i < search.Tags.Count; i++)
        {
            sql.Append($" OR Tags LIKE @p{i}");
            parameters.Add("p" + i, "%" + search.Tags[i] + "%");
        }

        return _connection.QueryAsync<long>(sql.ToString(), parameters); // OK: placeholders appended in a loop
    }

    public Task<IEnumerable<long>> FindByMessagesAsync(IReadOnlyList<string> messages)
    {
        var clauses = new List<string>();
        var parameters = new DynamicParameters();
        for (var i = 0; i < messages.Count; i++)
        {
            clauses.Add("Message LIKE @Message" + i);
            parameters.Add("Message" + i, messages[i]);
        }

        return _connection.QueryAsync<long>("SELECT Id FROM ActivityLog WHERE " + string.Join(" OR ", clauses), parameters); // OK: placeholders joined with OR
    }

    public Task<IEnumerable<long>> FindByIdsAsync(IReadOnlyList<long> ids)
    {
        var sql = new StringBuilder();
        sql.Append("SELECT Id FROM Items WHERE Id IN (");
        for (var i = 0; i < ids.Count; i++)
        {
            if (i > 0)
            {
                sql.Append(',');
            }

            sql.Append('?');
        }

        sql.Append(')');
        return _connection.QueryAsync<long>(sql.ToString(), ids.Cast<object>().ToArray()); // OK: only constants and '?'
    }

    public Task<IEnumerable<long>> FindByTagsInTableAsync(TagSearch search)
    {
        var sql = new StringBuilder("SELECT Id FROM ");
        sql.Append(search.ExtraTable);
        var parameters = new DynamicParameters();
        for (var i = 0; i < search.Tags.Count; i++)
        {
            sql.Append(i == 0 ? " WHERE " : " OR ").Append("Tags LIKE @p").Append(i);
            parameters.Add("p" + i, search.Tags[i]);
        }

        return _connection.QueryAsync<long>({|PA1001:sql.ToString()|}, parameters);
    }

    public async Task PurgeRequestedAsync(IEnumerable<string> tables)
    {
        foreach (var table in tables)
        {
            await _connection.ExecuteAsync({|PA1001:$"DELETE FROM {table} WHERE ParentId IS NULL"|});
        }
    }
}
