using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging;

namespace EvalCorpus.Exceptions.Http;

public sealed record ExchangeRate(string Currency, decimal Rate);

public sealed class RateClientException : Exception
{
    public RateClientException(string message) : base(message) { }
    public RateClientException(string message, Exception inner) : base(message, inner) { }
}

public sealed class ExchangeRateClient
{
    private readonly HttpClient _http;
    private readonly ILogger<ExchangeRateClient> _logger;

    public ExchangeRateClient(HttpClient http, ILogger<ExchangeRateClient> logger)
    {
        _http = http;
        _logger = logger;
    }

    public async Task<ExchangeRate?> GetAsync(string currency, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await _http.GetFromJsonAsync<ExchangeRate>($"rates/{currency}", ct);
            }
            catch (HttpRequestException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
            {
                return null; // OK: specific
            }
            catch (HttpRequestException ex) when (attempt < 3)
            {
                _logger.LogWarning(ex, "Attempt {Attempt} for {Currency} failed, retrying", attempt, currency);
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), ct);
            }
        }
    }

    public async Task<ExchangeRate?> GetWithRetryAsync(string currency, CancellationToken ct)
    {
        var attempt = 0;
        while (true)
        {
            try
            {
                return await _http.GetFromJsonAsync<ExchangeRate>($"rates/{currency}", ct);
            }
            catch (Exception)
            {
                if (++attempt >= 3) throw; // OK: rethrows on the last attempt
                await Task.Delay(250, ct);
            }
        }
    }

    public async Task<ExchangeRate?> GetSilentRetryAsync(string currency, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                return await _http.GetFromJsonAsync<ExchangeRate>($"rates/{currency}", ct);
            }
            {|PA3002:catch (Exception)|} when (attempt < 2)
            {
                await Task.Delay(250, ct);
            }
        }
        return null;
    }

    public async Task<ExchangeRate> GetOrThrowAsync(string currency, CancellationToken ct)
    {
        try
        {
            return (await _http.GetFromJsonAsync<ExchangeRate>($"rates/{currency}", ct))!;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            throw new RateClientException($"Rate for {currency} unavailable"); // OK for PA3002: filter narrows to specific types
        }
    }

    public async Task<ExchangeRate> GetWrappedAsync(string currency, CancellationToken ct)
    {
        try
        {
            return (await _http.GetFromJsonAsync<ExchangeRate>($"rates/{currency}", ct))!;
        }
        catch (Exception ex)
        {
            throw new RateClientException($"Rate for {currency} unavailable", ex); // OK: inner exception
        }
    }

    public async Task<ExchangeRate> GetWrappedLossyAsync(string currency, CancellationToken ct)
    {
        try
        {
            return (await _http.GetFromJsonAsync<ExchangeRate>($"rates/{currency}", ct))!;
        }
        {|PA3002:catch (Exception)|}
        {
            throw new RateClientException($"Rate for {currency} unavailable");
        }
    }

    public async Task<bool> PingAsync()
    {
        try
        {
            using var resp = await _http.GetAsync("ping");
            return resp.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false; // OK: specific
        }
        catch (TaskCanceledException)
        {
        }
        return false;
    }

    public async Task<bool> PingAllAsync(IEnumerable<Uri> endpoints)
    {
        var ok = true;
        foreach (var endpoint in endpoints)
        {
            try
            {
                using var resp = await _http.GetAsync(endpoint);
                ok &= resp.IsSuccessStatusCode;
            }
            {|PA3001:catch (HttpRequestException)|}
            {
            }
        }
        return ok;
    }

    public async Task<string?> TryGetRawAsync(string path)
    {
        try
        {
            return await _http.GetStringAsync(path);
        }
        {|PA3002:catch|}
        {
            _ = path;
            return null;
        }
    }

    public Task<decimal> ConvertAsync(decimal amount, string from, string to) => Task.Run(async () =>
    {
        try
        {
            var a = await GetAsync(from, default);
            var b = await GetAsync(to, default);
            return amount * a!.Rate / b!.Rate;
        }
        {|PA3002:catch (Exception)|}
        {
            return 0m;
        }
    });
}
