using NLog;

namespace EvalCorpus.Logging.NLogFluent;

public sealed class ImportSettings
{
    public string Source { get; set; } = "";
    public string AccessToken { get; set; } = "";
}

/// <summary>NLog's fluent API: logger.ForXxxEvent().Message(…).Property(…).Exception(ex).Log().</summary>
public sealed class CatalogImporter
{
    private static readonly Logger Logger = LogManager.GetCurrentClassLogger();

    public int Import(ImportSettings settings, IReadOnlyList<string> rows)
    {
        Logger.ForInfoEvent().Message("Importing {Count} rows from {Source}", rows.Count, settings.Source).Log(); // OK
        Logger.ForDebugEvent().Message({|PA4001:$"Importing from {settings.Source}"|}).Log();
        Logger.ForTraceEvent().Message("Token {Token}", {|PA4004:settings.AccessToken|}).Log();
        var imported = 0;
        foreach (var row in rows)
        {
            try
            {
                imported += row.Length > 0 ? 1 : 0;
            }
            catch (FormatException ex)
            {
                Logger.ForWarnEvent().Message("Row skipped: {Reason}", ex.Message).Log(); // OK: specific, summarized at Warning
            }
            catch (InvalidOperationException ex)
            {
                Logger.ForErrorEvent().Message("Row failed: {Reason}", ex.Message).Exception(ex).Log(); // OK: exception passed
            }
            catch (Exception ex)
            {
                Logger.ForErrorEvent().Message("Row failed: {Reason}", {|PA4002:ex.Message|}).Log();
            }
        }

        return imported;
    }
}
