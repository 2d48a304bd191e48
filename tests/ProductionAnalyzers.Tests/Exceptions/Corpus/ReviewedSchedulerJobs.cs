using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EvalCorpus.Exceptions.Scheduling;

public interface IJob { string Name { get; } Task RunAsync(CancellationToken ct); }

public sealed class JobScheduler : BackgroundService
{
    private readonly IReadOnlyList<IJob> _jobs;
    private readonly ILogger<JobScheduler> _logger;
    private readonly Dictionary<string, Exception> _lastFailures = new();

    public JobScheduler(IEnumerable<IJob> jobs, ILogger<JobScheduler> logger)
    {
        _jobs = jobs.ToList();
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                foreach (var job in _jobs)
                {
                    try
                    {
                        await job.RunAsync(stoppingToken);
                        _lastFailures.Remove(job.Name);
                    }
                    catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                    {
                        return;
                    }
                    catch (Exception ex)
                    {
                        _lastFailures[job.Name] = ex;
                        _logger.LogError(ex, "Job {Job} failed", job.Name); // OK
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // host is shutting down
        }
    }

    public async Task RunNowAsync(string name, CancellationToken ct)
    {
        var job = _jobs.FirstOrDefault(j => j.Name == name) ?? throw new KeyNotFoundException(name);
        try
        {
            await job.RunAsync(ct);
        }
        {|PA3002:catch (Exception)|}
        {
            _lastFailures.Remove(name);
        }
    }

    public async Task<bool> TryRunAsync(string name, CancellationToken ct)
    {
        var job = _jobs.FirstOrDefault(j => j.Name == name);
        if (job is null) return false;
        try
        {
            await job.RunAsync(ct);
            return true;
        }
        catch (Exception ex)
        {
            _lastFailures[name] = ex; // OK: kept for the status page
            return false;
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await base.StopAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is TaskCanceledException)
        {
        }
        catch (Exception)
        {
            // stopping must not throw; the host logs shutdown timeouts itself
        }
    }
}

public sealed class CleanupJob : IJob
{
    private readonly ILogger<CleanupJob> _logger;
    public CleanupJob(ILogger<CleanupJob> logger) => _logger = logger;
    public string Name => "cleanup";

    public async Task RunAsync(CancellationToken ct)
    {
        var deleted = 0;
        foreach (var dir in new[] { "/var/cache/app/a", "/var/cache/app/b" })
        {
            try
            {
                await Task.Delay(1, ct);
                deleted++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _logger.LogWarning(ex, "Cleanup of {Dir} failed", dir); // OK
            }
        }
        _logger.LogInformation("Cleanup deleted {Count}", deleted);
    }
}

public sealed class ReportJob : IJob
{
    public string Name => "report";
    public int Failures { get; private set; }

    public async Task RunAsync(CancellationToken ct)
    {
        try
        {
            await Task.Delay(1, ct);
        }
        {|PA3002:catch (Exception)|} when (!ct.IsCancellationRequested)
        {
            Failures++;
        }
    }

    public Task RunGuardedAsync(CancellationToken ct)
    {
        try
        {
            return Task.Delay(1, ct);
        }
        {|PA3002:catch (Exception)|}
        {
            return Task.FromException(new InvalidOperationException("report failed"));
        }
    }

    public Task RunForwardedAsync(CancellationToken ct)
    {
        try
        {
            return Task.Delay(1, ct);
        }
        catch (Exception ex)
        {
            return Task.FromException(ex); // OK: passed on
        }
    }
}
