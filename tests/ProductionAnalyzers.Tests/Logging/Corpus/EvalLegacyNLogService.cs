using NLog;

namespace EvalCorpus.Logging.LegacyNLog;

public sealed class FtpSyncService
{
    private static readonly Logger Logger = LogManager.GetCurrentClassLogger();
    private readonly string _host;
    private readonly string _user;
    private readonly string _password;

    public FtpSyncService(string host, string user, string password)
    {
        _host = host;
        _user = user;
        _password = password;
    }

    public int Sync(IEnumerable<string> remoteFiles)
    {
        Logger.Info("Connecting to {Host} as {User}", _host, _user); // OK
        Logger.Info("Connecting to {0} as {1}", _host, _user); // OK: NLog positional template
        Logger.Debug({|PA4001:"Connecting to " + _host|});
        Logger.Trace("Credentials {User}/{Password}", _user, {|PA4004:_password|});
        var count = 0;
        foreach (var file in remoteFiles)
        {
            try
            {
                if (file.EndsWith(".tmp", StringComparison.Ordinal)) continue;
                count++;
                Logger.Trace("Fetched {File}", file); // OK
            }
            catch (TimeoutException ex)
            {
                Logger.Warn(ex, "Timeout fetching {File}", file); // OK
            }
            catch (Exception ex)
            {
                Logger.Error({|PA4001:$"Failed to fetch {file}: {{|PA4002:ex.Message|}}"|});
            }
        }
        Logger.Info({|PA4001:string.Format("Synced {0} files from {1}", count, _host)|});
        Logger.Log(LogLevel.Info, "Synced {Count} files", count); // OK
        Logger.Log(LogLevel.Info, {|PA4001:$"Synced {count} files"|});
        return count;
    }

    public void Purge(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException ex)
        {
            Logger.Error(ex, "Purge of {Directory} failed", directory); // OK
        }
        catch (Exception ex)
        {
            Logger.Error("Purge of {Directory} failed: {Error}", directory, {|PA4002:ex.ToString()|});
        }
    }

    public void Heartbeat(DateTime lastRun)
    {
        Logger.Fatal(new InvalidOperationException("stale"), "Heartbeat stale since {LastRun}", lastRun); // OK
        Logger.Warn({|PA4001:"Heartbeat stale since " + lastRun.ToString("O")|});
    }
}
