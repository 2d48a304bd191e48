using System.Threading.Tasks;
using ProductionAnalyzers.Tests.Verifiers;
using Xunit;
using Verify = ProductionAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ProductionAnalyzers.Exceptions.SwallowedExceptionAnalyzer>;

namespace ProductionAnalyzers.Tests.Exceptions
{
    public class ExceptionDiscardedAnalyzerTests
    {
        /// <summary>A repository method with a retry loop; the catch clause under test goes after the try block.</summary>
        private static string InLoop(string catchClause) => $$"""
            using System;
            using System.Collections.Generic;
            using System.Diagnostics;
            using System.IO;
            using System.Net.Http;
            using System.Runtime.ExceptionServices;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Logging;

            public sealed class Result
            {
                public string? Error { get; set; }
                public Exception? Exception { get; set; }
            }

            public sealed class OrderRepository
            {
                private readonly ILogger<OrderRepository> _logger;
                private readonly List<Exception> _errors = new();
                private Exception? _lastError;
                private bool _failed;

                public OrderRepository(ILogger<OrderRepository> logger) => _logger = logger;

                public object? Load(int attempts, TaskCompletionSource<int> tcs, Result result)
                {
                    for (var i = 0; i < attempts; i++)
                    {
                        try
                        {
                            return Fetch(i);
                        }
                        {{catchClause}}
                    }

                    return null;
                }

                private static object Fetch(int id) => id;

                private static bool IsTransient(Exception ex) => ex is TimeoutException;

                private static object Describe(Exception ex) => ex.Message;
            }
            """;

        [Theory]
        [InlineData("{|PA3002:catch (Exception)|} { return null; }")]
        [InlineData("{|PA3002:catch|} { return null; }")]
        [InlineData("{|PA3002:catch (SystemException)|} { return null; }")]
        [InlineData("{|PA3002:catch (System.Exception)|} { return false; }")]
        [InlineData("{|PA3002:catch (Exception)|} { continue; }")]
        [InlineData("{|PA3002:catch (Exception)|} { _failed = true; }")]
        [InlineData("{|PA3002:catch (Exception)|} { return default; }")]
        [InlineData("{|PA3002:catch (Exception ex)|} { Debug.WriteLine(ex); }")]
        [InlineData("{|PA3002:catch (Exception ex)|} { Debug.WriteLine(ex.Message); continue; }")]
        [InlineData("{|PA3002:catch (Exception ex)|} { Debug.Fail(ex.ToString()); return null; }")]
        [InlineData("{|PA3002:catch (Exception)|} { throw new InvalidOperationException(\"Loading the order failed\"); }")]
        [InlineData("{|PA3002:catch (Exception ex)|} { throw new InvalidOperationException(\"Loading failed: \" + ex.Message); }")]
        [InlineData("{|PA3002:catch (Exception ex)|} { throw new InvalidOperationException($\"Loading failed: {ex.Message}\"); }")]
        [InlineData("{|PA3002:catch (Exception)|} when (attempts > 3) { continue; }")]
        [InlineData("{|PA3002:catch (Exception)|} when (true) { continue; }")]
        [InlineData("{|PA3002:catch (Exception ex)|} when (ex is not OperationCanceledException) { continue; }")]
        [InlineData("{|PA3002:catch (Exception ex)|} when (!(ex is OperationCanceledException)) { continue; }")]
        [InlineData("{|PA3002:catch (Exception ex)|} when (ex is Exception) { continue; }")]
        [InlineData("{|PA3002:catch (Exception ex)|} when (ex is IOException || attempts > 3) { continue; }")]
        [InlineData("{|PA3002:catch (Exception ex)|} { if (ex is TimeoutException) { attempts++; } }")]
        [InlineData("{|PA3002:catch (Exception ex)|} { _ = ex; return null; }")]
        [InlineData("{|PA3002:catch (Exception)|} { Console.WriteLine(\"Loading failed\"); }")]
        [InlineData("{|PA3002:catch (Exception)|} { result.Error = \"Loading failed\"; }")]
        [InlineData("{|PA3002:catch (Exception)|} { System.Threading.Thread.Sleep(100); }")]
        public async Task DiscardingCatch_Reports(string catchClause)
        {
            await Verify.VerifyAnalyzerAsync(InLoop(catchClause));
        }

