using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Mobility.Data;
using Mobility.Data.Shuttles;
using Mobility.Planning.Shuttles;
using Mobility.Planning.Vrp;
using Mobility.Server.Accounts;
using Mobility.Server.Proposals;

namespace Mobility.Server.Api;

/// <summary>What HR asks for: shuttles for its employees living farther than <see cref="MinDistanceKm"/> from their plant
/// (and, given <see cref="Communes"/>, in those communes), on <see cref="Days"/> days from <see cref="Date"/>, each from the
/// station or meeting point nearest home.</summary>
public sealed record ShuttlePlanRequest([property: MaxLength(TextRules.NameLength)] string? Name, DateOnly? Date, int Days = 1, double MinDistanceKm = 10, double TimeLimitSeconds = 2,
    int Minibuses = 6, int Coaches = 2, IReadOnlyList<string>? Communes = null)
{
    public void Validate(FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > TextRules.NameLength)
            errors.Add("name", "Le nom est obligatoire (100 caractères au plus). / The name is required (at most 100 characters).");
        DateField.Check(errors, "date", Date, required: true);
        if (Days is < 1 or > 7) errors.Add("days", "Entre 1 et 7 jours. / Between 1 and 7 days.");
        if (MinDistanceKm is < 0 or > 100 || double.IsNaN(MinDistanceKm))
            errors.Add("minDistanceKm", "Entre 0 et 100 km. / Between 0 and 100 km.");
        if (TimeLimitSeconds is < 0.1 or > 30 || double.IsNaN(TimeLimitSeconds))
            errors.Add("timeLimitSeconds", "Entre 0,1 et 30 secondes par vague. / Between 0.1 and 30 seconds per wave.");
        if (Minibuses is < 0 or > 50) errors.Add("minibuses", "Entre 0 et 50. / Between 0 and 50.");
        if (Coaches is < 0 or > 50) errors.Add("coaches", "Entre 0 et 50. / Between 0 and 50.");
        if (Minibuses + Coaches == 0) errors.Add("minibuses", "Il faut au moins un véhicule. / At least one vehicle is needed.");
        if (Communes is { } communes && (communes.Count > 200 || communes.Any(c => string.IsNullOrWhiteSpace(c) || c.Length > TextRules.CommuneLength)))
            errors.Add("communes", "Au plus 200 communes, chacune nommée (100 caractères au plus). / At most 200 communes, each named (at most 100 characters).");
    }
}

public sealed record UnservedCount(string Reason, int Rides);

public sealed record ShuttlePlanOutcome(long PlanId, string Name, DateOnly From, DateOnly To, int Riders, int Waves, int Trips, double Kilometres,
    double VehicleHours, double Cost, double KilogramsCo2, int UnservedRides, IReadOnlyList<UnservedCount> Unserved,
    IReadOnlyList<CommuteAlternative> Comparison);

/// <summary>
/// HR plans shuttles for its company (administrators for any): the what-if demand read from the database, planned on the
/// server's road times, compared with driving alone, carpools and door to door, and stored as a company plan (replacing
/// the company's plan of the same name). The request waits for the plan: it is bounded by the time limit per wave and the
/// number of days, and a plan in the database is the only state, so any server instance can answer the next request.
/// </summary>
public static class ShuttlePlanningEndpoints
{
    public static IEndpointRouteBuilder MapShuttlePlanningEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/companies/{companyId:long}/shuttle-plans", async Task<IResult> (long companyId, ShuttlePlanRequest request,
            MobilityDbContext database, TravelTimesSource travel, ILoggerFactory logs, CancellationToken cancellation) =>
        {
            var errors = new FieldErrors();
            request.Validate(errors);
            if (errors.Any) return errors.Problem();
            var networkId = await database.Companies.Where(c => c.Id == companyId).Select(c => (long?)c.NetworkId).SingleOrDefaultAsync(cancellation);
            if (networkId is null) return Results.NotFound();
            var from = request.Date!.Value;
            ShuttleDemand demand;
            try
            {
                demand = await ShuttleDemandRange.LoadAsync(database, networkId.Value.ToString(CultureInfo.InvariantCulture), from, request.Days,
                    new ShuttleDemandOptions(request.MinDistanceKm, request.Minibuses, request.Coaches, companyId,
                        request.Communes is { Count: > 0 } communes ? communes : null), cancellation: cancellation);
            }
            catch (ArgumentException error)
            {
                return Results.Problem(title: "Plan impossible / Cannot plan", detail: error.Message, statusCode: StatusCodes.Status422UnprocessableEntity);
            }
            if (demand.Case.Riders.Count == 0)
                return Results.Problem(title: "Personne à transporter / Nobody to carry", statusCode: StatusCodes.Status422UnprocessableEntity,
                    detail: $"Aucun salarié de l'entreprise ne travaille ces jours-là à plus de {request.MinDistanceKm:0.#} km de son usine (avec son accord). / " +
                            $"No consenting employee of the company works on those days farther than {request.MinDistanceKm:0.#} km from their plant.");
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var roads = travel.TravelTimes;
            var limits = new SolverLimits(TimeSpan.FromSeconds(request.TimeLimitSeconds), Seed: 1, Searches: 1);
            var plan = await Task.Run(() => ShuttlePlanner.Plan(demand.Case, roads, limits), cancellation);
            var comparison = ShuttleComparison.Compare(plan, demand.Commutes.ToWork, demand.Commutes.ToHome, roads, shuttleCase: demand.Case);
            var to = from.AddDays(request.Days - 1);
            var planId = await ShuttlePlanStore.SaveAsync(database, networkId.Value, request.Name!.Trim(), from, to, plan, cancellation, companyId);
            logs.CreateLogger("ShuttlePlanning").LogInformation("Company {Company}: shuttle plan {Plan} for {From}..{To}, {Riders} riders, {Seconds:F1} s",
                companyId, planId, from, to, demand.Case.Riders.Count, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
            var outcome = new ShuttlePlanOutcome(planId, request.Name!.Trim(), from, to, demand.Case.Riders.Count, plan.Waves.Count,
                plan.Waves.Sum(w => w.Trips.Count), Math.Round(plan.Kilometres, 1), Math.Round(plan.Hours, 2), Math.Round(plan.Cost, 0),
                Math.Round(plan.KilogramsCo2, 1), plan.UnservedCount,
                plan.Waves.SelectMany(w => w.Unserved).GroupBy(u => u.Reason).Select(g => new UnservedCount(g.Key.ToString(), g.Sum(u => u.Count))).ToList(),
                comparison.Select(a => a with { VehicleKilometres = Math.Round(a.VehicleKilometres, 1), KilogramsCo2 = Math.Round(a.KilogramsCo2, 1) }).ToList());
            return Results.Created($"/api/shuttle-plans/{planId}", outcome);
        })
        .RequireAuthorization(AccountsSetup.TenantPolicy).RequireAuthorization(AccountsSetup.HrOrAdministrator)
        .WithTags("Shuttle plans")
        .WithSummary("Plans shuttles for a company's employees living far from their plant, on days from a date; stores and answers the plan.");
        return endpoints;
    }
}
