using System;
using System.Collections.Generic;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace Orders.Auth;

public sealed class JwtTokenService(IConfiguration configuration)
{
    public const string AccessTokenCookieName = "access_token";
    public const string RefreshTokenHeader = "X-Refresh-Token";
    public const string TokenEndpoint = "/connect/token";
    private const string Issuer = "https://orders.contoso.test";

    // Legacy HMAC key for signing download links.
    private static readonly byte[] LinkSigningKey = {|PA2001:new byte[] { 0x3a, 0x91, 0x5c, 0xe2, 0x07, 0xbd, 0x44, 0xf8, 0x6e, 0x12, 0xa9, 0xc3, 0x58, 0x2f, 0xd6, 0x70 }|};

    public string CreateToken(string userId, IEnumerable<Claim> claims)
    {
        var key = Encoding.UTF8.GetBytes(configuration["Jwt:Key"] ?? throw new InvalidOperationException("Jwt:Key is not set"));
        using var hmac = new HMACSHA256(key);
        var payload = Issuer + "|" + userId + "|" + string.Join(",", claims);
        return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(payload)));
    }

    public string SignLink(string path)
    {
        using var hmac = new HMACSHA256(LinkSigningKey);
        return Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(path)));
    }

    public string ServiceToken() =>
        {|PA2002:"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJvcmRlcnMtd29ya2VyIiwicm9sZSI6InN2YyJ9.Kx9vQ2mL7pR4tW8zN1bY6eU3iO0aS5dF7gH2jK4lZ8c"|};
}
