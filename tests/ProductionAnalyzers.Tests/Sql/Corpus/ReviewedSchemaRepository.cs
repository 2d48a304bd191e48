using System.Data;
using Dapper;
using Microsoft.Data.SqlClient;

namespace EvalCorpus.Sql.SchemaRepo;

public interface ITableObject
{
    Guid Id { get; }
}

// A generic Dapper repository whose schema and table names come from optional constructor parameters, defaulting to
// "dbo" and the entity's type name. Every derived repository (ReviewedSchemaRepositories.cs) passes constants or
// nothing, so the names are the program's own.
public abstract class SchemaRepository<T> where T : class, ITableObject
{
    protected SchemaRepository(string connectionString, string? schema = null, string? table = null)
    {
        ConnectionString = connectionString;
        if (!string.IsNullOrWhiteSpace(schema))
        {
            Schema = schema;
        }

        if (!string.IsNullOrWhiteSpace(table))
        {
            Table = table;
        }
    }

    protected string ConnectionString { get; }

    protected string Schema { get; private set; } = "dbo";

    protected string Table { get; private set; } = typeof(T).Name;

    public virtual async Task<T?> GetByIdAsync(Guid id)
    {
        await using var connection = new SqlConnection(ConnectionString);
        var rows = await connection.QueryAsync<T>(
            $"[{Schema}].[{Table}_ReadById]", // OK: schema and table are constants of the derived repositories
            new { Id = id },
            commandType: CommandType.StoredProcedure);
        return rows.SingleOrDefault();
    }

    public virtual async Task DeleteAsync(T item)
    {
        await using var connection = new SqlConnection(ConnectionString);
        await connection.ExecuteAsync(
            $"[{Schema}].[{Table}_DeleteById]", // OK: as above
            new { item.Id },
            commandType: CommandType.StoredProcedure);
    }
}

// The same shape, but one derived repository takes its schema from the caller's tenant header.
public abstract class TenantScopedRepository
{
    protected TenantScopedRepository(string connectionString, string schema)
    {
        ConnectionString = connectionString;
        Schema = schema;
    }

    protected string ConnectionString { get; }

    protected string Schema { get; }

    public async Task<int> PurgeExpiredAsync(DateTime before)
    {
        await using var connection = new SqlConnection(ConnectionString);
        return await connection.ExecuteAsync({|PA1001:$"DELETE FROM [{Schema}].[Sessions] WHERE ExpiresAt < @before"|}, new { before });
    }
}
