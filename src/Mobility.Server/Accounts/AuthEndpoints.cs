using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Mobility.Data;
using Mobility.Data.Model;
using Mobility.Server.Http;

namespace Mobility.Server.Accounts;

public sealed record SignInRequest([property: MaxLength(TextRules.EmailLength)] string? Email, [property: MaxLength(TextRules.PasswordLength)] string? Password);

public sealed record RefreshRequest(string? RefreshToken);

public sealed record PasswordChangeRequest([property: MaxLength(TextRules.PasswordLength)] string? CurrentPassword,
    [property: MaxLength(TextRules.PasswordLength)] string? NewPassword);

public sealed record InvitationAcceptance(string? Token, [property: MaxLength(TextRules.PasswordLength)] string? Password);

public sealed record AccountView(long Id, string Email, string Role, string? DisplayName, long? NetworkId, long? CompanyId, long? EmployeeId,
    bool MustChangePassword = false);

/// <summary>
/// Sign-in with ASP.NET Core Identity. `?useCookies=true` (the browser) sets an HTTP-only cookie; otherwise the answer
/// is a bearer token for API clients and the SignalR client. Each sign-in is a session (<see cref="AccountSessions"/>) that
/// logout, a password change or the account's removal ends at once. There is no self-registration: accounts are
/// created by an administrator or an HR import, since every account belongs to a tenant.
/// </summary>
public static class AuthEndpoints
{
    private static IResult Refused() => CodedProblem.Create(StatusCodes.Status401Unauthorized, Codes.Problem.SignInRefused);

    private static IResult Expired() => CodedProblem.Create(StatusCodes.Status401Unauthorized, Codes.Problem.SessionExpired);

    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var auth = endpoints.MapGroup("/api/auth").WithTags("Accounts");
        auth.MapPost("/login", SignInAsync).AllowAnonymous().RequireRateLimiting(SignInLimits.Policy)
            .WithSummary("Signs in: a bearer token, or a cookie with ?useCookies=true. 429 after repeated failures from one address.");
        auth.MapPost("/refresh", RefreshAsync).AllowAnonymous().RequireRateLimiting(SignInLimits.Policy)
            .WithSummary("Exchanges a refresh token, once, for a new pair of tokens.");
        auth.MapPost("/logout", SignOutAsync).RequireAuthorization()
            .WithSummary("Signs out everywhere: every cookie, access and refresh token of the account stops working.");
        auth.MapPost("/password", ChangePasswordAsync).RequireAuthorization().RequireRateLimiting(SignInLimits.Policy)
            .WithSummary("Changes the password (required after a first password); every session ends, sign in again with the new one.");
        auth.MapPost("/invitation", AcceptInvitationAsync).AllowAnonymous().RequireRateLimiting(SignInLimits.Policy)
            .WithSummary("Chooses the password of an account through the one-time link mailed to its owner.");

