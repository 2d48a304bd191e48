using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;

namespace EvalCorpus.Exceptions.Messaging;

public sealed record Envelope(string Type, string Body, int DeliveryCount);

public interface IQueue
{
    Task<Envelope?> ReceiveAsync(CancellationToken ct);
    Task CompleteAsync(Envelope e);
    Task AbandonAsync(Envelope e);
    Task DeadLetterAsync(Envelope e, string reason);
}

public sealed class OrderEventsConsumer : BackgroundService
{
    private readonly IQueue _queue;
    private readonly ILogger<OrderEventsConsumer> _logger;

    public OrderEventsConsumer(IQueue queue, ILogger<OrderEventsConsumer> logger)
    {
        _queue = queue;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            Envelope? msg = null;
            try
            {
                msg = await _queue.ReceiveAsync(stoppingToken);
                if (msg is null) continue;
                await HandleAsync(msg);
                await _queue.CompleteAsync(msg);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (JsonException jex)
            {
                await _queue.DeadLetterAsync(msg!, jex.Message); // OK
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "Handling {Type} failed", msg?.Type);
                if (msg is not null) await _queue.AbandonAsync(msg); // OK: logged
            }
        }
    }

    private static Task HandleAsync(Envelope e) => Task.CompletedTask;
}

public sealed class InventoryConsumer : BackgroundService
{
    private readonly IQueue _queue;
    public InventoryConsumer(IQueue queue) => _queue = queue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var msg = await _queue.ReceiveAsync(stoppingToken);
            if (msg is null) continue;
            try
            {
                JsonDocument.Parse(msg.Body);
                await _queue.CompleteAsync(msg);
            }
            {|PA3002:catch (Exception)|}
            {
                if (msg.DeliveryCount > 5) await _queue.DeadLetterAsync(msg, "too many attempts");
                else await _queue.AbandonAsync(msg);
            }
        }
    }
}

public sealed class SerilogConsumer : BackgroundService
{
    private readonly IQueue _queue;
    public SerilogConsumer(IQueue queue) => _queue = queue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var msg = await _queue.ReceiveAsync(stoppingToken);
                if (msg is not null) await _queue.CompleteAsync(msg);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.Error(ex, "Consumer loop failed"); // OK: Serilog static Log
                await Task.Delay(1000, stoppingToken);
            }
        }
    }
}

public sealed class NLogConsumer
{
    private static readonly NLog.Logger Logger = NLog.LogManager.GetCurrentClassLogger();
    private readonly IQueue _queue;
    public NLogConsumer(IQueue queue) => _queue = queue;

    public async Task PumpOnceAsync()
    {
        try
        {
            var msg = await _queue.ReceiveAsync(default);
            if (msg is not null) await _queue.CompleteAsync(msg);
        }
        catch (Exception)
        {
            Logger.Warn("Pump failed; will retry on next tick"); // OK: logged (without the exception, still a log call)
        }
    }

    public async Task PumpDebugAsync()
    {
        try
        {
            var msg = await _queue.ReceiveAsync(default);
            if (msg is not null) await _queue.CompleteAsync(msg);
        }
        {|PA3002:catch (Exception ex)|}
        {
            {|PA4003:Debug.WriteLine(ex)|};
        }
    }

    public async Task PumpConsoleAsync()
    {
        try
        {
            var msg = await _queue.ReceiveAsync(default);
            if (msg is not null) await _queue.CompleteAsync(msg);
        }
        {|PA3002:catch (Exception)|}
        {
            {|PA4003:Console.WriteLine("Pump failed")|};
        }
    }

    public async Task PumpConsoleExceptionAsync()
    {
        try
        {
            var msg = await _queue.ReceiveAsync(default);
            if (msg is not null) await _queue.CompleteAsync(msg);
        }
        catch (Exception ex)
        {
            {|PA4003:Console.Error.WriteLine(ex)|}; // OK for PA3002: exception passed on
        }
    }
}

public sealed class CompletionBridge
{
    public Task<bool> RunAsync(Func<Task> work)
    {
        var tcs = new TaskCompletionSource<bool>();
        _ = Task.Run(async () =>
        {
            try
            {
                await work();
                tcs.TrySetResult(true);
            }
            catch (Exception ex)
            {
                tcs.TrySetException(ex); // OK: passed on
            }
        });
        return tcs.Task;
    }

    public Task<bool> RunLossyAsync(Func<Task> work)
    {
        var tcs = new TaskCompletionSource<bool>();
        _ = Task.Run(async () =>
        {
            try
            {
                await work();
                tcs.TrySetResult(true);
            }
            {|PA3002:catch (Exception)|}
            {
                tcs.TrySetResult(false);
            }
        });
        return tcs.Task;
    }
}
