using System.Collections.Generic;
using System.Data;
using System.Linq;
using System.Threading.Tasks;
using Dapper;

namespace Contoso.Shared.Data
{
    public static class SqlText
    {
        public static string TableOf<T>() => "dbo." + typeof(T).Name + "s";

        public static string Limit(int count) => " OFFSET 0 ROWS FETCH NEXT " + count + " ROWS ONLY";
    }

    /// <summary>Base of the small CRUD repositories.</summary>
    public abstract class RepositoryBase<T>
    {
        protected RepositoryBase(IDbConnection connection) => Connection = connection;

        protected IDbConnection Connection { get; }

        protected abstract string TableName { get; }

        protected virtual string KeyColumn => "Id";

        public Task<T?> GetAsync(int id) =>
            Connection.QuerySingleOrDefaultAsync<T>($"SELECT * FROM {TableName} WHERE {KeyColumn} = @id", new { id });

        public async Task<IReadOnlyList<T>> AllAsync(int max) =>
            (await Connection.QueryAsync<T>("SELECT * FROM " + TableName + SqlText.Limit(max))).ToList();

        public Task<int> DeleteAsync(int id) =>
            Connection.ExecuteAsync($"DELETE FROM {SqlText.TableOf<T>()} WHERE {KeyColumn} = @id", new { id });

        public async Task<IReadOnlyList<T>> WhereAsync(string column, object value) =>
            (await Connection.QueryAsync<T>({|PA1001:$"SELECT * FROM {TableName} WHERE {column} = @value"|}, new { value })).ToList();
    }

    public sealed class Warehouse
    {
        public int Id { get; set; }
        public string Code { get; set; } = "";
    }

    public sealed class WarehouseRepository : RepositoryBase<Warehouse>
    {
        public WarehouseRepository(IDbConnection connection)
            : base(connection)
        {
        }

        protected override string TableName => "inventory.Warehouses";

        protected override string KeyColumn => "WarehouseId";

        public Task<Warehouse?> ByCodeAsync(string code) =>
            Connection.QuerySingleOrDefaultAsync<Warehouse>($"SELECT * FROM {TableName} WHERE Code = @code", new { code });

        public Task<Warehouse?> ByCodeUnsafeAsync(string code) =>
            Connection.QuerySingleOrDefaultAsync<Warehouse>({|PA1001:$"SELECT * FROM {TableName} WHERE Code = '{code}'"|});
    }

    public sealed class Bin
    {
        public int Id { get; set; }
    }

    public sealed class BinRepository : RepositoryBase<Bin>
    {
        public BinRepository(IDbConnection connection)
            : base(connection)
        {
        }

        protected override string TableName { get; } = "inventory.Bins";
    }
}
