using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Linq;
using Dapper;

namespace Contoso.Media.Housekeeping
{
    /// <summary>Tag queries shared by the nightly housekeeping and the admin screen.</summary>
    public static class TagQueries
    {
        // Called for each table of constant lists (through SelectMany, Where and List.ForEach) and, once, with a table
        // named by an administrator's request: reported at that call only.
        public static IEnumerable<int> UsedTags(DbConnection connection, string table) =>
            connection.Query<string>($"SELECT DISTINCT \"Tags\" FROM \"{table}\" WHERE length(\"Tags\") > 2")
                .SelectMany(tags => tags.Trim('[', ']').Split(',', StringSplitOptions.RemoveEmptyEntries))
                .Select(int.Parse);

        public static bool HasRows(DbConnection connection, string table) =>
            connection.ExecuteScalar<int>($"SELECT COUNT(*) FROM \"{table}\"") > 0; // OK: every caller passes an element of a constant list

        public static void ClearTags(DbConnection connection, string table) =>
            connection.Execute($"UPDATE \"{table}\" SET \"Tags\" = '[]'"); // OK: every caller passes an element of a constant list
    }

    public sealed class CleanupUnusedTags
    {
        private static readonly string[] TaggedTables = { "Series", "Notifications", "DelayProfiles", "ReleaseProfiles", "ImportLists" };

        private readonly DbConnection _connection;

        public CleanupUnusedTags(DbConnection connection) => _connection = connection;

        public void Clean()
        {
            var used = TaggedTables
                .Where(table => TagQueries.HasRows(_connection, table))
                .SelectMany(table => TagQueries.UsedTags(_connection, table))
                .Concat(new[] { "AutoTagging", "DownloadClients" }.SelectMany(v => TagQueries.UsedTags(_connection, v)))
                .Distinct()
                .ToList();

            _connection.Execute("DELETE FROM \"Tags\" WHERE NOT \"Id\" IN @used", new { used }); // OK: constant text, list parameter
        }

        public void Reset() =>
            new List<string> { "Indexers", "ImportLists" }.ForEach(table => TagQueries.ClearTags(_connection, table));
    }

    public sealed class TagUsageRequest
    {
        public string Table { get; set; } = "";
    }

    public sealed class TagAdminController
    {
        private readonly DbConnection _connection;

        public TagAdminController(DbConnection connection) => _connection = connection;

        public IReadOnlyList<int> Usage(TagUsageRequest request) =>
            TagQueries.UsedTags(_connection, {|PA1001:request.Table|}).ToList();
    }
}
