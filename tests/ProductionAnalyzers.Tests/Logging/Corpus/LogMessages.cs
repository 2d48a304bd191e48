using System;
using Microsoft.Extensions.Logging;

namespace Contoso.Shop.Diagnostics
{
    /// <summary>High-performance log messages, defined once.</summary>
    public static class LogMessages
    {
        private static readonly string ServiceName = Environment.GetEnvironmentVariable("SERVICE_NAME") ?? "shop";

        private static readonly Action<ILogger, int, Exception?> OrderShipped =
            LoggerMessage.Define<int>(LogLevel.Information, new EventId(1001, nameof(OrderShipped)), "Order {OrderId} shipped");

        private static readonly Action<ILogger, string, Exception?> ServiceStarting =
            LoggerMessage.Define<string>(LogLevel.Information, new EventId(1002, nameof(ServiceStarting)), {|PA4001:"[" + ServiceName + "] Starting {Version}"|});

        private static readonly Action<ILogger, string, string, Exception?> UserSignedIn =
            LoggerMessage.Define<string, string>(LogLevel.Information, new EventId(1003, nameof(UserSignedIn)), "User {UserName} signed in from {IpAddress}");

        private static readonly Action<ILogger, string, Exception?> ApiKeyRotated =
            LoggerMessage.Define<string>(LogLevel.Warning, new EventId(1004, nameof(ApiKeyRotated)), "API key rotated for client {ClientId}");

        private static readonly Action<ILogger, string, Exception?> SessionIssued =
            LoggerMessage.Define<string>(LogLevel.Debug, new EventId(1005, nameof(SessionIssued)), "Issued session token {Token}");

        private static readonly Func<ILogger, string, IDisposable?> RequestScope =
            LoggerMessage.DefineScope<string>("Request {RequestId}");

        public static void LogOrderShipped(this ILogger logger, int orderId) => OrderShipped(logger, orderId, null);

        public static void LogServiceStarting(this ILogger logger, string version) => ServiceStarting(logger, version, null);

        public static void LogUserSignedIn(this ILogger logger, string userName, string ipAddress) => UserSignedIn(logger, userName, ipAddress, null);

        public static void LogApiKeyRotated(this ILogger logger, string clientId) => ApiKeyRotated(logger, clientId, null);

        public static void LogSessionIssued(this ILogger logger, string sessionToken) => SessionIssued(logger, {|PA4004:sessionToken|}, null);

        public static IDisposable? BeginRequestScope(this ILogger logger, string requestId) => RequestScope(logger, requestId);
    }

    /// <summary>A team-written wrapper: the message is passed straight through, so callers are not reported.</summary>
    public static class AuditLoggerExtensions
    {
        public static void Audit(this ILogger logger, string action, string subject)
        {
            logger.LogInformation("AUDIT {Action} on {Subject}", action, subject);
        }

        public static void LogTiming(this ILogger logger, string operation, TimeSpan elapsed)
        {
            if (elapsed > TimeSpan.FromSeconds(1))
            {
                logger.LogWarning("{Operation} took {ElapsedMs} ms", operation, elapsed.TotalMilliseconds);
            }
        }

        public static void Trace(this ILogger logger, string message) => logger.LogTrace(message);
    }
}
