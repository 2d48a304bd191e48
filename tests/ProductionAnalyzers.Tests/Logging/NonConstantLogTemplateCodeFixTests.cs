using ProductionAnalyzers.CodeFixes;
using ProductionAnalyzers.Tests.Verifiers;
using Xunit;
using Verify = ProductionAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ProductionAnalyzers.Logging.NonConstantLogTemplateAnalyzer,
    ProductionAnalyzers.CodeFixes.Logging.LoggingCodeFixProvider>;

namespace ProductionAnalyzers.Tests.Logging;

public class NonConstantLogTemplateCodeFixTests
{
    private static string Mel(string body) => $$"""
        using System;
        using System.Collections.Generic;
        using Microsoft.Extensions.Logging;

        public class Order { public int Id { get; set; } public decimal Total { get; set; } public decimal GetTotal() => Total; public Customer Customer { get; } = new Customer(); }
        public class Customer { public string Email { get; set; } = ""; }

        public class Service
        {
            private readonly ILogger<Service> _logger;
            private int _count;
            public Service(ILogger<Service> logger) => _logger = logger;
            private decimal GetTotal() => 1m;
            private int[] Items { get; } = new int[3];

            public void Run(Order order, string name, decimal price, int @event, Dictionary<string, int> map, Exception ex)
            {
                {{body}}
            }
        }
        """;

    [Fact]
    public async Task Interpolation_FormatAndAlignmentKept_Fixes() =>
        await Verify.VerifyCodeFixAsync(
            Mel("""_logger.LogInformation([|$"Order {order.Id} costs {price:C} for {name,10} ({order.Total,8:N2})"|]);"""),
            Mel("""_logger.LogInformation("Order {OrderId} costs {Price:C} for {Name,10} ({OrderTotal,8:N2})", order.Id, price, name, order.Total);"""));

    [Fact]
    public async Task BeginScopeWithStringState_BecomesTemplateScope_Fixes() =>
        await Verify.VerifyCodeFixAsync(
            Mel("""
                using var scope = _logger.BeginScope([|$"Customer {order.Id}"|]);
                using (_logger.BeginScope([|"Tenant " + name|]))
                {
                }
                """),
            Mel("""
                using var scope = _logger.BeginScope("Customer {OrderId}", order.Id);
                using (_logger.BeginScope("Tenant {Name}", name))
                {
                }
                """));

    [Fact]
    public async Task PassThroughWrapper_FixedWhenItsBodyForwardsToALogger_InterfaceNot()
    {
        const string Wrappers = """
            using Microsoft.Extensions.Logging;

            public interface IAppLogger<T> { void LogInformation(string message, params object[] args); }

            public static class LogHelpers
            {
                public static void Info(this ILogger logger, string message, params object[] args) => logger.LogInformation(message, args);
            }

            """;
        await new Verify.Test
        {
            TestCode = Wrappers + """
                public class S(ILogger<S> logger, IAppLogger<S> appLogger)
                {
                    public void Run(int id)
                    {
                        logger.Info([|$"Order {id}"|]);
                        appLogger.LogInformation([|$"Order {id}"|]);
                    }
                }
                """,
            FixedCode = Wrappers + """
                public class S(ILogger<S> logger, IAppLogger<S> appLogger)
                {
                    public void Run(int id)
                    {
                        logger.Info("Order {Id}", id);
                        appLogger.LogInformation([|$"Order {id}"|]);
                    }
                }
                """,

            // The interface call keeps its diagnostic: markup in the fixed code marks what stays reported.
            FixedState = { MarkupHandling = MarkupMode.Allow },
        }.RunAsync();
    }

    [Fact]
    public async Task Concatenation_Fixes() =>
        await Verify.VerifyCodeFixAsync(
            Mel("""_logger.LogWarning([|"Order " + order.Id + " for " + name + " failed"|]);"""),
            Mel("""_logger.LogWarning("Order {OrderId} for {Name} failed", order.Id, name);"""));

