using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Mobility.Data.Model;
using Mobility.Server.Accounts;

namespace Mobility.Server.Api;

public sealed record SignInRequest(string Email, string Password);

public sealed record RefreshRequest(string? RefreshToken);

public sealed record AccountView(long Id, string Email, string Role, string? DisplayName, long? NetworkId, long? CompanyId, long? EmployeeId);

/// <summary>
/// Sign-in with ASP.NET Core Identity. `?useCookies=true` (the browser) sets an HTTP-only cookie; otherwise the answer
/// is a bearer token for API clients and the SignalR client. There is no self-registration: accounts are created by
/// an administrator or an HR import, since every account belongs to a tenant.
/// </summary>
public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var auth = endpoints.MapGroup("/api/auth").WithTags("Accounts");
        auth.MapPost("/login", async Task<IResult> (SignInRequest request, bool? useCookies, SignInManager<UserAccount> signIn) =>
        {
            signIn.AuthenticationScheme = useCookies == true ? IdentityConstants.ApplicationScheme : IdentityConstants.BearerScheme;
            var result = await signIn.PasswordSignInAsync(request.Email ?? "", request.Password ?? "", isPersistent: useCookies == true, lockoutOnFailure: true);
            if (result.Succeeded) return Results.Empty; // the sign-in has written the cookie or the token
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized,
                title: "Connexion refusée / Sign-in refused",
                detail: result.IsLockedOut
                    ? "Trop d'essais : compte verrouillé quelques minutes. / Too many attempts: account locked for a few minutes."
                    : "E-mail ou mot de passe incorrect. / Wrong e-mail or password.");
        }).AllowAnonymous().WithSummary("Signs in: a bearer token, or a cookie with ?useCookies=true.");

        // As ASP.NET Core Identity's own /refresh: a valid refresh token of a still valid account gets a new pair.
        auth.MapPost("/refresh", async Task<IResult> (RefreshRequest request, SignInManager<UserAccount> signIn, TimeProvider clock,
            IOptionsMonitor<BearerTokenOptions> bearer) =>
        {
            var ticket = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(request.RefreshToken ?? "");
            if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
                || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } account)
                return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Session expirée / Session expired",
                    detail: "Reconnectez-vous. / Please sign in again.");
            return TypedResults.SignIn(await signIn.CreateUserPrincipalAsync(account), authenticationScheme: IdentityConstants.BearerScheme);
        }).AllowAnonymous().WithSummary("Exchanges a refresh token for a new access token.");

        auth.MapPost("/logout", async (SignInManager<UserAccount> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.NoContent();
        }).RequireAuthorization(AccountsSetup.TenantPolicy).WithSummary("Signs out (removes the cookie).");

        endpoints.MapGet("/api/me", async Task<IResult> (HttpContext http, UserManager<UserAccount> users) =>
        {
            var account = await users.GetUserAsync(http.User);
            if (account is null) return Results.Unauthorized();
            return Results.Ok(new AccountView(account.Id, account.Email!, account.Role.ToString(), account.DisplayName,
                CurrentUser.From(http.User)?.NetworkId, CurrentUser.From(http.User)?.CompanyId, account.EmployeeId));
        }).RequireAuthorization(AccountsSetup.TenantPolicy).WithTags("Accounts").WithSummary("The signed-in account, its role and tenant.");
        return endpoints;
    }
}
