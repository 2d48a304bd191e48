using System;
using System.Collections.Generic;
using System.Data;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Dapper;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;

namespace Contoso.Catalog
{
    public sealed class Product
    {
        public int Id { get; set; }
        public string Sku { get; set; } = "";
        public string Title { get; set; } = "";
        public decimal Price { get; set; }
    }

    public sealed class CatalogDbContext : DbContext
    {
        public CatalogDbContext(DbContextOptions<CatalogDbContext> options)
            : base(options)
        {
        }

        public DbSet<Product> Products => Set<Product>();
    }

    /// <summary>Nightly maintenance and admin tooling for the catalog database.</summary>
    public sealed class CatalogMaintenance
    {
        private static readonly string[] Tables = { "catalog.Products", "catalog.Prices", "catalog.Stock" };
        private static readonly HashSet<string> EditableColumns = new(StringComparer.OrdinalIgnoreCase) { "Title", "Price" };
        private readonly CatalogDbContext _db;
        private readonly IDbConnection _connection;
        private readonly ILogger<CatalogMaintenance> _logger;

        public CatalogMaintenance(CatalogDbContext db, IDbConnection connection, ILogger<CatalogMaintenance> logger)
        {
            _db = db;
            _connection = connection;
            _logger = logger;
        }

        public async Task ReindexAsync(CancellationToken cancellationToken)
        {
            foreach (var table in Tables)
            {
                _logger.LogInformation("Rebuilding indexes of {Table}", table);
                await _db.Database.ExecuteSqlRawAsync($"ALTER INDEX ALL ON {table} REBUILD", cancellationToken);
            }
        }

        public Task<int> TruncateModelTableAsync(CancellationToken cancellationToken)
        {
            var entity = _db.Model.FindEntityType(typeof(Product))!;
            return _db.Database.ExecuteSqlRawAsync($"TRUNCATE TABLE {entity.GetSchema()}.{entity.GetTableName()}", cancellationToken);
        }

        public Task<int> UpdateColumnsAsync(int id, IDictionary<string, object> changes)
        {
            var columns = changes.Keys.Where(EditableColumns.Contains).ToList();
            var assignments = string.Join("," + Environment.NewLine, columns.Select(c => $"{c} = @{c}"));
            var parameters = new DynamicParameters(changes);
            parameters.Add("id", id);
            return _connection.ExecuteAsync($"UPDATE catalog.Products SET {assignments} WHERE Id = @id", parameters);
        }

        public Task<IEnumerable<Product>> SortedAsync(string sortColumn)
        {
            if (!EditableColumns.Any(c => c.Equals(sortColumn, StringComparison.OrdinalIgnoreCase)))
            {
                sortColumn = "Id";
            }

            return _connection.QueryAsync<Product>($"SELECT * FROM catalog.Products ORDER BY {sortColumn}");
        }

        public Task<IEnumerable<Product>> CheapestAsync(int count, decimal below)
        {
            var sql = $"""
                SELECT TOP ({count}) *
                FROM catalog.Products
                WHERE Price < {below}
                ORDER BY Price
                """;
            return _connection.QueryAsync<Product>(sql);
        }

        public Task<IEnumerable<Product>> BySupplierAsync(string supplier)
        {
            var sql = $"""
                SELECT p.*
                FROM catalog.Products p
                JOIN catalog.Suppliers s ON s.Id = p.SupplierId
                WHERE s.Name = '{supplier}'
                """;
            return _connection.QueryAsync<Product>({|PA1001:sql|});
        }

        public Task<List<Product>> LookupAsync(string sku, CancellationToken cancellationToken) =>
            _db.Products.FromSqlRaw({|PA1001:"SELECT * FROM catalog.Products WHERE Sku = N'" + sku + "'"|}).ToListAsync(cancellationToken);
    }

    public sealed class AddTenantViews : Migration
    {
        private const string Schema = "catalog";

        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"CREATE VIEW {Schema}.ActiveProducts AS SELECT * FROM {Schema}.Products WHERE Deleted = 0");

            var reportingSchema = Environment.GetEnvironmentVariable("REPORTING_SCHEMA") ?? "reporting";
            migrationBuilder.Sql({|PA1001:$"GRANT SELECT ON {Schema}.ActiveProducts TO {reportingSchema}"|});
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"DROP VIEW {Schema}.ActiveProducts");
        }
    }
}
