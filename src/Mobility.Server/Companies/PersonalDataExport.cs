using Microsoft.EntityFrameworkCore;
using Mobility.Data;

namespace Mobility.Server.Companies;

/// <summary>Everything stored about an employee, for the rights of access and portability: the profile, rosters, exceptions
/// and the carpools they were in, the devices that take their Web Push and the days a digest was mailed to them.</summary>
public static class PersonalDataExport
{
    public static async Task<object> ReadAsync(MobilityDbContext database, long employeeId, CancellationToken cancellation)
    {
        var employee = await database.Employees.AsNoTracking()
            .Include(e => e.ShiftAssignments).Include(e => e.ShiftExceptions).SingleAsync(e => e.Id == employeeId, cancellation);
        var carpools = await database.CarpoolMembers.AsNoTracking().Where(m => m.EmployeeId == employeeId)
            .Select(m => new { m.CarpoolGroupId, m.CarpoolGroup!.Date, direction = m.CarpoolGroup.Direction.ToString(), role = m.Role.ToString(), status = m.Status.ToString() })
            .ToListAsync(cancellation);
        var pushDevices = await database.PushSubscriptions.AsNoTracking().Where(s => s.Account!.EmployeeId == employeeId)
            .Select(s => new { s.Endpoint, s.DeviceLabel, s.CreatedAt, s.LastSuccessAt }).ToListAsync(cancellation);
        var digests = await database.DigestSends.AsNoTracking().Where(d => d.EmployeeId == employeeId).OrderBy(d => d.Date)
            .Select(d => new { d.Date, d.ClaimedAt }).ToListAsync(cancellation);
        return new
        {
            exportedAt = DateTimeOffset.UtcNow,
            employee = EmployeeView.From(employee),
            shiftAssignments = employee.ShiftAssignments.Select(a => new { a.ShiftPatternId, a.RotationAnchor, a.RotationOffsetWeeks, a.ValidFrom, a.ValidTo }),
            shiftExceptions = employee.ShiftExceptions.Select(x => new { x.Date, kind = x.Kind.ToString(), x.Start, x.End }),
            carpools,
            pushDevices,
            digests,
        };
    }
}
