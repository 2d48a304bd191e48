using System.Data.Common;
using Dapper;

namespace EvalCorpus.Sql.RecipeBox;

/// <summary>
/// The recipe box's SQLite schema upgrades. SQLite cannot drop a column or change a constraint in place, so a table is
/// rebuilt: renamed, created anew, its kept columns copied over (the list comes from <c>PRAGMA table_info</c>), the old
/// one dropped, its indexes dropped first by the names cut from their create commands.
/// </summary>
public sealed class RecipeBoxSchemaMigrator
{
    private readonly DbConnection _db;

    public RecipeBoxSchemaMigrator(DbConnection db) => _db = db;

    public void UpgradeTo7()
    {
        Rebuild("Recipe",
            "CREATE TABLE Recipe (RecipeId INTEGER PRIMARY KEY AUTOINCREMENT, Title TEXT NOT NULL, Servings INTEGER NOT NULL DEFAULT 2);",
            dropped: ["PhotoBlob", "LegacyRating"],
            indexCommands: ["CREATE UNIQUE INDEX UIX_Recipe_Title ON Recipe(Title);"]);
        Rebuild("Ingredient",
            "CREATE TABLE Ingredient (IngredientId INTEGER PRIMARY KEY AUTOINCREMENT, RecipeId INTEGER NOT NULL, Name TEXT NOT NULL);",
            dropped: ["UnitText"]);
    }

    /// <summary>Empties every table of the database (the "start over" button of the desktop app).</summary>
    public void ResetAll()
    {
        var tables = _db.Query<string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
        foreach (var table in tables)
        {
            _db.Execute($"DELETE FROM \"{table}\";");
        }
    }

    private void Rebuild(string table, string createCommand, IReadOnlyList<string> dropped, IReadOnlyList<string>? indexCommands = null)
    {
        indexCommands ??= [];
        var kept = string.Join(", ", TableColumns(table).Except(dropped));

        foreach (var indexCommand in indexCommands)
        {
            var nameStart = indexCommand.IndexOf("INDEX ", StringComparison.OrdinalIgnoreCase) + "INDEX ".Length;
            var name = indexCommand[nameStart..];
            name = name[..name.IndexOf(' ')];
            Execute("DROP INDEX IF EXISTS " + name + ";");
        }

        var steps = new List<string>
        {
            $"ALTER TABLE {table} RENAME TO {table}_old;",
            createCommand,
            $"INSERT INTO {table} ({kept}) SELECT {kept} FROM {table}_old;",
            $"DROP TABLE {table}_old;",
        };
        steps.InsertRange(2, indexCommands);
        foreach (var step in steps)
        {
            Execute(step);
        }
    }

    private List<string> TableColumns(string table)
    {
        using var command = _db.CreateCommand();
        command.CommandText = $"PRAGMA table_info({table});";
        var columns = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            columns.Add(reader.GetString(1));
        }

        return columns;
    }

    private void Execute(string sql)
    {
        using var command = _db.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

/// <summary>The recipe list, sorted the way the user last chose (kept in the settings table).</summary>
public sealed class RecipeListQueries
{
    private readonly DbConnection _db;

    public RecipeListQueries(DbConnection db) => _db = db;

    public IEnumerable<string> Titles()
    {
        string sort;
        using (var command = _db.CreateCommand())
        {
            command.CommandText = "SELECT Value FROM Setting WHERE Key = 'RecipeSort'";
            using var reader = command.ExecuteReader();
            sort = reader.Read() ? reader.GetString(0) : "Title";
        }

        // The setting is written by the settings page from whatever the client sends: an application table, not the
        // schema catalogue.
        return _db.Query<string>({|PA1001:$"SELECT Title FROM Recipe ORDER BY {sort}"|});
    }
}
