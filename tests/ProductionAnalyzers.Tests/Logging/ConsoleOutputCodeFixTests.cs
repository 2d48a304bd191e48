using Xunit;
using Verify = ProductionAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ProductionAnalyzers.Logging.ConsoleOutputAnalyzer,
    ProductionAnalyzers.CodeFixes.Logging.LoggingCodeFixProvider>;

namespace ProductionAnalyzers.Tests.Logging;

public class ConsoleOutputCodeFixTests
{
    private static string Mel(string body) => $$"""
        using System;
        using System.Diagnostics;
        using Microsoft.Extensions.Logging;

        public class ImportService
        {
            private readonly ILogger<ImportService> _logger;
            public ImportService(ILogger<ImportService> logger) => _logger = logger;

            public void Run(int count, string name, decimal total)
            {
                {{body}}
            }
        }
        """;

    [Fact]
    public async Task EachApi_MapsToLevel_FixAll() =>
        await Verify.VerifyCodeFixAsync(
            Mel("""
                [|Console.WriteLine($"Imported {count} rows for {name}")|];
                        [|Console.Error.WriteLine("Import of " + name + " failed")|];
                        [|Console.Out.WriteLine(count)|];
                        [|Debug.WriteLine("Total {0:N2}", total)|];
                        [|Trace.WriteLine("Slow import of " + name)|];
                        [|Trace.Write("failed")|];
                        [|Console.WriteLine("Progress {0}/{1}", count, 10)|];
                        [|Console.WriteLine("literal {braces}")|];
                """),
            Mel("""
                _logger.LogInformation("Imported {Count} rows for {Name}", count, name);
                        _logger.LogError("Import of {Name} failed", name);
                        _logger.LogInformation("{Count}", count);
                        _logger.LogDebug("Total {Total:N2}", total);
                        _logger.LogInformation("Slow import of {Name}", name);
                        _logger.LogInformation("failed");
                        _logger.LogInformation("Progress {Count}/{Value}", count, 10);
                        _logger.LogInformation("literal {{braces}}");
                """));

    [Fact]
    public async Task PrimaryConstructorSerilogAndNLogLoggers_Fix() =>
        await Verify.VerifyCodeFixAsync(
            """
            using System;
            using Microsoft.Extensions.Logging;

            public class A(ILogger<A> logger)
            {
                public void Run(int id) => [|Console.WriteLine($"A {id}")|];
            }

            public class B
            {
                private readonly Serilog.ILogger _log = Serilog.Log.ForContext<B>();
                public void Run(int id) => [|Console.WriteLine($"B {id}")|];
            }

            public class C
            {
                private static readonly NLog.Logger Log = NLog.LogManager.GetCurrentClassLogger();
                public static void Run(int id) => [|Console.Error.WriteLine($"C {id}")|];
            }
            """,
            """
            using System;
            using Microsoft.Extensions.Logging;

            public class A(ILogger<A> logger)
            {
                public void Run(int id) => logger.LogInformation("A {Id}", id);
            }

            public class B
            {
                private readonly Serilog.ILogger _log = Serilog.Log.ForContext<B>();
                public void Run(int id) => _log.Information("B {Id}", id);
            }

            public class C
            {
                private static readonly NLog.Logger Log = NLog.LogManager.GetCurrentClassLogger();
                public static void Run(int id) => Log.Error("C {Id}", id);
            }
            """);

