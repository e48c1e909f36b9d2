using Microsoft.EntityFrameworkCore;
using Mobility.Data;

namespace Mobility.Server.Companies;

/// <summary>Everything stored about an employee, for the rights of access and portability: the profile, rosters, exceptions,
/// the carpools they were in, the messages they wrote to those groups, and whether they have a calendar address.</summary>
public static class PersonalDataExport
{
    public static async Task<object> ReadAsync(MobilityDbContext database, long employeeId, CancellationToken cancellation)
    {
        var employee = await database.Employees.AsNoTracking()
            .Include(e => e.ShiftAssignments).Include(e => e.ShiftExceptions).SingleAsync(e => e.Id == employeeId, cancellation);
        var carpools = await database.CarpoolMembers.AsNoTracking().Where(m => m.EmployeeId == employeeId)
            .Select(m => new { m.CarpoolGroupId, m.CarpoolGroup!.Date, direction = m.CarpoolGroup.Direction.ToString(), role = m.Role.ToString(), status = m.Status.ToString() })
            .ToListAsync(cancellation);
        // Others' messages in the same threads are theirs, not this person's.
        var crewMessages = await database.CrewMessages.AsNoTracking().Where(m => m.AuthorEmployeeId == employeeId).OrderBy(m => m.Id)
            .Select(m => new { m.CarpoolGroupId, m.Text, m.QuickMessage, m.SentAt }).ToListAsync(cancellation);
        var calendarFeed = await database.CalendarFeeds.AsNoTracking().Where(f => f.EmployeeId == employeeId)
            .Select(f => new { f.CreatedAt }).SingleOrDefaultAsync(cancellation);
        return new
        {
            exportedAt = DateTimeOffset.UtcNow,
            employee = EmployeeView.From(employee),
            shiftAssignments = employee.ShiftAssignments.Select(a => new { a.ShiftPatternId, a.RotationAnchor, a.RotationOffsetWeeks, a.ValidFrom, a.ValidTo }),
            shiftExceptions = employee.ShiftExceptions.Select(x => new { x.Date, kind = x.Kind.ToString(), x.Start, x.End }),
            carpools,
            crewMessages,
            calendarFeed,
        };
    }
}
