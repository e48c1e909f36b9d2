using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Mobility.Data;
using Mobility.Data.Model;
using Mobility.Server.Http;

namespace Mobility.Server.Accounts;

public sealed record AccountDisabledInput(bool? Disabled);

public sealed record AccountInput([property: MaxLength(TextRules.EmailLength)] string? Email, AccountRole? Role,
    [property: MaxLength(TextRules.NameLength)] string? DisplayName, long? NetworkId, long? CompanyId, long? EmployeeId);

/// <summary>A new account. An employee's gets an invitation mailed to them (<see cref="Invitations"/>) and no password
/// anyone else knows; an HR or working-group account created by an administrator gets a first password, answered once,
/// which its owner must change at first sign-in.</summary>
public sealed record CreatedAccount(AccountView Account, string? TemporaryPassword, bool InvitationSent);

/// <summary>
/// Who creates accounts: administrators any, HR managers those of their company's employees. Every account is tied to
/// its tenant at creation; employees choose their password through a one-time link mailed to them.
/// </summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").WithTags("Accounts")
            .RequireAuthorization(AccountsSetup.TenantPolicy).RequireAuthorization(AccountsSetup.HrOrAdministrator);

        api.MapGet("/accounts", async ([AsParameters] PageQuery page, HttpContext http, MobilityDbContext database, CancellationToken cancellation) =>
        {
            if (page.Problem() is { } problem) return problem;
            var user = CurrentUser.From(http.User)!;
            var accounts = user.IsAdministrator ? database.Users
                : database.Users.Where(a => a.Role == AccountRole.Employee && a.Employee!.CompanyId == user.CompanyId);
            return Results.Ok(await page.ReadAsync(accounts.OrderBy(a => a.Id).Select(a => new AccountView(a.Id, a.Email!, a.Role.ToString(),
                a.DisplayName, a.NetworkId, a.CompanyId, a.EmployeeId)), cancellation));
        }).WithSummary("Accounts the caller manages.");

        api.MapPost("/accounts", async Task<IResult> (AccountInput input, HttpContext http, UserManager<UserAccount> users, MobilityDbContext database,
            Invitations invitations, CancellationToken cancellation) =>
        {
            var user = CurrentUser.From(http.User)!;
            var errors = new FieldErrors();
            if (string.IsNullOrWhiteSpace(input.Email) || !input.Email.Contains('@')) errors.Add("email", "Adresse e-mail invalide. / Invalid e-mail address.");
            else if (await users.FindByEmailAsync(input.Email) is not null) errors.Add("email", "Ce compte existe déjà. / This account already exists.");
            if (input.Role is null) errors.Add("role", "Employee, HrManager, WorkingGroup ou Administrator.");
            // HR creates employee accounts of its own company only; the tenant must exist and match the role.
            if (!user.IsAdministrator && input.Role != AccountRole.Employee)
                return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Interdit / Forbidden",
                    detail: "Les RH créent les comptes de leurs salariés. / HR creates its employees' accounts.");
            switch (input.Role)
            {
                case AccountRole.Employee when input.EmployeeId is not { } employeeId
                    || !await database.Employees.AnyAsync(e => e.Id == employeeId && e.ErasedAt == null && (user.IsAdministrator || e.CompanyId == user.CompanyId), cancellation):
                    errors.Add("employeeId", "Choisissez un salarié de l'entreprise. / Choose one of the company's employees.");
                    break;
                case AccountRole.HrManager when input.CompanyId is not { } companyId || !await database.Companies.AnyAsync(c => c.Id == companyId, cancellation):
                    errors.Add("companyId", "Entreprise inconnue. / Unknown company.");
                    break;
                case AccountRole.WorkingGroup when input.NetworkId is not { } networkId || !await database.Networks.AnyAsync(n => n.Id == networkId, cancellation):
                    errors.Add("networkId", "Réseau inconnu. / Unknown network.");
                    break;
            }
            if (errors.Any) return errors.Problem();
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
                foreach (var error in created.Errors) errors.Add(error.Code.StartsWith("Duplicate", StringComparison.Ordinal) ? "email" : "account", error.Description);
                return errors.Problem();
            }
            if (invited)
            {
                var language = await database.Employees.Where(e => e.Id == account.EmployeeId).Select(e => e.PreferredLanguage).SingleAsync(cancellation);
                await invitations.SendAsync(account, language, cancellation);
            }
            return Results.Created($"/api/accounts/{account.Id}", new CreatedAccount(
                new AccountView(account.Id, account.Email, account.Role.ToString(), account.DisplayName, account.NetworkId, account.CompanyId, account.EmployeeId),
                password, invited));
        }).WithSummary("Creates an account tied to its tenant: an employee's is mailed a one-time link to choose a password; others get a first password, answered once.");

        api.MapPost("/accounts/{accountId:long}/invitation", async Task<IResult> (long accountId, UserManager<UserAccount> users, MobilityDbContext database,
            Invitations invitations, CancellationToken cancellation) =>
        {
            var account = await users.FindByIdAsync(accountId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (account?.EmployeeId is not { } employeeId) return Results.NotFound();
            var language = await database.Employees.Where(e => e.Id == employeeId).Select(e => e.PreferredLanguage).SingleAsync(cancellation);
            await invitations.SendAsync(account, language, cancellation);
            return Results.NoContent();
        }).WithSummary("Mails an employee a new one-time link to choose a password (earlier links stop working).");

        // Sessions go with the account (cascade), and a token of a removed account fails SessionValidation at once.
        api.MapDelete("/accounts/{accountId:long}", async (long accountId, MobilityDbContext database, CancellationToken cancellation) =>
        {
            await database.Users.Where(a => a.Id == accountId).ExecuteDeleteAsync(cancellation);
            return Results.NoContent();
        }).WithSummary("Removes an account and ends its sessions (the employee's data stays; erasure is separate).");

        api.MapPut("/accounts/{accountId:long}/disabled", async Task<IResult> (long accountId, AccountDisabledInput input, UserManager<UserAccount> users,
            AccountSessions sessions, CancellationToken cancellation) =>
        {
            if (input.Disabled is not { } disabled)
            {
                var errors = new FieldErrors();
                errors.Add("disabled", "true ou false. / true or false.");
                return errors.Problem();
            }
            var account = await users.FindByIdAsync(accountId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (account is null) return Results.NotFound();
            account.LockoutEnabled = true;
            account.LockoutEnd = disabled ? DateTimeOffset.MaxValue : null;
            await users.UpdateAsync(account);
            if (disabled) await sessions.RevokeAllAsync(account, "account disabled", cancellation);
            return Results.NoContent();
        }).WithSummary("Disables an account (every session ends at once, sign-in is refused) or enables it again.");
        return endpoints;
    }
}
