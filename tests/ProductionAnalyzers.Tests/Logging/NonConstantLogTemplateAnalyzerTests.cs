using ProductionAnalyzers.Logging;
using ProductionAnalyzers.Tests.Verifiers;
using Xunit;
using Verify = ProductionAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ProductionAnalyzers.Logging.NonConstantLogTemplateAnalyzer>;

namespace ProductionAnalyzers.Tests.Logging;

public class NonConstantLogTemplateAnalyzerTests
{
    private static string Mel(string body, string members = "") => $$"""
        using System;
        using Microsoft.Extensions.Logging;

        public class Order { public int Id { get; set; } public decimal Total { get; set; } }

        public class Service
        {
            private const string Component = "orders";
            private static readonly string Suffix = DateTime.UtcNow.Year.ToString();
            private readonly ILogger<Service> _logger;
            public Service(ILogger<Service> logger) => _logger = logger;
            {{members}}
            public void Run(Order order, string name, int count, Exception error)
            {
                {{body}}
            }
        }
        """;

    [Theory]
    [InlineData("LogTrace")]
    [InlineData("LogDebug")]
    [InlineData("LogInformation")]
    [InlineData("LogWarning")]
    [InlineData("LogError")]
    [InlineData("LogCritical")]
    public async Task MelLevelMethod_Interpolated_Reports(string method) =>
        await Verify.VerifyAnalyzerAsync(Mel($$"""_logger.{{method}}([|$"Order {order.Id} by {name}"|]);"""));

    /// <summary>log4net's *Format methods and NLog's fluent Message (real packages); log4net's plain message is not a template.</summary>
    [Fact]
    public async Task Log4NetFormatAndNLogFluentMessage_Report() =>
        await Verify.VerifyAnalyzerAsync("""
            using System;
            using log4net;
            using NLog;

            public class LegacyJobs
            {
                private static readonly ILog Log4 = log4net.LogManager.GetLogger(typeof(LegacyJobs));
                private static readonly Logger NLogger = NLog.LogManager.GetCurrentClassLogger();

                public void Run(int jobId, string name)
                {
                    Log4.InfoFormat([|$"Job {jobId} started"|]);
                    Log4.WarnFormat([|"Job " + name + " slow: {0}"|], jobId);
                    Log4.InfoFormat("Job {0} started", jobId);
                    Log4.Info($"Job {jobId} started");
                    NLogger.ForInfoEvent().Message([|$"Job {jobId} started"|]).Log();
                    NLogger.ForWarnEvent().Message([|"Job " + name + " slow"|]).Log();
                    NLogger.ForInfoEvent().Message("Job {JobId} started", jobId).Log();
                }
            }
            """);

    [Fact]
    public async Task MelOverloads_EventIdExceptionAndLog_Report() =>
        await Verify.VerifyAnalyzerAsync(Mel("""
            _logger.LogInformation(new EventId(7), [|$"Order {order.Id}"|]);
            _logger.LogError(error, [|$"Order {order.Id} failed"|]);
            _logger.LogError(new EventId(8), error, [|"Order " + order.Id|]);
            _logger.Log(LogLevel.Warning, [|$"Level {count}"|]);
            _logger.Log(LogLevel.Warning, error, [|string.Format("Failed {0}", name)|]);
            using var scope = _logger.BeginScope([|"Order " + order.Id + " {Name}"|], name);
            """));

    [Fact]
    public async Task BeginScope_StringStateBuiltFromValues_Reports() =>
        await Verify.VerifyAnalyzerAsync(Mel("""
            using var scope = _logger.BeginScope([|$"Customer {order.Id}"|]);
            using var scope2 = _logger.BeginScope([|"Tenant " + name|]);
            using (_logger.BeginScope([|string.Format("Batch {0}", count)|]))
            {
            }

            ILogger plain = _logger;
            using var scope3 = plain.BeginScope([|$"Plain {count}"|]);
            """));

