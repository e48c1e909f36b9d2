using Microsoft.EntityFrameworkCore;
using Mobility.Data;
using Mobility.Data.Model;

namespace Mobility.Server.Accounts;

/// <summary>
/// Who may read or change what: the one place the tenant rules live. Every route value naming a tenant resource
/// (<see cref="RouteKeys"/>) is checked here before the endpoint runs, so no endpoint can forget it. A resource that
/// does not exist is refused like a foreign one, so that IDs cannot be probed.
/// </summary>
public sealed class TenantAccess(MobilityDbContext database)
{
    /// <summary>Route parameter names that name tenant resources; endpoints must use these names.</summary>
    public static readonly IReadOnlySet<string> RouteKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        { "networkId", "companyId", "siteId", "employeeId", "groupId", "planId", "accountId", "shiftPatternId", "jobId" };

    public Task<bool> AllowsAsync(CurrentUser user, string routeKey, long id, bool write, CancellationToken cancellation = default) =>
        routeKey.ToLowerInvariant() switch
        {
            "networkid" => NetworkAsync(user, id, write),
            "companyid" => CompanyAsync(user, id, write, cancellation),
            "siteid" => SiteAsync(user, id, write, cancellation),
            "employeeid" => EmployeeAsync(user, id, cancellation),
            "groupid" => GroupAsync(user, id, cancellation),
            "planid" => ShuttlePlanAsync(user, id, write, cancellation),
            "accountid" => AccountAsync(user, id, cancellation),
            "shiftpatternid" => ShiftPatternAsync(user, id, write, cancellation),
            "jobid" => JobAsync(user, id, cancellation),
            _ => Task.FromResult(false),
        };

    private static Task<bool> NetworkAsync(CurrentUser user, long id, bool write) =>
        Task.FromResult(user.IsAdministrator || (!write && user.NetworkId == id));

    private async Task<bool> CompanyAsync(CurrentUser user, long id, bool write, CancellationToken cancellation)
    {
        if (user.IsAdministrator) return await database.Companies.AnyAsync(c => c.Id == id, cancellation);
        if (user.Role == AccountRole.WorkingGroup)
            return !write && await database.Companies.AnyAsync(c => c.Id == id && c.NetworkId == user.NetworkId, cancellation);
        return user.CompanyId == id && (!write || user.Role == AccountRole.HrManager);
    }

    private async Task<bool> SiteAsync(CurrentUser user, long id, bool write, CancellationToken cancellation)
    {
        var site = await database.Sites.Where(s => s.Id == id).Select(s => new { s.NetworkId, s.CompanyId }).SingleOrDefaultAsync(cancellation);
        if (site is null) return false;
        if (user.IsAdministrator) return true;
        if (site.NetworkId != user.NetworkId) return false;
        if (write) return user.Role == AccountRole.HrManager && site.CompanyId is not null && site.CompanyId == user.CompanyId;
        // Stations and shared meeting points are known to the whole network; a plant only to its company and the working group.
        return site.CompanyId is null || site.CompanyId == user.CompanyId || user.Role == AccountRole.WorkingGroup;
    }

    private async Task<bool> EmployeeAsync(CurrentUser user, long id, CancellationToken cancellation)
    {
        // Employees reach themselves through /api/me; the working group sees aggregates only.
        if (!user.IsAdministrator && user.Role != AccountRole.HrManager) return false;
        var companyId = await database.Employees.Where(e => e.Id == id).Select(e => (long?)e.CompanyId).SingleOrDefaultAsync(cancellation);
        return companyId is not null && (user.IsAdministrator || companyId == user.CompanyId);
    }

    private async Task<bool> GroupAsync(CurrentUser user, long id, CancellationToken cancellation)
    {
        if (user.IsAdministrator) return await database.CarpoolGroups.AnyAsync(g => g.Id == id, cancellation);
        return user.Role == AccountRole.Employee
               && await database.CarpoolMembers.AnyAsync(m => m.CarpoolGroupId == id && m.EmployeeId == user.EmployeeId, cancellation);
    }

    /// <summary>Accounts are managed by administrators, and by HR for its own company's employees.</summary>
    private async Task<bool> AccountAsync(CurrentUser user, long id, CancellationToken cancellation)
    {
        if (user.IsAdministrator) return await database.Users.AnyAsync(a => a.Id == id, cancellation);
        return user.Role == AccountRole.HrManager && await database.Users.AnyAsync(a => a.Id == id && a.Role == AccountRole.Employee
            && a.Employee!.CompanyId == user.CompanyId, cancellation);
    }

    /// <summary>Rosters are shared by a network; only the company that created one (and administrators) changes it.</summary>
    private async Task<bool> ShiftPatternAsync(CurrentUser user, long id, bool write, CancellationToken cancellation)
    {
        var pattern = await database.ShiftPatterns.Where(p => p.Id == id).Select(p => new { p.NetworkId, p.OwnerCompanyId }).SingleOrDefaultAsync(cancellation);
        if (pattern is null) return false;
        if (user.IsAdministrator) return true;
        if (pattern.NetworkId != user.NetworkId) return false;
        return !write || (user.Role == AccountRole.HrManager && pattern.OwnerCompanyId is not null && pattern.OwnerCompanyId == user.CompanyId);
    }

    /// <summary>A job is its requester's, and its company's HR's (a colleague follows or stops what another started).</summary>
    private async Task<bool> JobAsync(CurrentUser user, long id, CancellationToken cancellation)
    {
        var job = await database.Jobs.Where(j => j.Id == id).Select(j => new { j.RequestedById, j.CompanyId }).SingleOrDefaultAsync(cancellation);
        if (job is null) return false;
        return user.IsAdministrator || job.RequestedById == user.AccountId
            || (user.Role == AccountRole.HrManager && job.CompanyId is not null && job.CompanyId == user.CompanyId);
    }

    private async Task<bool> ShuttlePlanAsync(CurrentUser user, long id, bool write, CancellationToken cancellation)
    {
        var plan = await database.ShuttlePlans.Where(p => p.Id == id).Select(p => new { p.NetworkId, p.CompanyId }).SingleOrDefaultAsync(cancellation);
        if (plan is null) return false;
        if (user.IsAdministrator) return true;
        if (plan.NetworkId != user.NetworkId) return false;
        // A company's plan is its HR's; a network-wide plan is read by every HR manager and the working group.
        return user.Role switch
        {
            AccountRole.HrManager => plan.CompanyId == user.CompanyId || (!write && plan.CompanyId is null),
            AccountRole.WorkingGroup => !write,
            _ => false,
        };
    }
}
