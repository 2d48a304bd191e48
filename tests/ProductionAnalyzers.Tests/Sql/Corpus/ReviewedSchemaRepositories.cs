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

// Work handed back to a caller that runs it inside its own transaction: the schema is read inside a lambda, and is
// still the derived repositories' constant.
public delegate Task TransactionStep(SqlConnection connection, SqlTransaction transaction);

public sealed class PayoutRepository : SchemaRepository<Invoice>
{
    public PayoutRepository(string connectionString)
        : base(connectionString, "billing", "Payouts")
    {
    }

    public TransactionStep MarkPaid(Guid invoiceId, decimal amount)
    {
        return async (connection, transaction) =>
            await connection.ExecuteAsync(
                $"[{Schema}].[Payout_MarkPaid]", // OK: the schema is a constant of the derived repositories
                new { Id = invoiceId, Amount = amount },
                transaction: transaction,
                commandType: System.Data.CommandType.StoredProcedure);
    }

    public Func<SqlConnection, Task<int>> CountPending() =>
        connection => connection.ExecuteScalarAsync<int>($"SELECT COUNT(*) FROM [{Schema}].[{Table}] WHERE Paid = 0"); // OK: as above
}
