using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Linq;
using Dapper;

namespace Contoso.Media.Datastore
{
    /// <summary>A home-grown ORM's registration map: one table name per entity type, registered at start-up.</summary>
    public class EntityTableMap
    {
        public EntityTableMap()
        {
            Tables = new Dictionary<Type, string>();
        }

        public Dictionary<Type, string> Tables { get; set; }

        public EntityTableMap Register<TEntity>(string tableName)
        {
            Tables.Add(typeof(TEntity), tableName);
            return this;
        }

        public string TableOf(Type entity) => Tables.TryGetValue(entity, out var table) ? table : Tables[entity];

        public bool IsKnownTable(string name) => Tables.Values.Contains(name, StringComparer.OrdinalIgnoreCase);
    }

    public sealed class MediaItem { }

    public sealed class Artwork { }

    public static class MediaMapping
    {
        public static readonly EntityTableMap Map = new EntityTableMap();

        public static void RegisterAll()
        {
            Map.Register<MediaItem>("MediaItems");
            Map.Register<Artwork>("Artwork");
        }
    }

    /// <summary>Every statement names the table the map holds for its entity: names registered as constants.</summary>
    public class MediaRepository<TModel>
    {
        private readonly DbConnection _connection;
        private readonly string _table;

        public MediaRepository(DbConnection connection)
        {
            _connection = connection;
            _table = MediaMapping.Map.TableOf(typeof(TModel));
        }

        public int Count() => _connection.ExecuteScalar<int>($"SELECT COUNT(*) FROM \"{_table}\""); // OK: registered constant table names

        public void Purge() => _connection.Execute($"DELETE FROM \"{_table}\""); // OK: registered constant table names

        public IEnumerable<TModel> Page(int offset, string sortColumn) =>
            _connection.Query<TModel>({|PA1001:$"SELECT * FROM \"{_table}\" ORDER BY \"{sortColumn}\" LIMIT 50 OFFSET {offset}"|});
    }

    public sealed class MediaItemRepository : MediaRepository<MediaItem>
    {
        public MediaItemRepository(DbConnection connection) : base(connection) { }
    }
}
