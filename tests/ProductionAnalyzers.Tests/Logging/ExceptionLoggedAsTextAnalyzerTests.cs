using ProductionAnalyzers.Tests.Verifiers;
using Xunit;
using Verify = ProductionAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ProductionAnalyzers.Logging.ExceptionLoggedAsTextAnalyzer>;

namespace ProductionAnalyzers.Tests.Logging;

public class ExceptionLoggedAsTextAnalyzerTests
{
    private static string Mel(string catchBody) => $$"""
        using System;
        using Microsoft.Extensions.Logging;

        public class Service
        {
            private readonly ILogger<Service> _logger;
            public Service(ILogger<Service> logger) => _logger = logger;

            public void Run(int orderId)
            {
                try
                {
                    Console.WriteLine(orderId);
                }
                catch (Exception ex)
                {
                    {{catchBody}}
                }
            }
        }
        """;

    /// <summary>
    /// log4net and NLog's fluent API (real packages): a specific exception summarized at Warning is fine, at Error it is
    /// not; a catch-all at any level; log4net's exception after the message counts as passed.
    /// </summary>
    [Fact]
    public async Task Log4NetAndNLogFluent_Report() =>
        await Verify.VerifyAnalyzerAsync("""
            using System;
            using System.IO;
            using log4net;
            using NLog;

            public class LegacyImport
            {
                private static readonly ILog Log4 = log4net.LogManager.GetLogger(typeof(LegacyImport));
                private static readonly Logger NLogger = NLog.LogManager.GetCurrentClassLogger();

                public void Run(Action step)
                {
                    try
                    {
                        step();
                    }
                    catch (IOException ex)
                    {
                        Log4.WarnFormat("Import skipped: {0}", ex.Message);
                        Log4.ErrorFormat("Import failed: {0}", [|ex.Message|]);
                        Log4.Error("Import failed: " + ex.Message, ex);
                        NLogger.ForWarnEvent().Message("Import skipped: {Reason}", ex.Message).Log();
                        NLogger.ForErrorEvent().Message("Import failed: {Reason}", [|ex.Message|]).Log();
                    }
                    catch (Exception ex)
                    {
                        Log4.Warn([|ex.ToString()|]);
                        NLogger.ForInfoEvent().Message("Import stopped: {Reason}", [|ex.Message|]).Log();
                    }
                }
            }
            """);

    [Fact]
    public async Task MessageInInterpolatedTemplate_Reports() =>
        await Verify.VerifyAnalyzerAsync(
            Mel("""_logger.LogError($"Order {orderId} failed: {{|#0:ex.Message|}}");"""),
            Verify.Diagnostic().WithLocation(0).WithArguments("ex", "ex.Message", "LogError"));

    [Fact]
    public async Task ExceptionTextInAnonymousObjectArgument_Reports() =>
        await Verify.VerifyAnalyzerAsync(Mel("""
            _logger.LogError("Order failed {@Err}", new { Error = [|ex.Message|] });
                    _logger.LogError("Order {OrderId} failed {@Details}", orderId, new { Code = 5, [|ex.StackTrace|] });
                    _logger.LogWarning("Order failed {@Err}", new { Kind = ex.GetType().Name, Exception = [|ex|] });
                    _logger.LogError(ex, "Order failed {@Err}", new { Error = ex.Message });
            """));

    [Fact]
    public async Task EveryTextForm_Reports() =>
        await Verify.VerifyAnalyzerAsync(Mel("""
            _logger.LogError([|ex.Message|]);
                        _logger.LogError([|ex.ToString()|]);
                        _logger.LogError("Failed {Error}", [|ex|]);
                        _logger.LogError("Failed {Trace}", [|ex.StackTrace|]);
                        _logger.LogWarning("Failed: " + [|ex.Message|]);
                        _logger.LogWarning(string.Format("Failed {0}", [|ex.Message|]));
                        _logger.LogWarning($"Inner {[|ex.InnerException?.Message|]}");
                        _logger.LogCritical(new EventId(5), "Failed {Error}", [|ex.GetBaseException().Message|]);
                        _logger.Log(LogLevel.Error, "Failed {Error}", [|ex.Message|]);
            """));

    [Fact]
    public async Task SeveralTextsOfOneException_ReportOnce() =>
        await Verify.VerifyAnalyzerAsync(Mel("""
            _logger.LogError("Failed {Error} {Stack}", [|ex.Message|], ex.StackTrace);
            """));

