using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Orders.Data;

public sealed class OrdersDbContext : DbContext
{
    public OrdersDbContext(DbContextOptions<OrdersDbContext> options) : base(options)
    {
    }
}

/// <summary>Used by `dotnet ef migrations add` on a developer's machine only.</summary>
public sealed class OrdersDesignTimeFactory : IDesignTimeDbContextFactory<OrdersDbContext>
{
    public OrdersDbContext CreateDbContext(string[] args)
    {
        const string ConnectionString = "Server=localhost,14330;Database=orders;User Id=sa;Password=Dev_Orders_9x;TrustServerCertificate=true";

        var builder = new DbContextOptionsBuilder<OrdersDbContext>();
        builder.UseSqlServerStandIn(args.Length > 0 && args[0] == "--staging"
            ? {|PA2003:"Server=orders-staging.database.windows.net;Database=orders;User Id=migrator;Password=Kq7-vR2m_Lx9"|}
            : ConnectionString);
        return new OrdersDbContext(builder.Options);
    }
}

internal static class DesignTimeProviderExtensions
{
    // The corpus references no EF provider package; this stands for UseSqlServer.
    public static DbContextOptionsBuilder<T> UseSqlServerStandIn<T>(this DbContextOptionsBuilder<T> builder, string connectionString)
        where T : DbContext => builder;
}
