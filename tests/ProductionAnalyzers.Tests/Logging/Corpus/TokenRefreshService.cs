using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Contoso.Shop.Domain;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Contoso.Shop.Integrations
{
    public sealed record TokenResponse(string AccessToken, string RefreshToken, int ExpiresIn, string TokenType);

    public sealed record PartnerCredentials(string ClientId, string ClientSecret);

    public sealed record RetryPolicySettings(int MaxAttempts, TimeSpan Delay);

    public sealed class TokenRefreshService : BackgroundService
    {
        private readonly IHttpClientFactory _httpClientFactory;
        private readonly IConfiguration _configuration;
        private readonly ILogger<TokenRefreshService> _logger;
        private TokenResponse? _current;

        public TokenRefreshService(IHttpClientFactory httpClientFactory, IConfiguration configuration, ILogger<TokenRefreshService> logger)
        {
            _httpClientFactory = httpClientFactory;
            _configuration = configuration;
            _logger = logger;
        }

        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            var connectionString = _configuration.GetConnectionString("Partners");
            var secretName = _configuration["Partners:SecretName"];
            _logger.LogInformation("Partner token refresh starting, credentials from {Secret}", secretName);
            _logger.LogDebug("Partner database {ConnectionString}", {|PA4004:connectionString|});

            var settings = new RetryPolicySettings(3, TimeSpan.FromSeconds(2));
            _logger.LogInformation("Retry policy {Settings}", settings);

            while (!stoppingToken.IsCancellationRequested)
            {
                await RefreshWithRetryAsync(settings, stoppingToken);
                await Task.Delay(TimeSpan.FromMinutes(5), stoppingToken);
            }
        }

        private async Task RefreshWithRetryAsync(RetryPolicySettings settings, CancellationToken cancellationToken)
        {
            var credentials = new PartnerCredentials(_configuration["Partners:ClientId"] ?? "", _configuration["Partners:ClientSecret"] ?? "");
            _logger.LogDebug("Refreshing with {Credentials}", {|PA4004:credentials|});
            _logger.LogDebug("Client {ClientId}", credentials.ClientId);

            for (var attempt = 1; attempt <= settings.MaxAttempts; attempt++)
            {
                try
                {
                    _current = await RequestTokenAsync(credentials, cancellationToken);
                    _logger.LogInformation("Token refreshed, type {TokenType}, expires in {ExpiresIn} s", _current.TokenType, _current.ExpiresIn);
                    return;
                }
                catch (HttpRequestException ex) when (attempt < settings.MaxAttempts)
                {
                    _logger.LogWarning("Attempt {Attempt} failed ({Reason}), retrying in {Delay}", attempt, ex.Message, settings.Delay); // OK for PA4002: a specific exception summarized at Warning or below
                    await Task.Delay(settings.Delay, cancellationToken);
                }
                catch (Exception ex)
                {
                    // Already passing the exception: the extra text is redundant, not lost.
                    _logger.LogError(ex, ex.Message);
                    _logger.LogError({|PA4002:ex.Message|}, ex);
                    return;
                }
            }
        }

        private async Task<TokenResponse> RequestTokenAsync(PartnerCredentials credentials, CancellationToken cancellationToken)
        {
            var client = _httpClientFactory.CreateClient("partners");
            var form = new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = credentials.ClientId,
                ["client_secret"] = credentials.ClientSecret,
            };

            var trace = new StringBuilder();
            trace.Append("POST ").Append(client.BaseAddress).Append(" with ").Append(form.Count).Append(" fields");
            _logger.LogTrace({|PA4001:trace.ToString()|});

            using var response = await client.PostAsync("oauth/token", new FormUrlEncodedContent(form), cancellationToken);
            response.EnsureSuccessStatusCode();
            var token = new TokenResponse("access", "refresh", 3600, "Bearer");
            _logger.LogDebug("Token response {@Token}", {|PA4004:token|});
            return token;
        }
    }
}