    [Fact]
    public async Task ExceptionAlsoPassedAsException_DoesNotReport() =>
        await Verify.VerifyAnalyzerAsync(Mel("""
            _logger.LogError(ex, "Failed {Error}", ex.Message);
                        _logger.LogError(ex, $"Failed: {ex.Message}");
                        _logger.LogWarning(ex, "Inner {Inner}", ex.InnerException?.Message);
                        _logger.LogWarning(ex.InnerException, "Outer {Outer}", ex.Message);
            """));

    [Fact]
    public async Task DifferentExceptionPassed_Reports() =>
        await Verify.VerifyAnalyzerAsync(Mel("""
            var wrapper = new InvalidOperationException("wrapped", ex);
                        _logger.LogError(wrapper, "Failed {Error}", [|ex.Message|]);
            """));

    [Fact]
    public async Task ExceptionUsedProperly_OrOtherMembers_DoesNotReport() =>
        await Verify.VerifyAnalyzerAsync(Mel("""
            _logger.LogError(ex, "Order {OrderId} failed", orderId);
                        _logger.LogError("Failed with {ExceptionType} ({HResult})", ex.GetType().Name, ex.HResult);
                        _logger.LogInformation("Order {OrderId} failed", orderId);
            """));

    [Fact]
    public async Task SerilogAndNLog_Report() =>
        await Verify.VerifyAnalyzerAsync("""
            using System;

            public class Worker
            {
                private static readonly NLog.Logger NLogger = NLog.LogManager.GetCurrentClassLogger();
                private readonly Serilog.ILogger _log;
                public Worker(Serilog.ILogger log) => _log = log;

                public void Run(Action action)
                {
                    try { action(); }
                    catch (Exception e)
                    {
                        _log.Error("Failed {Exception}", [|e|]);
                        Serilog.Log.Warning($"Failed: {[|e.Message|]}");
                        _log.Write(Serilog.Events.LogEventLevel.Error, "Failed {Error}", [|e.Message|]);
                        NLogger.Error([|e.ToString()|]);
                        NLogger.Warn("Failed {Error}", [|e.Message|]);
                        NLogger.Log(NLog.LogLevel.Error, $"Failed {[|e|]}");
                        _log.Error(e, "Handled");
                        NLogger.Error(e, "Handled {Type}", e.GetType().Name);
                    }
                }
            }
            """);

    [Fact]
    public async Task ExceptionOutsideCatch_PollyStyleCallback_Reports() =>
        await Verify.VerifyAnalyzerAsync("""
            using System;
            using Microsoft.Extensions.Logging;

            public class Retry
            {
                public static Action<Exception, TimeSpan> OnRetry(ILogger logger) =>
                    (exception, delay) => logger.LogWarning("Retrying in {Delay} after {Error}", delay, [|exception.Message|]);
            }
            """);

    [Fact]
    public async Task LoggerMessageDelegate_TextInsteadOfException_Reports() =>
        await Verify.VerifyAnalyzerAsync("""
            using System;
            using Microsoft.Extensions.Logging;

            public static class Log
            {
                private static readonly Action<ILogger, string, Exception?> Failed =
                    LoggerMessage.Define<string>(LogLevel.Error, new EventId(1), "Failed: {Error}");

                public static void Run(ILogger logger, Exception ex)
                {
                    Failed(logger, [|ex.Message|], null);
                    Failed(logger, "static", ex);
                }
            }
            """);

    [Fact]
    public async Task ScopesAndNonLoggingCalls_DoNotReport() =>
        await Verify.VerifyAnalyzerAsync(Mel("""
            using var scope = _logger.BeginScope("Failure {Error}", ex.Message);
                        Console.WriteLine(ex.Message);
                        var text = ex.Message;
            """));

    [Fact]
    public async Task HalfTypedCode_DoesNotThrow() =>
        await new Verify.Test
        {
            TestCode = Mel("""
                _logger.LogError(ex.Mess
                            _logger.LogError($"x {ex.}");
                            _logger.LogError("x {E}", undefined.Message);
                """),
            CompilerDiagnostics = CompilerDiagnostics.None,
        }.RunAsync();
}

/// <summary>The PA4002 contract per framework: catch-all at any level, specific exception at Error or above, ToString()/the exception as text anywhere.</summary>
public class ExceptionLoggedAsTextContractTests
{
    private static string Catching(string caught, string call) => $$"""
        using System;
        using System.IO;
        using Microsoft.Extensions.Logging;

        public class Job
        {
            private static readonly NLog.Logger NLogger = NLog.LogManager.GetCurrentClassLogger();
            private static readonly log4net.ILog Log4 = log4net.LogManager.GetLogger(typeof(Job));
            private readonly ILogger<Job> _logger;
            private readonly Serilog.ILogger _serilog;

            public Job(ILogger<Job> logger, Serilog.ILogger serilog)
            {
                _logger = logger;
                _serilog = serilog;
            }

            public void Run(string path)
            {
                try
                {
                    File.Delete(path);
                }
                catch ({{caught}} ex)
                {
                    {{call}};
                }
            }
        }
        """;

