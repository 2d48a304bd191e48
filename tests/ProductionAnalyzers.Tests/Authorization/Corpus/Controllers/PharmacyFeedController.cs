using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Clinic.Controllers;

public sealed class PharmacyFeedOptions
{
    public string SigningKey { get; set; } = string.Empty;

    public bool Paused { get; set; }
}

public interface IFeedKeys
{
    Task<bool> IsKnownApiKeyAsync(string? apiKey, CancellationToken cancellationToken);
}

// The pharmacy's system pushes prescriptions here. The controller predates the API-key filter: each action checks the
// caller's key or the payload's signature itself and answers 401/403 — decisions made in code.
[ApiController]
[Route("feeds/pharmacy")]
public sealed class PharmacyFeedController : ControllerBase
{
    private readonly IFeedKeys _keys;
    private readonly PharmacyFeedOptions _options;

    public PharmacyFeedController(IFeedKeys keys, IOptions<PharmacyFeedOptions> options)
    {
        _keys = keys;
        _options = options.Value;
    }

    [HttpPost("prescriptions")]
    public async Task<IActionResult> Push(CancellationToken cancellationToken)
    {
        if (_options.Paused)
        {
            return StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        if (!await _keys.IsKnownApiKeyAsync(Request.Headers["X-Api-Key"], cancellationToken))
        {
            return Unauthorized();
        }

        return Accepted();
    }

    [HttpPost("recalls")]
    public async Task Recall()
    {
        using var reader = new StreamReader(Request.Body);
        var body = await reader.ReadToEndAsync();
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(_options.SigningKey));
        var expected = Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(body)));
        if (!string.Equals(expected, Request.Headers["X-Signature"], StringComparison.OrdinalIgnoreCase))
        {
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        Response.StatusCode = StatusCodes.Status202Accepted;
    }

    // Paused answers 401 too, but that is no check of the caller: nothing decides who may read the feed's state.
    [HttpGet("state")]
    public IActionResult {|PA5001:State|}()
    {
        if (_options.Paused)
        {
            return Unauthorized();
        }

        return Ok("running");
    }
}
