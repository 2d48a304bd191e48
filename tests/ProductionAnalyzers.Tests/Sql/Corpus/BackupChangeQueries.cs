using System.Data.Common;
using System.Text;

namespace EvalCorpus.Sql.Backup;

/// <summary>
/// Compares two versions of a backup: the three change queries come from one helper as a tuple, the version filter
/// from an async helper that returns the WHERE clause with its parameter values. Table names are the program's own.
/// </summary>
public sealed class ChangeListDatabase
{
    private readonly DbConnection _connection;
    private readonly string m_currentTable = "Current-" + BackupIdentifiers.NewHexId();
    private readonly string m_previousTable = "Previous-" + BackupIdentifiers.NewHexId();

    public ChangeListDatabase(DbConnection connection) => _connection = connection;

    private (string Added, string Deleted, string Modified) GetSqls(bool allTypes)
    {
        return (
            $@"SELECT ""Path"" FROM ""{m_currentTable}"" WHERE {(allTypes ? "" : @"""Type"" = @Type AND ")}""Path"" NOT IN (SELECT ""Path"" FROM ""{m_previousTable}"")",
            $@"SELECT ""Path"" FROM ""{m_previousTable}"" WHERE {(allTypes ? "" : @"""Type"" = @Type AND ")}""Path"" NOT IN (SELECT ""Path"" FROM ""{m_currentTable}"")",
            $@"SELECT ""{m_currentTable}"".""Path"" FROM ""{m_currentTable}"", ""{m_previousTable}"" WHERE ""{m_currentTable}"".""Path"" = ""{m_previousTable}"".""Path"" AND ""{m_currentTable}"".""FileHash"" != ""{m_previousTable}"".""FileHash""");
    }

    public async Task<(long Added, long Deleted)> SizesAsync()
    {
        var (added, deleted, _) = GetSqls(true);
        await using var cmd = _connection.CreateCommand();
        cmd.CommandText = $@"SELECT SUM(""Size"") FROM ""{m_currentTable}"" WHERE ""Path"" IN ({added})"; // OK: program-made text
        var addedSize = (long)(await cmd.ExecuteScalarAsync())!;
        cmd.CommandText = $@"SELECT SUM(""Size"") FROM ""{m_previousTable}"" WHERE ""Path"" IN ({deleted})";
        return (addedSize, (long)(await cmd.ExecuteScalarAsync())!);
    }

    public async Task<(string Query, Dictionary<string, object?> Values)> GetFilelistWhereClauseAsync(DateTime time, long[]? versions)
    {
        await Task.Yield();
        var query = new StringBuilder();
        var args = new Dictionary<string, object?>();
        if (time.Ticks > 0)
        {
            query.Append(@" ""Timestamp"" <= @Timestamp");
            args.Add("@Timestamp", time.Ticks);
        }

        if (versions is { Length: > 0 })
        {
            var list = new StringBuilder();
            foreach (var v in versions)
            {
                var argName = $"@Fileset{SqlValueFormat.Invariant(v)}";
                args.Add(argName, v);
                list.Append(argName);
                list.Append(',');
            }

            if (query.Length > 0)
            {
                query.Append(" OR ");
            }

            query.Append(@" ""ID"" IN (" + list.ToString(0, list.Length - 1) + ")");
        }

        return (query.Length == 0 ? "" : " WHERE " + query, args);
    }

    public async Task<List<long>> FilesetIdsAsync(DateTime time, long[]? versions)
    {
        var (where, values) = await GetFilelistWhereClauseAsync(time, versions).ConfigureAwait(false);
        await using var cmd = _connection.CreateCommand();
        cmd.CommandText = $@"SELECT ""ID"" FROM ""Fileset"" {where} ORDER BY ""Timestamp"" DESC"; // OK: placeholders only
        foreach (var pair in values)
        {
            var parameter = cmd.CreateParameter();
            parameter.ParameterName = pair.Key;
            parameter.Value = pair.Value;
            cmd.Parameters.Add(parameter);
        }

        var ids = new List<long>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    public async Task<long> CountBrokenAsync(DateTime time, long[]? versions, string? pathFilter)
    {
        var clause = await GetFilelistWhereClauseAsync(time, versions);
        var query = @"SELECT COUNT(*) FROM ""File""";
        if (!string.IsNullOrWhiteSpace(clause.Query))
        {
            query += $@" WHERE ""FilesetID"" IN (SELECT ""ID"" FROM ""Fileset"" {clause.Query})";
        }

        if (pathFilter is not null)
        {
            // The filter typed on the command line goes into the text as it came.
            query += $@" AND ""Path"" LIKE '{pathFilter}'";
        }

        await using var cmd = _connection.CreateCommand();
        cmd.CommandText = {|PA1001:query|};
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}
