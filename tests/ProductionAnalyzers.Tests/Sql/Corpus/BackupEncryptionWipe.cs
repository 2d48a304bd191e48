using System.Data.Common;

namespace EvalCorpus.Sql.Backup;

/// <summary>
/// A maintenance command that wipes encrypted columns: the tables and columns come from a set of objects written
/// in the code; one of the entries takes a column name from the command line.
/// </summary>
public static class EncryptionWipeCommand
{
    public static async Task<long> WipeServerDatabaseAsync(DbConnection con, bool dryRun)
    {
        var targets = new[]
        {
            new { Table = "Backup", Column = "TargetURL" },
            new { Table = "Source", Column = "Path" },
            new { Table = "ConnectionString", Column = "BaseUrl" },
        };

        long total = 0;
        foreach (var t in targets)
        {
            total += await WipeColumnAsync(con, t.Table, t.Column, dryRun); // OK: a constant set
        }

        return total;
    }

    public static async Task<long> WipeExtraColumnAsync(DbConnection con, string[] args)
    {
        var extra = new[]
        {
            new { Table = "Option", Column = "Value" },
            new { Table = "Option", Column = args.Length > 1 ? args[1] : "Name" },
        };

        long total = 0;
        foreach (var t in extra)
        {
            total += await WipeColumnAsync(con, t.Table, {|PA1001:t.Column|}, dryRun: false);
        }

        return total;
    }

    private static async Task<long> WipeColumnAsync(DbConnection con, string table, string column, bool dryRun)
    {
        await using var cmd = con.CreateCommand();
        cmd.CommandText = dryRun
            ? $@"SELECT COUNT(*) FROM ""{table}"" WHERE ""{column}"" LIKE 'enc-v1:%'"
            : $@"UPDATE ""{table}"" SET ""{column}"" = '' WHERE ""{column}"" LIKE 'enc-v1:%'";
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }
}

/// <summary>
/// The restore engine marks blocks through a private nested class whose factory shares its name with every database
/// type's factory (CreateAsync): its calls are the ones in this type.
/// </summary>
public sealed class BlockRestoreDatabase
{
    private readonly DbConnection _connection;
    private string? m_blockTable;

    private BlockRestoreDatabase(DbConnection connection) => _connection = connection;

    public static async Task<BlockRestoreDatabase> CreateAsync(DbConnection connection)
    {
        var db = new BlockRestoreDatabase(connection);
        db.m_blockTable = $"Blocks-{BackupIdentifiers.NewHexId()}";
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $@"CREATE TEMPORARY TABLE ""{db.m_blockTable}"" (""ID"" INTEGER, ""Restored"" INTEGER)"; // OK
        await cmd.ExecuteNonQueryAsync();
        return db;
    }

    public async Task<int> MarkAsync(long blockId)
    {
        var marker = await BlockMarker.CreateAsync(_connection, m_blockTable!);
        return await marker.MarkAsync(blockId);
    }

    private sealed class BlockMarker
    {
        private readonly DbCommand _update;

        private BlockMarker(DbCommand update) => _update = update;

        public static Task<BlockMarker> CreateAsync(DbConnection connection, string blockTable)
        {
            var cmd = connection.CreateCommand();
            cmd.CommandText = $@"UPDATE ""{blockTable}"" SET ""Restored"" = 1 WHERE ""ID"" = @id"; // OK: judged by the call above
            return Task.FromResult(new BlockMarker(cmd));
        }

        public async Task<int> MarkAsync(long id)
        {
            _update.Parameters.Clear();
            var parameter = _update.CreateParameter();
            parameter.ParameterName = "@id";
            parameter.Value = id;
            _update.Parameters.Add(parameter);
            return await _update.ExecuteNonQueryAsync();
        }
    }
}
