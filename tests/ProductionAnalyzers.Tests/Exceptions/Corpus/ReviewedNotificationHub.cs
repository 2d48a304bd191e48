using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace EvalCorpus.Exceptions.Realtime;

public interface INotificationStore
{
    Task<IReadOnlyList<string>> PendingAsync(string userId);
    Task MarkReadAsync(string userId, Guid id);
}

public sealed class NotificationHub : Hub
{
    private readonly INotificationStore _store;
    private readonly ILogger<NotificationHub> _logger;

    public NotificationHub(INotificationStore store, ILogger<NotificationHub> logger)
    {
        _store = store;
        _logger = logger;
    }

    public override async Task OnConnectedAsync()
    {
        try
        {
            var pending = await _store.PendingAsync(Context.UserIdentifier ?? "");
            await Clients.Caller.SendAsync("pending", pending);
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Could not push pending notifications to {User}", Context.UserIdentifier); // OK
        }
        await base.OnConnectedAsync();
    }

    public async Task MarkRead(Guid id)
    {
        try
        {
            await _store.MarkReadAsync(Context.UserIdentifier ?? "", id);
        }
        catch (KeyNotFoundException)
        {
            throw new HubException("Notification not found"); // OK: specific catch
        }
        {|PA3002:catch (Exception)|}
        {
            throw new HubException("Could not mark the notification as read");
        }
    }

    public async Task MarkAllRead(Guid[] ids)
    {
        foreach (var id in ids)
        {
            try
            {
                await _store.MarkReadAsync(Context.UserIdentifier ?? "", id);
            }
            catch (Exception ex)
            {
                throw new HubException($"Could not mark {id} as read", ex); // OK
            }
        }
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        try
        {
            Context.Items.Clear();
        }
        {|PA3001:catch (NotSupportedException)|}
        {
        }
        return base.OnDisconnectedAsync(exception);
    }
}

public sealed class NotificationSender
{
    private readonly IHubContext<NotificationHub> _hub;
    private readonly ILogger<NotificationSender> _logger;
    private int _dropped;

    public NotificationSender(IHubContext<NotificationHub> hub, ILogger<NotificationSender> logger)
    {
        _hub = hub;
        _logger = logger;
    }

    public async Task BroadcastAsync(string message, CancellationToken ct)
    {
        try
        {
            await _hub.Clients.All.SendAsync("broadcast", message, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        {|PA3002:catch (Exception)|}
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    public async Task SendToAsync(IEnumerable<string> users, string message)
    {
        var tasks = users.Select(async u =>
        {
            try
            {
                await _hub.Clients.User(u).SendAsync("direct", message);
            }
            catch (Exception ex)
            {
                _logger.LogDebug(ex, "Direct message to {User} failed", u); // OK
            }
        });
        await Task.WhenAll(tasks);
    }

    public int Dropped => _dropped;
}
