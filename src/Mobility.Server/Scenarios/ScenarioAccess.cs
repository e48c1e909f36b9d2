using Microsoft.AspNetCore.Authorization;
using Mobility.Data.Model;
using Mobility.Server.Accounts;

namespace Mobility.Server.Scenarios;

/// <summary>
/// Scenarios are the one thing the working group writes: its own network's, which the tenant rule (read-only for the
/// working group on a network) would refuse. Like that rule it runs before model binding, so a foreign network is
/// refused (403) before its body is read, and validation says nothing of that network's sites.
/// </summary>
public sealed class ScenarioNetworkRequirement : IAuthorizationRequirement
{
    public const string Policy = "scenario-network";
}

public sealed class ScenarioNetworkHandler : AuthorizationHandler<ScenarioNetworkRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScenarioNetworkRequirement requirement)
    {
        if (context.Resource is HttpContext http && CurrentUser.From(context.User) is { } user
            && long.TryParse(http.Request.RouteValues["networkId"]?.ToString(), out var networkId)
            && (user.IsAdministrator || (user.Role == AccountRole.WorkingGroup && user.NetworkId == networkId)))
            context.Succeed(requirement);
        else context.Fail(new AuthorizationFailureReason(this, "No access to this network's scenarios."));
        return Task.CompletedTask;
    }
}
