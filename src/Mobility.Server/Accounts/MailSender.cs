using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Mobility.Server.Accounts;

/// <summary>
/// Sends mails through the configured SMTP server (`Mail:SmtpHost`), or, without one, writes them as .eml files to
/// `Mail:PickupDirectory` (the demo). A batch keeps one SMTP connection for many mails (the daily digest).
/// </summary>
public sealed class MailSender(IOptions<MailOptions> options, TimeProvider clock, ILogger<MailSender> log)
{
    public MailOptions Options => options.Value;

    public async Task SendAsync(MimeMessage message, CancellationToken cancellation)
    {
        await using var batch = await OpenAsync(cancellation);
        await batch.SendAsync(message, cancellation);
    }

    public async Task<Batch> OpenAsync(CancellationToken cancellation)
    {
        if (options.Value.SmtpHost is not { Length: > 0 } host) return new Batch(this, null);
        var smtp = new SmtpClient();
        try { await smtp.ConnectAsync(host, options.Value.SmtpPort, SecureSocketOptions.Auto, cancellation); }
        catch { smtp.Dispose(); throw; }
        return new Batch(this, smtp);
    }

    private async Task WriteToPickupAsync(MimeMessage message, CancellationToken cancellation)
    {
        Directory.CreateDirectory(options.Value.PickupDirectory);
        var file = Path.Combine(options.Value.PickupDirectory, $"{clock.GetUtcNow():yyyyMMddHHmmss}-{Guid.NewGuid():N}.eml");
        await message.WriteToAsync(file, cancellation);
        log.LogInformation("No SMTP server configured (Mail:SmtpHost): the mail to {To} was written to {File}", message.To, file);
    }

    /// <summary>Mails sent over one connection; disposing it closes the connection.</summary>
    public sealed class Batch(MailSender sender, SmtpClient? smtp) : IAsyncDisposable
    {
        public async Task SendAsync(MimeMessage message, CancellationToken cancellation)
        {
            if (message.From.Count == 0) message.From.Add(MailboxAddress.Parse(sender.Options.From));
            if (smtp is not null)
            {
                await smtp.SendAsync(message, cancellation);
                return;
            }
            await sender.WriteToPickupAsync(message, cancellation);
        }

        public async ValueTask DisposeAsync()
        {
            if (smtp is null) return;
            try { if (smtp.IsConnected) await smtp.DisconnectAsync(true); }
            finally { smtp.Dispose(); }
        }
    }
}