    [Fact]
    public async Task BeginScope_NonStringState_DoesNotReport() =>
        await Verify.VerifyAnalyzerAsync(Mel("""
            using var scope = _logger.BeginScope(new System.Collections.Generic.Dictionary<string, object> { ["OrderId"] = order.Id });
            using var scope2 = _logger.BeginScope(new { OrderId = order.Id, Name = $"n{name}" });
            """));

    [Theory]
    [InlineData("""string.Join(", ", name, Component)""", "built with string.Join")]
    [InlineData("""string.Concat("Order ", name)""", "built with string.Concat")]
    [InlineData("""FormattableString.Invariant($"Total {order.Total}")""", "built with FormattableString.Invariant")]
    [InlineData("""new System.Text.StringBuilder().Append(name).ToString()""", "built with a StringBuilder")]
    public async Task Message_NamesTheActualBuilder(string template, string form) =>
        await Verify.VerifyAnalyzerAsync(
            Mel($$"""_logger.LogError({|#0:{{template}}|});"""),
            Verify.Diagnostic().WithLocation(0).WithArguments("LogError", form));

    [Fact]
    public async Task BuildingForms_Report() =>
        await Verify.VerifyAnalyzerAsync(Mel("""
            _logger.LogInformation([|"Processed " + count + " orders"|]);
            _logger.LogInformation([|"Component " + Component + Suffix|]);
            _logger.LogInformation([|string.Format("Order {0} total {1:C}", order.Id, order.Total)|]);
            _logger.LogInformation([|string.Concat("Order ", name)|]);
            _logger.LogInformation([|string.Join(", ", name, Component)|]);
            _logger.LogInformation([|count > 1 ? $"Many {count}" : "One"|]);
            _logger.LogInformation([|FormattableString.Invariant($"Total {order.Total}")|]);
            _logger.LogInformation(FormattableString.Invariant($"Component {Component}"));
            """));

    [Fact]
    public async Task StringBuilderText_Reports() =>
        await Verify.VerifyAnalyzerAsync(
            Mel("""
                var sb = new System.Text.StringBuilder();
                        sb.Append("Order ").Append(order.Id);
                        _logger.LogInformation({|#0:sb.ToString()|});
                """),
            Verify.Diagnostic().WithLocation(0).WithArguments("LogInformation", "built with a StringBuilder"));

