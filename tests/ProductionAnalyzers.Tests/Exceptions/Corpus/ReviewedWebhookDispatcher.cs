using System.Net.Http.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EvalCorpus.Exceptions.Webhooks;

public sealed record WebhookDelivery(Guid Id, Uri Target, object Payload, int Attempt);

public sealed class WebhookDispatcher : BackgroundService
{
    private readonly Channel<WebhookDelivery> _channel = Channel.CreateUnbounded<WebhookDelivery>();
    private readonly HttpClient _http;
    private readonly ILogger<WebhookDispatcher> _logger;

    public WebhookDispatcher(HttpClient http, ILogger<WebhookDispatcher> logger)
    {
        _http = http;
        _logger = logger;
    }

    public bool Enqueue(WebhookDelivery d)
    {
        try
        {
            return _channel.Writer.TryWrite(d);
        }
        catch (ChannelClosedException)
        {
            return false; // OK: specific
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var d in _channel.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                using var resp = await _http.PostAsJsonAsync(d.Target, d.Payload, stoppingToken);
                resp.EnsureSuccessStatusCode();
            }
            catch (HttpRequestException ex) when (d.Attempt < 5)
            {
                _logger.LogInformation(ex, "Delivery {Id} attempt {Attempt} failed; requeueing", d.Id, d.Attempt);
                _channel.Writer.TryWrite(d with { Attempt = d.Attempt + 1 });
            }
            catch (HttpRequestException)
            {
                _channel.Writer.TryWrite(d with { Attempt = 0 }); // OK for PA3002: specific type
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            {|PA3002:catch (Exception)|}
            {
                continue;
            }
        }
    }

    public async Task<bool> ProbeAsync(Uri target)
    {
        try
        {
            using var req = new HttpRequestMessage(HttpMethod.Head, target);
            using var resp = await _http.SendAsync(req);
            return resp.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            return false; // OK: narrowed to specific types
        }
    }

    public async Task<bool> ProbeLooseAsync(Uri target)
    {
        try
        {
            using var resp = await _http.GetAsync(target);
            return resp.IsSuccessStatusCode;
        }
        {|PA3002:catch (Exception ex)|} when (ex is HttpRequestException || target.IsLoopback)
        {
            return false;
        }
    }

    public override void Dispose()
    {
        try
        {
            _channel.Writer.TryComplete();
        }
        catch (Exception)
        {
            // completing twice is harmless
        }
        base.Dispose();
    }
}
