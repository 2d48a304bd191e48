namespace OrdersApi.Models;

public enum OrderStatus
{
    Pending,
    Paid,
    Shipped,
    Cancelled,
}

public sealed record Order(Guid Id, Guid CustomerId, string Reference, OrderStatus Status, decimal Total, DateTimeOffset CreatedAt);

public sealed record Customer(Guid Id, string Name, string Email, bool Active);

public sealed record PlaceOrderRequest(Guid CustomerId, string Reference, decimal Total, string CardNumber, string CardHolder);

public sealed record PaymentResult(bool Succeeded, string? TransactionId, string? Error);