    [Theory]
    [InlineData("""_logger.LogWarning("Skipped {Path}: {Reason}", path, ex.Message)""")]
    [InlineData("""_logger.LogInformation("Skipped: {Reason}", ex.Message)""")]
    [InlineData("""_logger.Log(LogLevel.Warning, "Skipped: {Reason}", ex.Message)""")]
    [InlineData("""_serilog.Warning("Skipped: {Reason}", ex.Message)""")]
    [InlineData("""_serilog.Write(Serilog.Events.LogEventLevel.Debug, "Skipped: {Reason}", ex.Message)""")]
    [InlineData("""NLogger.Warn("Skipped: {0}", ex.Message)""")]
    [InlineData("""NLogger.Log(NLog.LogLevel.Info, "Skipped: {0}", ex.Message)""")]
    [InlineData("""Log4.WarnFormat("Skipped: {0}", ex.Message)""")]
    [InlineData("""Log4.Info("Skipped: " + ex.Message)""")]
    public async Task SpecificExceptionSummarizedAtWarningOrBelow_DoesNotReport(string call) =>
        await Verify.VerifyAnalyzerAsync(Catching("IOException", call));

    [Theory]
    [InlineData("""_logger.LogError("Failed: {Reason}", {|PA4002:ex.Message|})""")]
    [InlineData("""_logger.LogCritical("Failed: {Reason}", {|PA4002:ex.Message|})""")]
    [InlineData("""_logger.Log(LogLevel.Error, "Failed: {Reason}", {|PA4002:ex.Message|})""")]
    [InlineData("""_serilog.Error("Failed: {Reason}", {|PA4002:ex.Message|})""")]
    [InlineData("""_serilog.Write(Serilog.Events.LogEventLevel.Fatal, "Failed: {Reason}", {|PA4002:ex.Message|})""")]
    [InlineData("""NLogger.Error("Failed: {0}", {|PA4002:ex.Message|})""")]
    [InlineData("""NLogger.Log(NLog.LogLevel.Fatal, "Failed: {0}", {|PA4002:ex.Message|})""")]
    [InlineData("""Log4.ErrorFormat("Failed: {0}", {|PA4002:ex.Message|})""")]
    [InlineData("""Log4.Fatal("Failed: " + {|PA4002:ex.Message|})""")]
    public async Task SpecificExceptionAtErrorOrAbove_Reports(string call) =>
        await Verify.VerifyAnalyzerAsync(Catching("IOException", call));

    [Theory]
    [InlineData("""_logger.LogDebug("Skipped: {Details}", {|PA4002:ex.ToString()|})""")]
    [InlineData("""_logger.LogInformation("Skipped: {Error}", {|PA4002:ex|})""")]
    [InlineData("""_serilog.Information("Skipped: {Trace}", {|PA4002:ex.StackTrace|})""")]
    [InlineData("""NLogger.Trace("Skipped: {0}", {|PA4002:ex|})""")]
    [InlineData("""Log4.DebugFormat("Skipped: {0}", {|PA4002:ex.ToString()|})""")]
    [InlineData("""Log4.Warn({|PA4002:ex|})""")]
    public async Task StackTraceAsTextAtAnyLevel_Reports(string call) =>
        await Verify.VerifyAnalyzerAsync(Catching("IOException", call));

    [Theory]
    [InlineData("""_logger.LogInformation("Skipped: {Reason}", {|PA4002:ex.Message|})""")]
    [InlineData("""_serilog.Debug("Skipped: {Reason}", {|PA4002:ex.Message|})""")]
    [InlineData("""NLogger.Warn("Skipped: {0}", {|PA4002:ex.Message|})""")]
    [InlineData("""Log4.InfoFormat("Skipped: {0}", {|PA4002:ex.Message|})""")]
    public async Task CatchAllAtAnyLevel_Reports(string call) =>
        await Verify.VerifyAnalyzerAsync(Catching("Exception", call));

