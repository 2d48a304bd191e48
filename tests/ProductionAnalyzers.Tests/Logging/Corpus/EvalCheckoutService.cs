using Microsoft.Extensions.Logging;

namespace EvalCorpus.Logging.Checkout;

public sealed record Cart(Guid Id, string CustomerId, decimal Total, int Items);
public sealed record PaymentRequest(string CardNumber, string Cvv, string CardHolder, string Last4, decimal Amount);
public sealed class PaymentDeclinedException(string reason) : Exception(reason) { public string Reason { get; } = reason; }

internal static class LogTemplates
{
    public const string CheckoutStarted = "Checkout started for cart {CartId}";
    public const string Prefix = "[checkout]";
}

public interface IPaymentGateway { Task<string> ChargeAsync(PaymentRequest request); }

public sealed class CheckoutService
{
    private readonly ILogger<CheckoutService> _logger;
    private readonly IPaymentGateway _gateway;

    public CheckoutService(ILogger<CheckoutService> logger, IPaymentGateway gateway)
    {
        _logger = logger;
        _gateway = gateway;
    }

    public async Task<string?> CheckoutAsync(Cart cart, PaymentRequest payment)
    {
        _logger.LogInformation(LogTemplates.CheckoutStarted, cart.Id); // OK: constant from another class
        _logger.LogInformation(LogTemplates.Prefix + " items={Items} total={Total}", cart.Items, cart.Total); // OK: constant concatenation
        _logger.LogInformation($"{LogTemplates.Prefix} customer {{CustomerId}}", cart.CustomerId); // OK: constant interpolation
        _logger.LogDebug({|PA4001:$"Cart {cart.Id} has {cart.Items} items"|});
        _logger.LogDebug({|PA4001:"Charging " + payment.Amount + " for " + cart.CustomerId|});
        _logger.LogDebug({|PA4001:string.Format("Customer {0} pays {1:C}", cart.CustomerId, payment.Amount)|});
        _logger.LogDebug("Card holder {CardHolder}, card ending {Last4}", payment.CardHolder, payment.Last4); // OK: masked value
        _logger.LogDebug("Charging card {CardNumber}", {|PA4004:payment.CardNumber|});

        using (_logger.BeginScope("Cart {CartId}", cart.Id)) // OK
        using (_logger.BeginScope({|PA4001:$"Customer {cart.CustomerId}"|}))
        {
            try
            {
                var receipt = await _gateway.ChargeAsync(payment);
                _logger.LogInformation("Payment captured, receipt {Receipt}", receipt); // OK
                return receipt;
            }
            catch (PaymentDeclinedException ex)
            {
                _logger.LogWarning("Payment declined: {Reason}", ex.Reason); // OK: domain property, not the exception text
                return null;
            }
            catch (HttpRequestException ex)
            {
                _logger.LogError("Gateway unreachable: {Error}", {|PA4002:ex.Message|});
                return null;
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "Checkout failed for cart {CartId}", cart.Id); // OK
                throw;
            }
        }
    }

    public void Audit(Cart cart, string operatorName, int attempt)
    {
        _logger.Log(LogLevel.Information, "Operator {Operator} touched cart {CartId}", operatorName, cart.Id); // OK
        _logger.Log(LogLevel.Warning, {|PA4001:$"Attempt {attempt} by {operatorName}"|});
        _logger.LogInformation(message: {|PA4001:"Audit for " + cart.Id|});
        _logger.LogInformation({|PA4001:$"Attempt {attempt}"|});
        var msg = $"Cart {cart.Id} audited";
        _logger.LogTrace({|PA4001:msg|});
        const string template = "Cart {CartId} audited by {Operator}";
        _logger.LogTrace(template, cart.Id, operatorName); // OK
    }

    public void Reconcile(IEnumerable<Cart> carts)
    {
        foreach (var cart in carts)
        {
            try
            {
                if (cart.Total < 0) throw new InvalidOperationException("negative total");
            }
            catch (InvalidOperationException ex)
            {
                _logger.LogWarning({|PA4001:$"Skipping cart {cart.Id}: {ex.Message}"|}); // OK for PA4002: a specific exception summarized at Warning or below
            }
            catch (Exception ex)
            {
                _logger.LogWarning("Skipping cart {CartId}: {Error}", cart.Id, {|PA4002:ex.ToString()|});
            }
        }
    }

    public void Report(Exception ex, Cart cart)
    {
        _logger.LogError(ex, "Report for {CartId} failed", cart.Id); // OK
        _logger.LogError(new EventId(1001, "CheckoutReport"), ex, "Report for {CartId} failed", cart.Id); // OK
    }
}