    [Fact]
    public async Task PrebuiltLocal_Reports()
    {
        var source = Mel("""
            var message = $"Order {order.Id} processed";
            _logger.LogInformation({|#0:message|});
            string later;
            later = "Total " + order.Total;
            _logger.LogWarning({|#1:later|});
            var appended = "Items:";
            appended += name;
            _logger.LogDebug({|#2:appended|});
            """);
        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("LogInformation", "an interpolated string stored in local 'message'"),
            Verify.Diagnostic().WithLocation(1).WithArguments("LogWarning", "a concatenation stored in local 'later'"),
            Verify.Diagnostic().WithLocation(2).WithArguments("LogDebug", "a concatenation stored in local 'appended'"));
    }

    [Fact]
    public async Task Message_NamesMethodAndForm() =>
        await Verify.VerifyAnalyzerAsync(
            Mel("""_logger.LogError({|#0:string.Format("x {0}", name)|});"""),
            Verify.Diagnostic().WithLocation(0).WithArguments("LogError", "built with string.Format"));

    [Fact]
    public async Task ConstantsAndNotBuiltValues_DoNotReport() =>
        await Verify.VerifyAnalyzerAsync(Mel("""
            _logger.LogInformation("Order {OrderId} processed", order.Id);
            _logger.LogInformation("Component " + Component + " started");
            _logger.LogInformation($"{nameof(Run)} started in {Component}");
            _logger.LogInformation($"Retry {3} of {5}");
            _logger.LogInformation(nameof(Run) + " done");
            _logger.LogInformation(name);
            _logger.LogInformation(Suffix);
            _logger.LogInformation(Describe(order), order.Id);
            var template = "Order {OrderId} done";
            _logger.LogInformation(template, order.Id);
            using var scope = _logger.BeginScope($"Scope {nameof(Run)}");
            using var scope2 = _logger.BeginScope(name);
            using var scope3 = _logger.BeginScope("Scope " + Component);
            """, "private static string Describe(Order o) => \"Order {OrderId}\";"));

    [Fact]
    public async Task LoggerMessageDefine_Reports() =>
        await Verify.VerifyAnalyzerAsync("""
            using System;
            using Microsoft.Extensions.Logging;

            public static class Log
            {
                private static readonly string Prefix = Environment.MachineName;
                private static readonly Action<ILogger, int, Exception?> Shipped =
                    LoggerMessage.Define<int>(LogLevel.Information, new EventId(1), [|Prefix + " shipped {OrderId}"|]);
                private static readonly Action<ILogger, int, Exception?> Ok =
                    LoggerMessage.Define<int>(LogLevel.Information, new EventId(2), "Shipped {OrderId}");
                private static readonly Func<ILogger, int, IDisposable?> Scope =
                    LoggerMessage.DefineScope<int>([|$"{Prefix} order {{OrderId}}"|]);
            }
            """);

    [Fact]
    public async Task Serilog_InstanceStaticWriteAndForContext_Report() =>
        await Verify.VerifyAnalyzerAsync("""
            using System;
            using Serilog;
            using Serilog.Events;

            public class Worker
            {
                private readonly ILogger _log;
                public Worker(ILogger log) => _log = log;

                public void Run(int id, string name, Exception ex)
                {
                    _log.Verbose([|$"V {id}"|]);
                    _log.Debug([|$"D {id}"|]);
                    _log.Information([|$"I {id}"|]);
                    _log.Warning([|"W " + name|]);
                    _log.Error(ex, [|$"E {id}"|]);
                    _log.Fatal([|string.Format("F {0}", id)|]);
                    _log.Write(LogEventLevel.Information, [|$"Write {id}"|]);
                    Log.Information([|$"Static {id}"|]);
                    Log.Error(ex, [|"Static " + name|]);
                    Log.ForContext("Id", id).ForContext<Worker>().Warning([|$"Chained {name}"|]);
                    Log.Information("Fine {Id}", id);
                    _log.Information(name);
                }
            }
            """);

    [Fact]
    public async Task NLog_LoggerAndInterface_Report() =>
        await Verify.VerifyAnalyzerAsync("""
            using System;
            using NLog;

            public class Sync
            {
                private static readonly Logger Log = LogManager.GetCurrentClassLogger();
                private readonly ILogger _audit = LogManager.GetLogger("audit");

                public void Run(int id, string name, Exception ex, object payload)
                {
                    Log.Trace([|$"T {id}"|]);
                    Log.Debug([|$"D {id}"|]);
                    Log.Info([|$"I {id}"|]);
                    Log.Warn([|"W " + name|]);
                    Log.Error(ex, [|$"E {id}"|]);
                    Log.Fatal([|string.Format("F {0}", id)|]);
                    Log.Log(LogLevel.Info, [|$"L {id}"|]);
                    _audit.Info([|$"Audit {name}"|]);
                    Log.Info("Fine {Id}", id);
                    Log.Info("Plain");
                    Log.Info(name);
                    Log.Info(payload);
                    Log.Info(id);
                }
            }
            """);

    [Fact]
    public async Task SerilogStyleWrapperWithTemplateAttribute_Reports_PassThroughWrapper_DoesNotReport() =>
        await Verify.VerifyAnalyzerAsync("""
            using Microsoft.Extensions.Logging;
            using Serilog.Core;

            public static class AppLog
            {
                [MessageTemplateFormatMethod("template")]
                public static void Audit(string template, params object[] values) { }

                public static void Note(this ILogger logger, string message) => logger.LogInformation(message);
            }

            public class User
            {
                public void Run(ILogger logger, int id)
                {
                    AppLog.Audit([|$"Audit {id}"|]);
                    AppLog.Audit("Audit {Id}", id);
                    logger.Note($"Note {id}");
                }
            }
            """);

    [Fact]
    public async Task PassThroughWrappers_WithTemplateAndValues_Report() =>
        await Verify.VerifyAnalyzerAsync("""
            using System;
            using Microsoft.Extensions.Logging;

            public interface IAppLogger<T>
            {
                void LogInformation(string message, params object[] args);
                void LogWarning(string message, params object[] args);
            }

            public class LoggerAdapter<T> : IAppLogger<T>
            {
                private readonly ILogger<T> _logger;
                public LoggerAdapter(ILoggerFactory factory) => _logger = factory.CreateLogger<T>();
                public void LogInformation(string message, params object[] args) => _logger.LogInformation(message, args);
                public void LogWarning(string message, params object[] args) { _logger.LogWarning(message, args); }
            }

            public static class LogHelpers
            {
                public static void Info(this ILogger logger, string message, params object[] args) => logger.LogInformation(message, args);
                public static void Quoted(this ILogger logger, string message, params object[] args) => logger.LogInformation("{Message}", message);
                public static void Formatted(this ILogger logger, string message, params object[] args) => logger.LogInformation([|string.Format(message, args)|]);
            }

            public class OrderService(IAppLogger<OrderService> appLogger, LoggerAdapter<OrderService> adapter, ILogger<OrderService> logger)
            {
                public void Run(int id, string name)
                {
                    appLogger.LogInformation([|$"Order {id} placed"|]);
                    appLogger.LogWarning([|"Order " + id + " late"|]);
                    adapter.LogInformation([|$"Order {id} placed"|]);
                    logger.Info([|$"Order {id} for {name}"|]);
                    appLogger.LogInformation("Order {Id} placed", id);
                    logger.Info("Order {Id}", id);
                    logger.Quoted($"Order {id}");
                    logger.Formatted($"Order {id}");
                }
            }
            """);

    /// <summary>
    /// A pass-through wrapper is recognised however its message parameter spells the string type: through a using alias in
    /// its own file, a global using alias in another file, <c>System.String</c>, <c>global::System.String</c> and
    /// <c>String?</c> (pins that a shortcut reading the declaration's syntax, tried for speed, may not miss a parameter
    /// spelled with an alias).
    /// </summary>
    [Fact]
    public async Task PassThroughWrappers_MessageSpelledThroughAliases_Report() =>
        await new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    ("GlobalUsings.cs", """
                    global using LogText = System.String;
                    """),
                    ("Wrappers.cs", """
                    using System;
                    using Microsoft.Extensions.Logging;
                    using Text = System.String;

                    namespace Shop.Logging
                    {
                        using Line = System.String;

                        public static class Wrappers
                        {
                            public static void Info(this ILogger logger, Text message, params object[] args) => logger.LogInformation(message, args);
                            public static void Warn(this ILogger logger, LogText message, params object[] args) => logger.LogWarning(message, args);
                            public static void Note(this ILogger logger, Line message, params object[] args) => logger.LogInformation(message, args);
                            public static void Fail(this ILogger logger, System.String message, params object[] args) => logger.LogError(message, args);
                            public static void Trace(this ILogger logger, global::System.String message, params object[] args) => logger.LogTrace(message, args);
                            public static void Debug(this ILogger logger, String? message, params object[] args) => logger.LogDebug(message, args);
                            public static void Count(this ILogger logger, int count, params object[] args) => logger.LogDebug("{Count}", count);
                        }
                    }
                    """),
                    ("Orders.cs", """
                    using Microsoft.Extensions.Logging;
                    using Shop.Logging;

                    public class OrderService(ILogger<OrderService> logger)
                    {
                        public void Run(int id)
                        {
                            logger.Info([|$"Order {id} placed"|]);
                            logger.Warn([|$"Order {id} late"|]);
                            logger.Note([|"Order " + id|]);
                            logger.Fail([|$"Order {id} failed"|]);
                            logger.Trace([|$"Order {id} traced"|]);
                            logger.Debug([|$"Order {id} debugged"|]);
                            logger.Count(id, $"Order {id}");
                            logger.Info("Order {Id} placed", id);
                        }
                    }
                    """),
                },
            },
        }.RunAsync();

    [Fact]
    public async Task MessageOnlyWrappersAndUnimplementedShapes_DoNotReport() =>
        await Verify.VerifyAnalyzerAsync("""
            using Microsoft.Extensions.Logging;

            public interface IAppLogger
            {
                void Info(string message);
                void LogInformation(string message);
            }

            public interface IMailer
            {
                void Send(string body, params object[] attachments);
            }

            public class Sink
            {
                private readonly System.IO.TextWriter _writer = System.IO.TextWriter.Null;
                public void Info(string message, params object[] args) => _writer.WriteLine(message, args);
            }

            public class User
            {
                public void Run(IAppLogger appLogger, IMailer mailer, Sink sink, int id)
                {
                    appLogger.Info($"Report {id}");
                    appLogger.LogInformation("Report " + id);
                    mailer.Send($"Report {id}");
                    sink.Info($"Report {id}");
                }
            }
            """);

    [Fact]
    public async Task LookalikeApis_DoNotReport() =>
        await Verify.VerifyAnalyzerAsync("""
            using System.Text;

            public class FakeLogger { public void LogInformation(string message) { } public void Info(string message) { } }

            public class User
            {
                public void Run(FakeLogger logger, int id, StringBuilder sb)
                {
                    logger.LogInformation($"Order {id}");
                    logger.Info("Order " + id);
                    sb.AppendFormat("Order {0}", id);
                }
            }
            """);

    [Fact]
    public async Task HalfTypedCode_DoesNotThrow()
    {
        await new Verify.Test
        {
            TestCode = """
                using Microsoft.Extensions.Logging;
                public class Broken
                {
                    private readonly ILogger _logger;
                    public void Run(int id)
                    {
                        _logger.LogInformation($"Order {id
                        _logger.LogWarning(
                        Unknown.LogInformation($"x {id}");
                        _logger.LogError(missing, $"Failed {id}");
                        var m = $"a {undefinedVar}";
                        _logger.LogInformation(m);
                    }
                }
                """,
            CompilerDiagnostics = CompilerDiagnostics.None,
        }.RunAsync();
    }

    [Fact]
    public async Task HalfTypedWrappersAndScopes_DoNotThrow() =>
        await new Verify.Test
        {
            TestCode = """
                using Microsoft.Extensions.Logging;
                public interface IAppLogger { void LogInformation(string message, params Missing[] args); void LogWarning(string message, params object[] ); }
                public class Adapter
                {
                    private readonly Unknown _logger;
                    public void Info(string message, params object[] args) => _logger.LogInformation(message, args);
                    public void Warn(string message, params object[] args) => LogInformation(message, args;
                }
                public class Broken(ILogger logger, IAppLogger app, Adapter adapter)
                {
                    public void Run(int id)
                    {
                        app.LogInformation($"Order {id}");
                        app.LogWarning([|$"Order {id}"|]);
                        adapter.Info($"Order {id}");
                        adapter.Warn($"Order {id}");
                        using var scope = logger.BeginScope($"Order {id");
                        using var other = logger.BeginScope<Missing>($"Order {id}");
                    }
                }
                """,
            CompilerDiagnostics = CompilerDiagnostics.None,
        }.RunAsync();
}