    [Fact]
    public async Task Log4NetLogger_PlainMessageOrCompositeFormat_Fixes() =>
        await Verify.VerifyCodeFixAsync(
            """
            using System;
            using System.Diagnostics;
            using log4net;

            public class InvoiceExporter
            {
                private static readonly ILog Log = LogManager.GetLogger(typeof(InvoiceExporter));

                public void Export(int invoiceId, string customer, decimal amount)
                {
                    [|Console.WriteLine("Export started {not a hole}")|];
                    [|Console.WriteLine($"Exported invoice {invoiceId} for {customer}")|];
                    [|Console.Error.WriteLine("Export of " + customer + " failed")|];
                    [|Debug.WriteLine("Amount {0,10:N2}", amount)|];
                }
            }
            """,
            """
            using System;
            using System.Diagnostics;
            using log4net;

            public class InvoiceExporter
            {
                private static readonly ILog Log = LogManager.GetLogger(typeof(InvoiceExporter));

                public void Export(int invoiceId, string customer, decimal amount)
                {
                    Log.Info("Export started {not a hole}");
                    Log.InfoFormat("Exported invoice {0} for {1}", invoiceId, customer);
                    Log.ErrorFormat("Export of {0} failed", customer);
                    Log.DebugFormat("Amount {0,10:N2}", amount);
                }
            }
            """);

    /// <summary>
    /// NLog (real package) used through its fluent API: the fix calls the logger's level method, never a fluent event
    /// builder in scope (a <c>LogEventBuilder</c> has no <c>Info</c>).
    /// </summary>
    [Fact]
    public async Task NLogFluentClass_CallsTheLoggerNotTheEventBuilder() =>
        await Verify.VerifyCodeFixAsync(
            """
            using System;
            using NLog;

            public class FeedImporter
            {
                private static readonly Logger Logger = LogManager.GetCurrentClassLogger();

                public void Import(string source, int count)
                {
                    var importEvent = Logger.ForInfoEvent().Property("Source", source);
                    [|Console.WriteLine($"Imported {count} rows from {source}")|];
                    importEvent.Message("Imported {Count} rows", count).Log();
                    [|Console.Error.WriteLine("Import of " + source + " finished late")|];
                }
            }
            """,
            """
            using System;
            using NLog;

            public class FeedImporter
            {
                private static readonly Logger Logger = LogManager.GetCurrentClassLogger();

                public void Import(string source, int count)
                {
                    var importEvent = Logger.ForInfoEvent().Property("Source", source);
                    Logger.Info("Imported {Count} rows from {Source}", count, source);
                    importEvent.Message("Imported {Count} rows", count).Log();
                    Logger.Error("Import of {Source} finished late", source);
                }
            }
            """);

    [Fact]
    public async Task LocalLoggerInLambda_AndBaseClassLogger_Fix() =>
        await Verify.VerifyCodeFixAsync(
            """
            using System;
            using Microsoft.Extensions.Logging;

            public abstract class JobBase
            {
                protected ILogger Logger { get; }
                protected JobBase(ILogger logger) => Logger = logger;
            }

            public sealed class CleanupJob : JobBase
            {
                public CleanupJob(ILogger<CleanupJob> logger) : base(logger) { }
                public void Run(int removed) => [|Console.WriteLine($"Removed {removed} files")|];
            }

            public static class Endpoints
            {
                public static Action<int> Handler(ILoggerFactory factory) => id =>
                {
                    var log = factory.CreateLogger("Endpoints");
                    [|Console.WriteLine($"Handled {id}")|];
                };
            }
            """,
            """
            using System;
            using Microsoft.Extensions.Logging;

            public abstract class JobBase
            {
                protected ILogger Logger { get; }
                protected JobBase(ILogger logger) => Logger = logger;
            }

            public sealed class CleanupJob : JobBase
            {
                public CleanupJob(ILogger<CleanupJob> logger) : base(logger) { }
                public void Run(int removed) => Logger.LogInformation("Removed {Removed} files", removed);
            }

            public static class Endpoints
            {
                public static Action<int> Handler(ILoggerFactory factory) => id =>
                {
                    var log = factory.CreateLogger("Endpoints");
                    log.LogInformation("Handled {Id}", id);
                };
            }
            """);

