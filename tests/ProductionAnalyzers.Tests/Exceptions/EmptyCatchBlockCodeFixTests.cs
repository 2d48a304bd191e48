using System.Threading.Tasks;
using ProductionAnalyzers.CodeFixes;
using Xunit;
using Verify = ProductionAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ProductionAnalyzers.Exceptions.SwallowedExceptionAnalyzer,
    ProductionAnalyzers.CodeFixes.Exceptions.ExceptionsCodeFixProvider>;

namespace ProductionAnalyzers.Tests.Exceptions
{
    public class EmptyCatchBlockCodeFixTests
    {
        [Fact]
        public async Task LoggerField_LogsWithDeclaredVariable_Fixes()
        {
            const string source = """
                using System;
                using Microsoft.Extensions.Logging;

                public sealed class InvoiceService
                {
                    private readonly ILogger<InvoiceService> _logger;

                    public InvoiceService(ILogger<InvoiceService> logger) => _logger = logger;

                    public void SendReminders(Action send)
                    {
                        try
                        {
                            send();
                        }
                        [|catch|]
                        {
                        }
                    }
                }
                """;
            const string fixedSource = """
                using System;
                using Microsoft.Extensions.Logging;

                public sealed class InvoiceService
                {
                    private readonly ILogger<InvoiceService> _logger;

                    public InvoiceService(ILogger<InvoiceService> logger) => _logger = logger;

                    public void SendReminders(Action send)
                    {
                        try
                        {
                            send();
                        }
                        catch (Exception ex)
                        {
                            _logger.LogError(ex, "SendReminders failed");
                        }
                    }
                }
                """;
            await new Verify.Test
            {
                TestCode = source,
                FixedCode = fixedSource,
                CodeActionEquivalenceKey = FixKeys.Pa3001LogException,
            }.RunAsync();
        }

        [Fact]
        public async Task InheritedLoggerProperty_Fixes()
        {
            const string source = """
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

                    public void Execute(Action purge)
                    {
                        try
                        {
                            purge();
                        }
                        [|catch (Exception)|]
                        {
                        }
                    }
                }
                """;
            const string fixedSource = """
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

                    public void Execute(Action purge)
                    {
                        try
                        {
                            purge();
                        }
                        catch (Exception ex)
                        {
                            Logger.LogError(ex, "Execute failed");
                        }
                    }
                }
                """;
            await new Verify.Test
            {
                TestCode = source,
                FixedCode = fixedSource,
                CodeActionEquivalenceKey = FixKeys.Pa3001LogException,
            }.RunAsync();
        }

        [Fact]
        public async Task PrimaryConstructorLogger_KeepsSpecificType_Fixes()
        {
            const string source = """
                using System;
                using System.Threading.Tasks;
                using Microsoft.Extensions.Logging;

                public sealed class CacheWarmer(ILogger<CacheWarmer> logger)
                {
                    public async Task WarmAsync(Func<Task> load)
                    {
                        try
                        {
                            await load();
                        }
                        [|catch (InvalidOperationException)|]
                        {
                        }
                    }
                }
                """;
            const string fixedSource = """
                using System;
                using System.Threading.Tasks;
                using Microsoft.Extensions.Logging;

                public sealed class CacheWarmer(ILogger<CacheWarmer> logger)
                {
                    public async Task WarmAsync(Func<Task> load)
                    {
                        try
                        {
                            await load();
                        }
                        catch (InvalidOperationException ex)
                        {
                            logger.LogError(ex, "Warm failed");
                        }
                    }
                }
                """;
            await new Verify.Test
            {
                TestCode = source,
                FixedCode = fixedSource,
                CodeActionEquivalenceKey = FixKeys.Pa3001LogException,
            }.RunAsync();
        }

        [Fact]
        public async Task MethodParameterLogger_InStaticMethod_Fixes()
        {
            const string source = """
                using System;
                using Microsoft.Extensions.Logging;

                public static class Migrations
                {
                    public static void Apply(Action migrate, ILogger logger)
                    {
                        try
                        {
                            migrate();
                        }
                        [|catch|]
                        {
                        }
                    }
                }
                """;
            const string fixedSource = """
                using System;
                using Microsoft.Extensions.Logging;

                public static class Migrations
                {
                    public static void Apply(Action migrate, ILogger logger)
                    {
                        try
                        {
                            migrate();
                        }
                        catch (Exception ex)
                        {
                            logger.LogError(ex, "Apply failed");
                        }
                    }
                }
                """;
            await new Verify.Test
            {
                TestCode = source,
                FixedCode = fixedSource,
                CodeActionEquivalenceKey = FixKeys.Pa3001LogException,
            }.RunAsync();
        }

