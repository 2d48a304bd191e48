using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Contoso.Shop.Infrastructure.Logging
{
    /// <summary>The application's logging abstraction (keeps ILogger out of the domain layer).</summary>
    public interface IAppLogger<T>
    {
        void LogInformation(string message, params object[] args);
        void LogWarning(string message, params object[] args);
        void LogError(Exception exception, string message, params object[] args);
    }

    public sealed class LoggerAdapter<T> : IAppLogger<T>
    {
        private readonly ILogger<T> _logger;

        public LoggerAdapter(ILoggerFactory loggerFactory) => _logger = loggerFactory.CreateLogger<T>();

        public void LogInformation(string message, params object[] args) => _logger.LogInformation(message, args);

        public void LogWarning(string message, params object[] args) => _logger.LogWarning(message, args);

        public void LogError(Exception exception, string message, params object[] args) => _logger.LogError(exception, message, args);
    }

    /// <summary>A message-only audit trail: callers pass finished text, there are no values to pass.</summary>
    public interface IAuditTrail
    {
        void Record(string message);
    }

    public sealed class BasketService
    {
        private readonly IAppLogger<BasketService> _logger;
        private readonly IAuditTrail _audit;

        public BasketService(IAppLogger<BasketService> logger, IAuditTrail audit)
        {
            _logger = logger;
            _audit = audit;
        }

        public async Task AddItemAsync(int basketId, int catalogItemId, decimal price, int quantity)
        {
            _logger.LogInformation("Adding {Quantity} x {CatalogItemId} to basket {BasketId}", quantity, catalogItemId, basketId);
            await Task.Yield();
            _logger.LogInformation({|PA4001:$"Basket {basketId} now holds item {catalogItemId} at {price:C}"|});
            _audit.Record($"basket {basketId}: +{quantity} x {catalogItemId}"); // message-only API: not a template
        }

        public void TransferBasket(string anonymousId, string userName, string sessionToken)
        {
            _logger.LogInformation("Transferring basket from {AnonymousId} to {UserName}", anonymousId, userName);
            _logger.LogWarning("Transfer for {UserName} used session {SessionToken}", userName, {|PA4004:sessionToken|});
        }

        public void Checkout(int basketId, Exception? failure)
        {
            if (failure is not null)
            {
                _logger.LogError(failure, "Checkout of basket {BasketId} failed", basketId);
                _logger.LogWarning({|PA4001:"Checkout of basket " + basketId + " failed"|});
            }
        }
    }
}