    [Fact]
    public async Task LoggerParameter_WithoutUsing_AddsUsing_Fixes() =>
        await Verify.VerifyCodeFixAsync(
            """
            using System;
            using Microsoft.Extensions.Hosting;

            public static class Jobs
            {
                public static void Run(Microsoft.Extensions.Logging.ILogger logger, int id)
                {
                    [|Console.WriteLine($"Job {id}")|];
                }
            }
            """,
            """
            using System;
            using Microsoft.Extensions.Hosting;
            using Microsoft.Extensions.Logging;

            public static class Jobs
            {
                public static void Run(Microsoft.Extensions.Logging.ILogger logger, int id)
                {
                    logger.LogInformation("Job {Id}", id);
                }
            }
            """);

    [Fact]
    public async Task NoLoggerInScope_OrConditionalOrAsyncOrCategory_NoFix()
    {
        var source = """
            using System;
            using System.Diagnostics;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Logging;

            public class NoLogger
            {
                public void Run(int id) => [|Console.WriteLine($"Job {id}")|];
            }

            public class WithLogger
            {
                private readonly ILogger<WithLogger> _logger;
                public WithLogger(ILogger<WithLogger> logger) => _logger = logger;

                public async Task Run(int id, string name)
                {
                    [|Debug.WriteLineIf(id > 1, "many")|];
                    await [|Console.Out.WriteLineAsync("async")|];
                    [|Debug.WriteLine(name, "category")|];
                    [|Console.WriteLine()|];
                    [|Console.WriteLine(new[] { 'a', 'b' })|];
                }

                public static void Static(int id) => [|Console.WriteLine(id)|];

                public void Local(int id)
                {
                    Report(id);
                    static void Report(int value) => [|Console.WriteLine(value)|];
                }
            }
            """;
        await Verify.VerifyCodeFixAsync(source, source);
    }

    [Fact]
    public async Task NullableLoggerField_UsesConditionalAccess_Fixes() =>
        await Verify.VerifyCodeFixAsync(
            """
            #nullable enable
            using System;
            using Microsoft.Extensions.Logging;

            public class Worker
            {
                private readonly ILogger<Worker>? _logger;
                public Worker(ILogger<Worker>? logger) => _logger = logger;

                public void Run(int id)
                {
                    [|Console.WriteLine($"Job {id}")|];
                }
            }
            """,
            """
            #nullable enable
            using System;
            using Microsoft.Extensions.Logging;

            public class Worker
            {
                private readonly ILogger<Worker>? _logger;
                public Worker(ILogger<Worker>? logger) => _logger = logger;

                public void Run(int id)
                {
                    _logger?.LogInformation("Job {Id}", id);
                }
            }
            """);

    [Fact]
    public async Task InstanceLoggerFromFieldInitializerOrNestedType_NoFix()
    {
        var source = """
            using System;
            using Microsoft.Extensions.Logging;

            public class Outer
            {
                private readonly ILogger<Outer> _logger;
                public Outer(ILogger<Outer> logger) => _logger = logger;

                private readonly Action<int> _report = id => [|Console.WriteLine(id)|];

                public class Inner
                {
                    public void Run(int id) => [|Console.WriteLine(id)|];
                }
            }
            """;
        await Verify.VerifyCodeFixAsync(source, source);
    }

    [Fact]
    public async Task FormatWithImplicitlyTypedArray_Fixes() =>
        await Verify.VerifyCodeFixAsync(
            Mel("""
                [|Console.WriteLine("{0} imported by {1}", new[] { name, "admin" })|];
                """),
            Mel("""
                _logger.LogInformation("{Name} imported by {Value}", name, "admin");
                """));

    [Fact]
    public async Task FormatWithValueTypeArray_NoFix()
    {
        // new[] { 1, 2 } is not an object[]: it is the single value of {0}, printed as "System.Int32[]".
        var source = Mel("""
            [|Console.WriteLine("{0}", new[] { count, 2 })|];
                    [|Console.WriteLine("{0} of {1}", new int[] { count, 2 })|];
            """);
        await Verify.VerifyCodeFixAsync(source, source);
    }
}
