using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;

namespace Orders.Payments;

public sealed class StripePaymentClient
{
    // Publishable keys are public by design: quiet.
    public const string PublishableKey = "pk_live_51NqLyjHb7cK2mD9xQ4wE8rT6";

    private const string SecretKey = {|PA2002:"sk_live_51NqLyjHb7cK2mD9xQ4wE8rT6yU1iO3pA5sD7fG9hJ2kL4zX"|};
    private const string WebhookSigningSecret = {|PA2002:"whsec_9fK2mQ7xL4vB8nR1tY6wE3uI0oP5aS2d"|};
    private const string ApiBase = "https://api.stripe.com/v1/";

    private readonly HttpClient _http;

    public StripePaymentClient(HttpClient http)
    {
        _http = http;
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", SecretKey);
    }

    public Task<HttpResponseMessage> RefundAsync(string chargeId, string idempotencyKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, ApiBase + "refunds");
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        request.Content = new FormUrlEncodedContent(new[] { new KeyValuePair<string, string>("charge", chargeId) });
        return _http.SendAsync(request);
    }

    public bool VerifySignature(string header) => header.Contains(WebhookSigningSecret);
}
