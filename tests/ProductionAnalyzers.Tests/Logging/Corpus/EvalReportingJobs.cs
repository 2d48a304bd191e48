using System.Globalization;
using Microsoft.Extensions.Logging;

namespace EvalCorpus.Logging.Reporting;

public interface IAppLogger
{
    void Info(string message);
    void LogInformation(string message);
}

public static class ReportLogExtensions
{
    public static void ReportGenerated(this ILogger logger, string report, int rows)
        => logger.LogInformation("Report {Report} generated with {Rows} rows", report, rows); // OK
}

public sealed class MonthlyReportJob
{
    private readonly ILogger<MonthlyReportJob> _logger;
    private readonly IAppLogger _appLogger;

    public MonthlyReportJob(ILogger<MonthlyReportJob> logger, IAppLogger appLogger)
    {
        _logger = logger;
        _appLogger = appLogger;
    }

    public async Task RunAsync(DateOnly month, IReadOnlyList<string> regions)
    {
        _appLogger.Info($"Monthly report for {month}"); // OK: in-house logger, not MEL/Serilog/NLog
        _appLogger.LogInformation("Monthly report for " + month); // OK: in-house logger
        _logger.LogInformation(new EventId(5000), {|PA4001:$"Monthly report for {month:yyyy-MM}"|});
        _logger.LogInformation(new EventId(5001), "Monthly report for {Month}", month.ToString("yyyy-MM", CultureInfo.InvariantCulture)); // OK
        _logger.LogInformation("Regions: {Regions}", string.Join(", ", regions)); // OK: joined value as argument
        _logger.LogInformation({|PA4001:"Regions: " + string.Join(", ", regions)|});

        foreach (var region in regions)
        {
            var rows = 0;
            try
            {
                await Task.Delay(1);
                rows = region.Length * 10;
                _logger.ReportGenerated(region, rows); // OK
            }
            catch (TimeoutException ex)
            {
                _logger.LogWarning("Region {Region} timed out after {Seconds}s ({ExceptionType})", region, 30, ex.GetType().Name); // OK: type name only
            }
            catch (IOException ex)
            {
                _logger.LogWarning("Region {Region} failed: {Error}", region, ex.Message); // OK for PA4002: a specific exception summarized at Warning or below
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "Region {Region} failed", region); // OK
                _logger.LogError(ex, "Failed " + nameof(RunAsync)); // OK: constant concatenation with nameof
            }
        }
    }

    public void Summary(int total, TimeSpan elapsed)
    {
        _logger.LogInformation("Total {Total} rows in {Elapsed:c}", total, elapsed); // OK: format specifier in template
        _logger.LogInformation({|PA4001:$"Total {total,8} rows in {elapsed:c}"|});
        _logger.LogInformation({|PA4001:$"""
            Summary:
              rows    = {total}
              elapsed = {elapsed}
            """|});
        const string Header = "[monthly]";
        _logger.LogInformation($"{Header} done"); // OK: constant interpolation
    }

    public static void StaticHelper(ILogger log, string file)
    {
        log.LogDebug({|PA4001:"Writing " + file|});
        log.LogDebug("Writing {File}", file); // OK
    }
}
