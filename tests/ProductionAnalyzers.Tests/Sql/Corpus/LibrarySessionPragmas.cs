using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EvalCorpus.Sql.MediaLibrary;

/// <summary>
/// Runs a PRAGMA script on every connection EF Core opens. The script is composed once, in the constructor, from the
/// settings the host read (LibraryDatabaseSetup), with the culture-explicit appends CA1305 asks for.
/// </summary>
public sealed class SessionPragmaInterceptor : DbConnectionInterceptor
{
    private readonly int? _pageCache;
    private readonly string _lockMode;
    private readonly int _syncLevel;
    private readonly IReadOnlyDictionary<string, string> _extraPragmas;

    public SessionPragmaInterceptor(int? pageCache, string lockMode, int syncLevel, IReadOnlyDictionary<string, string> extraPragmas)
    {
        _pageCache = pageCache;
        _lockMode = lockMode;
        _syncLevel = syncLevel;
        _extraPragmas = extraPragmas;
        OpeningScript = ComposeScript();
    }

    private string? OpeningScript { get; set; }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        base.ConnectionOpened(connection, eventData);
        using var command = connection.CreateCommand();
        command.CommandText = {|PA1001:OpeningScript|};
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await base.ConnectionOpenedAsync(connection, eventData, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = {|PA1001:OpeningScript|};
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private string ComposeScript()
    {
        var script = new StringBuilder();
        if (_pageCache is { } pages)
        {
            script.AppendLine(CultureInfo.InvariantCulture, $"PRAGMA cache_size={pages};");
        }

        if (!string.IsNullOrEmpty(_lockMode))
        {
            script.AppendLine(CultureInfo.InvariantCulture, $"PRAGMA locking_mode={_lockMode};");
        }

        script.Append(CultureInfo.InvariantCulture, $"PRAGMA synchronous={_syncLevel};").AppendLine();
        foreach (var pragma in _extraPragmas)
        {
            script.AppendLine(CultureInfo.InvariantCulture, $"PRAGMA {pragma.Key}={pragma.Value};");
        }

        return script.ToString();
    }
}

/// <summary>The same interceptor shape with numbers only: nothing a setting can spell reaches the script.</summary>
public sealed class CheckpointInterceptor : DbConnectionInterceptor
{
    private readonly string _script;

    public CheckpointInterceptor(int busyTimeoutMs, long journalLimit)
    {
        var script = new StringBuilder();
        script.AppendLine(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout={busyTimeoutMs};");
        script.Append(CultureInfo.InvariantCulture, $"PRAGMA journal_size_limit={journalLimit};");
        script.AppendLine(string.Create(CultureInfo.InvariantCulture, $"PRAGMA wal_autocheckpoint={busyTimeoutMs / 10};"));
        _script = script.ToString();
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _script; // OK: numbers formatted by the program
        command.ExecuteNonQuery();
    }
}
