using Microsoft.EntityFrameworkCore;

namespace EvalCorpus.Sql.EfCatalog;

public class Product
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string Category { get; set; } = "";
    public decimal Price { get; set; }
    public int TenantId { get; set; }
}

public class CatalogContext : DbContext
{
    public CatalogContext(DbContextOptions<CatalogContext> options) : base(options) { }
    public DbSet<Product> Products => Set<Product>();
}

public enum ProductState { Active, Retired }

public sealed class CatalogService
{
    private readonly CatalogContext _db;
    private const string ProductTable = "\"Products\"";

    public CatalogService(CatalogContext db) => _db = db;

    public Task<List<Product>> ByCategoryAsync(string category)
        => _db.Products.FromSqlRaw({|PA1001:$"SELECT * FROM \"Products\" WHERE \"Category\" = '{category}'"|}).ToListAsync();

    public Task<List<Product>> ByCategorySafeAsync(string category)
        => _db.Products.FromSqlInterpolated($"SELECT * FROM \"Products\" WHERE \"Category\" = {category}").ToListAsync(); // OK

    public Task<List<Product>> ByCategoryFromSqlAsync(string category)
        => _db.Products.FromSql($"SELECT * FROM \"Products\" WHERE \"Category\" = {category}").ToListAsync(); // OK

    public Task<List<Product>> ByCategoryParamAsync(string category)
        => _db.Products.FromSqlRaw("SELECT * FROM \"Products\" WHERE \"Category\" = {0}", category).ToListAsync(); // OK: parameterized

    public Task<List<Product>> CheapAsync(decimal max, ProductState state)
        => _db.Products.FromSqlRaw($"SELECT * FROM {ProductTable} WHERE \"Price\" < {max} AND \"State\" = {(int)state}").ToListAsync(); // OK: numeric

    public Task<int> RenameCategoryAsync(string from, string to)
        => _db.Database.ExecuteSqlRawAsync({|PA1001:"UPDATE \"Products\" SET \"Category\" = '" + to + "' WHERE \"Category\" = '" + from + "'"|});

    public Task<int> RenameCategorySafeAsync(string from, string to)
        => _db.Database.ExecuteSqlAsync($"UPDATE \"Products\" SET \"Category\" = {to} WHERE \"Category\" = {from}"); // OK

    public int Reprice(int tenantId, decimal factor)
        => _db.Database.ExecuteSqlRaw($"UPDATE {ProductTable} SET \"Price\" = \"Price\" * {factor} WHERE \"TenantId\" = {tenantId}"); // OK

    public int DeleteByName(string name)
    {
        var sql = "DELETE FROM " + ProductTable + " WHERE \"Name\" = '" + name + "'";
        return _db.Database.ExecuteSqlRaw({|PA1001:sql|});
    }

    public Task<List<string>> NamesAsync(string orderColumn)
        => _db.Database.SqlQueryRaw<string>({|PA1001:$"SELECT \"Name\" AS \"Value\" FROM {ProductTable} ORDER BY \"{orderColumn}\""|}).ToListAsync();

    public Task<List<string>> NamesSafeAsync(string prefix)
        => _db.Database.SqlQuery<string>($"SELECT \"Name\" AS \"Value\" FROM \"Products\" WHERE \"Name\" LIKE {prefix + "%"}").ToListAsync(); // OK

    public Task<List<Product>> SearchAsync(string? term, string? category)
    {
        IQueryable<Product> q = _db.Products;
        if (!string.IsNullOrEmpty(term)) q = q.Where(p => p.Name.Contains(term));
        if (!string.IsNullOrEmpty(category)) q = q.Where(p => p.Category == category);
        return q.ToListAsync(); // OK: LINQ
    }

    public Task<int> TruncateAsync() => _db.Database.ExecuteSqlRawAsync("TRUNCATE TABLE " + ProductTable); // OK

    public Task<List<Product>> ForTenantAsync(int tenantId, string sortKey)
    {
        var column = sortKey switch
        {
            "name" => "\"Name\"",
            "price" => "\"Price\"",
            _ => "\"Id\"",
        };
        return _db.Products.FromSqlRaw($"SELECT * FROM {ProductTable} WHERE \"TenantId\" = {tenantId} ORDER BY {column}").ToListAsync(); // OK: switch allow-list
    }

    public Task<int> UpsertAsync(string name, string category)
    {
        var parameters = new object[] { name, category };
        return _db.Database.ExecuteSqlRawAsync("INSERT INTO \"Products\" (\"Name\", \"Category\") VALUES ({0}, {1})", parameters); // OK
    }

    public Task<int> TagAsync(int id, string tag)
    {
        var sql = $"UPDATE {ProductTable} SET \"Tags\" = array_append(\"Tags\", '{tag}') WHERE \"Id\" = {id}";
        return _db.Database.ExecuteSqlRawAsync({|PA1001:sql|});
    }
}
