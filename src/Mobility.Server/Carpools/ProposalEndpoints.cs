using Microsoft.EntityFrameworkCore;
using Mobility.Data;
using Mobility.Data.Model;
using Mobility.Server.Accounts;
using Mobility.Server.Http;

namespace Mobility.Server.Carpools;

/// <summary>Why one declines or cancels (both optional): a code of <see cref="DecisionReasons.Codes"/> and a short note.</summary>
public sealed record DecisionInput(string? Reason, string? Note)
{
    /// <summary>The reason to store, or the field errors (with codes) that refuse it.</summary>
    public (DecisionReason? Reason, FieldErrors Errors) Checked()
    {
        var errors = new FieldErrors();
        var code = string.IsNullOrWhiteSpace(Reason) ? null : Reason.Trim();
        var note = string.IsNullOrWhiteSpace(Note) ? null : Note.Trim();
        if (code is not null && !DecisionReasons.Codes.Contains(code))
            errors.Add("reason", Codes.Field.UnknownChoice, CodeParameters.Allowed(DecisionReasons.Codes));
        if (note?.Length > DecisionReasons.NoteLength) errors.Add("note", Codes.Field.TextTooLong, CodeParameters.Maximum(DecisionReasons.NoteLength));
        return (code is null && note is null ? null : new DecisionReason(code, note), errors);
    }
}

/// <summary>The employee's proposals and messages over REST: the same decisions as the hub, for clients without a live connection.</summary>
public static class ProposalEndpoints
{
    public static IEndpointRouteBuilder MapProposalEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var me = endpoints.MapGroup("/api/me").WithTags("My carpools")
            .RequireAuthorization(AccountsSetup.TenantPolicy).RequireAuthorization(AccountsSetup.EmployeeOnly);

        me.MapGet("/proposals", ListMyProposalsAsync).WithSummary("My carpool proposals and groups from a date (yesterday by default).");
        me.MapGet("/proposals/{groupId:long}/route", ReadMyCarpoolRouteAsync)
            .WithSummary("The drive of one of my confirmed carpools along the roads (GeoJSON Feature with a LineString).");
        me.MapPost("/proposals/{groupId:long}/accept", AcceptProposalAsync).WithSummary(DecisionSummary(Decision.Accept));
        me.MapPost("/proposals/{groupId:long}/decline", DeclineProposalAsync).WithSummary(DecisionSummary(Decision.Decline));
        me.MapPost("/proposals/{groupId:long}/cancel", CancelProposalAsync).WithSummary(DecisionSummary(Decision.Cancel));
        me.MapGet("/notifications", ListMyNotificationsAsync).WithSummary("My messages after a sequence number (what the hub's Replay gives).");
        return endpoints;
    }

    private static string DecisionSummary(Decision decision) => $"{decision} a carpool proposal (stored before the answer).";

    private static async Task<IResult> ListMyProposalsAsync(DateOnly? from, HttpContext http, MobilityDbContext database, StandingCarpools standing,
        CancellationToken cancellation)
    {
        var employeeId = CurrentUser.From(http.User)!.EmployeeId!.Value;
        if (DateField.Problem("from", from) is { } problem) return problem;
        var since = from ?? DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1));
        var groups = await ProposalView.WithMembers(database.CarpoolGroups.AsNoTracking()
                .Where(g => g.Date >= since && g.Members.Any(m => m.EmployeeId == employeeId)))
            .OrderBy(g => g.Date).ThenBy(g => g.Direction).Take(200).ToListAsync(cancellation);
        var repeats = await standing.ForGroupsAsync(employeeId, groups, cancellation);
        return Results.Ok(groups.Select(g => ProposalView.For(g, employeeId) with { Standing = repeats.GetValueOrDefault(g.Id) }));
    }

    private static async Task<IResult> ReadMyCarpoolRouteAsync(long groupId, HttpContext http, MobilityDbContext database, TravelTimesSource roads,
        CancellationToken cancellation)
    {
        var employeeId = CurrentUser.From(http.User)!.EmployeeId!.Value;
        var group = await ProposalView.WithMembers(database.CarpoolGroups.AsNoTracking()
            .Where(g => g.Id == groupId && g.Members.Any(m => m.EmployeeId == employeeId))).SingleOrDefaultAsync(cancellation);
        if (group is null) return CodedProblem.Create(StatusCodes.Status404NotFound, Codes.Problem.CarpoolUnknown);
        // The road through the pickups shows where the others live: only once everyone, the caller included, has confirmed.
        if (!ProposalView.ExactPickupsShared(group, employeeId)) return CodedProblem.Create(StatusCodes.Status409Conflict, Codes.Problem.RouteNotConfirmed);
        return Results.Ok(GroupRoute.Build(group, await Task.Run(() => roads.Router, cancellation)));
    }

    private static Task<IResult> AcceptProposalAsync(long groupId, HttpContext http, CarpoolDecisions decisions, CancellationToken cancellation) =>
        DecideAsync(Decision.Accept, groupId, http, decisions, cancellation);

    private static Task<IResult> DeclineProposalAsync(long groupId, DecisionInput? input, HttpContext http, CarpoolDecisions decisions, CancellationToken cancellation) =>
        DecideAsync(Decision.Decline, groupId, http, decisions, cancellation, input);

    private static Task<IResult> CancelProposalAsync(long groupId, DecisionInput? input, HttpContext http, CarpoolDecisions decisions, CancellationToken cancellation) =>
        DecideAsync(Decision.Cancel, groupId, http, decisions, cancellation, input);

    private static async Task<IResult> DecideAsync(Decision decision, long groupId, HttpContext http, CarpoolDecisions decisions, CancellationToken cancellation,
        DecisionInput? input = null)
    {
        var (reason, errors) = input?.Checked() ?? (null, new FieldErrors());
        if (errors.Any) return errors.Problem();
        var result = await decisions.DecideAsync(CurrentUser.From(http.User)!.EmployeeId!.Value, groupId, decision, cancellation, reason);
        return result.Outcome is DecisionOutcome.SeatTaken or DecisionOutcome.NotApplicable
            ? CodedProblem.Create(StatusCodes.Status409Conflict, result.Code)
            : Results.Ok(DecisionAnswer.For(result, RequestLanguage.Of(http)));
    }

    private static async Task<IResult> ListMyNotificationsAsync(long? after, HttpContext http, NotificationStore store, CancellationToken cancellation) =>
        Results.Ok(await store.SinceAsync(CurrentUser.From(http.User)!.EmployeeId!.Value, after ?? 0, 500, cancellation));
}