        endpoints.MapGet("/api/me", ReadSignedInAccountAsync).RequireAuthorization().WithTags("Accounts")
            .WithSummary("The signed-in account, its role and tenant, and whether it must change its password first.");
        return endpoints;
    }

    private static async Task<IResult> SignInAsync(SignInRequest request, bool? useCookies, HttpContext http, SignInManager<UserAccount> signIn,
        AccountSessions sessions, SignInLimits limits, IPasswordHasher<UserAccount> hasher, CancellationToken cancellation)
    {
        var (email, password, address) = (request.Email ?? "", request.Password ?? "", SignInLimits.AddressOf(http));
        if (!limits.MayTry(email, address)) return SignInLimits.TooMany(TimeSpan.FromMinutes(5), http);
        var account = email.Length is > 0 and <= 256 ? await signIn.UserManager.FindByEmailAsync(email) : null;
        // The same work and the same answer whether the account exists, is disabled or the password is wrong.
        bool succeeded;
        if (account is null)
        {
            hasher.VerifyHashedPassword(UnknownAccount, UnknownAccountHash(hasher), password);
            succeeded = false;
        }
        // No lockout on failure: an outsider could lock anyone out with it; SignInLimits slows guessing instead.
        else succeeded = (await signIn.CheckPasswordSignInAsync(account, password, lockoutOnFailure: false)).Succeeded;
        if (!succeeded)
        {
            limits.Failed(email, address);
            return Refused();
        }
        var principal = await sessions.StartAsync(account!, cancellation);
        return useCookies == true
            ? Results.SignIn(principal, new AuthenticationProperties { IsPersistent = true }, IdentityConstants.ApplicationScheme)
            : Results.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    /// <summary>A refresh token refreshes once: the new pair replaces it, and using it again revokes the whole session.</summary>
    private static async Task<IResult> RefreshAsync(RefreshRequest request, SignInManager<UserAccount> signIn, AccountSessions sessions,
        TimeProvider clock, IOptionsMonitor<BearerTokenOptions> bearer, CancellationToken cancellation)
    {
        var ticket = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(request.RefreshToken ?? "");
        if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } account)
            return Expired();
        var (outcome, principal) = await sessions.RefreshAsync(account, ticket.Principal, cancellation);
        return outcome == AccountSessions.RefreshOutcome.Refreshed
            ? TypedResults.SignIn(principal!, authenticationScheme: IdentityConstants.BearerScheme)
            : Expired();
    }

    private static async Task<IResult> SignOutAsync(HttpContext http, SignInManager<UserAccount> signIn, AccountSessions sessions, CancellationToken cancellation)
    {
        if (await signIn.UserManager.GetUserAsync(http.User) is { } account) await sessions.RevokeAllAsync(account, "logout", cancellation);
        await signIn.SignOutAsync();
        return Results.NoContent();
    }

    private static async Task<IResult> ChangePasswordAsync(PasswordChangeRequest request, HttpContext http, SignInManager<UserAccount> signIn,
        AccountSessions sessions, CancellationToken cancellation)
    {
        if (await signIn.UserManager.GetUserAsync(http.User) is not { } account) return Expired();
        var errors = new FieldErrors();
        if (string.IsNullOrEmpty(request.NewPassword) || request.NewPassword.Length < Data.Accounts.AccountFactory.MinimumPasswordLength)
            errors.Add("newPassword", Codes.Field.TextTooShort, TooShort);
        else if (request.NewPassword == request.CurrentPassword)
            errors.Add("newPassword", Codes.Field.SamePassword);
        if (errors.Any) return errors.Problem();
        var changed = await signIn.UserManager.ChangePasswordAsync(account, request.CurrentPassword ?? "", request.NewPassword!);
        if (!changed.Succeeded)
        {
            errors.Add("currentPassword", Codes.Field.WrongPassword);
            return errors.Problem();
        }
        account.MustChangePassword = false;
        await signIn.UserManager.UpdateAsync(account);
        await sessions.RevokeAllAsync(account, "password changed", cancellation);
        await signIn.SignOutAsync();
        return Results.NoContent();
    }

    private static async Task<IResult> AcceptInvitationAsync(InvitationAcceptance request, HttpContext http, Invitations invitations, SignInLimits limits,
        CancellationToken cancellation)
    {
        var address = SignInLimits.AddressOf(http);
        // Tokens are guessed no faster than passwords.
        if (!limits.MayTry("invitation", address)) return SignInLimits.TooMany(TimeSpan.FromMinutes(5), http);
        var outcome = await invitations.AcceptAsync(request.Token ?? "", request.Password ?? "", cancellation);
        if (outcome == Invitations.Outcome.Accepted) return Results.NoContent();
        var errors = new FieldErrors();
        if (outcome == Invitations.Outcome.WeakPassword) errors.Add("password", Codes.Field.TextTooShort, TooShort);
        else
        {
            limits.Failed("invitation", address);
            errors.Add("token", Codes.Field.InvitationInvalid);
        }
        return errors.Problem();
    }

    private static async Task<IResult> ReadSignedInAccountAsync(HttpContext http, UserManager<UserAccount> users)
    {
        var account = await users.GetUserAsync(http.User);
        if (account is null) return Results.Unauthorized();
        var user = CurrentUser.From(http.User);
        return Results.Ok(new AccountView(account.Id, account.Email!, account.Role.ToString(), account.DisplayName,
            user?.NetworkId, user?.CompanyId, account.EmployeeId, account.MustChangePassword));
    }

    private static readonly IReadOnlyDictionary<string, object?> TooShort =
        CodeParameters.Minimum(Data.Accounts.AccountFactory.MinimumPasswordLength);

    private static readonly UserAccount UnknownAccount = new() { UserName = "unknown" };
    private static string? _unknownAccountHash;

    /// <summary>A hash made with the server's own hasher, so that checking a password against it costs what a real one does.</summary>
    private static string UnknownAccountHash(IPasswordHasher<UserAccount> hasher) =>
        _unknownAccountHash ??= hasher.HashPassword(UnknownAccount, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));
}
