using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using Dapper;

namespace Contoso.Archive.Data
{
    /// <summary>Called through its interface from the archive job and from the admin controller.</summary>
    public interface IArchiveStore
    {
        Task<int> PurgeAsync(string table, DateTime before, CancellationToken cancellationToken);

        Task<long> CountAsync(string table, string dateColumn);

        Task<IEnumerable<long>> ListIdsAsync(string table, string orderBy);
    }

    public sealed class SqlArchiveStore : IArchiveStore
    {
        private readonly DbConnection _connection;

        public SqlArchiveStore(DbConnection connection) => _connection = connection;

        // Every call passes a constant table name: nothing to report here.
        public Task<int> PurgeAsync(string table, DateTime before, CancellationToken cancellationToken) =>
            _connection.ExecuteAsync(new CommandDefinition($"DELETE FROM \"{table}\" WHERE ArchivedAt < @before", new { before }, cancellationToken: cancellationToken)); // OK: every caller passes a constant table

        // An explicit implementation, called only through the interface with constants.
        async Task<long> IArchiveStore.CountAsync(string table, string dateColumn) =>
            await _connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM \"{table}\" WHERE {dateColumn} IS NOT NULL"); // OK: constants at every call

        // One caller passes the request's sort column: reported at that call, not here.
        public Task<IEnumerable<long>> ListIdsAsync(string table, string orderBy) =>
            _connection.QueryAsync<long>($"SELECT Id FROM \"{table}\" ORDER BY {orderBy}"); // OK here: judged at the calls
    }
}

namespace Contoso.Archive.Jobs
{
    using Contoso.Archive.Data;

    public sealed class NightlyArchiveJob
    {
        private static readonly string[] Tables = { "Sessions", "AuditEntries", "Notifications" };
        private readonly IArchiveStore _store;

        public NightlyArchiveJob(IArchiveStore store) => _store = store;

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            foreach (var table in Tables)
            {
                var count = await _store.CountAsync(table, "ArchivedAt");
                if (count > 0)
                {
                    await _store.PurgeAsync(table, DateTime.UtcNow.AddDays(-90), cancellationToken);
                }
            }

            _ = await _store.ListIdsAsync("Sessions", "ArchivedAt");
        }
    }
}

namespace Contoso.Archive.Api
{
    using Contoso.Archive.Data;
    using Microsoft.AspNetCore.Authorization;
    using Microsoft.AspNetCore.Mvc;

    [ApiController]
    [Authorize(Roles = "Admin")]
    [Route("api/archive")]
    public sealed class ArchiveAdminController : ControllerBase
    {
        private readonly IArchiveStore _store;

        public ArchiveAdminController(IArchiveStore store) => _store = store;

        [HttpGet("sessions")]
        public Task<IEnumerable<long>> Sessions([FromQuery] string sort = "ArchivedAt") =>
            _store.ListIdsAsync("Sessions", {|PA1001:sort|});

        [HttpDelete("notifications")]
        public Task<int> PurgeNotifications(CancellationToken cancellationToken) =>
            _store.PurgeAsync(nameof(Notifications), DateTime.UtcNow.AddDays(-30), cancellationToken);

        private sealed class Notifications
        {
        }
    }
}
