using System.Data.Common;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace EvalCorpus.Exceptions.DataAccess;

public sealed class RepositoryException : Exception
{
    public RepositoryException(string message, Exception? innerException = null) : base(message, innerException) { }
}

public sealed class Result<T>
{
    public T? Value { get; init; }
    public Exception? Error { get; init; }
    public string? ErrorMessage { get; init; }
    public static Result<T> Ok(T value) => new() { Value = value };
    public static Result<T> Fail(Exception error) => new() { Error = error };
    public static Result<T> Fail(string message) => new() { ErrorMessage = message };
}

public sealed class CustomerStore
{
    private static readonly ActivitySource Source = new("CustomerStore");
    private readonly DbConnection _conn;
    private readonly ILogger<CustomerStore> _logger;
    private int _failures;
    private string? _lastError;

    public CustomerStore(DbConnection conn, ILogger<CustomerStore> logger)
    {
        _conn = conn;
        _logger = logger;
    }

    public async Task<Result<int>> CountAsync()
    {
        try
        {
            await using var cmd = _conn.CreateCommand();
            cmd.CommandText = "SELECT COUNT(*) FROM customers";
            return Result<int>.Ok(Convert.ToInt32(await cmd.ExecuteScalarAsync()));
        }
        catch (Exception ex)
        {
            return Result<int>.Fail(ex); // OK: passed on
        }
    }

    public async Task<Result<int>> CountLossyAsync()
    {
        try
        {
            await using var cmd = _conn.CreateCommand();
            cmd.CommandText = "SELECT COUNT(*) FROM customers";
            return Result<int>.Ok(Convert.ToInt32(await cmd.ExecuteScalarAsync()));
        }
        {|PA3002:catch (Exception)|}
        {
            return Result<int>.Fail("count failed");
        }
    }

    public async Task<int> DeleteAsync(int id)
    {
        using var activity = Source.StartActivity("DeleteCustomer");
        try
        {
            await using var cmd = _conn.CreateCommand();
            cmd.CommandText = "DELETE FROM customers WHERE id = @id";
            return await cmd.ExecuteNonQueryAsync();
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            activity?.AddException(ex);
            Interlocked.Increment(ref _failures);
            return 0; // OK: recorded on the activity
        }
    }

    public async Task<int> ArchiveAsync(int id)
    {
        try
        {
            await using var cmd = _conn.CreateCommand();
            cmd.CommandText = "UPDATE customers SET archived = true WHERE id = @id";
            return await cmd.ExecuteNonQueryAsync();
        }
        catch (DbException ex) when (ex.IsTransient)
        {
            _logger.LogWarning(ex, "Transient failure archiving {CustomerId}", id);
            return -1;
        }
        catch (DbException ex)
        {
            throw new RepositoryException($"Archiving {id} failed", ex); // OK
        }
    }

    public async Task<int> ArchiveWrappedAsync(int id)
    {
        try
        {
            await using var cmd = _conn.CreateCommand();
            cmd.CommandText = "UPDATE customers SET archived = true WHERE id = @id";
            return await cmd.ExecuteNonQueryAsync();
        }
        catch (Exception ex)
        {
            throw new RepositoryException($"Archiving {id} failed", innerException: ex); // OK: named inner
        }
    }

    public async Task<int> ArchiveRewrappedAsync(int id)
    {
        try
        {
            await using var cmd = _conn.CreateCommand();
            cmd.CommandText = "UPDATE customers SET archived = true WHERE id = @id";
            return await cmd.ExecuteNonQueryAsync();
        }
        {|PA3002:catch (global::System.Exception)|}
        {
            throw new RepositoryException($"Archiving {id} failed");
        }
    }

    public async Task<bool> TryMigrateAsync()
    {
        try
        {
            await using var cmd = _conn.CreateCommand();
            cmd.CommandText = "CALL migrate()";
            await cmd.ExecuteNonQueryAsync();
            return true;
        }
        catch (Exception ex)
        {
            _lastError = ex.Message; // OK: exception used
            return false;
        }
    }

    public async Task<bool> TryMigrateSilentlyAsync()
    {
        var ok = true;
        try
        {
            await using var cmd = _conn.CreateCommand();
            cmd.CommandText = "CALL migrate()";
            await cmd.ExecuteNonQueryAsync();
        }
        {|PA3002:catch (System.Exception)|}
        {
            ok = false;
        }
        return ok;
    }

    public async Task<int> RetryOnDeadlockAsync(Func<Task<int>> work)
    {
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            try
            {
                return await work();
            }
            {|PA3002:catch (Exception ex)|} when (ex.Message.Contains("deadlock", StringComparison.OrdinalIgnoreCase) && attempt < 3)
            {
                await Task.Delay(50 * attempt);
            }
        }
        return 0;
    }

    public async Task<int> RetryTransientAsync(Func<Task<int>> work)
    {
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            try
            {
                return await work();
            }
            catch (Exception ex) when (ex is DbException { IsTransient: true } && attempt < 3)
            {
                await Task.Delay(50 * attempt); // OK: filter narrows to DbException
            }
        }
        return 0;
    }

    public void CloseQuietly()
    {
        try
        {
            _conn.Close();
        }
        catch (Exception outer)
        {
            try
            {
                _conn.Dispose();
            }
            catch (Exception inner)
            {
                _logger.LogDebug(inner, "Dispose after failed close also failed");
            }
            throw;
        }
    }

    public void CloseAndForget()
    {
        try
        {
            _conn.Close();
        }
        {|PA3002:catch (Exception outer)|}
        {
            try
            {
                _conn.Dispose();
            }
            catch (Exception inner)
            {
                _logger.LogDebug(inner, "Dispose after failed close also failed");
            }
        }
    }

    public int Failures
    {
        get
        {
            try { return _failures; }
            {|PA3002:catch|} { return -1; }
        }
    }

    public async Task CancelSafeAsync(Func<CancellationToken, Task> work, CancellationToken ct)
    {
        try
        {
            await work(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (TaskCanceledException)
        {
        }
        catch (Exception) when (ct.IsCancellationRequested)
        {
        }
    }

    public void FireAndForget(Func<Task> work)
    {
        _ = Task.Run(async () =>
        {
            try
            {
                await work();
            }
            catch (Exception ex)
            {
                _ = Task.Run(() => _logger.LogError(ex, "Background work failed")); // OK: exception used
            }
        });
    }
}
