using System;
using System.Threading.Tasks;
using Contoso.Shop.Orders;
using Contoso.Shop.Workers;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Contoso.Shop
{
    public static class Program
    {
        public static async Task<int> Main(string[] args)
        {
            // Startup and shutdown output of the entry point is what the console is for.
            Console.WriteLine($"Contoso Shop starting ({Environment.MachineName})");
            try
            {
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddSingleton<OrderService>();
                builder.Services.AddHostedService<EmailDispatchWorker>();
                builder.Logging.AddConsole();

                var app = builder.Build();
                app.Lifetime.ApplicationStarted.Register(() => Console.WriteLine("Listening"));
                PrintBanner(app.Environment.EnvironmentName);
                await app.RunAsync();
                return 0;
            }
            catch (Exception ex)
            {
                Console.Error.WriteLine($"Host terminated unexpectedly: {ex}");
                return 1;
            }
        }

        private static void PrintBanner(string environment)
        {
            Console.WriteLine("==============================");
            Console.WriteLine($" Contoso Shop - {environment}");
            Console.WriteLine("==============================");
        }
    }
}