        [Theory]
        [InlineData("catch (Exception) { throw; }")]
        [InlineData("catch (Exception) { _failed = true; throw; }")]
        [InlineData("catch { result.Error = \"failed\"; throw; }")]
        [InlineData("catch (Exception ex) { throw new InvalidOperationException(\"Loading failed\", ex); }")]
        [InlineData("catch (Exception ex) { throw new AggregateException(\"Loading failed\", ex); }")]
        [InlineData("catch (Exception ex) { throw ex; }")]
        [InlineData("catch (Exception ex) { var wrapped = new InvalidOperationException(\"Loading failed\", ex); throw wrapped; }")]
        [InlineData("catch (Exception ex) { ExceptionDispatchInfo.Capture(ex).Throw(); }")]
        [InlineData("catch (Exception ex) { _logger.LogError(ex, \"Loading order {Attempt} failed\", i); }")]
        [InlineData("catch (Exception) { _logger.LogWarning(\"Retrying\"); continue; }")]
        [InlineData("catch { _logger.LogWarning(\"Retrying\"); }")]
        [InlineData("catch (Exception ex) { _logger?.LogError(ex, \"Loading failed\"); return null; }")]
        [InlineData("catch (Exception ex) { _logger.LogError(ex, \"Loading failed\"); throw; }")]
        [InlineData("catch (Exception ex) { _errors.Add(ex); }")]
        [InlineData("catch (Exception ex) { _lastError = ex; }")]
        [InlineData("catch (Exception ex) { tcs.SetException(ex); return null; }")]
        [InlineData("catch (Exception ex) { result.Error = ex.Message; }")]
        [InlineData("catch (Exception ex) { result.Exception = ex; return result; }")]
        [InlineData("catch (Exception ex) { Console.WriteLine(ex); }")]
        [InlineData("catch (Exception ex) { Console.Error.WriteLine($\"Loading failed: {ex.Message}\"); }")]
        [InlineData("catch (Exception ex) { return ex; }")]
        [InlineData("catch (Exception ex) { return Describe(ex); }")]
        [InlineData("catch (Exception ex) { return Describe(ex.GetBaseException()); }")]
        [InlineData("catch (Exception ex) { Trace.TraceError(ex.ToString()); }")]
        [InlineData("catch (Exception) { Trace.TraceWarning(\"Loading failed\"); }")]
        [InlineData("catch (Exception) { Environment.FailFast(\"Order store corrupted\"); }")]
        [InlineData("catch (Exception ex) { if (ex is TimeoutException timeout) { return timeout; } return null; }")]
        [InlineData("catch (Exception ex) when (ex is HttpRequestException or IOException) { return null; }")]
        [InlineData("catch (Exception ex) when (ex is HttpRequestException) { return null; }")]
        [InlineData("catch (Exception ex) when (IsTransient(ex)) { continue; }")]
        [InlineData("catch (Exception ex) when (ex is HttpRequestException { StatusCode: System.Net.HttpStatusCode.NotFound }) { return null; }")]
        [InlineData("catch (Exception ex) when (ex is IOException || ex is TimeoutException) { continue; }")]
        [InlineData("catch (Exception ex) when (ex is IOException && attempts > 1) { continue; }")]
        [InlineData("catch (Exception ex) when (attempts > 1 && ex is IOException io) { continue; }")]
        [InlineData("catch (HttpRequestException) { return null; }")]
        [InlineData("catch (FormatException) { continue; }")]
        [InlineData("catch (IOException ex) { Debug.WriteLine(ex); }")]
        [InlineData("catch (OperationCanceledException) { return null; }")]
        public async Task HandledOrSpecificCatch_DoesNotReport(string catchClause)
        {
            await Verify.VerifyAnalyzerAsync(InLoop(catchClause));
        }

        [Fact]
        public async Task Message_NamesTheCaughtType_Reports()
        {
            await Verify.VerifyAnalyzerAsync(
                InLoop("{|#0:catch (SystemException)|} { return null; }"),
                Verify.Diagnostic(DiagnosticIds.ExceptionDiscarded).WithLocation(0).WithArguments("SystemException"));
        }

