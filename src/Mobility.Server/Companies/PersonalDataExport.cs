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
        var decisions = await database.CarpoolStatusChanges.AsNoTracking().Where(c => c.EmployeeId == employeeId)
            .OrderBy(c => c.At).Select(c => new { c.CarpoolGroupId, c.At, status = c.Status.ToString(), c.ReasonCode, c.Note })
            .ToListAsync(cancellation);
        var rideHome = await database.RideHomeCases.AsNoTracking().Where(c => c.EmployeeId == employeeId).OrderBy(c => c.Date)
            .Select(c => new { c.Date, direction = c.Direction.ToString(), fallback = c.Fallback.ToString(), c.EstimatedCostEuros, c.AllowanceEuros, state = c.State.ToString() })
            .ToListAsync(cancellation);
        // Others' messages in the same threads are theirs, not this person's.
        var crewMessages = await database.CrewMessages.AsNoTracking().Where(m => m.AuthorEmployeeId == employeeId).OrderBy(m => m.Id)
            .Select(m => new { m.CarpoolGroupId, m.Text, m.QuickMessage, m.SentAt }).ToListAsync(cancellation);
        var calendarFeed = await database.CalendarFeeds.AsNoTracking().Where(f => f.EmployeeId == employeeId)
            .Select(f => new { f.CreatedAt }).SingleOrDefaultAsync(cancellation);
        var unmatchedTrips = await database.UnmatchedTrips.AsNoTracking().Where(t => t.EmployeeId == employeeId).OrderBy(t => t.Date).ThenBy(t => t.Direction)
            .Select(t => new { t.Date, direction = t.Direction.ToString(), reason = t.Reason.ToString() }).ToListAsync(cancellation);
        return new
        {
            exportedAt = DateTimeOffset.UtcNow,
            employee = EmployeeView.From(employee),
            shiftAssignments = employee.ShiftAssignments.Select(a => new { a.ShiftPatternId, a.RotationAnchor, a.RotationOffsetWeeks, a.ValidFrom, a.ValidTo }),
            shiftExceptions = employee.ShiftExceptions.Select(x => new { x.Date, kind = x.Kind.ToString(), x.Start, x.End }),
            carpools,
            decisions,
            rideHome,
            crewMessages,
            calendarFeed,
            unmatchedTrips,
        };
    }

    /// <summary>
    /// The same export as one CSV table (section, item, field, value), one row per stored value, so that whatever the JSON
    /// holds (new sections included) is in it. Texts typed by people are hostile in a spreadsheet too: one starting like a
    /// formula is prefixed with an apostrophe (OWASP's CSV injection rule).
    /// </summary>
    public static byte[] ToCsv(object export)
    {
        var root = System.Text.Json.JsonSerializer.SerializeToElement(export, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web));
        var csv = new System.Text.StringBuilder("section,item,field,value\r\n");
        foreach (var section in root.EnumerateObject())
        {
            if (section.Value.ValueKind == System.Text.Json.JsonValueKind.Array)
            {
                var item = 0;
                foreach (var element in section.Value.EnumerateArray()) Flatten(csv, section.Name, (++item).ToString(System.Globalization.CultureInfo.InvariantCulture), "", element);
            }
            else Flatten(csv, section.Name, "", "", section.Value);
        }
        return [.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static void Flatten(System.Text.StringBuilder csv, string section, string item, string field, System.Text.Json.JsonElement value)
    {
        switch (value.ValueKind)
        {
            case System.Text.Json.JsonValueKind.Object:
                foreach (var property in value.EnumerateObject()) Flatten(csv, section, item, field == "" ? property.Name : $"{field}.{property.Name}", property.Value);
                break;
            case System.Text.Json.JsonValueKind.Array:
                var index = 0;
                foreach (var element in value.EnumerateArray()) Flatten(csv, section, item, $"{field}[{index++}]", element);
                break;
            default:
                var text = value.ValueKind switch
                {
                    System.Text.Json.JsonValueKind.String => Defused(value.GetString() ?? ""),
                    System.Text.Json.JsonValueKind.Null => "",
                    _ => value.GetRawText(),
                };
                csv.Append(Cell(section)).Append(',').Append(Cell(item)).Append(',').Append(Cell(field)).Append(',').Append(Cell(text)).Append("\r\n");
                break;
        }
    }

    private static string Defused(string text) => text.Length > 0 && "=+-@\t\r".Contains(text[0]) ? "'" + text : text;

    private static string Cell(string text)
    {
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
    }
}
