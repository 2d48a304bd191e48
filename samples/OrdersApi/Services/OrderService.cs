using OrdersApi.Data;
using OrdersApi.Models;

namespace OrdersApi.Services;

public sealed class OrderService
{
    private readonly OrderRepository _orders;
    private readonly PaymentGatewayClient _payments;
    private readonly ILogger<OrderService> _logger;

    public OrderService(OrderRepository orders, PaymentGatewayClient payments, ILogger<OrderService> logger)
    {
        _orders = orders;
        _payments = payments;
        _logger = logger;
    }

    public async Task<Order?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            return await _orders.GetAsync(id, cancellationToken);
        }
        catch (Exception)
        {
            // PA3002: the failure is turned into "not found" and nobody will ever know.
            return null;
        }
    }

    public async Task<PaymentResult> PlaceAsync(PlaceOrderRequest request, CancellationToken cancellationToken)
    {
        // PA4004: the card number ends up in every log sink.
        _logger.LogInformation("Charging card {CardNumber} for customer {CustomerId}", request.CardNumber, request.CustomerId);

        try
        {
            var result = await _payments.ChargeAsync(request.Reference, request.Total, request.CardNumber, cancellationToken);

            // PA4001: an interpolated template defeats structured logging.
            _logger.LogInformation($"Order {request.Reference} charged {request.Total:C} (transaction {result.TransactionId})");
            return result;
        }
        catch (HttpRequestException ex)
        {
            // PA4002: the exception is flattened into text; its stack trace is lost.
            _logger.LogError("Payment for {Reference} failed: {Error}", request.Reference, ex.Message);
            return new PaymentResult(false, null, "payment gateway unavailable");
        }
    }

    public async Task<IReadOnlyList<Order>> SearchAsync(string customerName, OrderStatus? status, string sortBy, int page)
    {
        _logger.LogDebug("Searching orders of {CustomerName} sorted by {SortBy}", customerName, sortBy);
        return await _orders.SearchAsync(customerName, status, sortBy, page);
    }
}
