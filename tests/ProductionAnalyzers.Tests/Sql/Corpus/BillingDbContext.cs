using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Contoso.Billing
{
    public sealed class Invoice
    {
        public int Id { get; set; }
        public string Number { get; set; } = "";
        public string CustomerEmail { get; set; } = "";
        public decimal Amount { get; set; }
        public DateTime IssuedAt { get; set; }
        public bool Paid { get; set; }
    }

    public sealed class BillingDbContext : DbContext
    {
        public BillingDbContext(DbContextOptions<BillingDbContext> options)
            : base(options)
        {
        }

        public DbSet<Invoice> Invoices => Set<Invoice>();
    }

    public sealed class InvoiceService
    {
        private const string InvoiceTable = "billing.Invoices";
        private readonly BillingDbContext _db;

        public InvoiceService(BillingDbContext db) => _db = db;

        public Task<List<Invoice>> ForCustomerAsync(string email, CancellationToken cancellationToken)
        {
            return _db.Invoices
                .FromSql($"SELECT * FROM billing.Invoices WHERE CustomerEmail = {email}")
                .OrderByDescending(i => i.IssuedAt)
                .ToListAsync(cancellationToken);
        }

        public Task<Invoice?> ByNumberAsync(string number, CancellationToken cancellationToken)
        {
            return _db.Invoices
                .FromSqlRaw({|PA1001:$"SELECT * FROM {InvoiceTable} WHERE Number = '{number}'"|})
                .SingleOrDefaultAsync(cancellationToken);
        }

        public Task<List<Invoice>> UnpaidSinceAsync(DateTime since, CancellationToken cancellationToken)
        {
            return _db.Invoices
                .FromSqlRaw("SELECT * FROM " + InvoiceTable + " WHERE Paid = 0 AND IssuedAt >= {0}", since)
                .ToListAsync(cancellationToken);
        }

        public Task<int> MarkPaidAsync(int id, CancellationToken cancellationToken)
        {
            return _db.Database.ExecuteSqlInterpolatedAsync($"UPDATE billing.Invoices SET Paid = 1 WHERE Id = {id}", cancellationToken);
        }

        public Task<int> VoidAsync(string number, string reason, CancellationToken cancellationToken)
        {
            return _db.Database.ExecuteSqlRawAsync({|PA1001:"UPDATE " + InvoiceTable + " SET Voided = 1, VoidReason = '" + reason + "' WHERE Number = '" + number + "'"|}, cancellationToken);
        }

        public Task<int> PurgeAsync(int olderThanDays, CancellationToken cancellationToken)
        {
            return _db.Database.ExecuteSqlRawAsync($"DELETE FROM {InvoiceTable} WHERE IssuedAt < DATEADD(day, -{olderThanDays}, SYSUTCDATETIME())", cancellationToken);
        }

        public Task<List<decimal>> TotalsAsync(string currency, CancellationToken cancellationToken)
        {
            return _db.Database
                .SqlQueryRaw<decimal>({|PA1001:"SELECT SUM(Amount) AS Value FROM " + InvoiceTable + " WHERE Currency = '" + currency + "' GROUP BY CustomerEmail"|})
                .ToListAsync(cancellationToken);
        }

        public Task<List<decimal>> TotalsSafeAsync(string currency, CancellationToken cancellationToken)
        {
            return _db.Database
                .SqlQuery<decimal>($"SELECT SUM(Amount) AS Value FROM billing.Invoices WHERE Currency = {currency} GROUP BY CustomerEmail")
                .ToListAsync(cancellationToken);
        }

        public Task<int> ExecuteMaintenanceAsync(string storedProcedure, CancellationToken cancellationToken)
        {
            // Procedure names come from appsettings; the text itself is not built here.
            return _db.Database.ExecuteSqlRawAsync(storedProcedure, cancellationToken);
        }

        public Task<List<Invoice>> SearchAsync(string term, CancellationToken cancellationToken)
        {
            var like = "%" + term + "%";
            return _db.Invoices
                .FromSqlRaw("SELECT * FROM " + InvoiceTable + " WHERE Number LIKE {0} OR CustomerEmail LIKE {0}", like)
                .ToListAsync(cancellationToken);
        }
    }
}
