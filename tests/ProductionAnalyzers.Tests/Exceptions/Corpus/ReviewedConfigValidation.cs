using System.ComponentModel.DataAnnotations;
using System.Net.Mail;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EvalCorpus.Exceptions.Config;

public sealed class SmtpOptions
{
    [Required] public string Host { get; set; } = "";
    public int Port { get; set; } = 587;
    public string From { get; set; } = "";
    public string? AllowedRecipientsPattern { get; set; }
}

public sealed class SmtpOptionsValidator : IValidateOptions<SmtpOptions>
{
    public ValidateOptionsResult Validate(string? name, SmtpOptions options)
    {
        var failures = new List<string>();
        try
        {
            _ = new MailAddress(options.From);
        }
        catch (FormatException ex)
        {
            failures.Add($"From is not a valid address: {ex.Message}"); // OK: specific, used
        }
        if (options.AllowedRecipientsPattern is { } pattern)
        {
            try
            {
                _ = new Regex(pattern);
            }
            catch (ArgumentException)
            {
                failures.Add("AllowedRecipientsPattern is not a valid regex"); // OK: specific
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

public sealed class MailSender
{
    private readonly SmtpOptions _options;
    private readonly ILogger<MailSender> _logger;
    private Regex? _allowed;

    public MailSender(IOptions<SmtpOptions> options, ILogger<MailSender> logger)
    {
        _options = options.Value;
        _logger = logger;
        try
        {
            _allowed = _options.AllowedRecipientsPattern is null ? null : new Regex(_options.AllowedRecipientsPattern);
        }
        catch (ArgumentException ex)
        {
            _logger.LogError(ex, "Invalid recipient pattern; allowing all recipients"); // OK
        }
    }

    public bool IsAllowed(string recipient)
    {
        try
        {
            return _allowed?.IsMatch(recipient) ?? true;
        }
        catch (RegexMatchTimeoutException)
        {
            return false; // OK: specific
        }
    }

    public bool IsValidAddress(string address)
    {
        try
        {
            return new MailAddress(address).Address == address;
        }
        {|PA3002:catch|}
        {
            return false;
        }
    }

    public async Task<bool> SendAsync(string to, string subject, string body)
    {
        if (!IsAllowed(to)) return false;
        try
        {
            using var client = new SmtpClient(_options.Host, _options.Port);
            await client.SendMailAsync(new MailMessage(_options.From, to, subject, body));
            return true;
        }
        catch (SmtpFailedRecipientException ex)
        {
            _logger.LogWarning(ex, "Recipient {To} rejected", to);
            return false;
        }
        catch (SmtpException ex) when (ex.StatusCode == SmtpStatusCode.MailboxBusy)
        {
            return false; // OK: specific
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Sending to {To} failed", to);
            return false; // OK: logged
        }
    }

    public async Task SendBestEffortAsync(string to, string subject, string body)
    {
        try
        {
            await SendAsync(to, subject, body);
        }
        {|PA3001:catch (Exception)|} { }
    }
}
