using Microsoft.EntityFrameworkCore;
using Mobility.Data;
using Mobility.Server.Http;
using Mobility.Data.Model;
using Mobility.Server.Accounts;
using Mobility.Server.Carpools;

namespace Mobility.Server.Companies;

public sealed record SlotView(int Week, WorkDays Days, TimeOnly Start, TimeOnly End, bool EndsNextDay);

public sealed record ShiftPatternView(long Id, long NetworkId, string ExternalId, string Name, int RotationWeeks, IReadOnlyList<SlotView> Slots)
{
    public static ShiftPatternView From(ShiftPattern p) => new(p.Id, p.NetworkId, p.ExternalId, p.Name, p.RotationWeeks,
        p.Slots.OrderBy(s => s.WeekIndex).ThenBy(s => s.Start).Select(s => new SlotView(s.WeekIndex, s.Days, s.Start, s.End, s.CrossesMidnight)).ToList());
}

/// <summary>Rosters (shared by a network), who works which, and one-day exceptions. Each change asks for new proposals.</summary>
public static class ShiftEndpoints
{
    public static IEndpointRouteBuilder MapShiftEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").WithTags("Shifts").RequireAuthorization(AccountsSetup.TenantPolicy);

        api.MapGet("/shift-patterns", ListShiftPatternsAsync).WithSummary("The rosters of the account's network.");
        api.MapPost("/companies/{companyId:long}/shift-patterns", CreateShiftPatternAsync)
            .RequireAuthorization(AccountsSetup.HrOrAdministrator).WithSummary("Adds a roster to the company's network; the company's HR may change it later.");
        api.MapGet("/shift-patterns/{shiftPatternId:long}", ReadShiftPatternAsync).WithSummary("One roster of the account's network.");
        api.MapPut("/shift-patterns/{shiftPatternId:long}", ReplaceShiftPatternAsync)
            .RequireAuthorization(AccountsSetup.HrOrAdministrator).WithSummary("Replaces a roster's name and slots (HR of the company that created it, administrators).");
        api.MapDelete("/shift-patterns/{shiftPatternId:long}", DeleteShiftPatternAsync)
            .RequireAuthorization(AccountsSetup.HrOrAdministrator).WithSummary("Removes a roster nobody works on.");
        api.MapGet("/companies/{companyId:long}/roster-problems", ListRosterProblemsAsync).RequireAuthorization(AccountsSetup.HrOrAdministrator)
            .WithSummary("Rosters the matching engine leaves out (invalid slots) that the company created or that its employees work on.");
        api.MapPut("/employees/{employeeId:long}/shift-assignment", AssignShiftPatternAsync)
            .RequireAuthorization(AccountsSetup.HrOrAdministrator).WithSummary("Puts an employee on a roster from a date.");
        api.MapPost("/employees/{employeeId:long}/shift-exceptions", AddShiftExceptionAsync)
            .RequireAuthorization(AccountsSetup.HrOrAdministrator).WithSummary("A day off, or an extra shift instead of the rostered one.");
        api.MapGet("/employees/{employeeId:long}/shift-exceptions", ListShiftExceptionsAsync)
            .RequireAuthorization(AccountsSetup.HrOrAdministrator).WithSummary("An employee's days off and extra shifts from a date (today by default), in date order.");
        api.MapDelete("/employees/{employeeId:long}/shift-exceptions/{exceptionId:long}", RemoveShiftExceptionAsync)
            .RequireAuthorization(AccountsSetup.HrOrAdministrator).WithSummary("Removes a day off or an extra shift: the roster applies again that day.");
        return endpoints;
    }

    private static async Task<IResult> ListShiftPatternsAsync(HttpContext http, MobilityDbContext database, CancellationToken cancellation)
    {
        var networks = TenantQueries.Networks(database, CurrentUser.From(http.User)!).Select(n => n.Id);
        var patterns = await database.ShiftPatterns.Include(p => p.Slots).Where(p => networks.Contains(p.NetworkId))
            .OrderBy(p => p.Id).Take(1000).ToListAsync(cancellation);
        return Results.Ok(patterns.Select(ShiftPatternView.From));
    }

    private static async Task<IResult> CreateShiftPatternAsync(long companyId, ShiftPatternInput input, MobilityDbContext database, CancellationToken cancellation)
    {
        var networkId = await database.Companies.Where(c => c.Id == companyId).Select(c => c.NetworkId).SingleAsync(cancellation);
        var pattern = new ShiftPattern { NetworkId = networkId, ExternalId = "", Name = "", OwnerCompanyId = companyId };
        if (await input.TryApplyAsync(pattern, database, cancellation) is { Any: true } errors) return errors.Problem();
        database.ShiftPatterns.Add(pattern);
        await database.SaveChangesAsync(cancellation);
        return Results.Created($"/api/shift-patterns/{pattern.Id}", ShiftPatternView.From(pattern));
    }

    private static async Task<ShiftPatternView> ReadShiftPatternAsync(long shiftPatternId, MobilityDbContext database, CancellationToken cancellation) =>
        ShiftPatternView.From(await database.ShiftPatterns.Include(p => p.Slots).SingleAsync(p => p.Id == shiftPatternId, cancellation));

    private static async Task<IResult> ReplaceShiftPatternAsync(long shiftPatternId, ShiftPatternInput input, MobilityDbContext database,
        RecomputeQueue recompute, CancellationToken cancellation)
    {
        var pattern = await database.ShiftPatterns.Include(p => p.Slots).SingleAsync(p => p.Id == shiftPatternId, cancellation);
        database.ShiftSlots.RemoveRange(pattern.Slots);
        if (await input.TryApplyAsync(pattern, database, cancellation) is { Any: true } errors) return errors.Problem();
        await database.SaveChangesAsync(cancellation);
        recompute.Request(pattern.NetworkId, $"roster {shiftPatternId} changed");
        return Results.Ok(ShiftPatternView.From(pattern));
    }

    private static async Task<IResult> DeleteShiftPatternAsync(long shiftPatternId, MobilityDbContext database, RecomputeQueue recompute,
        CancellationToken cancellation)
    {
        var pattern = await database.ShiftPatterns.SingleAsync(p => p.Id == shiftPatternId, cancellation);
        var assigned = await database.ShiftAssignments.Where(a => a.ShiftPatternId == shiftPatternId).Select(a => a.EmployeeId).Distinct().CountAsync(cancellation);
        // Removing a roster people work on would silently take their shifts away: they are moved to another one first.
        if (assigned > 0)
            return CodedProblem.Create(StatusCodes.Status409Conflict, Codes.Problem.RosterInUse, new Dictionary<string, object?> { ["employees"] = assigned });
        database.ShiftPatterns.Remove(pattern);
        await database.SaveChangesAsync(cancellation);
        recompute.Request(pattern.NetworkId, $"roster {shiftPatternId} removed");
        return Results.NoContent();
    }

    private static async Task<IResult> ListRosterProblemsAsync(long companyId, MobilityDbContext database, TimeProvider clock, CancellationToken cancellation)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-1);
        return Results.Ok(await RosterProblems.FindAsync(database, companyId, today, cancellation));
    }

    private static async Task<IResult> AssignShiftPatternAsync(long employeeId, ShiftAssignmentInput input, MobilityDbContext database,
        RecomputeQueue recompute, CancellationToken cancellation)
    {
        var employee = await database.Employees.Include(e => e.Company).Include(e => e.ShiftAssignments).SingleAsync(e => e.Id == employeeId, cancellation);
        if (await ShiftAssignments.AssignAsync(database, employee, input, cancellation) is { Any: true } errors) return errors.Problem();
        recompute.Request(employee.Company!.NetworkId, $"shift change of employee {employeeId}", employeeId);
        return Results.NoContent();
    }

    private static async Task<IResult> ListShiftExceptionsAsync(long employeeId, DateOnly? from, MobilityDbContext database, TimeProvider clock,
        CancellationToken cancellation)
    {
        if (DateField.Problem("from", from) is { } problem) return problem;
        var since = from ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var exceptions = await database.ShiftExceptions.Where(x => x.EmployeeId == employeeId && x.Date >= since)
            .OrderBy(x => x.Date).Take(ShiftExceptions.MaximumListed).ToListAsync(cancellation);
        return Results.Ok(exceptions.Select(x => new { x.Id, x.Date, Kind = x.Kind.ToString(), x.Start, x.End }));
    }

    private static async Task<IResult> RemoveShiftExceptionAsync(long employeeId, long exceptionId, MobilityDbContext database,
        RecomputeQueue recompute, CancellationToken cancellation)
    {
        // The employee's id is the one the tenant rule checked: an exception of anybody else is not found.
        var removed = await database.ShiftExceptions.Where(x => x.Id == exceptionId && x.EmployeeId == employeeId).ExecuteDeleteAsync(cancellation);
        if (removed == 0) return Results.NotFound();
        await EmployeeChanges.RequestRematchAsync(database, recompute, employeeId, "shift exception removed", cancellation);
        return Results.NoContent();
    }

    private static async Task<IResult> AddShiftExceptionAsync(long employeeId, ShiftExceptionInput input, MobilityDbContext database,
        RecomputeQueue recompute, CancellationToken cancellation)
    {
        var (errors, clash) = await ShiftExceptions.AddAsync(database, employeeId, input, cancellation);
        if (errors.Any) return errors.Problem(clash ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest);
        await EmployeeChanges.RequestRematchAsync(database, recompute, employeeId, "shift exception", cancellation);
        return Results.NoContent();
    }
}
