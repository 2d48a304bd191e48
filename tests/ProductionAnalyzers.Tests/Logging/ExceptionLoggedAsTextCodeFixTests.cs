using Xunit;
using Verify = ProductionAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ProductionAnalyzers.Logging.ExceptionLoggedAsTextAnalyzer,
    ProductionAnalyzers.CodeFixes.Logging.LoggingCodeFixProvider>;

namespace ProductionAnalyzers.Tests.Logging;

public class ExceptionLoggedAsTextCodeFixTests
{
    private static string Mel(string catchBody) => $$"""
        using System;
        using Microsoft.Extensions.Logging;

        public class Service
        {
            private readonly ILogger<Service> _logger;
            public Service(ILogger<Service> logger) => _logger = logger;

            public void SaveOrder(int orderId)
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

    [Fact]
    public async Task InterpolatedTemplate_BecomesExceptionOverloadAndConstantTemplate_Fixes() =>
        await Verify.VerifyCodeFixAsync(
            Mel("""_logger.LogError($"Saving order {orderId} failed: {[|ex.Message|]}");"""),
            Mel("""_logger.LogError(ex, "Saving order {OrderId} failed", orderId);"""));

    [Fact]
    public async Task TextAsOnlyTemplate_GetsMemberMessage_Fixes() =>
        await Verify.VerifyCodeFixAsync(
            Mel("""_logger.LogError([|ex.ToString()|]);"""),
            Mel("""_logger.LogError(ex, "SaveOrder failed");"""));

    [Fact]
    public async Task MessageAsTemplateAndExceptionAsValue_Fixes() =>
        await Verify.VerifyCodeFixAsync(
            Mel("""_logger.LogError([|ex.Message|], ex);"""),
            Mel("""_logger.LogError(ex, "SaveOrder failed");"""));

    [Fact]
    public async Task TextAsValue_PlaceholderAndLabelDropped_Fixes() =>
        await Verify.VerifyCodeFixAsync(
            Mel("""_logger.LogWarning("Order {OrderId} could not be saved. Error: {Error}", orderId, [|ex.Message|]);"""),
            Mel("""_logger.LogWarning(ex, "Order {OrderId} could not be saved.", orderId);"""));

    [Fact]
    public async Task TextInTheMiddle_Fixes() =>
        await Verify.VerifyCodeFixAsync(
            Mel("""_logger.LogError("Saving failed ({Error}) for order {OrderId}", [|ex.Message|], orderId);"""),
            Mel("""_logger.LogError(ex, "Saving failed for order {OrderId}", orderId);"""));

    [Fact]
    public async Task Concatenation_Fixes() =>
        await Verify.VerifyCodeFixAsync(
            Mel("""_logger.LogError("Saving order " + orderId + " failed - " + [|ex.Message|] + " / " + ex.StackTrace);"""),
            Mel("""_logger.LogError(ex, "Saving order {OrderId} failed", orderId);"""));

    [Fact]
    public async Task LogWithLevelAndEventId_ExceptionGoesBeforeTemplate_Fixes() =>
        await Verify.VerifyCodeFixAsync(
            Mel("""_logger.Log(LogLevel.Error, new EventId(4), "Failed {Error}", [|ex.Message|]);"""),
            Mel("""_logger.Log(LogLevel.Error, new EventId(4), ex, "Failed");"""));

    [Fact]
    public async Task SerilogAndNLog_Fix() =>
        await Verify.VerifyCodeFixAsync(
            """
            using System;

            public class Worker
            {
                private static readonly NLog.Logger NLogger = NLog.LogManager.GetCurrentClassLogger();
                private readonly Serilog.ILogger _log;
                public Worker(Serilog.ILogger log) => _log = log;

                public void Run(Action action, int id)
                {
                    try { action(); }
                    catch (Exception e)
                    {
                        _log.Error("Job {Id} failed: {Exception}", id, [|e|]);
                        Serilog.Log.Warning($"Job {id} failed: {[|e.Message|]}");
                        NLogger.Error([|e.ToString()|]);
                        NLogger.Warn("Job {Id} failed: {Error}", id, [|e.Message|]);
                    }
                }
            }
            """,
            """
            using System;

            public class Worker
            {
                private static readonly NLog.Logger NLogger = NLog.LogManager.GetCurrentClassLogger();
                private readonly Serilog.ILogger _log;
                public Worker(Serilog.ILogger log) => _log = log;

