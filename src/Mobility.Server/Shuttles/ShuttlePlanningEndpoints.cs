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
        if (string.IsNullOrWhiteSpace(Name)) errors.Add("name", Codes.Field.Required);
        else if (Name.Length > TextRules.NameLength) errors.Add("name", Codes.Field.TextTooLong, CodeParameters.Maximum(TextRules.NameLength));
        DateField.Check(errors, "date", Date, required: true);
        if (Days is < 1 or > 7) errors.Add("days", Codes.Field.OutOfRange, CodeParameters.Range(1, 7));
        if (MinDistanceKm is < 0 or > 100 || double.IsNaN(MinDistanceKm)) errors.Add("minDistanceKm", Codes.Field.OutOfRange, CodeParameters.Range(0, 100));
        if (TimeLimitSeconds is < 0.1 or > 30 || double.IsNaN(TimeLimitSeconds)) errors.Add("timeLimitSeconds", Codes.Field.OutOfRange, CodeParameters.Range(0.1, 30));
        if (Minibuses is < 0 or > 50) errors.Add("minibuses", Codes.Field.OutOfRange, CodeParameters.Range(0, 50));
        if (Coaches is < 0 or > 50) errors.Add("coaches", Codes.Field.OutOfRange, CodeParameters.Range(0, 50));
        if (Minibuses + Coaches == 0) errors.Add("minibuses", Codes.Field.AtLeast, CodeParameters.Minimum(1));
        if (Communes is { } communes)
        {
            if (communes.Count > MaxCommunes) errors.Add("communes", Codes.Field.AtMost, CodeParameters.Maximum(MaxCommunes));
            if (communes.Any(string.IsNullOrWhiteSpace)) errors.Add("communes", Codes.Field.Required);
            else if (communes.Any(c => c.Length > TextRules.CommuneLength)) errors.Add("communes", Codes.Field.TextTooLong, CodeParameters.Maximum(TextRules.CommuneLength));
        }
    }

    private const int MaxCommunes = 200;
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
        // Reading a date's demand is a few queries, not a solver run: a request that cannot be planned is refused now, and
        // one that can is queued after its first date with a rider (the job reads them all).
        try
        {
            var query = ShuttlePlanJob.Query(networkId.Value, companyId, request);
            if (!await ShuttlePlanning.AnyRiderAsync(database, query, cancellation))
                return CodedProblem.Create(StatusCodes.Status422UnprocessableEntity, Codes.Problem.NobodyToCarry, ShuttlePlanJob.NobodyParameters(request));
        }
        catch (ArgumentException)
        {
            return CodedProblem.Create(StatusCodes.Status422UnprocessableEntity, Codes.Problem.CannotPlan);
        }
        var input = new ShuttlePlanJobInput(networkId.Value, companyId,
            request with { TimeLimitSeconds = Math.Min(request.TimeLimitSeconds, options.Value.MaxSolverSeconds) });
        var job = await jobs.EnqueueAsync(ShuttlePlanJob.KindName, input, CurrentUser.From(http.User)!.AccountId, networkId, companyId, cancellation);
        return Results.Accepted(JobEndpoints.Location(job.Id), JobQueue.View(job, RequestLanguage.Of(http)));
    }
}
