using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Mobility.Application.Shuttles;
using Mobility.Data;
using Mobility.Planning.Shuttles;
using Microsoft.Extensions.Options;
using Mobility.Server.Accounts;
using Mobility.Server.Http;
using Mobility.Server.Jobs;

namespace Mobility.Server.Shuttles;

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
/// the company's plan of the same name). Planning takes seconds to minutes of a core, so it is a job
/// (<see cref="ShuttlePlanJob"/>): the request checks what it can cheaply (the fields, and that somebody qualifies) and
/// answers 202 with the job to follow.
/// </summary>
public static class ShuttlePlanningEndpoints
{
    public static IEndpointRouteBuilder MapShuttlePlanningEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/companies/{companyId:long}/shuttle-plans", QueueShuttlePlanAsync)
            .RequireAuthorization(AccountsSetup.TenantPolicy).RequireAuthorization(AccountsSetup.HrOrAdministrator)
            .WithTags("Shuttle plans")
            .WithSummary("Queues a shuttle plan for a company's employees living far from their plant, on days from a date; answers the job to follow (GET /api/jobs/{jobId}).");
        return endpoints;
    }

    private static async Task<IResult> QueueShuttlePlanAsync(long companyId, ShuttlePlanRequest request, HttpContext http, MobilityDbContext database,
        JobQueue jobs, IOptions<JobOptions> options, CancellationToken cancellation)
    {
        var errors = new FieldErrors();
        request.Validate(errors);
        if (errors.Any) return errors.Problem();
        var networkId = await database.Companies.Where(c => c.Id == companyId).Select(c => (long?)c.NetworkId).SingleOrDefaultAsync(cancellation);
        if (networkId is null) return Results.NotFound();
        // Reading the demand is a few queries, not a solver run: a request that cannot be planned is refused now.
        try
        {
            var query = ShuttlePlanJob.Query(networkId.Value, companyId, request);
            if ((await ShuttlePlanning.LoadDemandAsync(database, query, cancellation: cancellation)).Case.Riders.Count == 0)
            {
                var (title, detail) = JobProblems.Describe(JobProblems.NobodyToCarry, ShuttlePlanJob.NobodyParameters(request));
                return Results.Problem(title: title, detail: detail, statusCode: StatusCodes.Status422UnprocessableEntity);
            }
        }
        catch (ArgumentException error)
        {
            return Results.Problem(title: "Plan impossible / Cannot plan", detail: error.Message, statusCode: StatusCodes.Status422UnprocessableEntity);
        }
        var input = new ShuttlePlanJobInput(networkId.Value, companyId,
            request with { TimeLimitSeconds = Math.Min(request.TimeLimitSeconds, options.Value.MaxSolverSeconds) });
        var job = await jobs.EnqueueAsync(ShuttlePlanJob.KindName, input, CurrentUser.From(http.User)!.AccountId, networkId, companyId, cancellation);
        return Results.Accepted(JobEndpoints.Location(job.Id), JobQueue.View(job));
    }
}