        [Fact]
        public async Task SerilogStaticLog_Fixes()
        {
            const string source = """
                using System;
                using Serilog;

                public static class Startup
                {
                    public static void TryLoadPlugins(Action load)
                    {
                        try
                        {
                            load();
                        }
                        [|catch (Exception)|]
                        {
                        }
                    }
                }
                """;
            const string fixedSource = """
                using System;
                using Serilog;

                public static class Startup
                {
                    public static void TryLoadPlugins(Action load)
                    {
                        try
                        {
                            load();
                        }
                        catch (Exception ex)
                        {
                            Log.Error(ex, "TryLoadPlugins failed");
                        }
                    }
                }
                """;
            await new Verify.Test
            {
                TestCode = source,
                FixedCode = fixedSource,
                CodeActionEquivalenceKey = FixKeys.Pa3001LogException,
            }.RunAsync();
        }

        [Fact]
        public async Task NLogStaticLoggerField_Fixes()
        {
            const string source = """
                using System;
                using NLog;

                public sealed class FeedPoller
                {
                    private static readonly Logger Log = LogManager.GetCurrentClassLogger();

                    public static void Poll(Action fetch)
                    {
                        try
                        {
                            fetch();
                        }
                        [|catch|]
                        {
                        }
                    }
                }
                """;
            const string fixedSource = """
                using System;
                using NLog;

                public sealed class FeedPoller
                {
                    private static readonly Logger Log = LogManager.GetCurrentClassLogger();

                    public static void Poll(Action fetch)
                    {
                        try
                        {
                            fetch();
                        }
                        catch (Exception ex)
                        {
                            Log.Error(ex, "Poll failed");
                        }
                    }
                }
                """;
            await new Verify.Test
            {
                TestCode = source,
                FixedCode = fixedSource,
                CodeActionEquivalenceKey = FixKeys.Pa3001LogException,
            }.RunAsync();
        }

        /// <summary>log4net (real package): the message first, the exception after it.</summary>
        [Fact]
        public async Task Log4NetStaticLoggerField_Fixes()
        {
            const string source = """
                using System;
                using log4net;

                public sealed class ReportMailer
                {
                    private static readonly ILog Log = LogManager.GetLogger(typeof(ReportMailer));

                    public void Send(Action send)
                    {
                        try
                        {
                            send();
                        }
                        [|catch|]
                        {
                        }
                    }
                }
                """;
            const string fixedSource = """
                using System;
                using log4net;

                public sealed class ReportMailer
                {
                    private static readonly ILog Log = LogManager.GetLogger(typeof(ReportMailer));

                    public void Send(Action send)
                    {
                        try
                        {
                            send();
                        }
                        catch (Exception ex)
                        {
                            Log.Error("Send failed", ex);
                        }
                    }
                }
                """;
            await new Verify.Test
            {
                TestCode = source,
                FixedCode = fixedSource,
                CodeActionEquivalenceKey = FixKeys.Pa3001LogException,
            }.RunAsync();
        }

        /// <summary>NLog's fluent API in the method: the fix logs on the logger, not on the event builder in scope.</summary>
        [Fact]
        public async Task NLogFluentEventBuilderInScope_LogsOnTheLogger()
        {
            const string source = """
                using System;
                using NLog;

                public sealed class FeedPoller
                {
                    private static readonly Logger Logger = LogManager.GetCurrentClassLogger();

                    public void Poll(string feed, Action fetch)
                    {
                        var pollEvent = Logger.ForDebugEvent().Property("Feed", feed);
                        try
                        {
                            fetch();
                        }
                        [|catch|]
                        {
                        }

                        pollEvent.Message("Polled").Log();
                    }
                }
                """;
            const string fixedSource = """
                using System;
                using NLog;

                public sealed class FeedPoller
                {
                    private static readonly Logger Logger = LogManager.GetCurrentClassLogger();

                    public void Poll(string feed, Action fetch)
                    {
                        var pollEvent = Logger.ForDebugEvent().Property("Feed", feed);
                        try
                        {
                            fetch();
                        }
                        catch (Exception ex)
                        {
                            Logger.Error(ex, "Poll failed");
                        }

                        pollEvent.Message("Polled").Log();
                    }
                }
                """;
            await new Verify.Test
            {
                TestCode = source,
                FixedCode = fixedSource,
                CodeActionEquivalenceKey = FixKeys.Pa3001LogException,
            }.RunAsync();
        }

