using System;
using System.Net;
using System.Net.Mail;
using System.Threading.Tasks;
using Microsoft.Extensions.Options;

namespace Orders.Email;

public sealed class SmtpEmailSender
{
    private readonly SmtpOptions _options;

    public SmtpEmailSender(IOptions<SmtpOptions> options) => _options = options.Value;

    public async Task SendAsync(string to, string subject, string body)
    {
        using var client = new SmtpClient(_options.Host, _options.Port)
        {
            EnableSsl = true,
            // From options: quiet.
            Credentials = new NetworkCredential(_options.UserName, _options.Password),
        };
        await client.SendMailAsync(new MailMessage("orders@contoso.test", to, subject, body));
    }

    public SmtpClient CreateLegacyClient()
    {
        // The relay account of the old mail server, never moved to configuration.
        return new SmtpClient("relay.contoso.test", 25)
        {
            Credentials = new NetworkCredential("orders-relay", {|PA2001:"Rl4y#Pass9Kt2"|}),
        };
    }

    public string ResolvePassword() =>
        Environment.GetEnvironmentVariable("SMTP_PASSWORD") ?? {|PA2001:"Fb8$mN3qWs6e"|};
}
