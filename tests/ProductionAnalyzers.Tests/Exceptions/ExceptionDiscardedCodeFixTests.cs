using System.Threading.Tasks;
using ProductionAnalyzers.CodeFixes;
using Xunit;
using Verify = ProductionAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ProductionAnalyzers.Exceptions.SwallowedExceptionAnalyzer,
    ProductionAnalyzers.CodeFixes.Exceptions.ExceptionsCodeFixProvider>;

namespace ProductionAnalyzers.Tests.Exceptions
{
    public class ExceptionDiscardedCodeFixTests
    {
        private const string CacheSource = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Logging;

            public sealed class Customer { }

            public sealed class CustomerCache
            {
                private readonly ILogger<CustomerCache> _logger;
                private bool _degraded;

                public CustomerCache(ILogger<CustomerCache> logger) => _logger = logger;

                public async Task<Customer?> GetCustomerAsync(Func<Task<Customer>> load)
                {
                    try
                    {
                        return await load();
                    }
                    {|PA3002:catch (Exception)|}
                    {
                        return null;
                    }
                }

                public bool TryRefresh(Action refresh)
                {
                    try
                    {
                        refresh();
                        return true;
                    }
                    {|PA3002:catch|}
                    {
                        _degraded = true;
                        return false;
                    }
                }
            }
            """;

        [Fact]
        public async Task LogException_InsertsLogCallFirst_FixesAll()
        {
            const string fixedSource = """
                using System;
                using System.Threading.Tasks;
                using Microsoft.Extensions.Logging;

                public sealed class Customer { }

                public sealed class CustomerCache
                {
                    private readonly ILogger<CustomerCache> _logger;
                    private bool _degraded;

                    public CustomerCache(ILogger<CustomerCache> logger) => _logger = logger;

                    public async Task<Customer?> GetCustomerAsync(Func<Task<Customer>> load)
                    {
                        try
                        {
                            return await load();
                        }
                        catch (Exception ex)
                        {
                            _logger.LogError(ex, "GetCustomer failed");
                            return null;
                        }
                    }

                    public bool TryRefresh(Action refresh)
                    {
                        try
                        {
                            refresh();
                            return true;
                        }
                        catch (Exception ex)
                        {
                            _logger.LogError(ex, "TryRefresh failed");
                            _degraded = true;
                            return false;
                        }
                    }
                }
                """;
            await new Verify.Test
            {
                TestCode = CacheSource,
                FixedCode = fixedSource,
                CodeActionEquivalenceKey = FixKeys.Pa3002LogException,
            }.RunAsync();
        }

        [Fact]
        public async Task Rethrow_ReplacesFinalReturn_FixesAll()
        {
            const string fixedSource = """
                using System;
                using System.Threading.Tasks;
                using Microsoft.Extensions.Logging;

                public sealed class Customer { }

                public sealed class CustomerCache
                {
                    private readonly ILogger<CustomerCache> _logger;
                    private bool _degraded;

                    public CustomerCache(ILogger<CustomerCache> logger) => _logger = logger;

                    public async Task<Customer?> GetCustomerAsync(Func<Task<Customer>> load)
                    {
                        try
                        {
                            return await load();
                        }
                        catch (Exception)
                        {
                            throw;
                        }
                    }

                    public bool TryRefresh(Action refresh)
                    {
                        try
                        {
                            refresh();
                            return true;
                        }
                        catch
                        {
                            _degraded = true;
                            throw;
                        }
                    }
                }
                """;
            await new Verify.Test
            {
                TestCode = CacheSource,
                FixedCode = fixedSource,
                CodeActionEquivalenceKey = FixKeys.Pa3002Rethrow,
            }.RunAsync();
        }

        [Fact]
        public async Task Rethrow_AppendsWhenEndIsReachable_Fixes()
        {
            const string source = """
                using System;

                public sealed class Probe
                {
                    private bool _healthy = true;

                    public void Check(Action ping)
                    {
                        try
                        {
                            ping();
                        }
                        {|PA3002:catch (Exception ex)|}
                        {
                            _healthy = ex is TimeoutException;
                        }
                    }
                }
                """;
            const string fixedSource = """
                using System;

                public sealed class Probe
                {
                    private bool _healthy = true;

                    public void Check(Action ping)
                    {
                        try
                        {
                            ping();
                        }
                        catch (Exception ex)
                        {
                            _healthy = ex is TimeoutException;
                            throw;
                        }
                    }
                }
                """;
            await Verify.VerifyCodeFixAsync(source, fixedSource);
        }

        [Fact]
        public async Task Rethrow_FinalReturnWithCall_NotOffered()
        {
            // 'return CreateEmpty();' cannot be dropped silently and nothing after it is reachable: no rethrow action,
            // and no logger is in scope: no fix at all.
            const string source = """
                using System;

