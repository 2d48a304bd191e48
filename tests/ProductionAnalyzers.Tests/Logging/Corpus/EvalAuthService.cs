using Microsoft.Extensions.Logging;

namespace EvalCorpus.Logging.Auth;

public sealed record LoginRequest(string UserName, string Password, string? TotpCode);
public sealed record TokenPair(string AccessToken, string RefreshToken, DateTimeOffset AccessTokenExpiresAt);
public sealed record ApiClient(string ClientId, string ClientSecret, string ApiKeyId, string Name);

public sealed class AuthService
{
    private readonly ILogger<AuthService> _logger;
    public AuthService(ILogger<AuthService> logger) => _logger = logger;

    public TokenPair? Login(LoginRequest request)
    {
        _logger.LogInformation("Login attempt for {UserName}", request.UserName); // OK
        _logger.LogDebug("Login attempt for {UserName} with password {Password}", request.UserName, {|PA4004:request.Password|});
        _logger.LogDebug("Password length {PasswordLength}", request.Password.Length); // OK: derived value
        _logger.LogDebug("TOTP supplied: {HasTotp}", request.TotpCode is not null); // OK: derived bool

        var pair = new TokenPair(Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow.AddMinutes(15));
        _logger.LogInformation("Issued token for {UserName}, expires {ExpiresAt}", request.UserName, pair.AccessTokenExpiresAt); // OK: expiry is not a secret
        _logger.LogTrace("Access token {AccessToken}", {|PA4004:pair.AccessToken|});
        _logger.LogTrace("Refresh token issued: {Token}", {|PA4004:pair.RefreshToken|});
        return pair;
    }

    public void Refresh(string refreshToken, string userName)
    {
        _logger.LogInformation("Refreshing session for {UserName}", userName); // OK
        _logger.LogDebug("Refresh using {RefreshToken}", {|PA4004:refreshToken|});
    }

    public void RegisterClient(ApiClient client)
    {
        _logger.LogInformation("Registered API client {ClientId} ({Name}) with key {ApiKeyId}", client.ClientId, client.Name, client.ApiKeyId); // OK: key id, not the key
        _logger.LogDebug("Client secret {Secret}", {|PA4004:client.ClientSecret|});
    }

    public void ResetPassword(string userName, string newPassword, string resetToken)
    {
        _logger.LogInformation("Password reset requested for {UserName}", userName); // OK: text mentions password, no value
        _logger.LogDebug({|PA4001:$"Reset for {userName} with token {{|PA4004:resetToken|}}"|});
        _logger.LogWarning("Weak password chosen by {UserName}: {NewPassword}", userName, {|PA4004:newPassword|});
    }

    public void VerifyCustomer(string customerId, string ssn, string cardNumber, string cvv)
    {
        _logger.LogInformation("Verifying customer {CustomerId}", customerId); // OK
        _logger.LogDebug("SSN {Ssn}", {|PA4004:ssn|});
        _logger.LogDebug("Card {Card} / {Cvv}", {|PA4004:cardNumber|}, {|PA4004:cvv|});
        _logger.LogDebug("Card ends with {Last4}", cardNumber[^4..]); // OK: masked (derived)
    }

    public void KeyVault(string secretName, string apiKey)
    {
        _logger.LogInformation("Loaded secret {SecretName} from Key Vault", secretName); // OK: the secret's name, not its value
        _logger.LogDebug("Using API key {ApiKey}", {|PA4004:apiKey|});
        _logger.LogDebug("API key configured: {Configured}", !string.IsNullOrEmpty(apiKey)); // OK: derived bool
    }
}
