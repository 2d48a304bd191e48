using System;
using System.Threading.Tasks;
using Contoso.Shop.Domain;
using Serilog;
using Serilog.Context;
using Serilog.Events;

namespace Contoso.Shop.Payments
{
    public interface IPaymentGateway
    {
        Task<string> ChargeAsync(PaymentCard card, decimal amount, string currency);
    }

    public sealed class SerilogPaymentProcessor
    {
        private static readonly ILogger Logger = Log.ForContext<SerilogPaymentProcessor>();
        private readonly IPaymentGateway _gateway;

        public SerilogPaymentProcessor(IPaymentGateway gateway)
        {
            _gateway = gateway;
        }

        public async Task<string?> ChargeAsync(Order order, PaymentCard card, string currency)
        {
            using (LogContext.PushProperty("OrderId", order.Id))
            {
                Log.Information("Charging {Amount} {Currency} for order {OrderId}", order.Total, currency, order.Id);
                Log.Debug("Card ending in {Last4}, holder {Holder}", card.Last4, card.HolderName);
                Log.Debug({|PA4001:$"Card {{|PA4004:card.CardNumber|}} expires {card.ExpiryMonth}/{card.ExpiryYear}"|});

                try
                {
                    var transactionId = await _gateway.ChargeAsync(card, order.Total, currency);
                    Logger.Information("Charged order {OrderId}, transaction {TransactionId}", order.Id, transactionId);
                    return transactionId;
                }
                catch (PaymentDeclinedException ex)
                {
                    Logger.Warning("Payment for order {OrderId} declined: {Reason}", order.Id, ex.Reason);
                    return null;
                }
                catch (TimeoutException ex)
                {
                    Log.Error({|PA4001:"Gateway timeout for order " + order.Id + ": " + {|PA4002:ex.Message|}|});
                    return null;
                }
                catch (Exception ex)
                {
                    Log.Error(ex, "Charging order {OrderId} failed", order.Id);
                    throw;
                }
            }
        }

        public void Refund(Order order, decimal amount, string requestedBy)
        {
            Log.ForContext("RequestedBy", requestedBy)
               .ForContext<SerilogPaymentProcessor>()
               .Warning({|PA4001:$"Refund of {amount} requested for order {order.Id}"|});

            Log.Write(LogEventLevel.Information, "Refund {Amount} queued for {OrderId}", amount, order.Id);
            Log.Write(LogEventLevel.Verbose, {|PA4001:string.Format("Refund {0} queued", amount)|});
            Logger.Verbose("Refund details {@Order}", new { order.Id, amount });
        }

        public static void ReportStartup(string environmentName)
        {
            Log.Information("Payment processor starting in {Environment}", environmentName);
            Log.Fatal({|PA4001:$"Payment processor misconfigured for {environmentName}"|});
        }
    }
}
