using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EvalCorpus.Exceptions.Transactions;

public sealed class LedgerContext : DbContext
{
    public LedgerContext(DbContextOptions<LedgerContext> options) : base(options) { }
}

public sealed class UnitOfWork
{
    private readonly LedgerContext _db;
    private readonly ILogger<UnitOfWork> _logger;

    public UnitOfWork(LedgerContext db, ILogger<UnitOfWork> logger)
    {
        _db = db;
        _logger = logger;
    }

    public async Task<bool> SaveAsync(CancellationToken ct)
    {
        try
        {
            await _db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException ex)
        {
            foreach (var entry in ex.Entries) await entry.ReloadAsync(ct);
            return false; // OK: specific
        }
        catch (DbUpdateException ex)
        {
            _logger.LogError(ex, "Saving ledger changes failed");
            throw;
        }
    }

    public async Task ExecuteInTransactionAsync(Func<Task> work, CancellationToken ct)
    {
        await using var tx = await _db.Database.BeginTransactionAsync(ct);
        try
        {
            await work();
            await tx.CommitAsync(ct);
        }
        catch
        {
            await tx.RollbackAsync(CancellationToken.None);
            throw; // OK: rethrown
        }
    }

    public async Task<bool> TryExecuteInTransactionAsync(Func<Task> work, CancellationToken ct)
    {
        await using var tx = await _db.Database.BeginTransactionAsync(ct);
        try
        {
            await work();
            await tx.CommitAsync(ct);
            return true;
        }
        {|PA3002:catch|}
        {
            await tx.RollbackAsync(CancellationToken.None);
            return false;
        }
    }

    public void ExecuteLegacy(IDbConnection conn, Action<IDbTransaction> work)
    {
        using var tx = conn.BeginTransaction();
        try
        {
            work(tx);
            tx.Commit();
        }
        catch (Exception ex)
        {
            try
            {
                tx.Rollback();
            }
            catch (Exception rollbackEx)
            {
                _logger.LogError(rollbackEx, "Rollback failed after {Error}", ex.GetType().Name);
            }
            throw;
        }
    }

    public void ExecuteLegacyQuiet(IDbConnection conn, Action<IDbTransaction> work)
    {
        using var tx = conn.BeginTransaction();
        try
        {
            work(tx);
            tx.Commit();
        }
        {|PA3002:catch (Exception)|}
        {
            try
            {
                tx.Rollback();
            }
            catch (InvalidOperationException)
            {
                // the transaction was already completed by the server
            }
        }
    }
}

public sealed class CircuitBreaker
{
    private readonly ILogger _logger;
    private int _failures;
    private DateTime _openUntil = DateTime.MinValue;

    public CircuitBreaker(ILogger<CircuitBreaker> logger) => _logger = logger;

    public async Task<T?> ExecuteAsync<T>(Func<Task<T>> action, T? fallback = default)
    {
        if (DateTime.UtcNow < _openUntil) return fallback;
        try
        {
            var result = await action();
            _failures = 0;
            return result;
        }
        catch (Exception ex) when (ex is TimeoutException or HttpRequestException or DbException)
        {
            if (++_failures >= 5)
            {
                _openUntil = DateTime.UtcNow.AddSeconds(30);
                _logger.LogWarning(ex, "Circuit opened after {Failures} failures", _failures);
            }
            return fallback; // OK: narrowed to transient types
        }
    }

    public async Task<T?> ExecuteAnyAsync<T>(Func<Task<T>> action, T? fallback = default)
    {
        if (DateTime.UtcNow < _openUntil) return fallback;
        try
        {
            return await action();
        }
        {|PA3002:catch (Exception)|}
        {
            if (++_failures >= 5) _openUntil = DateTime.UtcNow.AddSeconds(30);
            return fallback;
        }
    }
}
