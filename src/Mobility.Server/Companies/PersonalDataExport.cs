using Microsoft.EntityFrameworkCore;
using Mobility.Data;

namespace Mobility.Server.Companies;

/// <summary>Everything stored about an employee, for the rights of access and portability: the profile, rosters, exceptions
/// and the carpools they were in.</summary>
public static class PersonalDataExport
{
    public static async Task<object> ReadAsync(MobilityDbContext database, long employeeId, CancellationToken cancellation)
    {
        var employee = await database.Employees.AsNoTracking()
            .Include(e => e.ShiftAssignments).Include(e => e.ShiftExceptions).SingleAsync(e => e.Id == employeeId, cancellation);
        var carpools = await database.CarpoolMembers.AsNoTracking().Where(m => m.EmployeeId == employeeId)
            .Select(m => new { m.CarpoolGroupId, m.CarpoolGroup!.Date, direction = m.CarpoolGroup.Direction.ToString(), role = m.Role.ToString(), status = m.Status.ToString() })
            .ToListAsync(cancellation);
        var decisions = await database.CarpoolStatusChanges.AsNoTracking().Where(c => c.EmployeeId == employeeId)
            .OrderBy(c => c.At).Select(c => new { c.CarpoolGroupId, c.At, status = c.Status.ToString(), c.ReasonCode, c.Note })
            .ToListAsync(cancellation);
        var rideHome = await database.RideHomeCases.AsNoTracking().Where(c => c.EmployeeId == employeeId).OrderBy(c => c.Date)
            .Select(c => new { c.Date, direction = c.Direction.ToString(), fallback = c.Fallback.ToString(), c.EstimatedCostEuros, c.AllowanceEuros, state = c.State.ToString() })
            .ToListAsync(cancellation);
        return new
        {
            exportedAt = DateTimeOffset.UtcNow,
            employee = EmployeeView.From(employee),
            shiftAssignments = employee.ShiftAssignments.Select(a => new { a.ShiftPatternId, a.RotationAnchor, a.RotationOffsetWeeks, a.ValidFrom, a.ValidTo }),
            shiftExceptions = employee.ShiftExceptions.Select(x => new { x.Date, kind = x.Kind.ToString(), x.Start, x.End }),
            carpools,
            decisions,
            rideHome,
        };
    }
}
