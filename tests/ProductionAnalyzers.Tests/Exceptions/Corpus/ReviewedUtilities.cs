using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace EvalCorpus.Exceptions.Utilities;

public static class ParseHelpers
{
    public static bool TryParseMoney(string? text, out decimal value)
    {
        try
        {
            value = decimal.Parse(text!, NumberStyles.Currency, CultureInfo.InvariantCulture);
            return true;
        }
        catch (FormatException)
        {
            value = 0;
            return false; // OK: specific
        }
        catch (OverflowException)
        {
            value = 0;
            return false; // OK: specific
        }
    }

    public static bool TryReadJson<T>(string json, out T? value)
    {
        try
        {
            value = JsonSerializer.Deserialize<T>(json);
            return value is not null;
        }
        catch (JsonException)
        {
            value = default;
            return false; // OK: specific
        }
    }

    public static T? TryDeserialize<T>(string json) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json);
        }
        catch (Exception) // OK for PA3002: "is this input valid?" idiom
        {
            return null;
        }
    }

    public static int? ParseOrNull(string s)
    {
        try { return int.Parse(s, CultureInfo.InvariantCulture); }
        catch { return null; } // OK for PA3002: "is this input valid?" idiom
    }

    public static Uri? TryUri(string s)
    {
        try { return new Uri(s); }
        {|PA3001:catch (UriFormatException)|} { }
        return null;
    }

    public static DateTime? TryDate(string s)
    {
        try { return DateTime.Parse(s, CultureInfo.InvariantCulture); }
        catch (FormatException) { /* not a date: caller falls back */ }
        return null;
    }

    public static Guid? TryGuid(string s)
    {
        try { return Guid.Parse(s); }
        catch (FormatException) { } // not a guid — OK for PA3001: intent comment on the catch line
        return null;
    }

    public static TimeSpan? TryDuration(string s)
    {
        try { return TimeSpan.Parse(s, CultureInfo.InvariantCulture); }
        {|PA3001:catch (FormatException)|} { ; }
        return null;
    }
}

public sealed class ConnectionPoolEntry : IDisposable, IAsyncDisposable
{
    private readonly Stream _stream;
    private readonly Timer _timer;
    private readonly ILogger? _logger;

    public ConnectionPoolEntry(Stream stream, Timer timer, ILogger? logger)
    {
        _stream = stream;
        _timer = timer;
        _logger = logger;
    }

    public void Dispose()
    {
        try
        {
            _stream.Flush();
        }
        catch (ObjectDisposedException)
        {
            // already disposed by the owner
        }
        try
        {
            _timer.Dispose();
        }
        {|PA3001:catch|}
        {
        }
        try
        {
            _stream.Dispose();
        }
        {|PA3001:catch (Exception)|}
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _stream.FlushAsync();
        }
        catch (Exception ex)
        {
            _logger?.LogDebug(ex, "Flush during dispose failed"); // OK: logged (conditional access)
        }
        try
        {
            await _stream.DisposeAsync();
        }
        catch (IOException) when (_logger is null)
        {
        }
        catch (IOException)
        {
            // best effort
        }
    }

    public void Close()
    {
        try
        {
            _stream.Close();
        }
        catch (Exception ex) when (ex is IOException)
        {
        }
    }
}

public static class ExceptionPlumbing
{
    public static async Task<T> Unwrap<T>(Task<T> task)
    {
        try
        {
            return await task;
        }
        catch (AggregateException ae) when (ae.InnerExceptions.Count == 1)
        {
            ExceptionDispatchInfo.Capture(ae.InnerExceptions[0]).Throw();
            throw;
        }
    }

    public static Exception? Capture(Action action)
    {
        try
        {
            action();
            return null;
        }
        catch (Exception ex)
        {
            return ex; // OK: returned
        }
    }

    public static void RunAll(IEnumerable<Action> actions)
    {
        List<Exception>? errors = null;
        foreach (var a in actions)
        {
            try { a(); }
            catch (Exception ex) { (errors ??= new()).Add(ex); }
        }
        if (errors is not null) throw new AggregateException(errors);
    }

    public static void RunAllQuietly(IEnumerable<Action> actions)
    {
        foreach (var a in actions)
        {
            try { a(); }
            catch (Exception) { /* hooks are optional, failures are not our concern */ }
        }
    }

    public static void RethrowAsIs(Action a)
    {
        try { a(); }
        catch (Exception ex)
        {
            throw ex; // OK for PA3: throws (CA2200 covers losing the stack)
        }
    }

    public static void Translate(Action a)
    {
        try { a(); }
        {|PA3002:catch (SystemException)|}
        {
            throw new InvalidOperationException("Operation failed");
        }
    }
}
