using Dapper;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.SqlClient;

namespace EvalCorpus.Sql.SchemaRepo;

public sealed class Invoice : ITableObject
{
    public Guid Id { get; set; }
    public decimal Total { get; set; }
}

public sealed class AuditRecord : ITableObject
{
    public Guid Id { get; set; }
    public string Action { get; set; } = "";
}

public sealed class DeviceToken : ITableObject
{
    public Guid Id { get; set; }
}

public sealed class InvoiceRepository : SchemaRepository<Invoice>
{
    public InvoiceRepository(string connectionString)
        : base(connectionString)
    {
    }
}

public sealed class AuditRepository : SchemaRepository<AuditRecord>
{
    public AuditRepository(string connectionString)
        : this(connectionString, "audit")
    {
    }

    private AuditRepository(string connectionString, string schema)
        : base(connectionString, schema, table: "AuditLog")
    {
    }
}

public sealed class DeviceRepository : SchemaRepository<DeviceToken>
{
    private const string DeviceSchema = "devices";

    public DeviceRepository(string connectionString)
        : base(connectionString, DeviceSchema, nameof(DeviceToken))
    {
    }
}

public sealed class TenantSessionRepository : TenantScopedRepository
{
    public TenantSessionRepository(string connectionString, IHttpContextAccessor accessor)
        : base(connectionString, accessor.HttpContext!.Request.Headers["X-Tenant-Schema"].ToString())
    {
    }
}

public sealed class SharedSessionRepository : TenantScopedRepository
{
    public SharedSessionRepository(string connectionString)
        : base(connectionString, "shared")
    {
    }
}