    [Theory]
    [InlineData("""_logger.LogWarning(ex, "Skipped {Path}", path)""")]
    [InlineData("""NLogger.Error(ex, "Failed {0}", path)""")]
    [InlineData("""Log4.Error("Failed " + path, ex)""")]
    public async Task ExceptionPassedAsException_DoesNotReport(string call) =>
        await Verify.VerifyAnalyzerAsync(Catching("Exception", call));

    private static string Unresolved(string call) => $$"""
        using System;
        using Microsoft.Extensions.Logging;

        public class InvoiceHandler
        {
            private readonly ILogger<InvoiceHandler> _logger;
            public InvoiceHandler(ILogger<InvoiceHandler> logger) => _logger = logger;

            public void Handle(StripeEvent parsedEvent)
            {
                try
                {
                    parsedEvent.Apply();
                }
                catch (Exception exception)
                {
                    {{call}};
                }
            }
        }
        """;

    /// <summary>
    /// A call that does not bind because one argument's type is missing (StripeEvent here): the exception passed before
    /// the message, also after an EventId, is the exception argument, not text (33 findings on a real app were this).
    /// </summary>
    [Theory]
    [InlineData("""_logger.LogError(exception, "Failed to pay invoice ({EventID})", parsedEvent.Id)""")]
    [InlineData("""_logger.LogWarning(exception, "Retrying {EventID}: {Reason}", parsedEvent.Id, exception.Message)""")]
    [InlineData("""_logger.LogError(new EventId(7), exception, "Failed to pay invoice ({EventID})", parsedEvent.Id)""")]
    [InlineData("""_logger.LogError(exception.InnerException, "Failed ({EventID}): {Reason}", parsedEvent.Id, exception.Message)""")]
    public async Task UnresolvedCall_ExceptionBeforeMessage_DoesNotReport(string call) =>
        await new Verify.Test { TestCode = Unresolved(call), CompilerDiagnostics = CompilerDiagnostics.None }.RunAsync();

    [Theory]
    [InlineData("""_logger.LogError("Failed to pay invoice ({EventID}): {Reason}", parsedEvent.Id, {|PA4002:exception.Message|})""")]
    [InlineData("""_logger.LogError(new EventId(7), "Failed ({EventID}): {Error}", parsedEvent.Id, {|PA4002:exception|})""")]
    [InlineData("""_logger.LogInformation("Skipped {EventID}: {Reason}", parsedEvent.Id, {|PA4002:exception.Message|})""")]
    public async Task UnresolvedCall_ExceptionAsText_Reports(string call) =>
        await new Verify.Test { TestCode = Unresolved(call), CompilerDiagnostics = CompilerDiagnostics.None }.RunAsync();

    private static string Filtered(string filter, string call) => $$"""
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Logging;

        public class FeedPoller
        {
            private readonly ILogger<FeedPoller> _logger;
            private readonly HttpClient _http;
            public FeedPoller(ILogger<FeedPoller> logger, HttpClient http) { _logger = logger; _http = http; }

            public async Task<string?> PollAsync(Uri feed)
            {
                try
                {
                    return await _http.GetStringAsync(feed);
                }
                catch (Exception ex) {{filter}}
                {
                    {{call}};
                    return null;
                }
            }

            private static bool IsTransient(Exception ex) => ex is HttpRequestException or TimeoutException;
        }
        """;

    /// <summary>A catch-all whose filter selects the failures it takes is a catch of specific exceptions.</summary>
    [Theory]
    [InlineData("when (ex is HttpRequestException or TaskCanceledException)")]
    [InlineData("when (ex is HttpRequestException { StatusCode: not null })")]
    [InlineData("when (IsTransient(ex))")]
    public async Task CatchAllNarrowedByFilter_SummaryBelowError_DoesNotReport(string filter) =>
        await Verify.VerifyAnalyzerAsync(Filtered(filter, """_logger.LogWarning("Feed {Feed} unavailable: {Reason}", feed, ex.Message)"""));

    [Theory]
    [InlineData("when (ex is not OperationCanceledException)")]
    [InlineData("when (feed.IsAbsoluteUri)")]
    [InlineData("")]
    public async Task CatchAllNotNarrowed_SummaryBelowError_Reports(string filter) =>
        await Verify.VerifyAnalyzerAsync(Filtered(filter, """_logger.LogWarning("Feed {Feed} unavailable: {Reason}", feed, {|PA4002:ex.Message|})"""));

    [Fact]
    public async Task CatchAllNarrowedByFilter_SummaryAtError_Reports() =>
        await Verify.VerifyAnalyzerAsync(Filtered("when (ex is HttpRequestException)", """_logger.LogError("Feed {Feed} failed: {Reason}", feed, {|PA4002:ex.Message|})"""));
}
