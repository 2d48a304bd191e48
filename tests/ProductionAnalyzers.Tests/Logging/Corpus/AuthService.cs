using System;
using System.Threading.Tasks;
using Contoso.Shop.Domain;
using Microsoft.Extensions.Logging;

namespace Contoso.Shop.Identity
{
    public sealed class AuthResult
    {
        public bool Succeeded { get; init; }
        public string? AccessToken { get; init; }
        public string? RefreshToken { get; init; }
    }

    public sealed class AuthService
    {
        private const int MaxFailedLogins = 5;
        private readonly IUserStore _users;
        private readonly IPasswordHasher _hasher;
        private readonly ITokenService _tokens;
        private readonly ILogger<AuthService> _logger;

        public AuthService(IUserStore users, IPasswordHasher hasher, ITokenService tokens, ILogger<AuthService> logger)
        {
            _users = users;
            _hasher = hasher;
            _tokens = tokens;
            _logger = logger;
        }

        public async Task<AuthResult> LoginAsync(LoginRequest request, string ipAddress)
        {
            _logger.LogInformation("Login attempt for {UserName} from {IpAddress}", request.UserName, ipAddress);
            _logger.LogDebug("Login payload {UserName} / {Password}", request.UserName, {|PA4004:request.Password|});

            var user = await _users.FindByNameAsync(request.UserName);
            if (user is null)
            {
                _logger.LogWarning("Unknown user {UserName}", request.UserName);
                return new AuthResult();
            }

            if (user.IsLocked)
            {
                _logger.LogWarning("Locked account {UserId} tried to sign in ({FailedLoginCount} failures)", user.Id, user.FailedLoginCount);
                return new AuthResult();
            }

            var isPasswordValid = _hasher.Verify(user.PasswordHash, request.Password);
            _logger.LogDebug("Password check for {UserId}: {IsPasswordValid}", user.Id, isPasswordValid);
            if (!isPasswordValid)
            {
                user.FailedLoginCount++;
                await _users.UpdateAsync(user);
                _logger.LogWarning({|PA4001:$"Invalid password for {user.UserName}, attempt {user.FailedLoginCount} of {MaxFailedLogins}"|});
                return new AuthResult();
            }

            var accessToken = _tokens.CreateAccessToken(user);
            var refreshToken = _tokens.CreateRefreshToken();
            _logger.LogInformation("Issued tokens for {UserId}, access token expires at {TokenExpiresAt}", user.Id, _tokens.AccessTokenExpiresAt);
            _logger.LogDebug("Access token {AccessToken}", {|PA4004:accessToken|});
            _logger.LogTrace({|PA4001:$"Refresh token for {user.UserName} is {{|PA4004:refreshToken|}}"|});

            return new AuthResult { Succeeded = true, AccessToken = accessToken, RefreshToken = refreshToken };
        }

        public async Task ChangePasswordAsync(string userName, string currentPassword, string newPassword)
        {
            var user = await _users.FindByNameAsync(userName);
            if (user is null)
            {
                return;
            }

            var passwordLength = newPassword.Length;
            var passwordPolicy = "min12-upper-digit";
            _logger.LogInformation("Password change for {UserName}; new length {PasswordLength}, policy {PasswordPolicy}", userName, passwordLength, passwordPolicy);
            if (!_hasher.Verify(user.PasswordHash, currentPassword))
            {
                _logger.LogWarning("Password change rejected for {UserName}: current password {CurrentPassword} does not match", userName, {|PA4004:currentPassword|});
                return;
            }

            user.PasswordHash = _hasher.Hash(newPassword);
            user.PasswordChangedAt = DateTime.UtcNow;
            await _users.UpdateAsync(user);
            _logger.LogInformation("PasswordResetRequested handled for {UserName} at {PasswordChangedAt}", userName, user.PasswordChangedAt);
        }

        public void LogoutEverywhere(UserAccount user, int tokenCount, bool hasToken)
        {
            _logger.LogInformation("Revoking {TokenCount} tokens for {UserId} (has token: {HasToken})", tokenCount, user.Id, hasToken);
        }
    }
}
