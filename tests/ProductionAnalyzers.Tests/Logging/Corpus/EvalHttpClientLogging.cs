using System.Diagnostics;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;

namespace EvalCorpus.Logging.HttpClients;

public sealed class LoggingHandler : DelegatingHandler
{
    private readonly ILogger<LoggingHandler> _logger;
    public LoggingHandler(ILogger<LoggingHandler> logger) => _logger = logger;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var sw = Stopwatch.StartNew();
        _logger.LogDebug("HTTP {Method} {Uri}", request.Method, request.RequestUri); // OK
        _logger.LogDebug({|PA4001:$"HTTP {request.Method} {request.RequestUri}"|});
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            _logger.LogInformation("HTTP {Method} {Uri} -> {StatusCode} in {ElapsedMs}ms",
                request.Method, request.RequestUri, (int)response.StatusCode, sw.ElapsedMilliseconds); // OK
            return response;
        }
        catch (HttpRequestException ex)
        {
            _logger.LogWarning(ex, "HTTP {Method} {Uri} failed after {ElapsedMs}ms", request.Method, request.RequestUri, sw.ElapsedMilliseconds); // OK
            throw;
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            _logger.LogWarning("HTTP {Method} {Uri} timed out: {Reason}", request.Method, request.RequestUri, ex.Message); // OK for PA4002: a specific exception summarized at Warning or below
            throw;
        }
    }
}

public sealed class PartnerApiClient
{
    private readonly HttpClient _http;
    private readonly ILogger<PartnerApiClient> _logger;
    private readonly string _apiKey;
    private readonly string _apiKeyId;

    public PartnerApiClient(HttpClient http, ILogger<PartnerApiClient> logger, string apiKey, string apiKeyId)
    {
        _http = http;
        _logger = logger;
        _apiKey = apiKey;
        _apiKeyId = apiKeyId;
    }

    public async Task<string> GetAsync(string path)
    {
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _apiKey);
        _logger.LogDebug("Calling partner {Path} with key id {ApiKeyId}", path, _apiKeyId); // OK: key id
        _logger.LogTrace("Calling partner {Path} with key {ApiKey}", path, {|PA4004:_apiKey|});
        try
        {
            return await _http.GetStringAsync(path);
        }
        catch (HttpRequestException ex) when (ex.StatusCode is not null)
        {
            _logger.LogWarning(ex, "Partner returned {StatusCode} for {Path}", (int)ex.StatusCode!, path); // OK
            throw;
        }
        catch (Exception ex)
        {
            _logger.LogError({|PA4001:"Partner call " + path + " failed"|}, {|PA4002:ex|});
            throw;
        }
    }

    public void Trace(string path, string body)
    {
        {|PA4003:Console.WriteLine($"[partner] {path}: {body.Length} bytes")|};
        {|PA4003:Debug.WriteLine("[partner] " + path)|};
        _logger.LogTrace("[partner] {Path}: {Length} bytes", path, body.Length); // OK
    }
}
