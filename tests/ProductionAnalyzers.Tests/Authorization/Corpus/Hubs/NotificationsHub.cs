using System.Threading.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Clinic.Hubs;

public sealed class NotificationsHub : Hub
{
    public Task Subscribe(string ward) => Groups.AddToGroupAsync(Context.ConnectionId, ward);
}

[Authorize]
public sealed class ChatHub : Hub
{
    public Task Send(string message) => Clients.Others.SendAsync("message", message);
}
