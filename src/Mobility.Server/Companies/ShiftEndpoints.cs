using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Mobility.Data;
using Mobility.Data.Model;
using Mobility.Server.Accounts;
using Mobility.Server.Carpools;
using Mobility.Server.Http;

namespace Mobility.Server.Companies;

/// <summary>A roster line. An end at or before the start is a night shift only when <see cref="EndsNextDay"/> says so.</summary>
public sealed record SlotInput(int? Week, WorkDays? Days, TimeOnly? Start, TimeOnly? End, bool EndsNextDay = false);

public sealed record ShiftPatternInput([property: MaxLength(TextRules.ExternalIdLength)] string? ExternalId,
    [property: MaxLength(TextRules.NameLength)] string? Name, int? RotationWeeks, IReadOnlyList<SlotInput?>? Slots);

public sealed record SlotView(int Week, WorkDays Days, TimeOnly Start, TimeOnly End, bool EndsNextDay);

public sealed record ShiftPatternView(long Id, long NetworkId, string ExternalId, string Name, int RotationWeeks, IReadOnlyList<SlotView> Slots)
{
    public static ShiftPatternView From(ShiftPattern p) => new(p.Id, p.NetworkId, p.ExternalId, p.Name, p.RotationWeeks,
        p.Slots.OrderBy(s => s.WeekIndex).ThenBy(s => s.Start).Select(s => new SlotView(s.WeekIndex, s.Days, s.Start, s.End, s.CrossesMidnight)).ToList());
}

/// <summary>A roster of the network that the matching engine leaves out, with the people of the company it concerns.</summary>
public sealed record RosterProblemView(long ShiftPatternId, string ExternalId, string Name, bool OwnedByCompany, int Employees,
    IReadOnlyList<RosterIssue> Problems);

public sealed record ShiftAssignmentInput(long? ShiftPatternId, DateOnly? RotationAnchor, int? RotationOffsetWeeks, DateOnly? ValidFrom, DateOnly? ValidTo);

public sealed record ShiftExceptionInput(DateOnly? Date, ShiftExceptionKind? Kind, TimeOnly? Start, TimeOnly? End, bool EndsNextDay = false);

/// <summary>Rosters (shared by a network), who works which, and one-day exceptions. Each change asks for new proposals.</summary>
public static class ShiftEndpoints
{
    public static IEndpointRouteBuilder MapShiftEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").WithTags("Shifts").RequireAuthorization(AccountsSetup.TenantPolicy);

        api.MapGet("/shift-patterns", async (HttpContext http, MobilityDbContext database, CancellationToken cancellation) =>
        {
            var networks = TenantQueries.Networks(database, CurrentUser.From(http.User)!).Select(n => n.Id);
            var patterns = await database.ShiftPatterns.Include(p => p.Slots).Where(p => networks.Contains(p.NetworkId))
                .OrderBy(p => p.Id).Take(1000).ToListAsync(cancellation);
            return Results.Ok(patterns.Select(ShiftPatternView.From));
        }).WithSummary("The rosters of the account's network.");

        api.MapPost("/companies/{companyId:long}/shift-patterns", async Task<IResult> (long companyId, ShiftPatternInput input,
            MobilityDbContext database, CancellationToken cancellation) =>
        {
            var networkId = await database.Companies.Where(c => c.Id == companyId).Select(c => c.NetworkId).SingleAsync(cancellation);
            var pattern = new ShiftPattern { NetworkId = networkId, ExternalId = "", Name = "", OwnerCompanyId = companyId };
            if (await ApplyAsync(pattern, input, database, cancellation) is { } problem) return problem;
            database.ShiftPatterns.Add(pattern);
            await database.SaveChangesAsync(cancellation);
            return Results.Created($"/api/shift-patterns/{pattern.Id}", ShiftPatternView.From(pattern));
        }).RequireAuthorization(AccountsSetup.HrOrAdministrator).WithSummary("Adds a roster to the company's network; the company's HR may change it later.");

