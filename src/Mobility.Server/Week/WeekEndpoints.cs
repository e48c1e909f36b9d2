using System.Globalization;
using Mobility.Data;
using Mobility.Server.Accounts;
using Mobility.Server.Http;

namespace Mobility.Server.Week;

/// <summary>The employee's week: shifts day by day and each day's trips, with their group or why there is none.</summary>
public static class WeekEndpoints
{
    public static IEndpointRouteBuilder MapWeekEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/me").WithTags("My week")
            .RequireAuthorization(AccountsSetup.TenantPolicy).RequireAuthorization(AccountsSetup.EmployeeOnly)
            .MapGet("/week", ReadMyWeekAsync)
            .WithSummary($"My shifts and trips from a date (today, network time) for N days ({EmployeeWeek.DefaultDays} by default, at most {EmployeeWeek.MaxDays}).");
        return endpoints;
    }

    // Both parameters are read as text so that a bad one is a field error with its code, not a binding failure.
    private static async Task<IResult> ReadMyWeekAsync(string? from, string? days, HttpContext http, MobilityDbContext database, TimeProvider clock,
        CancellationToken cancellation)
    {
        var errors = new FieldErrors();
        DateOnly? start = null;
        if (from is not null)
        {
            if (DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)) start = parsed;
            else errors.Add("from", Codes.Field.DateUnreadable);
        }
        DateField.Check(errors, "from", start);
        var count = EmployeeWeek.DefaultDays;
        if (days is not null && (!int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > EmployeeWeek.MaxDays))
            errors.Add("days", Codes.Field.OutOfRange, CodeParameters.Range(1, EmployeeWeek.MaxDays));
        if (errors.Any) return errors.Problem();
        var employeeId = CurrentUser.From(http.User)!.EmployeeId!.Value;
        return Results.Ok(await EmployeeWeek.ReadAsync(database, employeeId, start, count, clock.GetUtcNow(), cancellation));
    }
}
