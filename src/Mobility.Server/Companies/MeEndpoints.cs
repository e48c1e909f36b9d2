using Microsoft.EntityFrameworkCore;
using Mobility.Data;
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

        me.MapGet("/employee", ReadMyProfileAsync).WithSummary("My profile, home included.");
        me.MapPut("/employee", ChangeMyCommuteAsync)
            .WithSummary("Changes how I commute: home, role, seats, detour, flexibility, language, consent, meeting point (0: pickup at home).");
        me.MapGet("/meeting-points", ListMyMeetingPointsAsync)
            .WithSummary("The network's meeting points near my home, nearest first, that I may choose as my pickup (preferredMeetingPointId).");
        me.MapGet("/export", ExportMyDataAsync).WithSummary("Everything stored about me, as a downloaded file: JSON, or CSV with ?format=csv (right of access and portability).");
        me.MapDelete("/employee", EraseMeAsync).WithSummary("Erases my personal data and my account.");
        return endpoints;
    }

    private static async Task<IResult> ReadMyProfileAsync(HttpContext http, MobilityDbContext database, CancellationToken cancellation)
    {
        var id = CurrentUser.From(http.User)!.EmployeeId;
        return await database.Employees.SingleOrDefaultAsync(e => e.Id == id, cancellation) is { } employee
            ? Results.Ok(EmployeeView.From(employee)) : Results.NotFound();
    }

    private static async Task<IResult> ChangeMyCommuteAsync(CommuteProfileInput input, HttpContext http, MobilityDbContext database,
        RecomputeQueue recompute, IConfiguration configuration, HomeRulesSource homes, CancellationToken cancellation)
    {
        var id = CurrentUser.From(http.User)!.EmployeeId;
        var employee = await database.Employees.SingleAsync(e => e.Id == id, cancellation);
        var plant = await database.Sites.Where(s => s.Id == employee.MainSiteId).Select(s => s.Location).SingleAsync(cancellation);
        var meetingPoints = input.ChecksMeetingPoint(employee)
            ? await MeetingPoints.OfCompanyAsync(database, configuration, employee.CompanyId, cancellation) : null;
        var errors = new FieldErrors();
        if (!input.TryApply(employee, plant, errors, meetingPoints, homes.Rules)) return errors.Problem();
        await database.SaveChangesAsync(cancellation);
        await EmployeeChanges.RequestRematchAsync(database, recompute, employee.Id, "commute profile changed", cancellation);
        return Results.Ok(EmployeeView.From(employee));
    }

    private static async Task<IResult> ListMyMeetingPointsAsync(HttpContext http, MobilityDbContext database, IConfiguration configuration,
        CancellationToken cancellation)
    {
        var id = CurrentUser.From(http.User)!.EmployeeId;
        var employee = await database.Employees.AsNoTracking().Where(e => e.Id == id).Select(e => new { e.CompanyId, e.Home }).SingleAsync(cancellation);
        if (employee.Home is null) return Results.Ok(Array.Empty<MeetingPointView>());
        return Results.Ok((await MeetingPoints.OfCompanyAsync(database, configuration, employee.CompanyId, cancellation)).Near(employee.Home));
    }

    private static async Task<IResult> ExportMyDataAsync(HttpContext http, MobilityDbContext database, TimeProvider clock, CancellationToken cancellation,
        string? format = null)
    {
        if (format is not (null or "json" or "csv"))
        {
            var errors = new FieldErrors();
            errors.Add("format", Codes.Field.UnknownChoice, CodeParameters.Allowed(new[] { "json", "csv" }));
            return errors.Problem();
        }
        var export = await PersonalDataExport.ReadAsync(database, CurrentUser.From(http.User)!.EmployeeId!.Value, cancellation);
        var name = $"mobility-export-{clock.GetUtcNow():yyyy-MM-dd}";
        return format == "csv"
            ? Results.File(PersonalDataExport.ToCsv(export), "text/csv; charset=utf-8", name + ".csv")
            : Results.File(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(export, ExportJson), "application/json", name + ".json");
    }

    private static readonly System.Text.Json.JsonSerializerOptions ExportJson = new(System.Text.Json.JsonSerializerDefaults.Web) { WriteIndented = true };

    private static async Task<IResult> EraseMeAsync(HttpContext http, MobilityDbContext database, RecomputeQueue recompute, CancellationToken cancellation)
    {
        await EmployeeChanges.EraseAsync(database, recompute, CurrentUser.From(http.User)!.EmployeeId!.Value, cancellation);
        return Results.NoContent();
    }
}
