using System;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;

namespace EvalCorpus.Sql.Backups;

/// <summary>A fileset being purged: the rows to drop are collected in a scratch table named by the program.</summary>
public interface IPurgeFileset
{
    Task<int> ApplyFilterAsync(Func<DbCommand, long, string, Task<int>> filter, CancellationToken token);
}

public sealed class PurgeDatabase
{
    private readonly DbConnection _connection;

    public PurgeDatabase(DbConnection connection) => _connection = connection;

    public IPurgeFileset Begin(long filesetId) => ScratchFileset.Create(_connection, filesetId);

    private sealed class ScratchFileset : IPurgeFileset
    {
        private DbConnection _connection = null!;
        private string _table = null!;
        private long _filesetId;

        public static ScratchFileset Create(DbConnection connection, long filesetId)
        {
            var fileset = new ScratchFileset { _connection = connection, _filesetId = filesetId };
            fileset._table = "purge-" + Guid.NewGuid().ToString("N");
            return fileset;
        }

        public async Task<int> ApplyFilterAsync(Func<DbCommand, long, string, Task<int>> filter, CancellationToken token)
        {
            await using var create = _connection.CreateCommand();
            create.CommandText = $"CREATE TEMPORARY TABLE \"{_table}\" (\"FileID\" INTEGER PRIMARY KEY)";
            await create.ExecuteNonQueryAsync(token);

            await using var cmd = _connection.CreateCommand();
            var marked = await filter(cmd, _filesetId, _table);

            cmd.CommandText = $"DELETE FROM \"FilesetEntry\" WHERE \"FileID\" IN (SELECT \"FileID\" FROM \"{_table}\")";
            await cmd.ExecuteNonQueryAsync(token);
            return marked;
        }
    }
}

public sealed class PurgeFilesOperation
{
    public Task<int> RunAsync(PurgeDatabase db, long filesetId, Func<DbCommand, long, string, Task<int>> filter, CancellationToken token) =>
        RunCoreAsync(db, filesetId, filter, token);

    private static async Task<int> RunCoreAsync(PurgeDatabase db, long filesetId, Func<DbCommand, long, string, Task<int>>? filter, CancellationToken token)
    {
        if (filter is null)
        {
            return 0;
        }

        var fileset = db.Begin(filesetId);
        return await fileset.ApplyFilterAsync(filter, token);
    }
}

public sealed class BrokenFilesDatabase
{
    public async Task<int> InsertBrokenFileIdsAsync(DbCommand cmd, long filesetId, string tableName)
    {
        cmd.CommandText = $"INSERT INTO \"{tableName}\" (\"FileID\") SELECT \"ID\" FROM \"File\" WHERE \"FilesetID\" = {filesetId} AND \"Broken\" = 1";
        return await cmd.ExecuteNonQueryAsync();
    }
}

/// <summary>Purges the broken files of a fileset: the callback receives the purge's own scratch table.</summary>
public sealed class PurgeBrokenFilesOperation
{
    public Task<int> RunAsync(PurgeDatabase db, BrokenFilesDatabase broken, long filesetId, CancellationToken token) =>
        new PurgeFilesOperation().RunAsync(db, filesetId, async (cmd, id, tableName) =>
        {
            if (id != filesetId)
            {
                throw new InvalidOperationException($"Unexpected fileset {id}, expected {filesetId}");
            }

            return await broken.InsertBrokenFileIdsAsync(cmd, id, tableName);
        }, token);
}

public sealed record ExportRequest(string TargetTable, long FilesetId);

/// <summary>An export step runner that passes the caller's target table to each step: the request's text reaches SQL.</summary>
public sealed class ExportRunner
{
    private readonly DbConnection _connection;

    public ExportRunner(DbConnection connection) => _connection = connection;

    public async Task<int> RunAsync(ExportRequest request, Func<DbCommand, string, Task<int>> step)
    {
        await using var cmd = _connection.CreateCommand();
        return await step(cmd, {|PA1001:request.TargetTable|});
    }

    public Task<int> CopyAsync(ExportRequest request) =>
        RunAsync(request, async (cmd, target) =>
        {
            cmd.CommandText = $"INSERT INTO \"{target}\" SELECT * FROM \"FilesetEntry\" WHERE \"FilesetID\" = {request.FilesetId}";
            return await cmd.ExecuteNonQueryAsync();
        });
}
