using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Consumer;

// A hosted service: console output instead of the logger, an empty catch in a loop, and an exception logged as text.
public sealed class CleanupWorker : BackgroundService
{
    private readonly ILogger<CleanupWorker> _logger;
    private readonly string _folder;

    public CleanupWorker(ILogger<CleanupWorker> logger, string folder)
    {
        _logger = logger;
        _folder = folder;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            Console.WriteLine($"Cleaning {_folder}");
            foreach (var file in Directory.EnumerateFiles(_folder, "*.tmp"))
            {
                try
                {
                    File.Delete(file);
                }
                catch (IOException)
                {
                }
            }

            try
            {
                await Task.Delay(TimeSpan.FromMinutes(5), stoppingToken);
            }
            catch (Exception ex)
            {
                _logger.LogWarning("Cleanup loop interrupted: {Reason}", ex.Message);
            }
        }
    }
}
