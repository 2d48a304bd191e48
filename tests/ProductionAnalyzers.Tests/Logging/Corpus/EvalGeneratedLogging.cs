using Microsoft.Extensions.Logging;

namespace EvalCorpus.Logging.Generated;

public static partial class ShipmentLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Shipment {ShipmentId} dispatched to {Carrier}")]
    public static partial void Dispatched(ILogger logger, Guid shipmentId, string carrier);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "Shipment {ShipmentId} failed")]
    public static partial void Failed(ILogger logger, Exception exception, Guid shipmentId);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Carrier {Carrier} responded {StatusCode}")]
    public static partial void CarrierStatus(this ILogger logger, string carrier, int statusCode);
}

public sealed partial class ShipmentService
{
    private static readonly Action<ILogger, string, Exception?> LabelPrinted =
        LoggerMessage.Define<string>(LogLevel.Information, new EventId(2010, "LabelPrinted"), "Label printed for {TrackingNumber}");

    private readonly ILogger<ShipmentService> _logger;
    public ShipmentService(ILogger<ShipmentService> logger) => _logger = logger;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Rate quote {Amount} from {Carrier}")]
    private partial void LogQuote(decimal amount, string carrier);

    public async Task DispatchAsync(Guid shipmentId, string carrier, string trackingNumber)
    {
        ShipmentLog.Dispatched(_logger, shipmentId, carrier); // OK
        LabelPrinted(_logger, trackingNumber, null); // OK
        LogQuote(12.5m, carrier); // OK
        _logger.CarrierStatus(carrier, 200); // OK
        try
        {
            await Task.Delay(1);
        }
        catch (Exception ex)
        {
            ShipmentLog.Failed(_logger, ex, shipmentId); // OK
            _logger.LogError({|PA4001:$"Shipment {shipmentId} failed"|});
        }
    }

    public void Track(IEnumerable<(string Number, string Status)> events)
    {
        foreach (var (number, status) in events)
        {
            if (_logger.IsEnabled(LogLevel.Debug))
                _logger.LogDebug("Tracking {TrackingNumber}: {Status}", number, status); // OK
            _logger.LogDebug({|PA4001:"Tracking " + number + ": " + status|});
        }
    }
}
