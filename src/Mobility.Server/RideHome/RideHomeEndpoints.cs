using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Mobility.Data;
using Mobility.Data.Model;
using Mobility.Planning;
using Mobility.Server.Accounts;
using Mobility.Server.Carpools;
using Mobility.Server.Http;

namespace Mobility.Server.RideHome;

public sealed record RideHomeSettingsView(RideHomeKind Kind, decimal? MonthlyBudgetEuros, decimal? MaxPerRideEuros, string? Instructions)
{
    public static RideHomeSettingsView From(Company company) =>
        new(company.RideHomeKind, company.RideHomeMonthlyBudgetEuros, company.RideHomeMaxPerRideEuros, company.RideHomeInstructions);
}

/// <summary>The whole setting, replaced at once; the instructions' length is checked by the handler, with a code.</summary>
public sealed record RideHomeSettingsInput(RideHomeKind? Kind, decimal? MonthlyBudgetEuros, decimal? MaxPerRideEuros, string? Instructions);

/// <summary>A case as HR of the company sees it: its own employee, named.</summary>
public sealed record RideHomeCaseView(long Id, long EmployeeId, string? FirstName, string? LastName, string ExternalId, DateOnly Date,
    CommuteDirection Direction, RideHomeCause Cause, RideHomeKind Fallback, double Kilometres, decimal EstimatedCostEuros,
    decimal AllowanceEuros, bool BudgetExhausted, RideHomeCaseState State, DateTimeOffset CreatedAt);

public sealed record RideHomeCasesView(string Month, decimal? MonthlyBudgetEuros, decimal UsedEuros, IReadOnlyList<RideHomeCaseView> Cases);

public sealed record RideHomeCaseStateInput(RideHomeCaseState? State);

/// <summary>
/// The guaranteed ride home: HR sets its company's fallback and follows its cases; an employee reads their offers. The
/// offers themselves are made when a driver leaves on the day (<see cref="SameDayRescue"/>).
/// </summary>
public static class RideHomeEndpoints
{
    /// <summary>Far above any real allowance; keeps a typo from becoming a budget.</summary>
    public const decimal MostEuros = 100_000;

    public static IEndpointRouteBuilder MapRideHomeEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var hr = endpoints.MapGroup("/api/companies/{companyId:long}").WithTags("Guaranteed ride home")
            .RequireAuthorization(AccountsSetup.TenantPolicy).RequireAuthorization(AccountsSetup.HrOrAdministrator);
        hr.MapGet("/ride-home", ReadRideHomeSettingsAsync).WithSummary("The company's fallback when no car is left on the day.");
        hr.MapPut("/ride-home", ChangeRideHomeSettingsAsync).WithSummary("Sets the company's fallback: shuttle, taxi (allowance and monthly budget) or none.");
        hr.MapGet("/ride-home-cases", ListRideHomeCasesAsync).WithSummary("The company's ride-home cases of a month (yyyy-MM, this month by default) and the budget they use.");
        hr.MapPut("/ride-home-cases/{caseId:long}/state", ChangeRideHomeCaseStateAsync).WithSummary("Marks a case used or closed (a closed case gives its allowance back to the budget).");