        api.MapGet("/shift-patterns/{shiftPatternId:long}", async (long shiftPatternId, MobilityDbContext database, CancellationToken cancellation) =>
            ShiftPatternView.From(await database.ShiftPatterns.Include(p => p.Slots).SingleAsync(p => p.Id == shiftPatternId, cancellation)))
            .WithSummary("One roster of the account's network.");

        api.MapPut("/shift-patterns/{shiftPatternId:long}", async Task<IResult> (long shiftPatternId, ShiftPatternInput input,
            MobilityDbContext database, RecomputeQueue recompute, CancellationToken cancellation) =>
        {
            var pattern = await database.ShiftPatterns.Include(p => p.Slots).SingleAsync(p => p.Id == shiftPatternId, cancellation);
            database.ShiftSlots.RemoveRange(pattern.Slots);
            if (await ApplyAsync(pattern, input, database, cancellation) is { } problem) return problem;
            await database.SaveChangesAsync(cancellation);
            recompute.Request(pattern.NetworkId, $"roster {shiftPatternId} changed");
            return Results.Ok(ShiftPatternView.From(pattern));
        }).RequireAuthorization(AccountsSetup.HrOrAdministrator).WithSummary("Replaces a roster's name and slots (HR of the company that created it, administrators).");

        api.MapDelete("/shift-patterns/{shiftPatternId:long}", async Task<IResult> (long shiftPatternId, MobilityDbContext database,
            RecomputeQueue recompute, CancellationToken cancellation) =>
        {
            var pattern = await database.ShiftPatterns.SingleAsync(p => p.Id == shiftPatternId, cancellation);
            var assigned = await database.ShiftAssignments.Where(a => a.ShiftPatternId == shiftPatternId).Select(a => a.EmployeeId).Distinct().CountAsync(cancellation);
            // Removing a roster people work on would silently take their shifts away: they are moved to another one first.
            if (assigned > 0)
                return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Roulement utilisé / Roster in use",
                    detail: $"{assigned} salarié(s) y sont affectés : affectez-les à un autre roulement d'abord. / " +
                            $"{assigned} employee(s) work on it: put them on another roster first.",
                    extensions: new Dictionary<string, object?> { ["code"] = "roster-in-use", ["employees"] = assigned });
            database.ShiftPatterns.Remove(pattern);
            await database.SaveChangesAsync(cancellation);
            recompute.Request(pattern.NetworkId, $"roster {shiftPatternId} removed");
            return Results.NoContent();
        }).RequireAuthorization(AccountsSetup.HrOrAdministrator).WithSummary("Removes a roster nobody works on.");

        api.MapGet("/companies/{companyId:long}/roster-problems", async (long companyId, MobilityDbContext database, TimeProvider clock,
            CancellationToken cancellation) =>
        {
            var networkId = await database.Companies.Where(c => c.Id == companyId).Select(c => c.NetworkId).SingleAsync(cancellation);
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-1);
            var patterns = await database.ShiftPatterns.AsNoTracking().Include(p => p.Slots).Where(p => p.NetworkId == networkId).ToListAsync(cancellation);
            var problems = new List<RosterProblemView>();
            foreach (var pattern in patterns)
            {
                if (RosterRules.Check(pattern.RotationWeeks, pattern.Slots) is not { Count: > 0 } issues) continue;
                var employees = await database.ShiftAssignments
                    .Where(a => a.ShiftPatternId == pattern.Id && a.Employee!.CompanyId == companyId && (a.ValidTo == null || a.ValidTo >= today))
                    .Select(a => a.EmployeeId).Distinct().CountAsync(cancellation);
                var owned = pattern.OwnerCompanyId == companyId;
                if (owned || employees > 0) problems.Add(new RosterProblemView(pattern.Id, pattern.ExternalId, pattern.Name, owned, employees, issues));
            }
            return Results.Ok(problems);
        }).RequireAuthorization(AccountsSetup.HrOrAdministrator)
          .WithSummary("Rosters the matching engine leaves out (invalid slots) that the company created or that its employees work on.");

        api.MapPut("/employees/{employeeId:long}/shift-assignment", async Task<IResult> (long employeeId, ShiftAssignmentInput input,
            MobilityDbContext database, RecomputeQueue recompute, CancellationToken cancellation) =>
        {
            var employee = await database.Employees.Include(e => e.Company).Include(e => e.ShiftAssignments).SingleAsync(e => e.Id == employeeId, cancellation);
            var errors = new FieldErrors();
            var pattern = input.ShiftPatternId is { } patternId
                ? await database.ShiftPatterns.SingleOrDefaultAsync(p => p.Id == patternId && p.NetworkId == employee.Company!.NetworkId, cancellation)
                : null;
            if (pattern is null) errors.Add("shiftPatternId", "Choisissez un roulement du réseau. / Choose one of the network's rosters.");
            DateField.Check(errors, "rotationAnchor", input.RotationAnchor);
            DateField.Check(errors, "validFrom", input.ValidFrom, required: true);
            DateField.Check(errors, "validTo", input.ValidTo);
            if (input.RotationAnchor is not { DayOfWeek: DayOfWeek.Monday })
                errors.Add("rotationAnchor", "Un lundi (début de la semaine 0 du roulement). / A Monday (start of rotation week 0).");
            if (input.RotationOffsetWeeks is < 0 || (pattern is not null && input.RotationOffsetWeeks >= pattern.RotationWeeks))
                errors.Add("rotationOffsetWeeks", "Entre 0 et le nombre de semaines du roulement − 1. / Between 0 and the rotation's weeks − 1.");
            if (input.ValidTo < input.ValidFrom) errors.Add("validTo", "La fin précède le début. / The end comes before the start.");
            if (errors.Any) return errors.Problem();
            // One roster at a time: the new assignment ends the current one the day before it starts.
            foreach (var current in employee.ShiftAssignments.Where(a => a.ValidTo is null || a.ValidTo >= input.ValidFrom))
                if (current.ValidFrom >= input.ValidFrom) database.ShiftAssignments.Remove(current);
                else current.ValidTo = input.ValidFrom!.Value.AddDays(-1);
            employee.ShiftAssignments.Add(new ShiftAssignment
            {
                ShiftPatternId = pattern!.Id, RotationAnchor = input.RotationAnchor!.Value, RotationOffsetWeeks = input.RotationOffsetWeeks ?? 0,
                ValidFrom = input.ValidFrom!.Value, ValidTo = input.ValidTo,
            });
            await database.SaveChangesAsync(cancellation);
            recompute.Request(employee.Company!.NetworkId, $"shift change of employee {employeeId}", employeeId);
            return Results.NoContent();
        }).RequireAuthorization(AccountsSetup.HrOrAdministrator).WithSummary("Puts an employee on a roster from a date.");

        api.MapPost("/employees/{employeeId:long}/shift-exceptions", async Task<IResult> (long employeeId, ShiftExceptionInput input,
            MobilityDbContext database, RecomputeQueue recompute, CancellationToken cancellation) =>
        {
            var errors = new FieldErrors();
            DateField.Check(errors, "date", input.Date, required: true);
            if (input.Kind is null) errors.Add("kind", "Leave ou ExtraShift. / Leave or ExtraShift.");
            if (input.Kind == ShiftExceptionKind.ExtraShift)
                CheckTimes(input.Start, input.End, input.EndsNextDay, "start", "end", errors);
            if (errors.Any) return errors.Problem();
            // One exception a day: a second leave or extra shift on the same date would count the day twice in plans and statistics.
            if (await database.ShiftExceptions.AnyAsync(x => x.EmployeeId == employeeId && x.Date == input.Date, cancellation))
            {
                errors.Add("date", $"Ce salarié a déjà une exception le {input.Date:yyyy-MM-dd}. / This employee already has an exception on {input.Date:yyyy-MM-dd}.");
                return errors.Problem(StatusCodes.Status409Conflict);
            }
            var extra = input.Kind == ShiftExceptionKind.ExtraShift;
            database.ShiftExceptions.Add(new ShiftException
            {
                EmployeeId = employeeId, Date = input.Date!.Value, Kind = input.Kind!.Value, Start = extra ? input.Start : null, End = extra ? input.End : null,
            });
            await database.SaveChangesAsync(cancellation);
            var networkId = await database.Employees.Where(e => e.Id == employeeId).Select(e => e.Company!.NetworkId).SingleAsync(cancellation);
            recompute.Request(networkId, $"shift exception of employee {employeeId}", employeeId);
            return Results.NoContent();
        }).RequireAuthorization(AccountsSetup.HrOrAdministrator).WithSummary("A day off, or an extra shift instead of the rostered one.");
        return endpoints;
    }

    /// <summary>Checks the input against <see cref="RosterRules"/> and, when it holds, writes it onto <paramref name="pattern"/>;
    /// otherwise answers the field problems and leaves the pattern's slots as they were read.</summary>
    private static async Task<IResult?> ApplyAsync(ShiftPattern pattern, ShiftPatternInput input, MobilityDbContext database, CancellationToken cancellation)
    {
        var errors = new FieldErrors();
        var externalId = input.ExternalId?.Trim();
        if (string.IsNullOrWhiteSpace(externalId)) errors.Add("externalId", "Identifiant obligatoire. / Required.");
        else if (await database.ShiftPatterns.AnyAsync(p => p.NetworkId == pattern.NetworkId && p.ExternalId == externalId && p.Id != pattern.Id, cancellation))
            errors.Add("externalId", $"Le roulement « {externalId} » existe déjà. / Roster '{externalId}' already exists.");
        if (string.IsNullOrWhiteSpace(input.Name)) errors.Add("name", "Nom obligatoire. / Required.");
        var weeks = input.RotationWeeks ?? 1;
        var slots = new List<ShiftSlot>();
        var inputs = input.Slots ?? [];
        for (var i = 0; i < inputs.Count; i++)
        {
            var slot = inputs[i];
            var field = $"slots[{i}]";
            if (slot is null) { errors.Add(field, "Poste vide. / Empty slot."); continue; }
            var before = errors.Count;
            if (slot.Week is null) errors.Add($"{field}.week", "Semaine obligatoire. / Week required.");
            if (slot.Days is null) errors.Add($"{field}.days", "Au moins un jour. / At least one day.");
            CheckTimes(slot.Start, slot.End, slot.EndsNextDay, $"{field}.start", $"{field}.end", errors);
            if (errors.Count == before)
                slots.Add(new ShiftSlot { WeekIndex = slot.Week!.Value, Days = slot.Days!.Value, Start = slot.Start!.Value, End = slot.End!.Value });
        }
        if (!errors.Any)
            foreach (var issue in RosterRules.Check(weeks, slots))
                errors.Add(issue.Slot is { } index ? $"slots[{index}].{issue.Field}" : issue.Field, issue.Message);
        if (errors.Any) return errors.Problem();
        pattern.ExternalId = externalId!;
        pattern.Name = input.Name!.Trim();
        pattern.RotationWeeks = weeks;
        pattern.Slots = slots;
        return null;
    }

    /// <summary>A shift has a start and an end, lasts more than nothing and at most 14 h (<see cref="RosterRules"/>), and ends
    /// before it starts only overnight.</summary>
    private static void CheckTimes(TimeOnly? start, TimeOnly? end, bool endsNextDay, string startField, string endField, FieldErrors errors)
    {
        if (start is null) { errors.Add(startField, "Heure de début obligatoire. / Start time required."); return; }
        if (end is null) { errors.Add(endField, "Heure de fin obligatoire. / End time required."); return; }
        if (end < start && !endsNextDay)
        {
            errors.Add(endField, "Le poste finit avant de commencer ; pour un poste de nuit, indiquez endsNextDay. / " +
                                 "The shift ends before it starts; for a night shift, set endsNextDay.");
            return;
        }
        if (end > start && endsNextDay)
        {
            errors.Add(endField, "Fin le lendemain mais plus tard que le début : plus de 24 h. / Ends next day but after the start time: over 24 h.");
            return;
        }
        if (RosterRules.DurationProblem(start.Value, end.Value) is { } problem) errors.Add(endField, problem);
    }
}
