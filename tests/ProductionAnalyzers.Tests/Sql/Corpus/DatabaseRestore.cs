using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Contoso.Media.Backup
{
    public interface IDatabaseProvider
    {
        Task PurgeDatabase(DbContext dbContext, IEnumerable<string>? tableNames);
    }

    /// <summary>Empties the tables a restore is about to fill: names come from its callers.</summary>
    public sealed class SqliteDatabaseProvider : IDatabaseProvider
    {
        public async Task PurgeDatabase(DbContext dbContext, IEnumerable<string>? tableNames)
        {
            ArgumentNullException.ThrowIfNull(tableNames);

            var deleteQueries = new List<string>();
            foreach (var tableName in tableNames)
            {
                deleteQueries.Add($"DELETE FROM \"{tableName}\";");
            }

            var deleteAllQuery = "PRAGMA foreign_keys = OFF;\n" + string.Join('\n', deleteQueries) + "\nPRAGMA foreign_keys = ON;";
            await dbContext.Database.ExecuteSqlRawAsync(deleteAllQuery); // OK: every caller passes names from the EF Core model or constants
        }
    }

    public sealed class PurgeRequest
    {
        public List<string> Tables { get; set; } = new();
    }

    /// <summary>A restore: the migrations history is rewritten with EF Core's own scripts, then every mapped table is purged.</summary>
    public sealed class BackupService
    {
        private readonly IDatabaseProvider _provider;

        public BackupService(IDatabaseProvider provider) => _provider = provider;

        public async Task RestoreAsync(DbContext dbContext, IReadOnlyList<HistoryRow> historyEntries, CancellationToken cancellationToken)
        {
            var history = dbContext.GetService<IHistoryRepository>();
            foreach (var item in historyEntries)
            {
                await dbContext.Database.ExecuteSqlRawAsync(history.GetDeleteScript(item.MigrationId) + "\n" + history.GetInsertScript(item), cancellationToken); // OK: EF Core generates it
            }

            var inserted = string.Concat(historyEntries.Select(r => history.GetInsertScript(r)).ToArray());
            await dbContext.Database.ExecuteSqlRawAsync(inserted, cancellationToken); // OK: EF Core generates it

            var tableNames = dbContext.Model.GetEntityTypes().Select(e => e.GetTableName()!);
            await _provider.PurgeDatabase(dbContext, tableNames);
            await _provider.PurgeDatabase(dbContext, new[] { "ActivityLogs", "Devices" });
        }

        /// <summary>An administrator's purge: the table list comes from the request.</summary>
        public Task PurgeAsync(DbContext dbContext, PurgeRequest request) =>
            _provider.PurgeDatabase(dbContext, {|PA1001:request.Tables|});
    }
}
