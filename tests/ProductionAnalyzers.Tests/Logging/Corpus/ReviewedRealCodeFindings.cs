using Microsoft.Extensions.Logging;
using System.Net;
using System.Net.Sockets;

namespace EvalCorpus.Logging.RealCodeFindings;

// Patterns a reviewer sorted on three large open-source backends (issue 16): what the logging rules must report, and
// what is a deliberate choice they must leave alone.

public sealed class IndexerSettings
{
    public string Name { get; set; } = "";
    public string BaseUrl { get; set; } = "";
    public string ApiKey { get; set; } = "";
}

public sealed class IndexerClient
{
    private static readonly NLog.Logger NLogger = NLog.LogManager.GetCurrentClassLogger();
    private readonly ILogger<IndexerClient> _logger;

    public IndexerClient(ILogger<IndexerClient> logger) => _logger = logger;

    public bool Probe(IndexerSettings settings, Func<string, bool> probe)
    {
        try
        {
            return probe(settings.BaseUrl);
        }
        catch (WebException ex)
        {
            // A specific, expected failure summarized in one line at Warning or below: a deliberate choice.
            NLogger.Warn("Indexer unavailable: {0}", ex.Message); // OK
            _logger.LogWarning("Indexer {Indexer} unavailable: {Reason}", settings.Name, ex.Message); // OK
            return false;
        }
        catch (SocketException ex)
        {
            _logger.LogInformation("Indexer {Indexer} refused the connection ({Reason})", settings.Name, ex.Message); // OK
            NLogger.Debug("Socket error {Code}", ex.SocketErrorCode); // OK: not the exception's text
            return false;
        }
        catch (HttpRequestException ex)
        {
            // At Error the stack trace matters: pass the exception.
            _logger.LogError("Indexer {Indexer} failed: {Reason}", settings.Name, {|PA4002:ex.Message|});
            return false;
        }
        catch (TimeoutException ex)
        {
            // A stack trace flattened into the message, whatever the level.
            _logger.LogDebug("Indexer {Indexer} timed out: {Details}", settings.Name, {|PA4002:ex.ToString()|});
            NLogger.Trace("Timed out: {0}", {|PA4002:ex|});
            return false;
        }
        catch (Exception ex)
        {
            // A catch-all, at any level: the type and the stack trace are all there is to go on.
            _logger.LogWarning("Indexer {Indexer} probe failed: {Reason}", settings.Name, {|PA4002:ex.Message|});
            return false;
        }
    }

    public void Authenticate(IndexerSettings settings, Action<string> authenticate)
    {
        try
        {
            authenticate(settings.ApiKey);
        }
        catch (UnauthorizedAccessException ex)
        {
            // NLog's exception-first overloads are logging calls like the others.
            NLogger.Error(ex, "Key {0} rejected by {1}", {|PA4004:settings.ApiKey|}, settings.Name);
            NLogger.Warn(ex, "Indexer {0} rejected the key", settings.Name); // OK
        }
    }
}

public sealed class PaymentWebhookHandler
{
    private readonly ILogger<PaymentWebhookHandler> _logger;

    public PaymentWebhookHandler(ILogger<PaymentWebhookHandler> logger) => _logger = logger;

    // The exception type does not resolve (the Stripe package is missing or the name is ambiguous): the variable of a
    // catch clause is an exception all the same.
    public bool Handle(Func<bool> handle)
    {
        try
        {
            return handle();
        }
        catch ({|CS0246:StripeException|} stripeException)
        {
            _logger.LogError("Stripe rejected the webhook: {Error}", {|PA4002:stripeException.Message|});
            return false;
        }
    }
}
