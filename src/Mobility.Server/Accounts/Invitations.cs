using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Mobility.Data;
using Mobility.Data.Model;

namespace Mobility.Server.Accounts;

/// <summary>Configuration `Mail:…`: where invitations are sent from, through which SMTP server, and the address the
/// links point to. Without an SMTP host, mails are written as .eml files to <see cref="PickupDirectory"/> (the demo).</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 25;
    public string From { get; set; } = "mobility@localhost";
    /// <summary>The web page's address as people reach it, e.g. https://mobilite.example.org.</summary>
    public string PublicUrl { get; set; } = "http://127.0.0.1:5080";
    public string PickupDirectory { get; set; } = ".data/mail";
    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(7);
}

/// <summary>
/// Employees' accounts start with no password and an invitation mailed to the employee: the link, used once before it
/// expires, lets them choose one. HR creates the account but never holds a way into it, so removing and re-creating an
/// account no longer hands HR a working sign-in.
/// </summary>
public sealed class Invitations(MobilityDbContext database, UserManager<UserAccount> users, AccountSessions sessions, TimeProvider clock,
    IOptions<MailOptions> options, ILogger<Invitations> log)
{
    public enum Outcome { Accepted, Unknown, WeakPassword }

    /// <summary>Stores a new invitation for the account (earlier ones stop working) and mails its link.</summary>
    public async Task SendAsync(UserAccount account, string language, CancellationToken cancellation)
    {
        var token = SecretTokens.New();
        var now = clock.GetUtcNow();
        await database.AccountInvitations.Where(i => i.AccountId == account.Id && i.UsedAt == null)
            .ExecuteUpdateAsync(i => i.SetProperty(x => x.ExpiresAt, now), cancellation);
        database.AccountInvitations.Add(new AccountInvitation
        {
            AccountId = account.Id, TokenHash = SecretTokens.Hash(token), CreatedAt = now, ExpiresAt = now + options.Value.InvitationLifetime,
        });
        await database.SaveChangesAsync(cancellation);
        await MailAsync(account.Email!, language, $"{options.Value.PublicUrl.TrimEnd('/')}/#invitation={token}", cancellation);
    }

    /// <summary>Sets the password chosen through the link, once; the account's earlier sessions (there should be none) end.</summary>
    public async Task<Outcome> AcceptAsync(string token, string password, CancellationToken cancellation)
    {
        var hash = SecretTokens.Hash(token);
        var now = clock.GetUtcNow();
        var invitation = await database.AccountInvitations.Include(i => i.Account)
            .SingleOrDefaultAsync(i => i.TokenHash == hash && i.UsedAt == null && i.ExpiresAt > now, cancellation);
        if (invitation?.Account is not { } account) return Outcome.Unknown;
        foreach (var validator in users.PasswordValidators)
            if (!(await validator.ValidateAsync(users, account, password)).Succeeded) return Outcome.WeakPassword;
        invitation.UsedAt = now;
        account.PasswordHash = users.PasswordHasher.HashPassword(account, password);
        account.MustChangePassword = false;
        await users.UpdateAsync(account); // saves the invitation too (same context)
        await sessions.RevokeAllAsync(account, "invitation used", cancellation);
        return Outcome.Accepted;
    }

    private async Task MailAsync(string to, string language, string link, CancellationToken cancellation)
    {
        var french = language != "en";
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.Value.From));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = french ? "Votre compte Mobility" : "Your Mobility account";
        message.Body = new TextPart("plain")
        {
            Text = french
                ? $"Bonjour,\n\nUn compte Mobility a été créé pour vous. Choisissez votre mot de passe ici (lien valable {options.Value.InvitationLifetime.TotalDays:0} jours, une seule fois) :\n\n{link}\n\nSi vous n'attendiez pas ce message, ignorez-le."
                : $"Hello,\n\nA Mobility account was created for you. Choose your password here (the link works once, for {options.Value.InvitationLifetime.TotalDays:0} days):\n\n{link}\n\nIf you did not expect this message, ignore it.",
        };
        if (options.Value.SmtpHost is { Length: > 0 } host)
        {
            using var smtp = new SmtpClient();
            await smtp.ConnectAsync(host, options.Value.SmtpPort, SecureSocketOptions.Auto, cancellation);
            await smtp.SendAsync(message, cancellation);
            await smtp.DisconnectAsync(true, cancellation);
            return;
        }
        Directory.CreateDirectory(options.Value.PickupDirectory);
        var file = Path.Combine(options.Value.PickupDirectory, $"{clock.GetUtcNow():yyyyMMddHHmmss}-{Guid.NewGuid():N}.eml");
        await message.WriteToAsync(file, cancellation);
        log.LogInformation("No SMTP server configured (Mail:SmtpHost): the invitation to {To} was written to {File}", to, file);
    }
}