        [Fact]
        public async Task LoggingInNestedCatchOnly_ReportsOuter()
        {
            await Verify.VerifyAnalyzerAsync(InLoop("""
                {|PA3002:catch (Exception)|}
                {
                    try
                    {
                        Fetch(-1);
                    }
                    catch (Exception cleanupError)
                    {
                        _logger.LogError(cleanupError, "Cleanup failed");
                    }

                    return null;
                }
                """));
        }

        [Fact]
        public async Task RethrowInNestedCatchOnly_ReportsOuter()
        {
            await Verify.VerifyAnalyzerAsync(InLoop("""
                {|PA3002:catch (Exception)|}
                {
                    try
                    {
                        Fetch(-1);
                    }
                    catch (InvalidOperationException)
                    {
                        throw;
                    }

                    return null;
                }
                """));
        }

        [Fact]
        public async Task RethrowAfterNestedTry_DoesNotReport()
        {
            await Verify.VerifyAnalyzerAsync(InLoop("""
                catch (Exception)
                {
                    try
                    {
                        Fetch(-1);
                    }
                    catch (Exception cleanupError)
                    {
                        _logger.LogError(cleanupError, "Cleanup failed");
                    }

                    throw;
                }
                """));
        }

        [Fact]
        public async Task RethrowInsideNestedTryBlock_DoesNotReport()
        {
            await Verify.VerifyAnalyzerAsync(InLoop("""
                catch (Exception)
                {
                    try
                    {
                        throw;
                    }
                    finally
                    {
                        _failed = true;
                    }
                }
                """));
        }

        [Fact]
        public async Task NestedBroadCatchesBothDiscarding_ReportsBoth()
        {
            await Verify.VerifyAnalyzerAsync(InLoop("""
                {|PA3002:catch (Exception)|}
                {
                    try
                    {
                        Fetch(-1);
                    }
                    {|PA3002:catch|}
                    {
                        _failed = true;
                    }

                    return null;
                }
                """));
        }

