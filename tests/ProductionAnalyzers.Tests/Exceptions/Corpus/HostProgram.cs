using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Serilog;

namespace Corpus.Host
{
    public static class HostProgram
    {
        public static async Task<int> Main(string[] args)
        {
            Log.Logger = new LoggerConfiguration().MinimumLevel.Information().CreateLogger();
            try
            {
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage");
                var app = builder.Build();
                TryApplyOptionalSettings(app.Configuration);
                app.MapHealthChecks("/health");
                await app.RunAsync();
                return 0;
            }
            catch (Exception ex)
            {
                Log.Fatal(ex, "Host terminated unexpectedly");
                return 1;
            }
            finally
            {
                Log.CloseAndFlush();
            }
        }

        private static void TryApplyOptionalSettings(IConfiguration configuration)
        {
            try
            {
                var culture = configuration["Culture"];
                if (culture is not null)
                {
                    System.Globalization.CultureInfo.DefaultThreadCurrentCulture = new System.Globalization.CultureInfo(culture);
                }
            }
            catch (System.Globalization.CultureNotFoundException ex)
            {
                Log.Warning(ex, "Unknown culture in configuration, keeping the default");
            }
        }
    }

    public sealed class StorageHealthCheck : IHealthCheck
    {
        private readonly Func<Task> _probe;

        public StorageHealthCheck() : this(() => Task.CompletedTask) { }

        public StorageHealthCheck(Func<Task> probe) => _probe = probe;

        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, System.Threading.CancellationToken cancellationToken = default)
        {
            try
            {
                await _probe();
                return HealthCheckResult.Healthy();
            }
            catch (Exception ex)
            {
                return HealthCheckResult.Unhealthy("Storage probe failed", ex);
            }
        }
    }

    public sealed class QueueHealthCheck : IHealthCheck
    {
        private readonly Func<Task<int>> _depth;

        public QueueHealthCheck(Func<Task<int>> depth) => _depth = depth;

        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, System.Threading.CancellationToken cancellationToken = default)
        {
            try
            {
                var depth = await _depth();
                return depth < 1000 ? HealthCheckResult.Healthy() : HealthCheckResult.Degraded($"Queue depth {depth}");
            }
            {|PA3002:catch|}
            {
                return HealthCheckResult.Unhealthy("Queue unreachable");
            }
        }
    }
}
