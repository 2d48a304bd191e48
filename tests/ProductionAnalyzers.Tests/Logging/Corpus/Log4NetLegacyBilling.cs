using log4net;

namespace EvalCorpus.Logging.Log4NetBilling;

public sealed class Invoice
{
    public int Id { get; set; }
    public string CustomerEmail { get; set; } = "";
    public decimal Total { get; set; }
}

public sealed class SmtpSettings
{
    public string Host { get; set; } = "";
    public string UserName { get; set; } = "";
    public string Password { get; set; } = "";
}

/// <summary>A .NET Framework-era billing service that logs through log4net's ILog.</summary>
public sealed class InvoiceMailer
{
    private static readonly ILog Log = LogManager.GetLogger(typeof(InvoiceMailer));
    private readonly SmtpSettings _smtp;

    public InvoiceMailer(SmtpSettings smtp) => _smtp = smtp;

    public void Send(IEnumerable<Invoice> invoices, Action<Invoice> send)
    {
        Log.InfoFormat("Connecting to {0} as {1}", _smtp.Host, _smtp.UserName); // OK: a constant composite format
        Log.DebugFormat("SMTP credentials {0}/{1}", _smtp.UserName, {|PA4004:_smtp.Password|});
        Log.Info("Sending invoices"); // OK
        foreach (var invoice in invoices)
        {
            // Plain Info(object) takes a message, not a template: not PA4001.
            Log.Info($"Sending invoice {invoice.Id}");
            Log.InfoFormat({|PA4001:$"Invoice {invoice.Id} for {invoice.Total}"|});
            Log.DebugFormat({|PA4001:"Invoice " + invoice.Id + " to {0}"|}, invoice.CustomerEmail);
            try
            {
                send(invoice);
            }
            catch (TimeoutException ex)
            {
                // A specific, expected failure summarized at Warning: a deliberate choice.
                Log.WarnFormat("Invoice {0} timed out: {1}", invoice.Id, ex.Message); // OK
            }
            catch (InvalidOperationException ex)
            {
                Log.Error("Invoice " + invoice.Id + " rejected", ex); // OK: the exception after the message
            }
            catch (Exception ex)
            {
                Log.ErrorFormat("Invoice {0} failed: {1}", invoice.Id, {|PA4002:ex.Message|});
                Log.Warn("Invoice failed: " + {|PA4002:ex|});
            }
        }
    }

    public void Reset(string resetToken)
    {
        Log.Info($"Reset requested with token {{|PA4004:resetToken|}}");
        try
        {
            _smtp.Password = resetToken;
        }
        catch (Exception ex)
        {
            Log.Fatal({|PA4002:ex.ToString()|});
        }
    }
}
