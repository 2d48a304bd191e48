using System.Data.Common;
using System.Reflection;
using Dapper;

namespace EvalCorpus.Sql.MediaLibrary;

/// <summary>Runs a PRAGMA script built once from settings every time a connection opens.</summary>
public sealed class LibraryConnectionTuning
{
    private readonly string _pragmaScript;
    private readonly string _defaultScript;

    public LibraryConnectionTuning(IConfiguration configuration)
    {
        var journal = configuration["Database:JournalMode"] ?? "WAL";
        var cache = configuration.GetValue<int>("Database:CacheSize");
        _pragmaScript = $"PRAGMA journal_mode={journal}; PRAGMA cache_size={cache};";
        _defaultScript = "PRAGMA foreign_keys=ON; PRAGMA busy_timeout=" + cache + ";";
    }

    public async Task OnOpenedAsync(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = {|PA1001:_pragmaScript|};
        await command.ExecuteNonQueryAsync();
        await connection.ExecuteAsync(_defaultScript); // OK: a constant and an int
    }
}

/// <summary>Schema scripts shipped as embedded resources of this assembly.</summary>
public sealed class LibrarySchemaScripts
{
    private readonly DbConnection _connection;

    public LibrarySchemaScripts(DbConnection connection) => _connection = connection;

    public async Task ApplyAsync(string name)
    {
        var assembly = typeof(LibrarySchemaScripts).Assembly;
        await using var stream = assembly.GetManifestResourceStream("MediaLibrary.Scripts." + name + ".sql")!;
        using var reader = new StreamReader(stream);
        var script = await reader.ReadToEndAsync();
        await _connection.ExecuteAsync("BEGIN;\n" + script + "\nCOMMIT;"); // OK: a script of the assembly
    }
}
