using Serilog;
using Serilog.Events;

namespace EvalCorpus.Logging.SerilogJobs;

public sealed record ImportFile(string Path, long Size, string Owner);

public sealed class NightlyImportJob
{
    private static readonly ILogger Logger = Log.ForContext<NightlyImportJob>();
    private readonly ILogger _log;

    public NightlyImportJob(ILogger log) => _log = log.ForContext("Job", nameof(NightlyImportJob));

    public async Task RunAsync(IReadOnlyList<ImportFile> files, CancellationToken ct)
    {
        Log.Information("Nightly import started with {FileCount} files", files.Count); // OK
        Log.Information({|PA4001:$"Nightly import started with {files.Count} files"|});
        var imported = 0;
        foreach (var file in files)
        {
            try
            {
                await Task.Delay(1, ct);
                imported++;
                _log.Debug("Imported {Path} ({Size} bytes) for {Owner}", file.Path, file.Size, file.Owner); // OK
                _log.Verbose({|PA4001:"Imported " + file.Path|});
            }
            catch (OperationCanceledException)
            {
                Log.Warning("Import cancelled after {Imported} files", imported); // OK
                throw;
            }
            catch (IOException ex)
            {
                _log.Warning(ex, "Could not read {Path}", file.Path); // OK
            }
            catch (Exception ex)
            {
                Log.Error("Import of {Path} failed: {Exception}", file.Path, {|PA4002:ex|});
            }
        }
        Log.Write(LogEventLevel.Information, "Import finished: {Imported}/{Total}", imported, files.Count); // OK
        Log.Write(LogEventLevel.Information, {|PA4001:$"Import finished: {imported}/{files.Count}"|});
        Logger.Information("Done {@Summary}", new { imported, total = files.Count }); // OK: destructuring
    }

    public void Cleanup(string directory)
    {
        try
        {
            foreach (var f in Directory.EnumerateFiles(directory)) File.Delete(f);
            Log.Debug("Cleaned {Directory}", directory); // OK
        }
        catch (UnauthorizedAccessException ex)
        {
            Log.Error({|PA4001:"Cleanup of " + directory + " failed: " + {|PA4002:ex.Message|}|});
        }
        catch (Exception ex)
        {
            Log.Fatal(ex, "Cleanup of {Directory} failed", directory); // OK
        }
    }

    public void Configure(string connectionName, string storagePassword)
    {
        Log.Information("Using storage connection {ConnectionName}", connectionName); // OK
        Log.Debug("Storage password {StoragePassword}", {|PA4004:storagePassword|});
        Logger.ForContext("Connection", connectionName).Information("Configured"); // OK
        Logger.ForContext<NightlyImportJob>().Warning({|PA4001:$"Configured {connectionName}"|});
        Log.Logger.Information("Template {Name}", connectionName); // OK
    }
}

public static class SerilogBootstrap
{
    public static void Start(string env, string version)
    {
        Log.Information("Starting {Service} {Version} in {Environment}", "orders-api", version, env); // OK
        Log.Information({|PA4001:string.Format("Starting orders-api {0} in {1}", version, env)|});
        Log.CloseAndFlush();
    }
}
