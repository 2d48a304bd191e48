using System.Data;
using System.Data.Common;
using Dapper;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EvalCorpus.Sql.MultiTenant;

public sealed record Tenant(int Id, string Slug, string Schema, string Database);

public interface ITenantAccessor { Tenant Current { get; } }

public sealed class TenantDbContext : DbContext
{
    public TenantDbContext(DbContextOptions<TenantDbContext> options) : base(options) { }
}

public sealed class TenantConnectionFactory
{
    private readonly NpgsqlDataSource _ds;
    private readonly ITenantAccessor _tenants;

    public TenantConnectionFactory(NpgsqlDataSource ds, ITenantAccessor tenants)
    {
        _ds = ds;
        _tenants = tenants;
    }

    public async Task<NpgsqlConnection> OpenAsync(CancellationToken ct)
    {
        var conn = await _ds.OpenConnectionAsync(ct);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = {|PA1001:$"SET search_path TO {_tenants.Current.Schema}, public"|};
        await cmd.ExecuteNonQueryAsync(ct);
        return conn;
    }

    public async Task<NpgsqlConnection> OpenQuotedAsync(CancellationToken ct)
    {
        var conn = await _ds.OpenConnectionAsync(ct);
        var schema = new NpgsqlCommandBuilder().QuoteIdentifier(_tenants.Current.Schema);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"SET search_path TO {schema}, public"; // OK: quoted
        await cmd.ExecuteNonQueryAsync(ct);
        return conn;
    }

    public async Task<NpgsqlConnection> OpenParamAsync(CancellationToken ct)
    {
        var conn = await _ds.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand("SELECT set_config('app.tenant_id', @tenant, false)", conn);
        cmd.Parameters.AddWithValue("tenant", _tenants.Current.Id.ToString());
        await cmd.ExecuteNonQueryAsync(ct); // OK
        return conn;
    }
}

public sealed class TenantProvisioning
{
    private readonly TenantDbContext _db;
    private readonly NpgsqlDataSource _ds;

    public TenantProvisioning(TenantDbContext db, NpgsqlDataSource ds)
    {
        _db = db;
        _ds = ds;
    }

    public Task<int> CreateSchemaAsync(Tenant tenant)
        => _db.Database.ExecuteSqlRawAsync({|PA1001:"CREATE SCHEMA IF NOT EXISTS " + tenant.Schema|});

    public Task<int> CreateSchemaQuotedAsync(Tenant tenant)
    {
        var quoted = new NpgsqlCommandBuilder().QuoteIdentifier(tenant.Schema);
        return _db.Database.ExecuteSqlRawAsync("CREATE SCHEMA IF NOT EXISTS " + quoted); // OK
    }

    public Task<int> GrantAsync(Tenant tenant, CancellationToken ct)
        => _db.Database.ExecuteSqlRawAsync({|PA1001:$"GRANT USAGE ON SCHEMA {tenant.Schema} TO app_user"|}, ct);

    public Task<int> SeedAsync(Tenant tenant)
        => _db.Database.ExecuteSqlInterpolatedAsync($"INSERT INTO public.tenants (id, slug) VALUES ({tenant.Id}, {tenant.Slug})"); // OK

    public Task<int> SeedRawAsync(Tenant tenant)
        => _db.Database.ExecuteSqlRawAsync("INSERT INTO public.tenants (id, slug) VALUES ({0}, {1})", tenant.Id, tenant.Slug); // OK

    public Task<int> RenameAsync(Tenant tenant, string newSlug)
        => _db.Database.ExecuteSqlRawAsync({|PA1001:string.Format("UPDATE public.tenants SET slug = '{0}' WHERE id = {1}", newSlug, tenant.Id)|});

    public Task<List<int>> ActiveIdsAsync(int minUsers)
        => _db.Database.SqlQueryRaw<int>($"SELECT id AS \"Value\" FROM public.tenants WHERE users >= {minUsers}").ToListAsync(); // OK: int

    public Task<List<int>> IdsBySlugAsync(string slugPrefix)
        => _db.Database.SqlQueryRaw<int>({|PA1001:"SELECT id AS \"Value\" FROM public.tenants WHERE slug LIKE '" + slugPrefix + "%'"|}).ToListAsync();

    public async Task DropDatabaseAsync(Tenant tenant)
    {
        await using var conn = await _ds.OpenConnectionAsync();
        await conn.ExecuteAsync({|PA1001:$"DROP DATABASE IF EXISTS \"{tenant.Database}\""|});
    }

    public async Task<long> UsageAsync(Tenant tenant)
    {
        await using var conn = await _ds.OpenConnectionAsync();
        return await conn.ExecuteScalarAsync<long>($"SELECT pg_database_size(@db)", new { db = tenant.Database }); // OK: constant interpolation
    }

    public async Task<IEnumerable<string>> TablesAsync(Tenant tenant)
    {
        await using var conn = await _ds.OpenConnectionAsync();
        return await conn.QueryAsync<string>("SELECT table_name FROM information_schema.tables WHERE table_schema = @schema", new { schema = tenant.Schema }); // OK
    }

    public async Task<long> RowCountAsync(Tenant tenant, string table)
    {
        var b = new NpgsqlCommandBuilder();
        await using var conn = await _ds.OpenConnectionAsync();
        return await conn.ExecuteScalarAsync<long>($"SELECT count(*) FROM {b.QuoteIdentifier(tenant.Schema)}.{b.QuoteIdentifier(table)}"); // OK: both quoted
    }

    public async Task<long> RowCountHalfQuotedAsync(Tenant tenant, string table)
    {
        var b = new NpgsqlCommandBuilder();
        await using var conn = await _ds.OpenConnectionAsync();
        return await conn.ExecuteScalarAsync<long>({|PA1001:$"SELECT count(*) FROM {b.QuoteIdentifier(tenant.Schema)}.{table}"|});
    }
}