        [Fact]
        public async Task AsyncLambdaAndLocalFunction_Report()
        {
            const string source = """
                using System;
                using System.IO;
                using System.Net.Http;
                using System.Threading.Tasks;

                public sealed class PriceClient
                {
                    private readonly HttpClient _http = new();

                    public async Task<string?> GetAsync(string url)
                    {
                        try
                        {
                            return await _http.GetStringAsync(url);
                        }
                        {|PA3002:catch (Exception)|}
                        {
                            return null;
                        }
                    }

                    public Func<Task<bool>> Probe(string url) => async () =>
                    {
                        try
                        {
                            await _http.GetAsync(url);
                            return true;
                        }
                        {|PA3002:catch|}
                        {
                            return false;
                        }
                    };

                    public bool TryParsePrice(string text, out decimal price)
                    {
                        return Parse(text, out price);

                        static bool Parse(string value, out decimal parsed)
                        {
                            try
                            {
                                parsed = decimal.Parse(File.ReadAllText(value));
                                return true;
                            }
                            {|PA3002:catch (Exception)|}
                            {
                                parsed = 0;
                                return false;
                            }
                        }
                    }
                }
                """;
            await Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task UseInsideLambdaInCatch_DoesNotReport()
        {
            const string source = """
                using System;
                using System.Threading.Tasks;

                public sealed class Dispatcher
                {
                    public Task Run(Action work, TaskScheduler scheduler, Action<Exception> onError)
                    {
                        try
                        {
                            work();
                            return Task.CompletedTask;
                        }
                        catch (Exception ex)
                        {
                            return Task.Factory.StartNew(() => onError(ex), default, TaskCreationOptions.None, scheduler);
                        }
                    }
                }
                """;
            await Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task SerilogNLogLog4NetAndCustomLoggers_DoNotReport()
        {
            const string source = """
                using System;
                using NLog;

                namespace Shop
                {
                    public interface IAppLogger
                    {
                        void Failure(string message, Exception? exception = null);
                    }

                    public sealed class Jobs
                    {
                        private static readonly NLog.Logger NLogger = NLog.LogManager.GetCurrentClassLogger();
                        private readonly Serilog.ILogger _serilog;
                        private readonly log4net.ILog _log4net;
                        private readonly IAppLogger _appLogger;

                        public Jobs(Serilog.ILogger serilog, log4net.ILog log4net, IAppLogger appLogger)
                        {
                            _serilog = serilog;
                            _log4net = log4net;
                            _appLogger = appLogger;
                        }

                        public void Run(Action step)
                        {
                            try { step(); } catch (Exception) { Serilog.Log.Warning("Step failed, skipping"); }
                            try { step(); } catch (Exception) { _serilog.Warning("Step failed, skipping"); }
                            try { step(); } catch (Exception) { NLogger.Warn("Step failed, skipping"); }
                            try { step(); } catch (Exception) { _log4net.Warn("Step failed, skipping"); }
                            try { step(); } catch (Exception) { NLogger.ForWarnEvent().Message("Step {Step} failed, skipping", 1).Log(); }
                            try { step(); } catch (Exception) { _log4net.WarnFormat("Step {0} failed, skipping", 1); }
                            try { step(); } catch (Exception ex) { _appLogger.Failure("Step failed, skipping", ex); }
                            try { step(); } catch (Exception ex) { LogFailure(ex); }
                        }

                        private void LogFailure(Exception ex) { }
                    }
                }
                """;
            await Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task OwnFacadeWithoutTheException_Reports()
        {
            // A team's own logging facade counts as logging only when the caught exception is passed to it.
            const string source = """
                using System;

                namespace Shop
                {
                    public interface IAppLogger
                    {
                        void Failure(string message, Exception? exception = null);
                    }

                    public static class Log
                    {
                        public static void WriteVerboseMessage(string tag, int id, Exception? exception, string message) { }
                    }

                    public sealed class Jobs
                    {
                        private readonly IAppLogger _appLogger;
                        private readonly IAppLogger _logger;

                        public Jobs(IAppLogger appLogger, IAppLogger logger)
                        {
                            _appLogger = appLogger;
                            _logger = logger;
                        }

                        public void Run(Action step)
                        {
                            try { step(); } {|PA3002:catch (Exception)|} { _appLogger.Failure("Step failed, skipping"); }
                            try { step(); } {|PA3002:catch (Exception ex)|} { _logger.Failure("Step failed, skipping"); }
                            try { step(); } {|PA3002:catch|} { Log.WriteVerboseMessage("Jobs", 7, null, "failed"); }
                            try { step(); } {|PA3002:catch (Exception)|} { LogFailure(); }
                            try { step(); } catch (Exception ex) { Log.WriteVerboseMessage("Jobs", 7, ex, "failed"); }
                            try { step(); } catch (Exception ex) { _logger.Failure("Step failed, skipping", ex); }
                        }

                        private void LogFailure() { }
                    }
                }
                """;
            await Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task EventSourceLogging_DoesNotReport()
        {
            const string source = """
                using System;
                using System.Diagnostics.Tracing;

                [EventSource(Name = "Shop-Jobs")]
                public sealed class JobsEventSource : EventSource
                {
                    public static readonly JobsEventSource Log = new();

                    [Event(1)]
                    public void JobFailed(string job) => WriteEvent(1, job);
                }

                public sealed class Jobs
                {
                    public void Run(Action step)
                    {
                        try
                        {
                            step();
                        }
                        catch (Exception)
                        {
                            JobsEventSource.Log.JobFailed("step");
                        }
                    }
                }
                """;
            await Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task ReceiverNamedLikeLoggerOnly_Reports_OthersDoNot()
        {
            const string source = """
                using System;
                using Microsoft.Extensions.Logging;

                public sealed class ProductCatalog
                {
                    public void Refresh() { }
                }

                public sealed class CatalogService
                {
                    private readonly ProductCatalog _catalog = new();
                    private readonly ILogger<CatalogService> _logger;

                    public CatalogService(ILogger<CatalogService> logger) => _logger = logger;

                    public object? Load(Func<object> load)
                    {
                        try
                        {
                            return load();
                        }
                        {|PA3002:catch (Exception)|}
                        {
                            _catalog.Refresh();
                            return null;
                        }
                    }

                    public object? LoadLogged(Func<object> load)
                    {
                        try
                        {
                            return load();
                        }
                        catch (Exception)
                        {
                            this._logger.LogWarning("Catalog load failed, serving nothing");
                            return null;
                        }
                    }
                }
                """;
            await Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task LoginCallIsNotLogging_Reports()
        {
            const string source = """
                using System;

                public sealed class Session
                {
                    public bool TryLogIn(string user)
                    {
                        try
                        {
                            LogIn(user);
                            return true;
                        }
                        {|PA3002:catch (Exception)|}
                        {
                            LogOut();
                            return false;
                        }
                    }

                    private void LogIn(string user) { }

                    private void LogOut() { }
                }
                """;
            await Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task MinimalApiProblem_DoesNotReport()
        {
            const string source = """
                using System;
                using Microsoft.AspNetCore.Http;
                using Microsoft.AspNetCore.Mvc;

                [ApiController]
                [Route("orders")]
                public sealed class OrdersController : ControllerBase
                {
                    [HttpGet("{id}")]
                    public IActionResult Get(int id)
                    {
                        try
                        {
                            return Ok(Load(id));
                        }
                        catch (Exception ex)
                        {
                            return Problem(ex.Message);
                        }
                    }

                    [HttpDelete("{id}")]
                    public IActionResult Delete(int id)
                    {
                        try
                        {
                            Load(id);
                            return NoContent();
                        }
                        {|PA3002:catch (Exception)|}
                        {
                            return StatusCode(StatusCodes.Status500InternalServerError);
                        }
                    }

                    private static object Load(int id) => id;
                }
                """;
            await Verify.VerifyAnalyzerAsync(source);
        }

        [Theory]
        [InlineData("{|PA3002:catch (Exception ex)|} { return {|CS0103:nul|}; }")]
        [InlineData("{|PA3002:catch (Exception ex)|} { throw new {|CS0246:MissingException|}(\"x\"); }")]
        [InlineData("{|PA3002:catch|} { return {|CS0103:Money|}.Zero; }")]
        [InlineData("{|PA3002:catch (Exception)|} { {|CS0103:Metrics|}.Increment(\"import.failed\"); continue; }")]
        public async Task UnresolvedCodeThatIsNotLogging_Reports(string catchClause)
        {
            // A catch-all whose unresolved names are not logger-like still discards the exception.
            await Verify.VerifyAnalyzerAsync(InLoop(catchClause));
        }

        [Fact]
        public async Task AmbiguousExceptionName_Reports()
        {
            // Implicit usings bring a second type named Exception into scope: the catch is still a catch-all.
            const string source = """
                using System;
                using Billing.Errors;

                namespace Billing.Errors
                {
                    public sealed class Exception { }
                }

                namespace Billing
                {
                    public sealed class Ledger
                    {
                        public decimal Balance(Func<decimal> read)
                        {
                            try
                            {
                                return read();
                            }
                            {|PA3002:catch ({|CS0104:Exception|} ex)|}
                            {
                                return 0m;
                            }
                        }
                    }
                }
                """;
            await Verify.VerifyAnalyzerAsync(source);
        }

        [Theory]
        [InlineData("catch (Exception ex) { _logger.")]
        [InlineData("catch (Exception ex) { _logger.LogEror(ex, \"x\"); return null; }")]
        [InlineData("catch (Exception ex) { Missing.Log(ex); return null; }")]
        [InlineData("catch (Exception ex) when (ex is HttpRequestExceptio) { return null; }")]
        [InlineData("catch (Exceptio) { return null; }")]
        public async Task HalfTypedCode_DoesNotReport(string catchClause)
        {
            await new Verify.Test
            {
                TestState = { Sources = { InLoop(catchClause) } },
                CompilerDiagnostics = CompilerDiagnostics.None,
            }.RunAsync();
        }

        [Fact]
        public async Task MissingLoggingReference_DoesNotReport()
        {
            // ILogger does not resolve (the project lost its logging reference): the call may be the handling.
            const string source = """
                using System;

                public sealed class Importer
                {
                    private readonly ILogger _logger = null!;

                    public bool Import(Action step)
                    {
                        try
                        {
                            step();
                            return true;
                        }
                        catch (Exception ex)
                        {
                            _logger.LogError(ex, "Import failed");
                            return false;
                        }
                    }
                }
                """;
            await new Verify.Test
            {
                TestState = { Sources = { source } },
                CompilerDiagnostics = CompilerDiagnostics.None,
            }.RunAsync();
        }
    }
}
