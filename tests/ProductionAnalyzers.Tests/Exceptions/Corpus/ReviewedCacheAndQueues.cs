using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;

using Serilog.Events;

namespace EvalCorpus.Exceptions.Caching;

public sealed class ProductCache
{
    private static readonly NLog.Logger NLogger = NLog.LogManager.GetCurrentClassLogger();
    private readonly IMemoryCache _cache;
    private readonly Serilog.ILogger _serilog;

    public ProductCache(IMemoryCache cache, Serilog.ILogger serilog)
    {
        _cache = cache;
        _serilog = serilog;
    }

    public T? GetOrLoad<T>(string key, Func<T> load)
    {
        try
        {
            return _cache.GetOrCreate(key, _ => load());
        }
        catch (Exception)
        {
            _serilog.Write(LogEventLevel.Warning, "Cache load for {Key} failed", key); // OK: Serilog Write
            return default;
        }
    }

    public T? GetOrLoadNLog<T>(string key, Func<T> load)
    {
        try
        {
            return _cache.GetOrCreate(key, _ => load());
        }
        catch (Exception)
        {
            NLog.LogManager.GetCurrentClassLogger().Warn("Cache load for {Key} failed", key); // OK: NLog
            return default;
        }
    }

    public T? GetOrLoadSerilogStatic<T>(string key, Func<T> load)
    {
        try
        {
            return _cache.GetOrCreate(key, _ => load());
        }
        catch (Exception)
        {
            Serilog.Log.Logger.Warning("Cache load for {Key} failed", key); // OK
            return default;
        }
    }

    public T? GetOrDefault<T>(string key, Func<T> load)
    {
        try
        {
            return _cache.GetOrCreate(key, _ => load());
        }
        {|PA3002:catch (Exception)|}
        {
            _cache.Remove(key);
            return default;
        }
    }

    public void Invalidate(IEnumerable<string> keys)
    {
        foreach (var key in keys)
        {
            try
            {
                _cache.Remove(key);
            }
            catch (Exception ex)
            {
                NLogger.Error(ex, "Invalidate {Key} failed", key); // OK
            }
        }
    }

    public void Compact(double percentage)
    {
        try
        {
            (_cache as MemoryCache)?.Compact(percentage);
        }
        {|PA3002:catch (Exception ex)|}
        {
            System.Diagnostics.Debug.Assert(false, ex.Message);
        }
    }
}

public sealed class PriorityQueueProcessor<T>
{
    private readonly PriorityQueue<T, int> _queue = new();
    private readonly Func<T, Task> _handler;
    private readonly ILogger _logger;
    private readonly Dictionary<T, Exception> _poison = new();

    public PriorityQueueProcessor(Func<T, Task> handler, ILogger logger)
    {
        _handler = handler;
        _logger = logger;
    }

    public async Task DrainAsync(CancellationToken ct)
    {
        while (_queue.TryDequeue(out var item, out var priority))
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                await _handler(item);
            }
            catch (Exception ex) when (priority > 0)
            {
                _queue.Enqueue(item, priority - 1);
                _logger.LogDebug(ex, "Requeued with lower priority"); // OK
            }
            catch (Exception ex)
            {
                _poison[item] = ex; // OK: stored
            }
        }
    }

    public async Task DrainQuietAsync(CancellationToken ct)
    {
        while (_queue.TryDequeue(out var item, out var priority))
        {
            try
            {
                await _handler(item);
            }
            {|PA3002:catch (Exception)|} when (priority > 0)
            {
                _queue.Enqueue(item, priority - 1);
            }
            {|PA3002:catch (Exception)|}
            {
                break;
            }
        }
    }

    public async Task DrainNoopAsync(CancellationToken ct)
    {
        while (_queue.TryDequeue(out var item, out _))
        {
            try
            {
                await _handler(item);
            }
            catch (Exception) when (ct.IsCancellationRequested)
            {
            }
            catch (OperationCanceledException)
            {
            }
        }
    }
}
