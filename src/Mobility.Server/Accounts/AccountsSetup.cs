using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Mobility.Data;
using Mobility.Data.Model;

namespace Mobility.Server.Accounts;

/// <summary>Sign-in (Identity: cookie for the browser, bearer token for API clients) and the authorisation policies.</summary>
public static class AccountsSetup
{
    /// <summary>Signed in, and every tenant resource of the route reachable: the default for the whole API.</summary>
    public const string TenantPolicy = "tenant";
    public const string HrOrAdministrator = "hr-or-administrator";
    public const string EmployeeOnly = "employee";
    public const string WorkingGroupOrAdministrator = "working-group-or-administrator";
    public const string HrOrWorkingGroupOrAdministrator = "hr-or-working-group-or-administrator";

    public static IServiceCollection AddMobilityAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddIdentityApiEndpoints<UserAccount>(options =>
            {
                options.Password.RequiredLength = Data.Accounts.AccountFactory.MinimumPasswordLength;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireDigit = false;
                options.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<MobilityDbContext>()
            .AddClaimsPrincipalFactory<AccountClaimsFactory>();
        // An API answers 401/403; it does not redirect to a login page.
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "mobility";
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            // Secure whenever the client's request is HTTPS, also when a TLS proxy forwards it as HTTP (see ProxyHeaders).
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.Events.OnRedirectToLogin = context => { context.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; };
            cookie.Events.OnRedirectToAccessDenied = context => { context.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };
        });
        services.AddScoped<AccountSessions>();
        services.Configure<MailOptions>(configuration.GetSection(MailOptions.Section));
        services.AddSingleton<MailSender>();
        services.AddScoped<Invitations>();
        services.AddScoped<AccountCreation>();
        services.Configure<SignInLimitOptions>(configuration.GetSection(SignInLimitOptions.Section));
        services.AddSingleton<SignInLimits>();
        services.AddRateLimiter(SignInLimits.AddPolicy);
        services.AddProxyHeaders();
        services.AddScoped<TenantAccess>();
        services.AddScoped<IAuthorizationHandler, TenantRouteHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(TenantPolicy, policy => policy.RequireAuthenticatedUser().AddRequirements(new TenantRouteRequirement()))
            .AddPolicy(HrOrAdministrator, policy => policy.RequireRole(nameof(AccountRole.HrManager), nameof(AccountRole.Administrator)))
            .AddPolicy(EmployeeOnly, policy => policy.RequireRole(nameof(AccountRole.Employee)))
            .AddPolicy(WorkingGroupOrAdministrator, policy => policy.RequireRole(nameof(AccountRole.WorkingGroup), nameof(AccountRole.Administrator)))
            .AddPolicy(HrOrWorkingGroupOrAdministrator, policy =>
                policy.RequireRole(nameof(AccountRole.HrManager), nameof(AccountRole.WorkingGroup), nameof(AccountRole.Administrator)));
        return services;
    }
}
