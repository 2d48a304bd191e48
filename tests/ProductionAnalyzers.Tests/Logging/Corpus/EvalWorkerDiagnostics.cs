using System.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EvalCorpus.Logging.Workers;

public sealed class ReportLine
{
    private readonly List<string> _lines = new();
    public void WriteLine(string text) => _lines.Add(text); // not Console
    public override string ToString() => string.Join(Environment.NewLine, _lines);
}

public sealed class CacheWarmupWorker : BackgroundService
{
    private readonly ILogger<CacheWarmupWorker> _logger;
    public CacheWarmupWorker(ILogger<CacheWarmupWorker> logger) => _logger = logger;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        {|PA4003:Console.WriteLine("Cache warmup starting")|};
        var sw = Stopwatch.StartNew();
        var report = new ReportLine();
        for (var i = 0; i < 3 && !stoppingToken.IsCancellationRequested; i++)
        {
            await Task.Delay(10, stoppingToken);
            report.WriteLine($"segment {i} warmed"); // OK: own type
            {|PA4003:Debug.WriteLine($"segment {i} warmed")|};
            _logger.LogDebug("Segment {Segment} warmed", i); // OK
        }
        Debug.Assert(sw.ElapsedMilliseconds >= 0); // OK: not output
        {|PA4003:Trace.WriteLine("warmup done in " + sw.ElapsedMilliseconds)|};
        _logger.LogInformation("Warmup finished in {ElapsedMs} ms", sw.ElapsedMilliseconds); // OK
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await base.StopAsync(cancellationToken);
        }
        catch (Exception ex)
        {
            {|PA4003:Console.Error.WriteLine(ex)|};
            throw;
        }
    }
}

public sealed class DiskSpaceHealthCheck : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var drive = new DriveInfo(Path.GetPathRoot(AppContext.BaseDirectory)!);
        var freeGb = drive.AvailableFreeSpace / 1024 / 1024 / 1024;
        {|PA4003:Console.Write("free GB: ")|};
        {|PA4003:Console.WriteLine(freeGb)|};
        {|PA4003:Debug.Write(freeGb)|};
        {|PA4003:Trace.Write("checked")|};
        return Task.FromResult(freeGb > 5 ? HealthCheckResult.Healthy() : HealthCheckResult.Degraded($"Only {freeGb} GB free"));
    }
}

public static class ConsoleHelpers
{
    public static string? Prompt(string question)
    {
        var prev = Console.ForegroundColor;
        Console.ForegroundColor = ConsoleColor.Yellow; // OK: not output
        Console.ForegroundColor = prev;
        return Console.ReadLine(); // OK: input
    }

    public static bool IsInteractive() => !Console.IsInputRedirected; // OK
}

public sealed class SeedDataService
{
    private readonly ILogger _logger;
    public SeedDataService(ILogger<SeedDataService> logger) => _logger = logger;

    public int Seed(IEnumerable<string> tenants)
    {
        var n = 0;
        foreach (var t in tenants)
        {
            n++;
            _logger.LogInformation("Seeded tenant {Tenant}", t); // OK
            {|PA4003:Console.WriteLine($"Seeded {t}")|};
        }
        {|PA4003:Console.Error.WriteLine("seed finished")|};
        return n;
    }
}
