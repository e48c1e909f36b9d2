using Microsoft.EntityFrameworkCore;
using Mobility.Data;
using Mobility.Data.Privacy;
using Mobility.Server.Accounts;
using Mobility.Server.Carpools;
using Mobility.Server.Http;

namespace Mobility.Server.Companies;

/// <summary>An employee's own data: read, change how they commute, export everything, erase themselves.</summary>
public static class MeEndpoints
{
    public static IEndpointRouteBuilder MapMeEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var me = endpoints.MapGroup("/api/me").WithTags("My data")
            .RequireAuthorization(AccountsSetup.TenantPolicy).RequireAuthorization(AccountsSetup.EmployeeOnly);

        me.MapGet("/employee", async Task<IResult> (HttpContext http, MobilityDbContext database, CancellationToken cancellation) =>
        {
            var id = CurrentUser.From(http.User)!.EmployeeId;
            return await database.Employees.SingleOrDefaultAsync(e => e.Id == id, cancellation) is { } employee
                ? Results.Ok(EmployeeView.From(employee)) : Results.NotFound();
        }).WithSummary("My profile, home included.");

        me.MapPut("/employee", async Task<IResult> (CommuteProfileInput input, HttpContext http, MobilityDbContext database,
            RecomputeQueue recompute, CancellationToken cancellation) =>
        {
            var id = CurrentUser.From(http.User)!.EmployeeId;
            var employee = await database.Employees.SingleAsync(e => e.Id == id, cancellation);
            var plant = await database.Sites.Where(s => s.Id == employee.MainSiteId).Select(s => s.Location).SingleAsync(cancellation);
            var errors = new FieldErrors();
            if (!input.TryApply(employee, plant, errors)) return errors.Problem();
            await database.SaveChangesAsync(cancellation);
            await EmployeeEndpoints.RequestRematchAsync(database, recompute, employee.Id, "commute profile changed", cancellation);
            return Results.Ok(EmployeeView.From(employee));
        }).WithSummary("Changes how I commute: home, role, seats, detour, flexibility, language, consent.");

        me.MapGet("/export", async Task<IResult> (HttpContext http, MobilityDbContext database, CancellationToken cancellation) =>
        {
            var id = CurrentUser.From(http.User)!.EmployeeId;
            var employee = await database.Employees.AsNoTracking()
                .Include(e => e.ShiftAssignments).Include(e => e.ShiftExceptions).SingleAsync(e => e.Id == id, cancellation);
            var carpools = await database.CarpoolMembers.AsNoTracking().Where(m => m.EmployeeId == id)
                .Select(m => new { m.CarpoolGroupId, m.CarpoolGroup!.Date, direction = m.CarpoolGroup.Direction.ToString(), role = m.Role.ToString(), status = m.Status.ToString() })
                .ToListAsync(cancellation);
            return Results.Json(new
            {
                exportedAt = DateTimeOffset.UtcNow,
                employee = EmployeeView.From(employee),
                shiftAssignments = employee.ShiftAssignments.Select(a => new { a.ShiftPatternId, a.RotationAnchor, a.RotationOffsetWeeks, a.ValidFrom, a.ValidTo }),
                shiftExceptions = employee.ShiftExceptions.Select(x => new { x.Date, kind = x.Kind.ToString(), x.Start, x.End }),
                carpools,
            });
        }).WithSummary("Everything stored about me, as JSON (right of access and portability).");

        me.MapDelete("/employee", async (HttpContext http, MobilityDbContext database, RecomputeQueue recompute, CancellationToken cancellation) =>
        {
            var employeeId = CurrentUser.From(http.User)!.EmployeeId!.Value;
            await new EmployeeErasure(database, TimeProvider.System).EraseAsync(employeeId, cancellation);
            await EmployeeEndpoints.RequestRematchAsync(database, recompute, employeeId, "employee erased", cancellation);
            return Results.NoContent();
        }).WithSummary("Erases my personal data and my account.");
        return endpoints;
    }
}
