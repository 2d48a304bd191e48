using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Contoso.Shop.Domain;
using Microsoft.Extensions.Logging;

namespace Contoso.Shop.Orders
{
    public sealed class OrderService
    {
        private const string Component = "orders";
        private readonly IOrderRepository _orders;
        private readonly ILogger<OrderService> _logger;

        public OrderService(IOrderRepository orders, ILogger<OrderService> logger)
        {
            _orders = orders;
            _logger = logger;
        }

        public async Task<Order?> GetAsync(int orderId, CancellationToken cancellationToken)
        {
            _logger.LogDebug("Loading order {OrderId}", orderId);
            var order = await _orders.FindAsync(orderId, cancellationToken);
            if (order is null)
            {
                _logger.LogWarning({|PA4001:$"Order {orderId} was not found"|});
                return null;
            }

            _logger.LogDebug($"{nameof(GetAsync)} finished in {Component}");
            return order;
        }

        public async Task<bool> PlaceAsync(Order order, CancellationToken cancellationToken)
        {
            var stopwatch = Stopwatch.StartNew();
            using (_logger.BeginScope("Placing order {OrderId} for {CustomerId}", order.Id, order.CustomerId))
            {
                if (order.Lines.Count == 0)
                {
                    _logger.LogWarning("Order {OrderId} has no lines", order.Id);
                    return false;
                }

                try
                {
                    await _orders.SaveAsync(order, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    _logger.LogInformation("Placing order {OrderId} was cancelled", order.Id);
                    throw;
                }
                catch (Exception ex)
                {
                    _logger.LogError({|PA4001:$"Failed to place order {order.Id}: {{|PA4002:ex.Message|}}"|});
                    return false;
                }

                _logger.LogInformation({|PA4001:"Order " + order.Id + " placed with " + order.Lines.Count + " lines in " + stopwatch.ElapsedMilliseconds + " ms"|});
                _logger.LogInformation("Order {OrderId} total {Total:C}", order.Id, order.GetTotal());
                return true;
            }
        }

        public async Task CancelAsync(int orderId, string reason, CancellationToken cancellationToken)
        {
            var order = await _orders.FindAsync(orderId, cancellationToken);
            if (order is null)
            {
                return;
            }

            order.Status = OrderStatus.Cancelled;
            try
            {
                await _orders.SaveAsync(order, cancellationToken);
                var message = string.Format("Order {0} cancelled: {1}", orderId, reason);
                _logger.LogInformation({|PA4001:message|});
            }
            catch (InvalidOperationException ex)
            {
                _logger.LogError(ex, "Could not cancel order {OrderId}", orderId);
                throw;
            }
        }

        public async Task<int> ExpireStaleAsync(TimeSpan maxAge, CancellationToken cancellationToken)
        {
            var pending = await _orders.PendingAsync(cancellationToken);
            var stale = pending.Where(o => DateTimeOffset.UtcNow - o.CreatedAt > maxAge).ToList();
            foreach (var order in stale)
            {
                order.Status = OrderStatus.Cancelled;
                await _orders.SaveAsync(order, cancellationToken);
                _logger.LogDebug("Expired order {OrderId} created at {CreatedAt:o}", order.Id, order.CreatedAt);
            }

            var summary = $"Expired {stale.Count} of {pending.Count} pending orders";
            _logger.LogInformation({|PA4001:summary|});
            return stale.Count;
        }

        public void Audit(string auditMessage)
        {
            // A message that arrives as a parameter is not built here: PA4001 stays quiet.
            _logger.LogInformation(auditMessage);
        }
    }
}
