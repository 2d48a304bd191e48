using System.Data.Common;
using Dapper;

namespace EvalCorpus.Sql.Channels;

/// <summary>
/// What differs between the two databases the channel server runs on. The host picks one at startup and sets the
/// static members; no binder or serializer ever writes them.
/// </summary>
public static class ChannelDatabaseDialect
{
    public static string NewRowIdFunction { get; set; } = "last_insert_rowid()";

    public static string CaseInsensitiveCollation = "COLLATE NOCASE";

    /// <summary>The table prefix an operator may choose in the settings file (a shared database).</summary>
    public static string TablePrefix { get; set; } = string.Empty;
}

public static class ChannelDatabaseStartup
{
    public static void Configure(IConfiguration configuration)
    {
        var provider = configuration["Database:Provider"];
        if (string.Equals(provider, "mysql", StringComparison.OrdinalIgnoreCase))
        {
            ChannelDatabaseDialect.NewRowIdFunction = "last_insert_id()";
            ChannelDatabaseDialect.CaseInsensitiveCollation = "COLLATE utf8mb4_general_ci";
        }
        else
        {
            ChannelDatabaseDialect.NewRowIdFunction = "last_insert_rowid()";
        }

        ChannelDatabaseDialect.TablePrefix = configuration["Database:TablePrefix"] ?? string.Empty;
    }
}

public sealed record ChannelArtwork(int Id, string Path, string Kind);

public sealed class ChannelArtworkStore
{
    private readonly DbConnection _connection;

    public ChannelArtworkStore(DbConnection connection) => _connection = connection;

    // The dialect's function: every value it is ever given is a constant.
    public Task<int> AddAsync(string path, string kind) =>
        _connection.QuerySingleAsync<int>(
            $"""
             INSERT INTO Posters (Path, Kind) VALUES (@Path, @Kind);
             SELECT {ChannelDatabaseDialect.NewRowIdFunction}
             """,
            new { Path = path, Kind = kind });

    public Task<IEnumerable<ChannelArtwork>> FindByKindAsync(string kind) =>
        _connection.QueryAsync<ChannelArtwork>(
            $"SELECT Id, Path, Kind FROM Posters WHERE Kind = @Kind {ChannelDatabaseDialect.CaseInsensitiveCollation}",
            new { Kind = kind });

    // The prefix comes from the settings file: configuration is outside input to the SQL.
    public Task<int> PurgeAsync(string kind) =>
        _connection.ExecuteAsync({|PA1001:$"DELETE FROM {ChannelDatabaseDialect.TablePrefix}Posters WHERE Kind = @Kind"|}, new { Kind = kind });
}