                public sealed class Customer { }

                public sealed class CustomerStore
                {
                    public Customer Load(Func<Customer> load)
                    {
                        try
                        {
                            return load();
                        }
                        {|PA3002:catch (Exception)|}
                        {
                            return CreateEmpty();
                        }
                    }

                    private static Customer CreateEmpty() => new Customer();
                }
                """;
            await Verify.VerifyCodeFixAsync(source, source);
        }

        [Fact]
        public async Task LoopThatContinues_LogsWarning_Fixes()
        {
            const string source = """
                using System;
                using System.Collections.Generic;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.Extensions.Logging;

                public sealed class OutboxWorker
                {
                    private readonly ILogger<OutboxWorker> _logger;

                    public OutboxWorker(ILogger<OutboxWorker> logger) => _logger = logger;

                    public async Task PublishAllAsync(IEnumerable<string> messages, Func<string, Task> publish, CancellationToken ct)
                    {
                        foreach (var message in messages)
                        {
                            try
                            {
                                await publish(message);
                            }
                            {|PA3002:catch (Exception)|}
                            {
                                continue;
                            }
                        }
                    }
                }
                """;
            const string fixedSource = """
                using System;
                using System.Collections.Generic;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.Extensions.Logging;

                public sealed class OutboxWorker
                {
                    private readonly ILogger<OutboxWorker> _logger;

                    public OutboxWorker(ILogger<OutboxWorker> logger) => _logger = logger;

                    public async Task PublishAllAsync(IEnumerable<string> messages, Func<string, Task> publish, CancellationToken ct)
                    {
                        foreach (var message in messages)
                        {
                            try
                            {
                                await publish(message);
                            }
                            catch (Exception ex)
                            {
                                _logger.LogWarning(ex, "PublishAll failed");
                                continue;
                            }
                        }
                    }
                }
                """;
            await new Verify.Test
            {
                TestCode = source,
                FixedCode = fixedSource,
                CodeActionEquivalenceKey = FixKeys.Pa3002LogException,
            }.RunAsync();
        }

        [Fact]
        public async Task LambdaAndLocalFunction_LogWithField_Fixes()
        {
            const string source = """
                using System;
                using System.Threading.Tasks;
                using Microsoft.Extensions.Logging;

                public sealed class Scheduler
                {
                    private readonly ILogger<Scheduler> _logger;

                    public Scheduler(ILogger<Scheduler> logger) => _logger = logger;

                    public Task Start(Action job) => Task.Run(() =>
                    {
                        try { job(); } {|PA3002:catch (Exception)|} { Stop(); }
                    });

                    public void RunNow(Action job)
                    {
                        Execute();

                        void Execute()
                        {
                            try { job(); } {|PA3002:catch|} { Stop(); }
                        }
                    }

                    private void Stop() { }
                }
                """;
            const string fixedSource = """
                using System;
                using System.Threading.Tasks;
                using Microsoft.Extensions.Logging;

                public sealed class Scheduler
                {
                    private readonly ILogger<Scheduler> _logger;

                    public Scheduler(ILogger<Scheduler> logger) => _logger = logger;

                    public Task Start(Action job) => Task.Run(() =>
                    {
                        try { job(); } catch (Exception ex) { _logger.LogError(ex, "Start failed"); Stop(); }
                    });

                    public void RunNow(Action job)
                    {
                        Execute();

                        void Execute()
                        {
                            try { job(); } catch (Exception ex) { _logger.LogError(ex, "Execute failed"); Stop(); }
                        }
                    }

                    private void Stop() { }
                }
                """;
            await new Verify.Test
            {
                TestCode = source,
                FixedCode = fixedSource,
                CodeActionEquivalenceKey = FixKeys.Pa3002LogException,
            }.RunAsync();
        }

        [Fact]
        public async Task NestedCatches_FixAll_UsesDistinctNames()
        {
            const string source = """
                using System;
                using Microsoft.Extensions.Logging;

                public sealed class Exporter
                {
                    private readonly ILogger<Exporter> _logger;
                    private bool _failed;

                    public Exporter(ILogger<Exporter> logger) => _logger = logger;

                    public string? Export(Func<string> render, Action cleanup)
                    {
                        try
                        {
                            return render();
                        }
                        {|PA3002:catch|}
                        {
                            try
                            {
                                cleanup();
                            }
                            {|PA3002:catch|}
                            {
                                _failed = true;
                            }

                            return null;
                        }
                    }
                }
                """;
            const string fixedSource = """
                using System;
                using Microsoft.Extensions.Logging;