        endpoints.MapGroup("/api/me").WithTags("My carpools")
            .RequireAuthorization(AccountsSetup.TenantPolicy).RequireAuthorization(AccountsSetup.EmployeeOnly)
            .MapGet("/ride-home", ListMyRideHomeOffersAsync).WithSummary("My guaranteed-ride-home offers from a date (yesterday by default).");
        return endpoints;
    }

    private static async Task<IResult> ReadRideHomeSettingsAsync(long companyId, MobilityDbContext database, CancellationToken cancellation) =>
        Results.Ok(RideHomeSettingsView.From(await database.Companies.AsNoTracking().SingleAsync(c => c.Id == companyId, cancellation)));

    private static async Task<IResult> ChangeRideHomeSettingsAsync(long companyId, RideHomeSettingsInput input, MobilityDbContext database,
        CancellationToken cancellation)
    {
        var errors = new FieldErrors();
        if (input.Kind is null) errors.Add("kind", Codes.Field.Required);
        foreach (var (field, value) in new[] { ("monthlyBudgetEuros", input.MonthlyBudgetEuros), ("maxPerRideEuros", input.MaxPerRideEuros) })
            if (value is < 0 or > MostEuros)
                errors.Add(field, Codes.Field.OutOfRange, CodeParameters.Range(0, MostEuros));
        var instructions = string.IsNullOrWhiteSpace(input.Instructions) ? null : input.Instructions.Trim();
        if (instructions?.Length > TextRules.RideHomeInstructionsLength)
            errors.Add("instructions", Codes.Field.TextTooLong, CodeParameters.Maximum(TextRules.RideHomeInstructionsLength));
        if (errors.Any) return errors.Problem();
        var company = await database.Companies.SingleAsync(c => c.Id == companyId, cancellation);
        (company.RideHomeKind, company.RideHomeMonthlyBudgetEuros, company.RideHomeMaxPerRideEuros, company.RideHomeInstructions) =
            (input.Kind!.Value, input.MonthlyBudgetEuros, input.MaxPerRideEuros, instructions);
        await database.SaveChangesAsync(cancellation);
        return Results.Ok(RideHomeSettingsView.From(company));
    }

    private static async Task<IResult> ListRideHomeCasesAsync(long companyId, string? month, MobilityDbContext database, TimeProvider clock,
        CancellationToken cancellation)
    {
        var first = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (month is not null && !DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out first))
        {
            var errors = new FieldErrors();
            errors.Add("month", Codes.Field.MonthUnreadable);
            return errors.Problem();
        }
        var (from, to) = RideHomeBudget.MonthOf(first);
        var budget = await database.Companies.Where(c => c.Id == companyId).Select(c => c.RideHomeMonthlyBudgetEuros).SingleAsync(cancellation);
        var cases = await database.RideHomeCases.AsNoTracking().Where(c => c.CompanyId == companyId && c.Date >= from && c.Date < to)
            .OrderBy(c => c.Date).ThenBy(c => c.Id)
            .Select(c => new RideHomeCaseView(c.Id, c.EmployeeId, c.Employee!.FirstName, c.Employee.LastName, c.Employee.ExternalId, c.Date,
                c.Direction, c.Cause, c.Fallback, c.Kilometres, c.EstimatedCostEuros, c.AllowanceEuros, c.BudgetExhausted, c.State, c.CreatedAt))
            .ToListAsync(cancellation);
        return Results.Ok(new RideHomeCasesView(from.ToString("yyyy-MM", CultureInfo.InvariantCulture), budget,
            await RideHomeBudget.UsedAsync(database, companyId, from, cancellation), cases));
    }

    private static async Task<IResult> ChangeRideHomeCaseStateAsync(long companyId, long caseId, RideHomeCaseStateInput input, MobilityDbContext database,
        CancellationToken cancellation)
    {
        // The company is checked by the tenant policy; a case of another company is unknown here like one that does not exist.
        var rideHome = await database.RideHomeCases.SingleOrDefaultAsync(c => c.Id == caseId && c.CompanyId == companyId, cancellation);
        if (rideHome is null) return Results.NotFound();
        if (input.State is null)
        {
            var errors = new FieldErrors();
            errors.Add("state", Codes.Field.Required);
            return errors.Problem();
        }
        rideHome.State = input.State.Value;
        await database.SaveChangesAsync(cancellation);
        return Results.NoContent();
    }

    private static async Task<IResult> ListMyRideHomeOffersAsync(DateOnly? from, HttpContext http, MobilityDbContext database, TimeProvider clock,
        CancellationToken cancellation)
    {
        if (DateField.Problem("from", from) is { } problem) return problem;
        var employeeId = CurrentUser.From(http.User)!.EmployeeId!.Value;
        var since = from ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-1);
        var cases = await database.RideHomeCases.AsNoTracking().Include(c => c.Company)
            .Where(c => c.EmployeeId == employeeId && c.Date >= since).OrderBy(c => c.Date).ThenBy(c => c.Id).Take(200).ToListAsync(cancellation);
        return Results.Ok(cases.Select(c => RideHomeOffer.From(c, c.Company!)));
    }
}

/// <summary>The guaranteed ride home's services (settings under <c>RideHome</c>, <see cref="RideHomeOptions"/>).</summary>
public static class RideHomeSetup
{
    public static IServiceCollection AddMobilityRideHome(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RideHomeOptions>(configuration.GetSection("RideHome"));
        services.AddScoped<IDriverLeftHandler, SameDayRescue>();
        return services;
    }
}