        [Fact]
        public async Task SerilogLoggerField_Fixes()
        {
            const string source = """
                using System;

                public sealed class ReportBuilder
                {
                    private readonly Serilog.ILogger _log;

                    public ReportBuilder(Serilog.ILogger log) => _log = log;

                    public void Build(Action render)
                    {
                        try
                        {
                            render();
                        }
                        [|catch (Exception)|]
                        {
                        }
                    }
                }
                """;
            const string fixedSource = """
                using System;

                public sealed class ReportBuilder
                {
                    private readonly Serilog.ILogger _log;

                    public ReportBuilder(Serilog.ILogger log) => _log = log;

                    public void Build(Action render)
                    {
                        try
                        {
                            render();
                        }
                        catch (Exception ex)
                        {
                            _log.Error(ex, "Build failed");
                        }
                    }
                }
                """;
            await new Verify.Test
            {
                TestCode = source,
                FixedCode = fixedSource,
                CodeActionEquivalenceKey = FixKeys.Pa3001LogException,
            }.RunAsync();
        }

        [Fact]
        public async Task MissingUsings_AreAdded_Fixes()
        {
            const string source = """
                namespace Shop.Billing
                {
                    public sealed class Ledger
                    {
                        private readonly Microsoft.Extensions.Logging.ILogger<Ledger> _logger;

                        public Ledger(Microsoft.Extensions.Logging.ILogger<Ledger> logger) => _logger = logger;

                        public void Post(System.Action write)
                        {
                            try
                            {
                                write();
                            }
                            [|catch|]
                            {
                            }
                        }
                    }
                }
                """;
            const string fixedSource = """
                using System;
                using Microsoft.Extensions.Logging;

                namespace Shop.Billing
                {
                    public sealed class Ledger
                    {
                        private readonly Microsoft.Extensions.Logging.ILogger<Ledger> _logger;

                        public Ledger(Microsoft.Extensions.Logging.ILogger<Ledger> logger) => _logger = logger;

                        public void Post(System.Action write)
                        {
                            try
                            {
                                write();
                            }
                            catch (Exception ex)
                            {
                                _logger.LogError(ex, "Post failed");
                            }
                        }
                    }
                }
                """;
            await new Verify.Test
            {
                TestCode = source,
                FixedCode = fixedSource,
                CodeActionEquivalenceKey = FixKeys.Pa3001LogException,
            }.RunAsync();
        }

        [Fact]
        public async Task NameClashAndLoop_UsesFreeNameAndWarning_Fixes()
        {
            const string source = """
                using System;
                using System.Collections.Generic;
                using Microsoft.Extensions.Logging;

                public sealed class Importer
                {
                    private readonly ILogger<Importer> _logger;

                    public Importer(ILogger<Importer> logger) => _logger = logger;

                    public void ImportAll(IEnumerable<string> files, Action<string> import)
                    {
                        var ex = 0;
                        foreach (var file in files)
                        {
                            try
                            {
                                import(file);
                            }
                            [|catch|]
                            {
                            }
                        }
                    }
                }
                """;
            const string fixedSource = """
                using System;
                using System.Collections.Generic;
                using Microsoft.Extensions.Logging;

                public sealed class Importer
                {
                    private readonly ILogger<Importer> _logger;

                    public Importer(ILogger<Importer> logger) => _logger = logger;

                    public void ImportAll(IEnumerable<string> files, Action<string> import)
                    {
                        var ex = 0;
                        foreach (var file in files)
                        {
                            try
                            {
                                import(file);
                            }
                            catch (Exception exception)
                            {
                                _logger.LogWarning(exception, "ImportAll failed");
                            }
                        }
                    }
                }
                """;
            await new Verify.Test
            {
                TestCode = source,
                FixedCode = fixedSource,
                CodeActionEquivalenceKey = FixKeys.Pa3001LogException,
            }.RunAsync();
        }