                public sealed class Exporter
                {
                    private readonly ILogger<Exporter> _logger;
                    private bool _failed;

                    public Exporter(ILogger<Exporter> logger) => _logger = logger;

                    public string? Export(Func<string> render, Action cleanup)
                    {
                        try
                        {
                            return render();
                        }
                        catch (Exception ex)
                        {
                            _logger.LogError(ex, "Export failed");
                            try
                            {
                                cleanup();
                            }
                            catch (Exception exception)
                            {
                                _logger.LogError(exception, "Export failed");
                                _failed = true;
                            }

                            return null;
                        }
                    }
                }
                """;
            await new Verify.Test
            {
                TestCode = source,
                FixedCode = fixedSource,
                CodeActionEquivalenceKey = FixKeys.Pa3002LogException,
            }.RunAsync();
        }

        [Fact]
        public async Task KeepCause_AddsInnerException_FixesAll()
        {
            const string source = """
                using System;
                using System.Net.Http;
                using System.Threading.Tasks;

                public sealed class PaymentGateway
                {
                    private readonly HttpClient _http;

                    public PaymentGateway(HttpClient http) => _http = http;

                    public async Task ChargeAsync(string url)
                    {
                        try
                        {
                            await _http.PostAsync(url, null);
                        }
                        {|PA3002:catch (Exception ex)|}
                        {
                            throw new InvalidOperationException("Charging failed: " + ex.Message);
                        }
                    }

                    public async Task RefundAsync(string url)
                    {
                        try
                        {
                            await _http.PostAsync(url, null);
                        }
                        {|PA3002:catch|}
                        {
                            throw new HttpRequestException("Refund failed");
                        }
                    }

                    public async Task VoidAsync(string url)
                    {
                        try
                        {
                            await _http.PostAsync(url, null);
                        }
                        {|PA3002:catch (Exception)|}
                        {
                            throw new InvalidOperationException("Void failed");
                        }
                    }
                }
                """;
            const string fixedSource = """
                using System;
                using System.Net.Http;
                using System.Threading.Tasks;

                public sealed class PaymentGateway
                {
                    private readonly HttpClient _http;

                    public PaymentGateway(HttpClient http) => _http = http;

                    public async Task ChargeAsync(string url)
                    {
                        try
                        {
                            await _http.PostAsync(url, null);
                        }
                        catch (Exception ex)
                        {
                            throw new InvalidOperationException("Charging failed: " + ex.Message, ex);
                        }
                    }

                    public async Task RefundAsync(string url)
                    {
                        try
                        {
                            await _http.PostAsync(url, null);
                        }
                        catch (Exception ex)
                        {
                            throw new HttpRequestException("Refund failed", ex);
                        }
                    }

                    public async Task VoidAsync(string url)
                    {
                        try
                        {
                            await _http.PostAsync(url, null);
                        }
                        catch (Exception ex)
                        {
                            throw new InvalidOperationException("Void failed", ex);
                        }
                    }
                }
                """;
            await new Verify.Test
            {
                TestCode = source,
                FixedCode = fixedSource,
                CodeActionEquivalenceKey = FixKeys.Pa3002KeepCause,
            }.RunAsync();
        }

        [Fact]
        public async Task KeepCause_NoInnerExceptionConstructor_NotOffered()
        {
            const string source = """
                using System;

                public sealed class PaymentDeclinedException : Exception
                {
                    public PaymentDeclinedException(string message) : base(message) { }
                }

                public sealed class PaymentGateway
                {
                    public void Capture(Action post)
                    {
                        try
                        {
                            post();
                        }
                        {|PA3002:catch (Exception)|}
                        {
                            throw new PaymentDeclinedException("Capture failed");
                        }
                    }
                }
                """;
            await Verify.VerifyCodeFixAsync(source, source);
        }

        [Fact]
        public async Task SerilogStaticLogInStaticMethod_Fixes()
        {
            const string source = """
                using System;
                using Serilog;

                public static class Parsers
                {
                    public static bool TryParseAmount(string text, out decimal amount)
                    {
                        try
                        {
                            amount = decimal.Parse(System.IO.File.ReadAllText(text));
                            return true;
                        }
                        {|PA3002:catch|}
                        {
                            amount = 0;
                            return false;
                        }
                    }
                }
                """;
            const string fixedSource = """
                using System;
                using Serilog;

