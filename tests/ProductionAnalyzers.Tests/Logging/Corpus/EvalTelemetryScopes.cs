using Microsoft.Extensions.Logging;

namespace EvalCorpus.Logging.Scopes;

public sealed record Job(Guid Id, string Name, string Tenant);

public sealed class JobRunner
{
    private readonly ILogger<JobRunner> _logger;
    public JobRunner(ILogger<JobRunner> logger) => _logger = logger;

    public async Task RunAsync(Job job, Func<Task> body)
    {
        using var scope = _logger.BeginScope("Job {JobId} for {Tenant}", job.Id, job.Tenant); // OK
        using var scope2 = _logger.BeginScope(new Dictionary<string, object?> { ["JobName"] = job.Name }); // OK: structured state
        using var scope3 = _logger.BeginScope({|PA4001:$"Job {job.Name}"|});
        using var scope4 = _logger.BeginScope({|PA4001:"Tenant " + job.Tenant|});
        _logger.LogInformation("Job {JobName} starting", job.Name); // OK
        try
        {
            await body();
            _logger.LogInformation("Job {JobName} finished", job.Name); // OK
        }
        catch (OperationCanceledException)
        {
            _logger.LogWarning("Job {JobName} cancelled", job.Name); // OK
            throw;
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Job {JobName} failed", job.Name); // OK
            throw;
        }
    }

    public void RunSync(Job job, Action body)
    {
        using (_logger.BeginScope("{JobId}", job.Id)) // OK
        {
            try
            {
                body();
            }
            catch (Exception ex)
            {
                _logger.LogError("Job {JobId} failed: {Error}", job.Id, {|PA4002:ex.Message|});
            }
        }
    }

    public void Describe(Job job)
    {
        var message = "Describing job ";
        message += job.Name;
        _logger.LogDebug({|PA4001:message|});
        var label = job.Tenant.Length > 0 ? "Tenant job {JobId}" : "System job {JobId}";
        _logger.LogDebug(label, job.Id); // OK: both branches constant
    }
}