        [Fact]
        public async Task Rethrow_Fixes()
        {
            const string source = """
                using System;

                public static class Settings
                {
                    public static int ReadPort(Func<int> read)
                    {
                        try
                        {
                            return read();
                        }
                        [|catch (FormatException)|]
                        {
                        }

                        return 8080;
                    }
                }
                """;
            const string fixedSource = """
                using System;

                public static class Settings
                {
                    public static int ReadPort(Func<int> read)
                    {
                        try
                        {
                            return read();
                        }
                        catch (FormatException)
                        {
                            throw;
                        }

                        return 8080;
                    }
                }
                """;
            await new Verify.Test
            {
                TestCode = source,
                FixedCode = fixedSource,
                CodeActionEquivalenceKey = FixKeys.Pa3001Rethrow,
            }.RunAsync();
        }

        [Fact]
        public async Task StaticContext_InstanceLoggerNotUsed_OnlyRethrowOffered()
        {
            const string source = """
                using System;
                using Microsoft.Extensions.Logging;

                public sealed class Settings
                {
                    private readonly ILogger<Settings> _logger;

                    public Settings(ILogger<Settings> logger) => _logger = logger;

                    public static int ReadPort(Func<int> read)
                    {
                        try
                        {
                            return read();
                        }
                        [|catch (FormatException)|]
                        {
                        }

                        return 8080;
                    }
                }
                """;
            const string fixedSource = """
                using System;
                using Microsoft.Extensions.Logging;

                public sealed class Settings
                {
                    private readonly ILogger<Settings> _logger;

                    public Settings(ILogger<Settings> logger) => _logger = logger;

                    public static int ReadPort(Func<int> read)
                    {
                        try
                        {
                            return read();
                        }
                        catch (FormatException)
                        {
                            throw;
                        }

                        return 8080;
                    }
                }
                """;

            // The log action is registered first when offered; here the first (and only) action must be the rethrow:
            // the instance field cannot be used from a static method.
            await new Verify.Test
            {
                TestCode = source,
                FixedCode = fixedSource,
                CodeActionIndex = 0,
            }.RunAsync();
        }

        [Fact]
        public async Task FixAll_TwoEmptyCatches_Fixes()
        {
            const string source = """
                using System;
                using System.IO;
                using Microsoft.Extensions.Logging;

                public sealed class TempFiles : IDisposable
                {
                    private readonly ILogger<TempFiles> _logger;
                    private readonly string _path;

                    public TempFiles(ILogger<TempFiles> logger, string path)
                    {
                        _logger = logger;
                        _path = path;
                    }

                    public void Dispose()
                    {
                        try
                        {
                            File.Delete(_path);
                        }
                        [|catch (IOException)|]
                        {
                        }

                        try
                        {
                            Directory.Delete(Path.GetDirectoryName(_path)!);
                        }
                        [|catch|]
                        {
                        }
                    }
                }
                """;
            const string fixedSource = """
                using System;
                using System.IO;
                using Microsoft.Extensions.Logging;

                public sealed class TempFiles : IDisposable
                {
                    private readonly ILogger<TempFiles> _logger;
                    private readonly string _path;

                    public TempFiles(ILogger<TempFiles> logger, string path)
                    {
                        _logger = logger;
                        _path = path;
                    }

                    public void Dispose()
                    {
                        try
                        {
                            File.Delete(_path);
                        }
                        catch (IOException ex)
                        {
                            _logger.LogError(ex, "Dispose failed");
                        }

                        try
                        {
                            Directory.Delete(Path.GetDirectoryName(_path)!);
                        }
                        catch (Exception ex)
                        {
                            _logger.LogError(ex, "Dispose failed");
                        }
                    }
                }
                """;
            await new Verify.Test
            {
                TestCode = source,
                FixedCode = fixedSource,
                CodeActionEquivalenceKey = FixKeys.Pa3001LogException,
            }.RunAsync();
        }

        [Fact]
        public async Task FixAll_Rethrow_Fixes()
        {
            const string source = """
                using System;

                public sealed class Probe
                {
                    public void Check(Action first, Action second)
                    {
                        try { first(); } [|catch|] { }
                        try { second(); } [|catch (InvalidOperationException)|] { }
                    }
                }
                """;
            const string fixedSource = """
                using System;

                public sealed class Probe
                {
                    public void Check(Action first, Action second)
                    {
                        try { first(); } catch { throw; }
                        try { second(); } catch (InvalidOperationException) { throw; }
                    }
                }
                """;
            await new Verify.Test
            {
                TestCode = source,
                FixedCode = fixedSource,
                CodeActionEquivalenceKey = FixKeys.Pa3001Rethrow,
            }.RunAsync();
        }
    }
}
