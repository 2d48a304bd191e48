namespace Contoso.Orders.Data
{
    /// <summary>Table and column names shared by the repositories.</summary>
    public static class SqlNames
    {
        public const string Schema = "sales";
        public const string OrdersTable = Schema + ".Orders";
        public const string OrderLinesTable = Schema + ".OrderLines";
        public const string CustomersTable = Schema + ".Customers";
        public const string OrderColumns = "Id, CustomerId, Status, Total, CreatedAt";

        public static readonly string[] SortableColumns = { "CreatedAt", "Total", "Status" };
        public static readonly string SelectOrders = "SELECT " + OrderColumns + " FROM " + OrdersTable;
    }

    public enum OrderStatus
    {
        Draft,
        Placed,
        Shipped,
        Cancelled,
    }

    public sealed class Order
    {
        public int Id { get; set; }
        public int CustomerId { get; set; }
        public OrderStatus Status { get; set; }
        public decimal Total { get; set; }
        public System.DateTime CreatedAt { get; set; }
    }

    public sealed class Customer
    {
        public int Id { get; set; }
        public string Name { get; set; } = "";
        public string Email { get; set; } = "";
        public string Country { get; set; } = "";
    }

    public sealed class OrderSearch
    {
        public string? CustomerName { get; set; }
        public string? Country { get; set; }
        public OrderStatus? Status { get; set; }
        public decimal? MinTotal { get; set; }
        public string? SortBy { get; set; }
        public bool Descending { get; set; }
        public int Page { get; set; }
        public int PageSize { get; set; } = 50;
    }
}