                public void Run(Action action, int id)
                {
                    try { action(); }
                    catch (Exception e)
                    {
                        _log.Error(e, "Job {Id} failed", id);
                        Serilog.Log.Warning(e, "Job {Id} failed", id);
                        NLogger.Error(e, "Run failed");
                        NLogger.Warn(e, "Job {Id} failed", id);
                    }
                }
            }
            """);

    [Fact]
    public async Task PositionalTemplate_Fixes() =>
        await Verify.VerifyCodeFixAsync(
            Mel("""_logger.LogError("Order {0} failed: {1}", orderId, [|ex.Message|]);"""),
            Mel("""_logger.LogError(ex, "Order {OrderId} failed", orderId);"""));

    [Fact]
    public async Task AnonymousObjectWithOnlyTheText_PlaceholderDropped_Fixes() =>
        await Verify.VerifyCodeFixAsync(
            Mel("""_logger.LogError("Order {OrderId} failed {@Err}", orderId, new { Error = [|ex.Message|] });"""),
            Mel("""_logger.LogError(ex, "Order {OrderId} failed", orderId);"""));

    [Fact]
    public async Task AnonymousObjectWithOtherMembers_NoFix()
    {
        var source = Mel("""_logger.LogError("Order failed {@Err}", new { Code = orderId, Error = [|ex.Message|] });""");
        await Verify.VerifyCodeFixAsync(source, source);
    }

    [Fact]
    public async Task DifferentExceptionAlreadyPassed_NoFix()
    {
        var source = Mel("""
            var wrapper = new InvalidOperationException("wrapped", ex);
                        _logger.LogError(wrapper, "Failed {Error}", [|ex.Message|]);
            """);
        await Verify.VerifyCodeFixAsync(source, source);
    }

    [Fact]
    public async Task TemplateNotVisible_NoFix()
    {
        var source = Mel("""
            var template = GetTemplate();
                        _logger.LogError(template, [|ex.Message|]);
            """).Replace("public void SaveOrder", "private static string GetTemplate() => \"Failed {Error}\";\n    public void SaveOrder");
        await Verify.VerifyCodeFixAsync(source, source);
    }
}

/// <summary>
/// log4net takes the exception after a plain message, Error(object, Exception); its *Format methods have no exception
/// overload, so the fix moves to the plain method when no other value remains.
/// </summary>
public class ExceptionLoggedAsTextLog4NetCodeFixTests
{
    [Fact]
    public async Task Log4NetFormatAndPlainMessage_Fixes() =>
        await Verify.VerifyCodeFixAsync(
            """
            using System;

            public class ExportJob
            {
                private static readonly log4net.ILog Log = log4net.LogManager.GetLogger(typeof(ExportJob));

                public void Run(Action step, Action upload)
                {
                    try { step(); }
                    catch (Exception ex) { Log.ErrorFormat("Step failed: {0}", {|PA4002:ex.Message|}); }

                    try { upload(); }
                    catch (Exception ex) { Log.Warn("Upload {not a hole} failed: " + {|PA4002:ex.Message|}); }

                    try { step(); }
                    catch (Exception ex) { Log.Error({|PA4002:ex.ToString()|}); }
                }
            }
            """,
            """
            using System;

            public class ExportJob
            {
                private static readonly log4net.ILog Log = log4net.LogManager.GetLogger(typeof(ExportJob));

                public void Run(Action step, Action upload)
                {
                    try { step(); }
                    catch (Exception ex) { Log.Error("Step failed", ex); }

                    try { upload(); }
                    catch (Exception ex) { Log.Warn("Upload {not a hole} failed", ex); }

                    try { step(); }
                    catch (Exception ex) { Log.Error("Run failed", ex); }
                }
            }
            """);

    [Fact]
    public async Task Log4NetErrorFormatWithOtherValues_NoFix()
    {
        // ErrorFormat has no exception overload, and Error(object, Exception) takes no values.
        const string source = """
            using System;

            public class Job
            {
                private static readonly log4net.ILog Log = log4net.LogManager.GetLogger(typeof(Job));

                public void Run(Action step, int id)
                {
                    try { step(); }
                    catch (Exception ex) { Log.ErrorFormat("Step {0} failed: {1}", id, {|PA4002:ex.Message|}); }
                }
            }
            """;
        await Verify.VerifyCodeFixAsync(source, source);
    }
}

/// <summary>NLog's fluent API takes the exception in its own call: <c>.Message(…).Exception(ex)</c>.</summary>
public class ExceptionLoggedAsTextNLogFluentCodeFixTests
{
    [Fact]
    public async Task NLogFluentMessage_AddsExceptionCall_Fixes() =>
        await Verify.VerifyCodeFixAsync(
            """
            using System;
            using NLog;

            public class FeedImporter
            {
                private static readonly Logger Logger = LogManager.GetCurrentClassLogger();

                public void Import(Action step, string feed)
                {
                    try { step(); }
                    catch (Exception ex)
                    {
                        Logger.ForErrorEvent().Message("Import of {Feed} failed: {Reason}", feed, {|PA4002:ex.Message|}).Log();
                    }
                }
            }
            """,
            """
            using System;
            using NLog;

            public class FeedImporter
            {
                private static readonly Logger Logger = LogManager.GetCurrentClassLogger();

                public void Import(Action step, string feed)
                {
                    try { step(); }
                    catch (Exception ex)
                    {
                        Logger.ForErrorEvent().Message("Import of {Feed} failed", feed).Exception(ex).Log();
                    }
                }
            }
            """);
}
