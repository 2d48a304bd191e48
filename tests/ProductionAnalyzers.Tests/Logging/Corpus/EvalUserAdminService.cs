using Microsoft.Extensions.Logging;

namespace EvalCorpus.Logging.UserAdmin;

public sealed class AppUser
{
    public Guid Id { get; set; }
    public string Email { get; set; } = "";
    public string PasswordHash { get; set; } = "";
    public DateTime PasswordChangedAt { get; set; }
    public string? Ssn { get; set; }
    public bool SsnVerified { get; set; }
    public string CardBrand { get; set; } = "";
    public string CardLast4 { get; set; } = "";
    public string SecurityStamp { get; set; } = "";
}

public sealed record Credentials(string UserName, string Password);

public sealed class UserAdminService(ILogger<UserAdminService> logger)
{
    public void Created(AppUser user)
    {
        logger.LogInformation("User {UserId} created with email {Email}", user.Id, user.Email); // OK
        logger.LogInformation("Password changed at {PasswordChangedAt}", user.PasswordChangedAt); // OK: timestamp
        logger.LogInformation("SSN verified: {SsnVerified}", user.SsnVerified); // OK: bool flag
        logger.LogInformation("Card {CardBrand} ending {CardLast4}", user.CardBrand, user.CardLast4); // OK: masked
        logger.LogDebug("SSN on file: {Ssn}", {|PA4004:user.Ssn|});
        logger.LogDebug({|PA4001:$"Created {user.Id} ({user.Email})"|});
    }

    public void Impersonate(Credentials credentials, Guid targetUser)
    {
        logger.LogWarning("Impersonation of {TargetUser} by {Admin}", targetUser, credentials.UserName); // OK
        logger.LogDebug("Impersonation with {@Credentials}", {|PA4004:credentials|});
        logger.LogDebug({|PA4001:"Impersonation by " + credentials.UserName + " using " + {|PA4004:credentials.Password|}|});
    }

    public async Task DisableAsync(Guid id, Func<Guid, Task> disable)
    {
        try
        {
            await disable(id);
            logger.LogInformation("User {UserId} disabled", id); // OK
        }
        catch (InvalidOperationException ex)
        {
            logger.LogWarning(ex, "User {UserId} could not be disabled", id); // OK
        }
        catch (Exception ex)
        {
            logger.LogError({|PA4002:ex.Message|});
        }
    }

    public async Task DeleteAsync(Guid id, Func<Guid, Task> delete)
    {
        try
        {
            await delete(id);
        }
        catch (Exception ex)
        {
            logger.LogCritical(exception: ex, message: "Deleting {UserId} failed", id); // OK: named arguments
            logger.LogError({|PA4002:ex.ToString()|});
            logger.LogWarning(ex, {|PA4001:$"Deleting {id} failed"|});
            throw;
        }
    }

    public void Bulk(IReadOnlyList<AppUser> users, bool dryRun)
    {
        logger.LogInformation(dryRun ? "Dry run over {Count} users" : "Processing {Count} users", users.Count); // OK: both branches constant
        logger.LogInformation({|PA4001:string.Concat("Processing ", users.Count.ToString(), " users")|});
        using (logger.BeginScope(new Dictionary<string, object> { ["BatchSize"] = users.Count })) // OK
        {
            foreach (var u in users)
                logger.LogTrace("Visiting {UserId}", u.Id); // OK
        }
    }
}
