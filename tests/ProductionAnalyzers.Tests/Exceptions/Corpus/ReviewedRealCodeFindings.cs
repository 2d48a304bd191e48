using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace EvalCorpus.Exceptions.RealCodeFindings;

// Patterns a reviewer sorted on three large open-source backends (issue 16): what the rules must report, and what is
// a deliberate choice they must leave alone.

public sealed record ValidationOutcome(bool IsValid, string? Error)
{
    public static readonly ValidationOutcome Valid = new(true, null);

    public static ValidationOutcome Invalid(string error) => new(false, error);
}

public static class InputValidation
{
    // "Is this input valid?": a single in-memory parse whose catch-all returns a fallback or a validation result.
    public static JsonNode? TryParseSettings(string json)
    {
        try { return JsonNode.Parse(json); }
        catch { return null; }
    }

    public static ValidationOutcome ValidateApiKey(string value)
    {
        try
        {
            Convert.FromBase64String(value);
            return ValidationOutcome.Valid;
        }
        catch (Exception)
        {
            return ValidationOutcome.Invalid("The key is not valid base64.");
        }
    }

    public static bool IsWellFormedFeed(string xml, List<string> errors)
    {
        try
        {
            _ = XDocument.Parse(xml);
        }
        catch
        {
            errors.Add("The feed is not well-formed XML.");
            return false;
        }

        return true;
    }

    public static Guid? ParseCorrelationId(string header)
    {
        try { return Guid.Parse(header.Trim()); }
        catch { return null; }
    }

    // Not the idiom: the try block reads a file before parsing it; a disk or permission failure is swallowed too.
    public static JsonNode? LoadSettings(string path)
    {
        try
        {
            var text = File.ReadAllText(path);
            return JsonNode.Parse(text);
        }
        {|PA3002:catch|}
        {
            return null;
        }
    }

    // Not the idiom: the catch-all of a network call.
    public static async Task<JsonNode?> FetchSettingsAsync(HttpClient client, string url)
    {
        try
        {
            return JsonNode.Parse(await client.GetStringAsync(url));
        }
        {|PA3002:catch (Exception)|}
        {
            return null;
        }
    }
}

public sealed class SshHostVerifier
{
    private readonly HashSet<string> _knownHosts = new(StringComparer.OrdinalIgnoreCase);

    // The filter selects the failures through a method given the exception: a catch of those failures.
    public bool TryConnect(string host, Func<string, bool> connect)
    {
        try
        {
            return connect(host);
        }
        catch (Exception ex) when (IsHostKeyMismatch(ex))
        {
            _knownHosts.Remove(host);
            return false;
        }
    }

    // A filter that only excludes a type leaves the catch broad.
    public bool TryReconnect(string host, Func<string, bool> connect)
    {
        try
        {
            return connect(host);
        }
        {|PA3002:catch (Exception ex)|} when (ex is not OperationCanceledException)
        {
            return false;
        }
    }

    private static bool IsHostKeyMismatch(Exception ex) => ex is CryptographicException || ex.InnerException is SocketException;
}

// A team's own logging facade, which the rule does not know.
public static class Log
{
    public static void WriteVerboseMessage(string tag, int eventId, Exception? exception, string message) =>
        System.Diagnostics.Trace.TraceInformation($"{tag} {eventId} {message} {exception}");
}

public sealed class PackageFeedSync
{
    private const string Tag = "FeedSync";
    private string? _lastFailure;

    public bool SyncWithoutException(Func<bool> sync)
    {
        try
        {
            return sync();
        }
        {|PA3002:catch (Exception)|}
        {
            // The facade call does not carry the failure: it is lost.
            Log.WriteVerboseMessage(Tag, 17, null, "Feed sync failed");
            return false;
        }
    }

    public bool SyncWithException(Func<bool> sync)
    {
        try
        {
            return sync();
        }
        catch (Exception ex)
        {
            Log.WriteVerboseMessage(Tag, 17, ex, "Feed sync failed");
            return false;
        }
    }

    // The message is read into a local that nothing reads: the failure is still discarded.
    public bool SyncReadingIntoDeadLocal(Func<bool> sync)
    {
        try
        {
            return sync();
        }
        {|PA3002:catch (Exception ex)|}
        {
            var reason = ex.Message;
            return false;
        }
    }

    // The message is kept: handled.
    public bool SyncKeepingMessage(Func<bool> sync)
    {
        try
        {
            return sync();
        }
        catch (Exception ex)
        {
            var reason = ex.Message;
            _lastFailure = reason;
            return false;
        }
    }

    public string? LastFailure => _lastFailure;
}

public sealed class TempFolderCleanup
{
    // An intent comment on the catch line documents the choice like one inside the block.
    public void DeleteQuietly(string path)
    {
        try { File.Delete(path); }
        catch (IOException) { } // best effort: the OS purges the temp folder anyway
    }

    public void DeleteAll(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            try { Directory.Delete(path, recursive: true); }
            catch (UnauthorizedAccessException) { /* another process holds it: next run */ }
        }
    }

    public void DeleteOrIgnore(string path)
    {
        try { File.Delete(path); }
        {|PA3001:catch (IOException)|} { }
    }
}

// Types that do not resolve (a missing reference or a name made ambiguous by implicit usings) must not turn the rules off.
public sealed class BillingMigration
{
    public void RetireLegacyPlans(Action retire)
    {
        try { retire(); }
        {|PA3001:catch ({|CS0246:RetiredPlanException|})|} { }
    }

    public decimal ConvertBalance(Func<decimal> convert)
    {
        try
        {
            return convert();
        }
        {|PA3002:catch|}
        {
            return {|CS0103:Money|}.Zero;
        }
    }
}