                public static class Parsers
                {
                    public static bool TryParseAmount(string text, out decimal amount)
                    {
                        try
                        {
                            amount = decimal.Parse(System.IO.File.ReadAllText(text));
                            return true;
                        }
                        catch (Exception ex)
                        {
                            Log.Error(ex, "TryParseAmount failed");
                            amount = 0;
                            return false;
                        }
                    }
                }
                """;
            await new Verify.Test
            {
                TestCode = source,
                FixedCode = fixedSource,
                CodeActionEquivalenceKey = FixKeys.Pa3002LogException,
            }.RunAsync();
        }

        [Fact]
        public async Task NullableLoggerField_UsesConditionalAccess_Fixes()
        {
            const string source = """
                #nullable enable
                using System;
                using Microsoft.Extensions.Logging;

                public sealed class Notifier
                {
                    private readonly ILogger? _logger;

                    public Notifier(ILogger? logger = null) => _logger = logger;

                    public bool Notify(Action send)
                    {
                        try
                        {
                            send();
                            return true;
                        }
                        {|PA3002:catch (Exception)|}
                        {
                            return false;
                        }
                    }
                }
                """;
            const string fixedSource = """
                #nullable enable
                using System;
                using Microsoft.Extensions.Logging;

                public sealed class Notifier
                {
                    private readonly ILogger? _logger;

                    public Notifier(ILogger? logger = null) => _logger = logger;

                    public bool Notify(Action send)
                    {
                        try
                        {
                            send();
                            return true;
                        }
                        catch (Exception ex)
                        {
                            _logger?.LogError(ex, "Notify failed");
                            return false;
                        }
                    }
                }
                """;
            await new Verify.Test
            {
                TestCode = source,
                FixedCode = fixedSource,
                CodeActionEquivalenceKey = FixKeys.Pa3002LogException,
            }.RunAsync();
        }

        /// <summary>NLog (real package), in a class that logs through the fluent API: the exception-first level method.</summary>
        [Fact]
        public async Task NLogLoggerInFluentClass_ExceptionFirst_Fixes()
        {
            const string source = """
                using System;
                using NLog;

                public sealed class FeedImporter
                {
                    private static readonly Logger Logger = LogManager.GetCurrentClassLogger();

                    public int Import(string feed, Func<int> fetch)
                    {
                        var importEvent = Logger.ForInfoEvent().Property("Feed", feed);
                        try { return fetch(); } {|PA3002:catch|} { return 0; }
                        finally { importEvent.Message("Import finished").Log(); }
                    }
                }
                """;
            const string fixedSource = """
                using System;
                using NLog;

                public sealed class FeedImporter
                {
                    private static readonly Logger Logger = LogManager.GetCurrentClassLogger();

                    public int Import(string feed, Func<int> fetch)
                    {
                        var importEvent = Logger.ForInfoEvent().Property("Feed", feed);
                        try { return fetch(); } catch (Exception ex) { Logger.Error(ex, "Import failed"); return 0; }
                        finally { importEvent.Message("Import finished").Log(); }
                    }
                }
                """;
            await new Verify.Test
            {
                TestCode = source,
                FixedCode = fixedSource,
                CodeActionEquivalenceKey = FixKeys.Pa3002LogException,
            }.RunAsync();
        }

        [Fact]
        public async Task Log4NetField_MessageFirst_Fixes()
        {
            const string source = """
                using System;

                public sealed class LegacyExporter
                {
                    private readonly log4net.ILog _log;

                    public LegacyExporter(log4net.ILog log) => _log = log;

                    public bool Export(Action write)
                    {
                        try { write(); return true; } {|PA3002:catch|} { return false; }
                    }
                }
                """;
            const string fixedSource = """
                using System;

                public sealed class LegacyExporter
                {
                    private readonly log4net.ILog _log;

                    public LegacyExporter(log4net.ILog log) => _log = log;

                    public bool Export(Action write)
                    {
                        try { write(); return true; } catch (Exception ex) { _log.Error("Export failed", ex); return false; }
                    }
                }
                """;
            await new Verify.Test
            {
                TestCode = source,
                FixedCode = fixedSource,
                CodeActionEquivalenceKey = FixKeys.Pa3002LogException,
            }.RunAsync();
        }

        [Fact]
        public async Task MinimalApiLambdaParameterLogger_Fixes()
        {
            const string source = """
                using System;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Http;
                using Microsoft.AspNetCore.Routing;
                using Microsoft.Extensions.Logging;

                public static class ExportEndpoints
                {
                    public static void MapExports(this IEndpointRouteBuilder app)
                    {
                        app.MapPost("/exports", async (ILogger<Program> logger, Func<Task> run) =>
                        {
                            try
                            {
                                await run();
                                return Results.Accepted();
                            }
                            {|PA3002:catch (Exception)|}
                            {
                                return Results.StatusCode(500);
                            }
                        });
                    }
                }

