using System;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using NUnit.Framework;

namespace EvalCorpus.Sql.Backups.Tests;

/// <summary>
/// A test fixture of the backup tool: it builds its scratch tables from a run id it reads from the environment, and calls
/// the product's helpers with them. Test code: no attacker sends it SQL text.
/// </summary>
[TestFixture]
public sealed class PurgeDatabaseTests
{
    private readonly string _runTable = "it_" + Environment.GetEnvironmentVariable("TEST_RUN_ID");

    [Test]
    public async Task BrokenFilesAreCopiedIntoTheScratchTable()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "CREATE TABLE \"" + _runTable + "\" (\"FileID\" INTEGER)";
        await cmd.ExecuteNonQueryAsync();

        var inserted = await new BrokenFilesDatabase().InsertBrokenFileIdsAsync(cmd, 1, _runTable);
        Assert.That(inserted, Is.EqualTo(0));
    }
}
