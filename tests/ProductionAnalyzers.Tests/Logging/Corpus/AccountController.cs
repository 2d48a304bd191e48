using System;
using System.Threading.Tasks;
using Contoso.Shop.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Contoso.Shop.Api
{
    public sealed record RegisterModel(string UserName, string Email, string Password, string ConfirmPassword);

    public sealed record ResetPasswordModel(string Email, string ResetToken, string NewPassword);

    [ApiController]
    [Route("api/account")]
    public sealed class AccountController(IUserStore users, IPasswordHasher hasher, ILogger<AccountController> logger) : ControllerBase
    {
        [AllowAnonymous]
        [HttpPost("register")]
        public async Task<IActionResult> Register(RegisterModel model)
        {
            logger.LogInformation("Registering {UserName} with email {Email}", model.UserName, model.Email);
            if (model.Password != model.ConfirmPassword)
            {
                logger.LogWarning("Registration for {UserName} failed: passwords differ ({Password} vs {ConfirmPassword})",
                    model.UserName, {|PA4004:model.Password|}, {|PA4004:model.ConfirmPassword|});
                return BadRequest("Passwords do not match");
            }

            var user = new UserAccount { Id = Guid.NewGuid(), UserName = model.UserName, Email = model.Email, PasswordHash = hasher.Hash(model.Password) };
            await users.UpdateAsync(user);
            logger.LogInformation("Registered {UserId} ({UserName})", user.Id, user.UserName);
            return Ok();
        }

        [AllowAnonymous]
        [HttpPost("reset-password")]
        public async Task<IActionResult> ResetPassword(ResetPasswordModel model)
        {
            logger.LogInformation("Password reset requested for {Email}", model.Email);
            logger.LogDebug({|PA4001:$"Reset token received: {{|PA4004:model.ResetToken|}}"|});
            var user = await users.FindByNameAsync(model.Email);
            if (user is null)
            {
                logger.LogWarning("Password reset for unknown {Email}", model.Email);
                return Ok();
            }

            try
            {
                user.PasswordHash = hasher.Hash(model.NewPassword);
                await users.UpdateAsync(user);
            }
            catch (Exception e)
            {
                logger.LogError({|PA4001:"Password reset failed for " + user.Id + ": " + {|PA4002:e.Message|}|});
                throw;
            }

            logger.LogInformation("Password reset completed for {UserId}; hash length {PasswordHashLength}", user.Id, user.PasswordHash.Length);
            return Ok();
        }

        [Authorize]
        [HttpGet("me")]
        public IActionResult Me()
        {
            var userName = User.Identity?.Name;
            logger.LogDebug("Profile requested by {UserName}", userName);
            return Ok(new { userName });
        }
    }
}
