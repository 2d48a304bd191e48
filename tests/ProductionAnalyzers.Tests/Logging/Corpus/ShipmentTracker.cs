using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Serilog;

namespace Contoso.Shop.Shipping
{
    public sealed record Shipment(string TrackingNumber, int OrderId, string Carrier, DateTimeOffset? DeliveredAt);

    public interface ICarrierClient
    {
        Task<Shipment?> TrackAsync(string trackingNumber);
    }

    public sealed class ShipmentTracker
    {
        private readonly ICarrierClient _carrier;
        private readonly ILogger _log;
        private readonly string _carrierToken;

        public ShipmentTracker(ICarrierClient carrier, ILogger log, string carrierToken)
        {
            _carrier = carrier;
            _log = log.ForContext<ShipmentTracker>();
            _carrierToken = carrierToken;
        }

        public async Task<IReadOnlyList<Shipment>> RefreshAsync(IEnumerable<string> trackingNumbers)
        {
            var results = new List<Shipment>();
            foreach (var trackingNumber in trackingNumbers)
            {
                try
                {
                    var shipment = await _carrier.TrackAsync(trackingNumber);
                    if (shipment is null)
                    {
                        _log.Warning("No carrier data for {TrackingNumber}", trackingNumber);
                        continue;
                    }

                    results.Add(shipment);
                    if (shipment.DeliveredAt is { } deliveredAt)
                    {
                        _log.Information("Order {OrderId} delivered by {Carrier} at {DeliveredAt}", shipment.OrderId, shipment.Carrier, deliveredAt);
                    }
                }
                catch (Exception ex)
                {
                    _log.Error("Tracking {TrackingNumber} failed: {Exception}", trackingNumber, {|PA4002:ex|});
                }
            }

            _log.Debug("Carrier token in use: {CarrierToken}", {|PA4004:_carrierToken|});
            _log.Information({|PA4001:$"Refreshed {results.Count} shipments, {results.Count(s => s.DeliveredAt is null)} in transit"|});
            return results;
        }

        public void Reroute(Shipment shipment, string newAddress, Action<string> notify)
        {
            _log.ForContext("TrackingNumber", shipment.TrackingNumber)
                .Information("Rerouting order {OrderId}", shipment.OrderId);

            notify($"Shipment {shipment.TrackingNumber} rerouted");
            try
            {
                _log.Write(Serilog.Events.LogEventLevel.Debug, {|PA4001:"New address: " + newAddress|});
            }
            catch (InvalidOperationException ex)
            {
                _log.Warning(ex, "Reroute of {TrackingNumber} could not be logged", shipment.TrackingNumber);
            }
        }
    }
}
