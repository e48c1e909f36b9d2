using Microsoft.AspNetCore.Authorization;

namespace Mobility.Server.Accounts;

/// <summary>Every tenant resource named in the route must be one the signed-in account may reach (<see cref="TenantAccess"/>).</summary>
public sealed class TenantRouteRequirement : IAuthorizationRequirement;

/// <summary>
/// Runs before model binding, so a foreign ID is refused (403) before its request body is even read: the same answer
/// whether the body is valid or not, and nothing about the foreign resource leaks through validation messages.
/// </summary>
public sealed class TenantRouteHandler(TenantAccess access) : AuthorizationHandler<TenantRouteRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, TenantRouteRequirement requirement)
    {
        if (context.Resource is not HttpContext http || CurrentUser.From(context.User) is not { } user) return;
        var write = !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method);
        foreach (var (key, value) in http.Request.RouteValues)
        {
            if (!TenantAccess.RouteKeys.Contains(key)) continue;
            if (!long.TryParse(value?.ToString(), out var id)
                || !await access.AllowsAsync(user, key, id, write, http.RequestAborted))
            {
                context.Fail(new AuthorizationFailureReason(this, $"No access to {key} {value}."));
                return;
            }
        }
        context.Succeed(requirement);
    }
}
