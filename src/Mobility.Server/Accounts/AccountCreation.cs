using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Mobility.Data;
using Mobility.Data.Model;
using Mobility.Server.Http;

namespace Mobility.Server.Accounts;

/// <summary>What creating an account came to: the account, or the field problems, or a refusal because HR asked for
/// an account that is not one of its employees'.</summary>
public sealed record AccountCreationOutcome(CreatedAccount? Created, FieldErrors Errors, bool Forbidden = false);

/// <summary>
/// Creates an account tied to its tenant. HR creates employee accounts of its own company only, and the tenant must exist
/// and match the role. An employee is invited by mail and has no password anyone else knows; other accounts get a first
/// password that their owner must replace.
/// </summary>
public sealed class AccountCreation(UserManager<UserAccount> users, MobilityDbContext database, Invitations invitations)
{
    public async Task<AccountCreationOutcome> CreateAsync(AccountInput input, CurrentUser creator, CancellationToken cancellation)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(input.Email) || !input.Email.Contains('@')) errors.Add("email", Codes.Field.InvalidEmail);
        else if (await users.FindByEmailAsync(input.Email) is not null) errors.Add("email", Codes.Field.AlreadyExists, CodeParameters.Value(input.Email));
        if (input.Role is null) errors.Add("role", Codes.Field.UnknownChoice, CodeParameters.Allowed(Enum.GetNames<AccountRole>()));
        if (!creator.IsAdministrator && input.Role != AccountRole.Employee) return new AccountCreationOutcome(null, errors, Forbidden: true);
        switch (input.Role)
        {
            case AccountRole.Employee when input.EmployeeId is not { } employeeId
                || !await database.Employees.AnyAsync(e => e.Id == employeeId && e.ErasedAt == null && (creator.IsAdministrator || e.CompanyId == creator.CompanyId), cancellation):
                errors.Add("employeeId", Codes.Field.UnknownReference);
                break;
            case AccountRole.HrManager when input.CompanyId is not { } companyId || !await database.Companies.AnyAsync(c => c.Id == companyId, cancellation):
                errors.Add("companyId", Codes.Field.UnknownReference);
                break;
            case AccountRole.WorkingGroup when input.NetworkId is not { } networkId || !await database.Networks.AnyAsync(n => n.Id == networkId, cancellation):
                errors.Add("networkId", Codes.Field.UnknownReference);
                break;
        }
        if (errors.Any) return new AccountCreationOutcome(null, errors);
        var invited = input.Role == AccountRole.Employee;
        var password = invited ? null : Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('+', '-').Replace('/', '_');
        var account = new UserAccount
        {
            UserName = input.Email!.Trim(), Email = input.Email.Trim(), EmailConfirmed = true, Role = input.Role!.Value, DisplayName = input.DisplayName,
            EmployeeId = input.Role == AccountRole.Employee ? input.EmployeeId : null,
            CompanyId = input.Role == AccountRole.HrManager ? input.CompanyId : null,
            NetworkId = input.Role == AccountRole.WorkingGroup ? input.NetworkId : null,
            // Someone else knows a first password: its owner replaces it before anything else.
            MustChangePassword = !invited,
        };
        var created = password is null ? await users.CreateAsync(account) : await users.CreateAsync(account, password);
        if (!created.Succeeded)
        {
            // The user name is the e-mail: Identity refuses it as taken (a race with another creation) or as malformed.
            foreach (var error in created.Errors)
                if (error.Code.StartsWith("Duplicate", StringComparison.Ordinal)) errors.Add("email", Codes.Field.AlreadyExists, CodeParameters.Value(input.Email));
                else if (error.Code.StartsWith("Invalid", StringComparison.Ordinal)) errors.Add("email", Codes.Field.InvalidEmail);
                // Anything else (the first password breaking our own rules) is the server's fault, not the request's.
                else throw new InvalidOperationException($"Identity refused a new account: {error.Code} {error.Description}");
            return new AccountCreationOutcome(null, errors);
        }
        if (invited) await InviteAsync(account, cancellation);
        return new AccountCreationOutcome(new CreatedAccount(
            new AccountView(account.Id, account.Email, account.Role.ToString(), account.DisplayName, account.NetworkId, account.CompanyId, account.EmployeeId),
            password, invited), errors);
    }

    /// <summary>Mails an employee's account a one-time link, in the employee's language; false when the account is no employee's.</summary>
    public async Task<bool> InviteAsync(UserAccount account, CancellationToken cancellation)
    {
        if (account.EmployeeId is not { } employeeId) return false;
        var language = await database.Employees.Where(e => e.Id == employeeId).Select(e => e.PreferredLanguage).SingleAsync(cancellation);
        await invitations.SendAsync(account, language, cancellation);
        return true;
    }
}
