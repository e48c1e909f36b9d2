using Microsoft.EntityFrameworkCore;
using Mobility.Data;
using Mobility.Data.Model;
using Mobility.Server.Http;

namespace Mobility.Server.Companies;

/// <summary>One-day exceptions to an employee's roster: a day off, or an extra shift instead of the rostered one.</summary>
public static class ShiftExceptions
{
    /// <summary>The most one listing answers: a year of days.</summary>
    public const int MaximumListed = 366;

    /// <summary>Stores the exception, or answers why not: field problems (400), or another exception on that date (409).</summary>
    public static async Task<(FieldErrors Errors, bool Clash)> AddAsync(MobilityDbContext database, long employeeId, ShiftExceptionInput input,
        CancellationToken cancellation)
    {
        var errors = new FieldErrors();
        input.Validate(errors);
        if (errors.Any) return (errors, false);
        // One exception a day: a second leave or extra shift on the same date would count the day twice in plans and statistics.
        if (await database.ShiftExceptions.AnyAsync(x => x.EmployeeId == employeeId && x.Date == input.Date, cancellation))
        {
            errors.Add("date", Codes.Field.AlreadyExists, CodeParameters.Value(input.Date));
            return (errors, true);
        }
        var extra = input.Kind == ShiftExceptionKind.ExtraShift;
        database.ShiftExceptions.Add(new ShiftException
        {
            EmployeeId = employeeId, Date = input.Date!.Value, Kind = input.Kind!.Value, Start = extra ? input.Start : null, End = extra ? input.End : null,
        });
        await database.SaveChangesAsync(cancellation);
        return (errors, false);
    }
}