    [Fact]
    public async Task RawAndVerbatimInterpolation_Fixes() =>
        // The shared text-pieces layer reads raw interpolated strings (once refused here) and keeps a verbatim message verbatim.
        await Verify.VerifyCodeFixAsync(
            Mel(""""
                _logger.LogInformation([|$"""Order "{order.Id}" for {name}"""|]);
                        _logger.LogWarning([|$@"Path C:\data\{name} missing"|]);
                """"),
            Mel(""""
                _logger.LogInformation("Order \"{OrderId}\" for {Name}", order.Id, name);
                        _logger.LogWarning(@"Path C:\data\{Name} missing", name);
                """"));

    [Fact]
    public async Task StringFormat_Fixes() =>
        await Verify.VerifyCodeFixAsync(
            Mel("""_logger.LogError([|string.Format("Order {0} total {1:N2} by {2,-12}", order.Id, price, name)|]);"""),
            Mel("""_logger.LogError("Order {OrderId} total {Price:N2} by {Name,-12}", order.Id, price, name);"""));

    [Fact]
    public async Task FormattableStringInvariant_Fixes() =>
        await Verify.VerifyCodeFixAsync(
            Mel("""_logger.LogInformation([|FormattableString.Invariant($"Total {price:N2}")|]);"""),
            Mel("""_logger.LogInformation("Total {Price:N2}", price);"""));

    [Fact]
    public async Task ExistingExceptionArgument_ValuesGoAfterIt_Fixes() =>
        await Verify.VerifyCodeFixAsync(
            Mel("""_logger.LogError(ex, [|$"Order {order.Id} failed"|]);"""),
            Mel("""_logger.LogError(ex, "Order {OrderId} failed", order.Id);"""));

    [Fact]
    public async Task PlaceholderNaming_EdgeCases_Fixes() =>
        await Verify.VerifyCodeFixAsync(
            Mel("""_logger.LogInformation([|$"{order.Id} {order.Id} {GetTotal()} {order.GetTotal()} {this._count} {_count} {@event} {Items[0]} {map["region"]} {order.Customer.Email} {price * 2}"|]);"""),
            Mel("""_logger.LogInformation("{OrderId} {OrderId2} {Total} {OrderTotal} {Count} {Count2} {Event} {Items} {Region} {CustomerEmail} {Value}", order.Id, order.Id, GetTotal(), order.GetTotal(), this._count, _count, @event, Items[0], map["region"], order.Customer.Email, price * 2);"""));

    [Fact]
    public async Task BracesInLiteralText_AreEscaped_Fixes() =>
        await Verify.VerifyCodeFixAsync(
            Mel("""_logger.LogInformation([|$"Payload {{\"id\": {order.Id}}}"|]);"""),
            Mel("""_logger.LogInformation("Payload {{\"id\": {OrderId}}}", order.Id);"""));

    [Fact]
    public async Task ConcatenationWithExistingPlaceholders_KeepsThemInOrder_Fixes() =>
        await Verify.VerifyCodeFixAsync(
            Mel("""_logger.LogInformation([|"Order {OrderId} by " + name + " at {Price}"|], order.Id, price);"""),
            Mel("""_logger.LogInformation("Order {OrderId} by {Name} at {Price}", order.Id, name, price);"""));

    [Fact]
    public async Task ConcatenationWithExistingPositionalPlaceholders_Fixes() =>
        await Verify.VerifyCodeFixAsync(
            Mel("""_logger.LogInformation([|"Order {1} costs {0:C} for " + name|], price, order.Id);"""),
            Mel("""_logger.LogInformation("Order {OrderId} costs {Price:C} for {Name}", order.Id, price, name);"""));

    [Fact]
    public async Task LogWithLevel_Fixes() =>
        await Verify.VerifyCodeFixAsync(
            Mel("""_logger.Log(LogLevel.Warning, new EventId(3), [|$"Level {name}"|]);"""),
            Mel("""_logger.Log(LogLevel.Warning, new EventId(3), "Level {Name}", name);"""));

    [Fact]
    public async Task PrebuiltLocalUsedOnce_IsInlined_Fixes() =>
        await Verify.VerifyCodeFixAsync(
            Mel("""
                var message = $"Processed order {order.Id}";
                        _logger.LogInformation([|message|]);
                """),
            Mel("""
                _logger.LogInformation("Processed order {OrderId}", order.Id);
                """));

    [Fact]
    public async Task PrebuiltLocalUsedElsewhere_NoFix()
    {
        var source = Mel("""
            var message = $"Processed order {order.Id}";
                    _logger.LogInformation([|message|]);
                    Console.WriteLine(message);
            """);
        await Verify.VerifyCodeFixAsync(source, source);
    }

    [Fact]
    public async Task DefineTemplate_NoFix()
    {
        var source = """
            using System;
            using Microsoft.Extensions.Logging;

            public static class Log
            {
                private static readonly string Prefix = Environment.MachineName;
                private static readonly Action<ILogger, int, Exception?> Shipped =
                    LoggerMessage.Define<int>(LogLevel.Information, new EventId(1), [|Prefix + " shipped {OrderId}"|]);
            }
            """;
        await Verify.VerifyCodeFixAsync(source, source);
    }

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

                public void Run(int orderId, string name, Exception ex)
                {
                    _log.Information([|$"Order {orderId} by {name}"|]);
                    Serilog.Log.Error(ex, [|"Order " + orderId + " failed"|]);
                    _log.Write(Serilog.Events.LogEventLevel.Debug, [|string.Format("Write {0}", name)|]);
                    NLogger.Info([|$"Order {orderId}"|]);
                    NLogger.Error(ex, [|"Failed " + name|]);
                    NLogger.Log(NLog.LogLevel.Warn, [|$"Level {orderId} {name} {orderId + 1} {name.Length}"|]);
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

                public void Run(int orderId, string name, Exception ex)
                {
                    _log.Information("Order {OrderId} by {Name}", orderId, name);
                    Serilog.Log.Error(ex, "Order {OrderId} failed", orderId);
                    _log.Write(Serilog.Events.LogEventLevel.Debug, "Write {Name}", name);
                    NLogger.Info("Order {OrderId}", orderId);
                    NLogger.Error(ex, "Failed {Name}", name);
                    NLogger.Log(NLog.LogLevel.Warn, "Level {OrderId} {Name} {Value} {NameLength}", orderId, name, orderId + 1, name.Length);
                }
            }
            """);

    [Fact]
    public async Task SeveralInOneDocument_FixAll() =>
        await Verify.VerifyCodeFixAsync(
            Mel("""
                _logger.LogInformation([|$"A {order.Id}"|]);
                        _logger.LogWarning([|"B " + name|]);
                        _logger.LogError([|string.Format("C {0}", price)|]);
                """),
            Mel("""
                _logger.LogInformation("A {OrderId}", order.Id);
                        _logger.LogWarning("B {Name}", name);
                        _logger.LogError("C {Price}", price);
                """));

    [Fact]
    public async Task FormatWithValueTypeArray_NoFix()
    {
        // new int[] { ... } is not an object[]: string.Format sees one value, so the array cannot be taken apart.
        var source = Mel("""_logger.LogInformation([|string.Format("Ids {0}", new int[] { order.Id, 2 })|]);""");
        await Verify.VerifyCodeFixAsync(source, source);
    }
}

/// <summary>log4net's *Format methods take a composite format: the fix writes numbered holes ({0}), never named ones (they would throw).</summary>
public class NonConstantLogTemplateLog4NetCodeFixTests
{
    [Fact]
    public async Task Log4NetFormatMethods_Fixes() =>
        await Verify.VerifyCodeFixAsync(
            """
            using log4net;

            public class ReportJob
            {
                private static readonly ILog Log = LogManager.GetLogger(typeof(ReportJob));

                public void Run(int id, string owner, decimal total, string action)
                {
                    Log.InfoFormat({|PA4001:$"Job {id} done"|});
                    Log.WarnFormat({|PA4001:"Report of " + owner + " did {0} for {1,8:N2}"|}, action, total);
                    Log.ErrorFormat({|PA4001:string.Format("Job {0} of {1}", id, owner)|});
                }
            }
            """,
            """
            using log4net;

            public class ReportJob
            {
                private static readonly ILog Log = LogManager.GetLogger(typeof(ReportJob));

                public void Run(int id, string owner, decimal total, string action)
                {
                    Log.InfoFormat("Job {0} done", id);
                    Log.WarnFormat("Report of {0} did {1} for {2,8:N2}", owner, action, total);
                    Log.ErrorFormat("Job {0} of {1}", id, owner);
                }
            }
            """);

    [Fact]
    public async Task Log4NetFormatWithNamedHole_NoFix()
    {
        // "{Action}" in a composite format throws at run time: the fix does not silently turn it into a working format.
        const string source = """
            public class Job
            {
                private static readonly log4net.ILog Log = log4net.LogManager.GetLogger(typeof(Job));

                public void Run(int id, string action) => Log.InfoFormat({|PA4001:"Job " + id + " did {Action}"|}, action);
            }
            """;
        await Verify.VerifyCodeFixAsync(source, source);
    }
}

/// <summary>NLog's fluent API: the template of <c>For*Event().Message(…)</c> is fixed like any other.</summary>
public class NonConstantLogTemplateNLogFluentCodeFixTests
{
    [Fact]
    public async Task NLogFluentMessage_Fixes() =>
        await Verify.VerifyCodeFixAsync(
            """
            using NLog;

            public class FeedImporter
            {
                private static readonly Logger Logger = LogManager.GetCurrentClassLogger();

                public void Import(string feed, int count)
                {
                    Logger.ForInfoEvent().Message({|PA4001:$"Imported {count} items from {feed}"|}).Log();
                    Logger.ForWarnEvent().Message({|PA4001:"Feed " + feed + " is stale"|}).Property("Feed", feed).Log();
                }
            }
            """,
            """
            using NLog;

            public class FeedImporter
            {
                private static readonly Logger Logger = LogManager.GetCurrentClassLogger();

                public void Import(string feed, int count)
                {
                    Logger.ForInfoEvent().Message("Imported {Count} items from {Feed}", count, feed).Log();
                    Logger.ForWarnEvent().Message("Feed {Feed} is stale", feed).Property("Feed", feed).Log();
                }
            }
            """);
}
