using System.Data.Common;

namespace EvalCorpus.Sql.Backup;

/// <summary>
/// The restore database keeps its scratch tables in protected fields; the base class names and drops them, the
/// derived classes create and fill them. Every name is "Fileset-" or "Blocks-" plus hex the program made
/// (BackupIdentifiers, another file).
/// </summary>
public abstract class RestoreDatabaseBase : IDisposable
{
    protected readonly DbConnection Connection;
    protected readonly string m_tempSetId = BackupIdentifiers.NewHexId();
    protected string? m_fileTable;
    protected string? m_blockTable;

    protected RestoreDatabaseBase(DbConnection connection) => Connection = connection;

    public virtual void Dispose()
    {
        try
        {
            if (m_fileTable != null)
            {
                using var cmd = Connection.CreateCommand();
                cmd.CommandText = $@"DROP TABLE IF EXISTS ""{m_fileTable}"""; // OK: a name the program made
                cmd.ExecuteNonQuery();
            }

            if (m_blockTable != null)
            {
                using var cmd = Connection.CreateCommand();
                cmd.CommandText = $@"DROP TABLE IF EXISTS ""{m_blockTable}""";
                cmd.ExecuteNonQuery();
            }
        }
        finally
        {
            m_fileTable = null;
            m_blockTable = null;
        }
    }
}

public sealed record RestoreListRequest(string? OrderBy, int Take);

public sealed class RestoreDatabase : RestoreDatabaseBase
{
    public RestoreDatabase(DbConnection connection)
        : base(connection)
    {
    }

    public void PrepareTables()
    {
        m_fileTable = $"Fileset-{m_tempSetId}";
        m_blockTable = "Blocks-" + BackupIdentifiers.NewHexId();
        using var cmd = Connection.CreateCommand();
        cmd.CommandText = $@"CREATE TEMPORARY TABLE ""{m_fileTable}"" (""ID"" INTEGER PRIMARY KEY, ""Path"" TEXT NOT NULL)"; // OK
        cmd.ExecuteNonQuery();
        cmd.CommandText = $@"CREATE TEMPORARY TABLE ""{m_blockTable}"" (""FileID"" INTEGER NOT NULL, ""Hash"" TEXT NOT NULL, ""Size"" INTEGER NOT NULL, ""State"" INTEGER NOT NULL)";
        cmd.ExecuteNonQuery();
    }

    public long CountBlocks(long blockSize, BlockState state)
    {
        // OK: a number and an enum, formatted by a generic helper in another file.
        var where = $@"""Size"" = {SqlValueFormat.Invariant(blockSize)} AND ""State"" = {SqlValueFormat.Invariant(state)}";
        using var cmd = Connection.CreateCommand();
        cmd.CommandText = $@"SELECT COUNT(*) FROM ""{m_blockTable}"" WHERE {where}";
        return (long)cmd.ExecuteScalar()!;
    }

    public long CountByHash(string hash)
    {
        // The same helper turns text into text: a caller's hash lands in the statement as it came.
        var where = $@"""Hash"" = '{SqlValueFormat.Invariant(hash)}'";
        using var cmd = Connection.CreateCommand();
        cmd.CommandText = {|PA1001:$@"SELECT COUNT(*) FROM ""{m_blockTable}"" WHERE {where}"|};
        return (long)cmd.ExecuteScalar()!;
    }

    public List<string> ListFiles(RestoreListRequest request)
    {
        var files = new List<string>();
        using var cmd = Connection.CreateCommand();
        // The table is the program's; the ORDER BY is the request's.
        cmd.CommandText = {|PA1001:$@"SELECT ""Path"" FROM ""{m_fileTable}"" ORDER BY {request.OrderBy} LIMIT {request.Take}"|};
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            files.Add(reader.GetString(0));
        }

        return files;
    }
}
