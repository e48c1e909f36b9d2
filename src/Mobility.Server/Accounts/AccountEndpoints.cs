using System.ComponentModel.DataAnnotations;
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

        api.MapGet("/accounts", ListAccountsAsync).WithSummary("Accounts the caller manages.");
        api.MapPost("/accounts", CreateAccountAsync)
            .WithSummary("Creates an account tied to its tenant: an employee's is mailed a one-time link to choose a password; others get a first password, answered once.");
        api.MapPost("/accounts/{accountId:long}/invitation", SendInvitationAsync)
            .WithSummary("Mails an employee a new one-time link to choose a password (earlier links stop working).");
        api.MapDelete("/accounts/{accountId:long}", DeleteAccountAsync)
            .WithSummary("Removes an account and ends its sessions (the employee's data stays; erasure is separate).");
        api.MapPut("/accounts/{accountId:long}/disabled", SetAccountDisabledAsync)
            .WithSummary("Disables an account (every session ends at once, sign-in is refused) or enables it again.");
        return endpoints;
    }

    private static async Task<IResult> ListAccountsAsync([AsParameters] PageQuery page, HttpContext http, MobilityDbContext database, CancellationToken cancellation)
    {
        if (page.Problem() is { } problem) return problem;
        var user = CurrentUser.From(http.User)!;
        var accounts = user.IsAdministrator ? database.Users
            : database.Users.Where(a => a.Role == AccountRole.Employee && a.Employee!.CompanyId == user.CompanyId);
        return Results.Ok(await page.ReadAsync(accounts.OrderBy(a => a.Id).Select(a => new AccountView(a.Id, a.Email!, a.Role.ToString(),
            a.DisplayName, a.NetworkId, a.CompanyId, a.EmployeeId)), cancellation));
    }

    private static async Task<IResult> CreateAccountAsync(AccountInput input, HttpContext http, AccountCreation creation, CancellationToken cancellation)
    {
        var outcome = await creation.CreateAsync(input, CurrentUser.From(http.User)!, cancellation);
        if (outcome.Forbidden)
            return CodedProblem.Create(StatusCodes.Status403Forbidden, Codes.Problem.EmployeeAccountsOnly);
        return outcome.Created is { } created ? Results.Created($"/api/accounts/{created.Account.Id}", created) : outcome.Errors.Problem();
    }

    private static async Task<IResult> SendInvitationAsync(long accountId, UserManager<UserAccount> users, AccountCreation creation, CancellationToken cancellation)
    {
        var account = await users.FindByIdAsync(accountId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return account is not null && await creation.InviteAsync(account, cancellation) ? Results.NoContent() : Results.NotFound();
    }

    // Sessions go with the account (cascade), and a token of a removed account fails SessionValidation at once.
    private static async Task<IResult> DeleteAccountAsync(long accountId, MobilityDbContext database, CancellationToken cancellation)
    {
        await database.Users.Where(a => a.Id == accountId).ExecuteDeleteAsync(cancellation);
        return Results.NoContent();
    }

    private static async Task<IResult> SetAccountDisabledAsync(long accountId, AccountDisabledInput input, UserManager<UserAccount> users,
        AccountSessions sessions, CancellationToken cancellation)
    {
        if (input.Disabled is not { } disabled)
        {
            var errors = new FieldErrors();
            errors.Add("disabled", Codes.Field.Required);
            return errors.Problem();
        }
        var account = await users.FindByIdAsync(accountId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (account is null) return Results.NotFound();
        account.LockoutEnabled = true;
        account.LockoutEnd = disabled ? DateTimeOffset.MaxValue : null;
        await users.UpdateAsync(account);
        if (disabled) await sessions.RevokeAllAsync(account, "account disabled", cancellation);
        return Results.NoContent();
    }
}
