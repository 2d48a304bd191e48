using Microsoft.EntityFrameworkCore;
using OrdersApi.Models;

namespace OrdersApi.Data;

public sealed class OrdersDbContext : DbContext
{
    public OrdersDbContext(DbContextOptions<OrdersDbContext> options)
        : base(options)
    {
    }

    public DbSet<Order> Orders => Set<Order>();

    public Task<List<Order>> FindByReferencePrefixAsync(string prefix) =>
        // PA1001: FromSqlRaw with an interpolated value; FromSql would parameterize it.
        Orders.FromSqlRaw($"SELECT * FROM orders WHERE reference LIKE '{prefix}%'").ToListAsync();

    public Task<List<Order>> RecentAsync(int days) =>
        // Safe: FromSql turns the interpolation into a parameter.
        Orders.FromSql($"SELECT * FROM orders WHERE created_at > now() - make_interval(days => {days})").ToListAsync();

    public Task<int> ArchiveAsync(DateTimeOffset before) =>
        Database.ExecuteSqlInterpolatedAsync($"UPDATE orders SET archived = true WHERE created_at < {before}");

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Order>().ToTable("orders").HasKey(o => o.Id);
    }
}
