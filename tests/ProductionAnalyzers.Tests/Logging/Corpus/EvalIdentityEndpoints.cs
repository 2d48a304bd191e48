using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace EvalCorpus.Logging.Identity;

public sealed record RegisterDto(string Email, string Password, string ConfirmPassword, string? InviteCode);
public sealed record OAuthCallback(string Code, string State, string? Error);
public sealed record TokenResponse(string access_token, string token_type, int expires_in, string refresh_token);

public static class IdentityEndpoints
{
    public static void MapIdentity(this WebApplication app)
    {
        app.MapPost("/register", (RegisterDto dto, ILogger<RegisterDto> logger) =>
        {
            logger.LogInformation("Registering {Email}", dto.Email); // OK
            logger.LogDebug("Register payload {Email} {Password}", dto.Email, {|PA4004:dto.Password|});
            if (dto.Password != dto.ConfirmPassword)
            {
                logger.LogInformation("Password mismatch for {Email}", dto.Email); // OK: text only
                return Results.BadRequest();
            }
            logger.LogDebug("Invite code supplied: {HasInvite}", dto.InviteCode is not null); // OK
            return Results.Ok();
        }).AllowAnonymous();

        app.MapGet("/oauth/callback", (string code, string state, ILoggerFactory factory) =>
        {
            var logger = factory.CreateLogger("OAuth");
            logger.LogInformation("OAuth callback with state {State}", state); // OK
            logger.LogDebug({|PA4001:$"OAuth callback state={state}"|});
            return Results.Ok();
        }).AllowAnonymous();

        app.MapPost("/token", (TokenResponse response, ILogger<TokenResponse> logger) =>
        {
            logger.LogInformation("Token type {TokenType} expires in {ExpiresIn}s", response.token_type, response.expires_in); // OK: not secret
            logger.LogDebug("Got {AccessToken}", {|PA4004:response.access_token|});
            return Results.Ok();
        }).AllowAnonymous();
    }
}

public sealed class SessionService(ILogger<SessionService> logger)
{
    public void Start(string userId, string sessionId, string csrfToken, int tokenCount)
    {
        logger.LogInformation("Session {SessionId} started for {UserId}", sessionId, userId); // OK
        logger.LogDebug("Issued CSRF token {CsrfToken}", {|PA4004:csrfToken|});
        logger.LogDebug("Prompt used {TokenCount} tokens", tokenCount); // OK: a count
    }

    public void Fail(string userId, Exception error)
    {
        logger.LogWarning(error, "Session for {UserId} failed", userId); // OK
    }
}
