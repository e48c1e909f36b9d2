using Microsoft.EntityFrameworkCore;

namespace Mobility.Data.Privacy;

/// <summary>
/// The right to erasure: an employee's name, home and approximate home, HR identifier, exact pickup points, sign-in, the notes
/// they wrote with decisions, the messages they received and the crew messages they wrote, their calendar link and the standing carpools they are in are removed,
/// and so is their part of every stored carpool explanation (times at home, trip alone, window);
/// others' messages name groups only and show erased people no more. What stays (company, main site, commune, role, past
/// carpool memberships without locations) is anonymous. The row is kept so that counts of past carpools stay true.
/// </summary>
public sealed class EmployeeErasure(MobilityDbContext database, TimeProvider clock)
{
    /// <returns>False when no such employee exists; erasing twice is harmless.</returns>
    public async Task<bool> EraseAsync(long employeeId, CancellationToken cancellation = default)
    {
        await using var transaction = await database.Database.BeginTransactionAsync(cancellation);
        var employee = await database.Employees.SingleOrDefaultAsync(e => e.Id == employeeId, cancellation);
        if (employee is null) return false;

        employee.FirstName = null;
        employee.LastName = null;
        employee.WorkEmail = null;
        employee.Home = null;
        employee.ApproximateHome = null;
        // The HR number identifies a person inside the company: replace it with a meaningless unique value.
        employee.ExternalId = $"erased-{employee.Id}";
        employee.ConsentToMatching = false;
        // A chosen meeting point tells roughly where someone lives.
        employee.PreferredMeetingPointId = null;
        employee.ErasedAt ??= clock.GetUtcNow();
        await database.SaveChangesAsync(cancellation);

        await database.CarpoolMembers.Where(m => m.EmployeeId == employeeId)
            .ExecuteUpdateAsync(m => m.SetProperty(x => x.PickupLocation, x => null), cancellation);
        // The matcher's explanation kept with each group lists every member's times at home and trip alone.
        await database.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE carpool_groups SET explanation = jsonb_set(explanation, ARRAY['explanation', 'members'], COALESCE(
                (SELECT jsonb_agg(m) FROM jsonb_array_elements(explanation->'explanation'->'members') m WHERE m->>'id' <> {employeeId.ToString(System.Globalization.CultureInfo.InvariantCulture)}),
                '[]'::jsonb))
            WHERE explanation ? 'explanation'
              AND id IN (SELECT carpool_group_id FROM carpool_members WHERE employee_id = {employeeId})
            """, cancellation);
        // The morning check names the passengers without a ride home.
        await database.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE carpool_groups SET explanation = jsonb_set(explanation, ARRAY['withoutRideHome'], COALESCE(
                (SELECT jsonb_agg(m) FROM jsonb_array_elements(explanation->'withoutRideHome') m WHERE m->>'id' <> {employeeId.ToString(System.Globalization.CultureInfo.InvariantCulture)}),
                '[]'::jsonb))
            WHERE jsonb_typeof(explanation->'withoutRideHome') = 'array'
              AND id IN (SELECT carpool_group_id FROM carpool_members WHERE employee_id = {employeeId})
            """, cancellation);
        // What they wrote when they declined or cancelled.
        await database.CarpoolStatusChanges.Where(c => c.EmployeeId == employeeId)
            .ExecuteUpdateAsync(c => c.SetProperty(x => x.Note, x => null), cancellation);
        await database.ShiftExceptions.Where(x => x.EmployeeId == employeeId).ExecuteDeleteAsync(cancellation);
        await database.UnmatchedTrips.Where(t => t.EmployeeId == employeeId).ExecuteDeleteAsync(cancellation);
        // The sign-in (an e-mail address) and the messages sent are personal too; deleting the account deletes its Web Push
        // devices with it (cascade).
        await database.Users.Where(u => u.EmployeeId == employeeId).ExecuteDeleteAsync(cancellation);
        await database.DigestSends.Where(d => d.EmployeeId == employeeId).ExecuteDeleteAsync(cancellation);
        await database.Notifications.Where(n => n.EmployeeId == employeeId).ExecuteDeleteAsync(cancellation);
        await database.CrewMessages.Where(m => m.AuthorEmployeeId == employeeId).ExecuteDeleteAsync(cancellation);
        // Whoever holds the calendar link would go on reading the shifts of an anonymous employee.
        await database.CalendarFeeds.Where(f => f.EmployeeId == employeeId).ExecuteDeleteAsync(cancellation);
        // A standing carpool's plan names its people: the others keep their groups already stored, not the repeat.
        await database.StandingCarpools.Where(s => s.People.Any(p => p.EmployeeId == employeeId)).ExecuteDeleteAsync(cancellation);
        // The working group's activity history counts people: an erased person leaves it (issue 16).
        await database.ActivityTrips.Where(t => t.EmployeeId == employeeId).ExecuteDeleteAsync(cancellation);
        await transaction.CommitAsync(cancellation);
        return true;
    }
}
