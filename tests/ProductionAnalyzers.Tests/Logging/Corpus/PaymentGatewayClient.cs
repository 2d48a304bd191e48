using System;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading.Tasks;
using Contoso.Shop.Domain;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Contoso.Shop.Payments
{
    public sealed class PaymentGatewayClient
    {
        private readonly HttpClient _http;
        private readonly IConfiguration _configuration;
        private readonly ILogger<PaymentGatewayClient> _logger;

        public PaymentGatewayClient(HttpClient http, IConfiguration configuration, ILogger<PaymentGatewayClient> logger)
        {
            _http = http;
            _configuration = configuration;
            _logger = logger;
        }

        public async Task<bool> AuthorizeAsync(PaymentCard card, decimal amount)
        {
            var apiKey = _configuration["PaymentGateway:ApiKey"];
            var apiKeyId = _configuration["PaymentGateway:ApiKeyId"];
            var maskedCardNumber = "**** **** **** " + card.Last4;
            _logger.LogInformation("Authorizing {Amount} on card {MaskedCardNumber} using key {ApiKeyId}", amount, maskedCardNumber, apiKeyId);
            _logger.LogDebug("Gateway key {ApiKey}", {|PA4004:apiKey|});
            _logger.LogDebug("Gateway secret {Secret}", {|PA4004:_configuration["PaymentGateway:ClientSecret"]|});
            _logger.LogTrace("Card {CardNumber} cvv {Cvv} holder {Holder}", {|PA4004:card.CardNumber|}, {|PA4004:card.Cvv|}, card.HolderName);
            _logger.LogDebug("Card expires {ExpiryMonth}/{ExpiryYear}", card.ExpiryMonth, card.ExpiryYear);

            using var request = new HttpRequestMessage(HttpMethod.Post, "authorize");
            request.Headers.Add("X-Api-Key", apiKey);
            request.Content = JsonContent.Create(new { card.CardNumber, card.Cvv, amount });

            try
            {
                var response = await _http.SendAsync(request);
                if (!response.IsSuccessStatusCode)
                {
                    var body = await response.Content.ReadAsStringAsync();
                    _logger.LogWarning("Gateway refused authorization: {StatusCode} {Body}", (int)response.StatusCode, body);
                    return false;
                }

                return true;
            }
            catch (HttpRequestException ex)
            {
                _logger.LogError("Gateway unreachable: {Error}, inner: {Inner}", {|PA4002:ex.Message|}, ex.InnerException?.Message);
                return false;
            }
            catch (TaskCanceledException ex)
            {
                _logger.LogWarning(ex, "Gateway call timed out after {Timeout}", _http.Timeout);
                return false;
            }
        }

        public void LogCardUpdate(Guid customerId, PaymentCard card)
        {
            _logger.LogInformation("Customer {CustomerId} updated card ending {Last4}", customerId, card.Last4);
            _logger.LogInformation("Card update payload {@Card}", new { customerId, {|PA4004:card.CardNumber|}, card.ExpiryMonth });
        }
    }
}
