using System;
using System.Collections.Generic;

namespace Contoso.Shop.Domain
{
    public enum OrderStatus
    {
        Pending,
        Paid,
        Shipped,
        Cancelled,
    }

    public sealed class Customer
    {
        public Guid Id { get; set; }
        public string Email { get; set; } = string.Empty;
        public string DisplayName { get; set; } = string.Empty;
        public string? PhoneNumber { get; set; }
    }

    public sealed class Order
    {
        public int Id { get; set; }
        public Guid CustomerId { get; set; }
        public OrderStatus Status { get; set; }
        public decimal Total { get; set; }
        public List<OrderLine> Lines { get; } = new List<OrderLine>();
        public DateTimeOffset CreatedAt { get; set; }

        public decimal GetTotal() => Total;
    }

    public sealed class OrderLine
    {
        public string Sku { get; set; } = string.Empty;
        public int Quantity { get; set; }
        public decimal UnitPrice { get; set; }
    }

    public sealed class UserAccount
    {
        public Guid Id { get; set; }
        public string UserName { get; set; } = string.Empty;
        public string Email { get; set; } = string.Empty;
        public string PasswordHash { get; set; } = string.Empty;
        public string? Password { get; set; }
        public bool IsLocked { get; set; }
        public int FailedLoginCount { get; set; }
        public DateTime? PasswordChangedAt { get; set; }
    }

    public sealed class LoginRequest
    {
        public string UserName { get; set; } = string.Empty;
        public string Password { get; set; } = string.Empty;
        public bool RememberMe { get; set; }
    }

    public sealed class PaymentCard
    {
        public string CardNumber { get; set; } = string.Empty;
        public string Cvv { get; set; } = string.Empty;
        public string HolderName { get; set; } = string.Empty;
        public int ExpiryMonth { get; set; }
        public int ExpiryYear { get; set; }

        public string Last4 => CardNumber.Length >= 4 ? CardNumber.Substring(CardNumber.Length - 4) : CardNumber;
    }

    public interface IOrderRepository
    {
        System.Threading.Tasks.Task<Order?> FindAsync(int id, System.Threading.CancellationToken cancellationToken);
        System.Threading.Tasks.Task SaveAsync(Order order, System.Threading.CancellationToken cancellationToken);
        System.Threading.Tasks.Task<IReadOnlyList<Order>> PendingAsync(System.Threading.CancellationToken cancellationToken);
    }

    public interface IUserStore
    {
        System.Threading.Tasks.Task<UserAccount?> FindByNameAsync(string userName);
        System.Threading.Tasks.Task UpdateAsync(UserAccount user);
    }

    public interface IPasswordHasher
    {
        bool Verify(string hash, string password);
        string Hash(string password);
    }

    public interface ITokenService
    {
        string CreateAccessToken(UserAccount user);
        string CreateRefreshToken();
        DateTimeOffset AccessTokenExpiresAt { get; }
    }

    public sealed class PaymentDeclinedException : Exception
    {
        public PaymentDeclinedException(string reason) : base(reason) => Reason = reason;
        public string Reason { get; }
    }
}