                public partial class Program { }
                """;
            const string fixedSource = """
                using System;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Http;
                using Microsoft.AspNetCore.Routing;
                using Microsoft.Extensions.Logging;

                public static class ExportEndpoints
                {
                    public static void MapExports(this IEndpointRouteBuilder app)
                    {
                        app.MapPost("/exports", async (ILogger<Program> logger, Func<Task> run) =>
                        {
                            try
                            {
                                await run();
                                return Results.Accepted();
                            }
                            catch (Exception ex)
                            {
                                logger.LogError(ex, "MapExports failed");
                                return Results.StatusCode(500);
                            }
                        });
                    }
                }

                public partial class Program { }
                """;
            await new Verify.Test
            {
                TestCode = source,
                FixedCode = fixedSource,
                CodeActionEquivalenceKey = FixKeys.Pa3002LogException,
            }.RunAsync();
        }

        [Fact]
        public async Task LocalLoggerDeclaredBeforeTry_Fixes()
        {
            const string source = """
                using System;
                using Microsoft.Extensions.Logging;

                public static class Seeder
                {
                    public static void Seed(ILoggerFactory factory, Action seed)
                    {
                        var logger = factory.CreateLogger("Seeder");
                        try
                        {
                            seed();
                        }
                        {|PA3002:catch (Exception)|}
                        {
                            Environment.ExitCode = 1;
                        }
                    }
                }
                """;
            const string fixedSource = """
                using System;
                using Microsoft.Extensions.Logging;

                public static class Seeder
                {
                    public static void Seed(ILoggerFactory factory, Action seed)
                    {
                        var logger = factory.CreateLogger("Seeder");
                        try
                        {
                            seed();
                        }
                        catch (Exception ex)
                        {
                            logger.LogError(ex, "Seed failed");
                            Environment.ExitCode = 1;
                        }
                    }
                }
                """;
            await new Verify.Test
            {
                TestCode = source,
                FixedCode = fixedSource,
                CodeActionEquivalenceKey = FixKeys.Pa3002LogException,
            }.RunAsync();
        }

        [Fact]
        public async Task NestedTypeCannotUseOuterInstanceLogger_OnlyRethrowOffered()
        {
            const string source = """
                using System;
                using Microsoft.Extensions.Logging;

                public sealed class Outer
                {
                    private readonly ILogger<Outer> _logger;

                    public Outer(ILogger<Outer> logger) => _logger = logger;

                    public sealed class Inner
                    {
                        private bool _failed;

                        public void Run(Action work)
                        {
                            try
                            {
                                work();
                            }
                            {|PA3002:catch (Exception)|}
                            {
                                _failed = true;
                            }
                        }
                    }
                }
                """;
            const string fixedSource = """
                using System;
                using Microsoft.Extensions.Logging;

                public sealed class Outer
                {
                    private readonly ILogger<Outer> _logger;

                    public Outer(ILogger<Outer> logger) => _logger = logger;

                    public sealed class Inner
                    {
                        private bool _failed;

                        public void Run(Action work)
                        {
                            try
                            {
                                work();
                            }
                            catch (Exception)
                            {
                                _failed = true;
                                throw;
                            }
                        }
                    }
                }
                """;
            await new Verify.Test
            {
                TestCode = source,
                FixedCode = fixedSource,
                CodeActionIndex = 0,
            }.RunAsync();
        }

        [Fact]
        public async Task LambdaInFieldInitializer_InstanceLoggerNotUsed_OnlyRethrowOffered()
        {
            const string source = """
                using System;
                using Microsoft.Extensions.Logging;

                public sealed class Jobs
                {
                    private readonly ILogger<Jobs> _logger;
                    private readonly Func<string, int> _parse = text => { try { return int.Parse(System.IO.File.ReadAllText(text)); } {|PA3002:catch|} { return 0; } };

                    public Jobs(ILogger<Jobs> logger) => _logger = logger;
                }
                """;
            const string fixedSource = """
                using System;
                using Microsoft.Extensions.Logging;

                public sealed class Jobs
                {
                    private readonly ILogger<Jobs> _logger;
                    private readonly Func<string, int> _parse = text => { try { return int.Parse(System.IO.File.ReadAllText(text)); } catch { throw; } };

                    public Jobs(ILogger<Jobs> logger) => _logger = logger;
                }
                """;
            await new Verify.Test
            {
                TestCode = source,
                FixedCode = fixedSource,
                CodeActionIndex = 0,
            }.RunAsync();
        }
    }
}
