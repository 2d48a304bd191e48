using System.Data.Common;
using System.Globalization;
using Dapper;

namespace EvalCorpus.Sql.MediaLibrary;

/// <summary>Reads the database section of the host's settings and wires the interceptors.</summary>
public sealed class LibraryDatabaseSetup
{
    private readonly IConfiguration _configuration;

    public LibraryDatabaseSetup(IConfiguration configuration) => _configuration = configuration;

    public IReadOnlyList<DbConnectionInterceptorHolder> Interceptors()
    {
        var section = _configuration.GetSection("Database:Sqlite");
        var extra = section.GetSection("Pragmas").GetChildren()
            .Where(c => c.Value is not null)
            .ToDictionary(c => c.Key, c => c.Value!);
        return new[]
        {
            new DbConnectionInterceptorHolder(new SessionPragmaInterceptor(
                section.GetValue<int?>("CacheSize"),
                section["LockingMode"] ?? "NORMAL",
                section.GetValue("Synchronous", 1),
                extra)),
            new DbConnectionInterceptorHolder(new CheckpointInterceptor(section.GetValue("BusyTimeout", 5000), 64L * 1024 * 1024)),
        };
    }

    /// <summary>An export with a culture-explicit string.Create: the sort column comes from the caller's request.</summary>
    public static Task<IEnumerable<string>> ExportTitlesAsync(DbConnection connection, LibraryPageRequest page)
    {
        var sql = string.Create(CultureInfo.InvariantCulture, $"SELECT Title FROM Items ORDER BY {page.SortBy} LIMIT {page.Limit}");
        return connection.QueryAsync<string>({|PA1001:sql|});
    }
}

public sealed record DbConnectionInterceptorHolder(object Interceptor);
