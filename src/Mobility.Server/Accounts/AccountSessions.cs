using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Features.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Mobility.Data;
using Mobility.Data.Model;
using Mobility.Server.Http;

namespace Mobility.Server.Accounts;

/// <summary>
/// Sign-ins as rows (<see cref="AccountSession"/>), so that they can end: a cookie, an access token and a refresh token
/// all carry their session and generation, every request checks them (<see cref="SessionValidation"/>), a refresh
/// moves the generation on, and a refresh token used a second time revokes its whole chain.
/// </summary>
public sealed class AccountSessions(MobilityDbContext database, SignInManager<UserAccount> signIn, TimeProvider clock,
    IOptions<IdentityOptions> identity)
{
    public const string SessionClaim = "mobility:session";
    public const string GenerationClaim = "mobility:generation";
    public const string MustChangePasswordClaim = "mobility:must-change-password";

    public enum RefreshOutcome { Refreshed, Expired, Reused }

    /// <summary>A new session for the account and the principal that carries it.</summary>
    public async Task<ClaimsPrincipal> StartAsync(UserAccount account, CancellationToken cancellation)
    {
        var session = new AccountSession { Id = Guid.NewGuid(), AccountId = account.Id, CreatedAt = clock.GetUtcNow() };
        database.AccountSessions.Add(session);
        await database.SaveChangesAsync(cancellation);
        return await PrincipalAsync(account, session);
    }

    /// <summary>
    /// The refresh token's principal, already checked against its account's security stamp: its session must be live
    /// and at the token's generation. Refreshed, the session moves to the next generation, which the new principal carries.
    /// </summary>
    public async Task<(RefreshOutcome Outcome, ClaimsPrincipal? Principal)> RefreshAsync(UserAccount account, ClaimsPrincipal refreshed,
        CancellationToken cancellation)
    {
        if (!Guid.TryParse(refreshed.FindFirstValue(SessionClaim), out var id)
            || !int.TryParse(refreshed.FindFirstValue(GenerationClaim), out var generation))
            return (RefreshOutcome.Expired, null);
        await using var transaction = await database.Database.BeginTransactionAsync(cancellation);
        // Locked, so that two uses of one token racing each other cannot both move the chain on.
        var session = await database.AccountSessions.FromSqlInterpolated($"SELECT * FROM account_sessions WHERE id = {id} FOR UPDATE")
            .SingleOrDefaultAsync(cancellation);
        if (session is null || session.AccountId != account.Id || session.RevokedAt is not null) return (RefreshOutcome.Expired, null);
        if (session.Generation != generation)
        {
            Revoke(session, "refresh token reused");
            await database.SaveChangesAsync(cancellation);
            await transaction.CommitAsync(cancellation);
            return (RefreshOutcome.Reused, null);
        }
        session.Generation++;
        session.RefreshedAt = clock.GetUtcNow();
        await database.SaveChangesAsync(cancellation);
        await transaction.CommitAsync(cancellation);
        return (RefreshOutcome.Refreshed, await PrincipalAsync(account, session));
    }

    /// <summary>Ends every credential of the account at once: its sessions, and (through its security stamp) any cookie or
    /// token issued before, whichever session it belongs to.</summary>
    public async Task RevokeAllAsync(UserAccount account, string reason, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        await database.AccountSessions.Where(s => s.AccountId == account.Id && s.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now).SetProperty(x => x.RevokedReason, reason), cancellation);
        await signIn.UserManager.UpdateSecurityStampAsync(account);
    }

    /// <summary>A live session of a signed-in account, with the language its employee saved (null for an account of no employee).</summary>
    public sealed record LiveSession(string? Language);

    /// <summary>The principal's session when it is live and its account's security stamp unchanged, else null: one query per
    /// request, which reads the employee's saved language too (the language of the server's words, <see cref="RequestLanguage"/>).</summary>
    public async Task<LiveSession?> FindLiveAsync(ClaimsPrincipal principal, CancellationToken cancellation)
    {
        var stamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        if (stamp is null || !Guid.TryParse(principal.FindFirstValue(SessionClaim), out var id)
            || !long.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var accountId))
            return null;
        var now = clock.GetUtcNow();
        return await database.AccountSessions.Where(s => s.Id == id && s.AccountId == accountId && s.RevokedAt == null
                && s.Account!.SecurityStamp == stamp && (s.Account.LockoutEnd == null || s.Account.LockoutEnd < now))
            .Select(s => new LiveSession(s.Account!.Employee == null ? null : s.Account.Employee.PreferredLanguage))
            .FirstOrDefaultAsync(cancellation);
    }

    private void Revoke(AccountSession session, string reason)
    {
        session.RevokedAt = clock.GetUtcNow();
        session.RevokedReason = reason;
    }

    private async Task<ClaimsPrincipal> PrincipalAsync(UserAccount account, AccountSession session)
    {
        var principal = await signIn.CreateUserPrincipalAsync(account);
        var claims = (ClaimsIdentity)principal.Identity!;
        claims.AddClaim(new Claim(SessionClaim, session.Id.ToString()));
        claims.AddClaim(new Claim(GenerationClaim, session.Generation.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (account.MustChangePassword) claims.AddClaim(new Claim(MustChangePasswordClaim, "true"));
        return principal;
    }
}

/// <summary>
/// Runs on every authenticated request (cookie, bearer, the hub's access token), right after authentication: a credential
/// whose session was revoked, or whose account changed its security stamp, was deleted or disabled, counts as no
/// credential (401). An account that must change its first password keeps its identity but loses its role, so every
/// endpoint but the password change, logout and <c>/api/me</c> refuses it (403).
/// A middleware rather than a claims transformation: authorization reads the authentication result, which only this can
/// turn from success into none.
/// </summary>
public static class SessionValidation
{
    public static IApplicationBuilder UseSessionValidation(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.User.Identity?.IsAuthenticated == true && http.Features.Get<IAuthenticateResultFeature>() is { AuthenticateResult: { Succeeded: true } result } feature)
        {
            var sessions = http.RequestServices.GetRequiredService<AccountSessions>();
            var live = await sessions.FindLiveAsync(http.User, http.RequestAborted);
            if (live?.Language is { } language) http.Features.Set(new RequestLanguage.Saved(language));
            if (live is null)
            {
                feature.AuthenticateResult = AuthenticateResult.NoResult();
                http.User = new ClaimsPrincipal(new ClaimsIdentity());
            }
            else if (http.User.FindFirstValue(AccountSessions.MustChangePasswordClaim) is not null)
            {
                var identity = (ClaimsIdentity)http.User.Identity;
                var restricted = new ClaimsPrincipal(new ClaimsIdentity(identity.Claims.Where(c => c.Type != ClaimTypes.Role), identity.AuthenticationType));
                feature.AuthenticateResult = AuthenticateResult.Success(new AuthenticationTicket(restricted, result.Properties, result.Ticket!.AuthenticationScheme));
                http.User = restricted;
            }
        }
        await next(http);
    });
}
