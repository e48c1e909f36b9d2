using Microsoft.EntityFrameworkCore;
using Mobility.Data;
using Mobility.Data.Model;
using Mobility.Server.Accounts;
using Mobility.Server.Http;

namespace Mobility.Server.Companies;

/// <summary>What inviting one person came to: a link mailed to a new account (<see cref="Sent"/>) or again to an account whose
/// password is not chosen yet (<see cref="Resent"/>), or why nothing was mailed.</summary>
public enum InvitationOutcome { Sent, Resent, HasAccount, NoEmail, EmailTaken, MailFailed, Erased, Unknown }

public sealed record InvitationRequest(IReadOnlyList<long>? EmployeeIds, bool? AllWithoutAccount);

public sealed record PersonInvited(long EmployeeId, string? ExternalId, string? FirstName, string? LastName, InvitationOutcome Outcome);

/// <summary>The outcome for each person, and how many employees without an account are left for another round (a round
/// mails at most <see cref="EmployeeInvitations.MaximumPerRound"/>).</summary>
public sealed record InvitationRound(IReadOnlyList<PersonInvited> People, int Remaining);

/// <summary>
/// HR invites its employees to accounts, one or many at a time: an employee with a work e-mail and no account gets one,
/// with a one-time link mailed (<see cref="AccountCreation"/>); an account whose link was never used gets a new link;
/// everyone else is told why not. Another company's employee is answered as unknown, like a missing one.
/// </summary>
public static class EmployeeInvitations
{
    public const int MaximumPerRound = 200;

    public static FieldErrors Check(InvitationRequest request)
    {
        var errors = new FieldErrors();
        if (request.AllWithoutAccount == true) return errors;
        if (request.EmployeeIds is not { Count: > 0 } ids) errors.Add("employeeIds", Codes.Field.AtLeast, CodeParameters.Minimum(1));
        else if (ids.Count > MaximumPerRound) errors.Add("employeeIds", Codes.Field.AtMost, CodeParameters.Maximum(MaximumPerRound));
        return errors;
    }

    public static async Task<InvitationRound> InviteAsync(MobilityDbContext database, AccountCreation creation, CurrentUser hr, long companyId,
        InvitationRequest request, CancellationToken cancellation)
    {
        var withoutAccount = database.Employees.Where(e => e.CompanyId == companyId && e.ErasedAt == null && !database.Users.Any(u => u.EmployeeId == e.Id));
        var ids = request.AllWithoutAccount == true
            ? await withoutAccount.OrderBy(e => e.Id).Select(e => e.Id).Take(MaximumPerRound).ToListAsync(cancellation)
            : request.EmployeeIds!.Distinct().ToList();
        var employees = await database.Employees.AsNoTracking().Where(e => ids.Contains(e.Id) && e.CompanyId == companyId)
            .ToDictionaryAsync(e => e.Id, cancellation);
        var accounts = await database.Users.Where(u => u.EmployeeId != null && ids.Contains(u.EmployeeId.Value))
            .ToDictionaryAsync(u => u.EmployeeId!.Value, cancellation);
        var people = new List<PersonInvited>(ids.Count);
        foreach (var id in ids)
        {
            if (!employees.TryGetValue(id, out var employee)) { people.Add(new(id, null, null, null, InvitationOutcome.Unknown)); continue; }
            var outcome = await InviteOneAsync(employee, accounts.GetValueOrDefault(id), creation, hr, cancellation);
            people.Add(new(id, employee.ExternalId, employee.FirstName, employee.LastName, outcome));
        }
        var remaining = request.AllWithoutAccount == true
            ? await withoutAccount.CountAsync(e => e.WorkEmail != null && !ids.Contains(e.Id), cancellation) : 0;
        return new InvitationRound(people, remaining);
    }

    private static async Task<InvitationOutcome> InviteOneAsync(Employee employee, UserAccount? account, AccountCreation creation, CurrentUser hr,
        CancellationToken cancellation)
    {
        if (employee.ErasedAt is not null) return InvitationOutcome.Erased;
        if (account is not null && account.PasswordHash is not null) return InvitationOutcome.HasAccount;
        try
        {
            if (account is not null) return await creation.InviteAsync(account, cancellation) ? InvitationOutcome.Resent : InvitationOutcome.Unknown;
            if (string.IsNullOrWhiteSpace(employee.WorkEmail)) return InvitationOutcome.NoEmail;
            var name = $"{employee.FirstName} {employee.LastName}".Trim();
            var created = await creation.CreateAsync(new AccountInput(employee.WorkEmail, AccountRole.Employee, name.Length == 0 ? null : name,
                null, null, employee.Id), hr, cancellation);
            if (created.Created is not null) return InvitationOutcome.Sent;
            return created.Errors.ToProblemDetails().Errors.TryGetValue("email", out var codes) && codes.Contains(Codes.Field.AlreadyExists)
                ? InvitationOutcome.EmailTaken : InvitationOutcome.NoEmail;
        }
        catch (Exception e) when (e is MailKit.ServiceNotConnectedException or MailKit.Net.Smtp.SmtpCommandException or MailKit.Net.Smtp.SmtpProtocolException
            or System.Net.Sockets.SocketException or IOException)
        {
            // The account and its link are stored: a later round mails the link again (Resent).
            return InvitationOutcome.MailFailed;
        }
    }
}
