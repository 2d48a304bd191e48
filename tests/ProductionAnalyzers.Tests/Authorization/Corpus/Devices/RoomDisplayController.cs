using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Clinic.Devices;

/// <summary>A display in an exam room, driven by the app through its contract.</summary>
public interface IRoomDisplay
{
    string RoomId { get; }

    Task ShowAsync(string text, CancellationToken cancellationToken);
}

// Named like a controller, but a service behind IRoomDisplay: MVC never routes to it, so PA5001 stays quiet.
public sealed class RoomDisplayController : IRoomDisplay, IDisposable
{
    private readonly List<string> _history = new();

    public RoomDisplayController(string roomId) => RoomId = roomId;

    public string RoomId { get; }

    public Task ShowAsync(string text, CancellationToken cancellationToken)
    {
        _history.Add(text);
        return Task.CompletedTask;
    }

    public void Clear() => _history.Clear();

    public void Dispose() => _history.Clear();
}
