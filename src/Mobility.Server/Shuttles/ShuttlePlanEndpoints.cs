using Microsoft.EntityFrameworkCore;
using Mobility.Data;
using Mobility.Data.Model;
using Mobility.Data.Privacy;
using Mobility.Planning;
using Mobility.Server.Accounts;
using Mobility.Server.Http;

namespace Mobility.Server.Shuttles;

public sealed record ShuttlePlanSummary(long Id, long NetworkId, long? CompanyId, string Name, DateOnly ValidFrom, DateOnly? ValidTo,
    int Vehicles, int Trips, double Kilometres);

public sealed record ShuttleStopView(int Sequence, long SiteId, string Site, GeoJsonPoint Location, TimeOnly Arrival, TimeOnly Departure,
    int Boarding, int Alighting, int LoadAfter);

public sealed record ShuttleTripView(long Id, string Vehicle, int Capacity, CommuteDirection Direction, WorkDays Days, string? ShiftPattern,
    double Kilometres, IReadOnlyList<ShuttleStopView> Stops);

/// <param name="RoundingBase">Null when the reader may see the exact loads (an administrator, the plan's own HR); else
/// boardings, alightings and loads are rounded by <see cref="Disclosure"/>, since they count people at a place and time.</param>
public sealed record ShuttlePlanView(ShuttlePlanSummary Plan, int? RoundingBase, IReadOnlyList<ShuttleTripView> Trips);

/// <summary>
/// Shuttle plans as HR and the working group read them: a company's own plans and the network-wide ones (computed
/// by `mobility plan shuttles`); HR removes its company's.
/// </summary>
public static class ShuttlePlanEndpoints
{
    public static IEndpointRouteBuilder MapShuttlePlanEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").WithTags("Shuttle plans").RequireAuthorization(AccountsSetup.TenantPolicy);

        api.MapGet("/shuttle-plans", ListShuttlePlansAsync).WithSummary("Shuttle plans the account may read.");
        api.MapGet("/shuttle-plans/{planId:long}", ReadShuttlePlanAsync)
            .RequireAuthorization(AccountsSetup.HrOrWorkingGroupOrAdministrator).WithSummary("A plan's trips: stops in order with times and loads.");
        api.MapDelete("/shuttle-plans/{planId:long}", DeleteShuttlePlanAsync).RequireAuthorization(AccountsSetup.HrOrAdministrator).WithSummary("Removes a plan.");
        api.MapPut("/shuttle-plans/{planId:long}/name", RenameShuttlePlanAsync).RequireAuthorization(AccountsSetup.HrOrAdministrator)
            .WithSummary("Renames a plan `{name}` (1–100 characters, not the name of another plan of the company).");
        return endpoints;
    }

    private static async Task<IResult> ListShuttlePlansAsync([AsParameters] PageQuery page, HttpContext http, MobilityDbContext database, CancellationToken cancellation)
    {
        if (page.Problem() is { } problem) return problem;
        var user = CurrentUser.From(http.User)!;
        var plans = user.Role switch
        {
            AccountRole.Administrator => database.ShuttlePlans,
            AccountRole.WorkingGroup => database.ShuttlePlans.Where(p => p.NetworkId == user.NetworkId),
            AccountRole.HrManager => database.ShuttlePlans.Where(p => p.NetworkId == user.NetworkId && (p.CompanyId == null || p.CompanyId == user.CompanyId)),
            _ => database.ShuttlePlans.Where(_ => false),
        };
        return Results.Ok(await page.ReadAsync(plans.OrderBy(p => p.Id).Select(p => new ShuttlePlanSummary(p.Id, p.NetworkId, p.CompanyId, p.Name,
            p.ValidFrom, p.ValidTo, p.Vehicles.Count, p.Trips.Count, p.Trips.Sum(t => t.Kilometres))), cancellation));
    }

    private static async Task<IResult> ReadShuttlePlanAsync(long planId, HttpContext http, MobilityDbContext database, Disclosure disclosure,
        CancellationToken cancellation)
    {
        var plan = await database.ShuttlePlans.AsNoTracking().AsSplitQuery()
            .Include(p => p.Vehicles).Include(p => p.Trips).ThenInclude(t => t.ShiftPattern)
            .Include(p => p.Trips).ThenInclude(t => t.Calls).ThenInclude(s => s.Site)
            .SingleOrDefaultAsync(p => p.Id == planId, cancellation);
        if (plan is null) return Results.NotFound();
        var vehicles = plan.Vehicles.ToDictionary(v => v.Id);
        var user = CurrentUser.From(http.User)!;
        var loads = new ShuttleLoads(user, plan, disclosure);
        return Results.Ok(new ShuttlePlanView(
            new ShuttlePlanSummary(plan.Id, plan.NetworkId, plan.CompanyId, plan.Name, plan.ValidFrom, plan.ValidTo, plan.Vehicles.Count,
                plan.Trips.Count, plan.Trips.Sum(t => t.Kilometres)),
            loads.Exact ? null : Disclosure.Base,
            plan.Trips.OrderBy(t => t.Calls.Select(s => s.Departure).DefaultIfEmpty().Min()).Select(t => new ShuttleTripView(t.Id,
                vehicles[t.ShuttleVehicleId].Name, vehicles[t.ShuttleVehicleId].Capacity, t.Direction, t.Days, t.ShiftPattern?.Name, t.Kilometres,
                t.Calls.OrderBy(s => s.Sequence).Select(s => new ShuttleStopView(s.Sequence, s.SiteId, s.Site!.Name, GeoJsonPoint.From(s.Site.Location),
                    s.Arrival, s.Departure, loads.Shown(s, s.Boarding), loads.Shown(s, s.Alighting), loads.Shown(s, s.LoadAfter))).ToList())).ToList()));
    }

    public sealed record PlanName([property: System.ComponentModel.DataAnnotations.MaxLength(TextRules.NameLength)] string? Name);

    private static async Task<IResult> RenameShuttlePlanAsync(long planId, PlanName input, MobilityDbContext database, CancellationToken cancellation)
    {
        var plan = await database.ShuttlePlans.SingleOrDefaultAsync(p => p.Id == planId, cancellation);
        if (plan is null) return Results.NotFound();
        var name = input.Name?.Trim();
        var errors = new FieldErrors();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add("name", "required");
            return errors.Problem();
        }
        // Planning under a name replaces the company's plan of that name: two plans of one name would make that ambiguous.
        if (await database.ShuttlePlans.AnyAsync(p => p.Id != planId && p.NetworkId == plan.NetworkId && p.CompanyId == plan.CompanyId && p.Name == name, cancellation))
        {
            errors.Add("name", "already-exists", new Dictionary<string, object?> { ["value"] = name });
            return errors.Problem(StatusCodes.Status409Conflict);
        }
        plan.Name = name;
        await database.SaveChangesAsync(cancellation);
        return Results.NoContent();
    }

    private static async Task<IResult> DeleteShuttlePlanAsync(long planId, MobilityDbContext database, CancellationToken cancellation)
    {
        await database.ShuttlePlans.Where(p => p.Id == planId).ExecuteDeleteAsync(cancellation);
        return Results.NoContent();
    }
}
