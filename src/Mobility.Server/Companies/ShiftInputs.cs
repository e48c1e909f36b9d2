using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Mobility.Data;
using Mobility.Data.Model;
using Mobility.Server.Http;

namespace Mobility.Server.Companies;

/// <summary>A roster line. An end at or before the start is a night shift only when <see cref="EndsNextDay"/> says so.</summary>
public sealed record SlotInput(int? Week, WorkDays? Days, TimeOnly? Start, TimeOnly? End, bool EndsNextDay = false);

public sealed record ShiftPatternInput([property: MaxLength(TextRules.ExternalIdLength)] string? ExternalId,
    [property: MaxLength(TextRules.NameLength)] string? Name, int? RotationWeeks, IReadOnlyList<SlotInput?>? Slots)
{
    /// <summary>Checks the input against <see cref="RosterRules"/> and, when it holds, writes it onto <paramref name="pattern"/>;
    /// otherwise answers the field problems and leaves the pattern's slots as they were read.</summary>
    public async Task<FieldErrors> TryApplyAsync(ShiftPattern pattern, MobilityDbContext database, CancellationToken cancellation)
    {
        var errors = new FieldErrors();
        var externalId = ExternalId?.Trim();
        if (string.IsNullOrWhiteSpace(externalId)) errors.Add("externalId", Codes.Field.Required);
        else if (await database.ShiftPatterns.AnyAsync(p => p.NetworkId == pattern.NetworkId && p.ExternalId == externalId && p.Id != pattern.Id, cancellation))
            errors.Add("externalId", Codes.Field.AlreadyExists, CodeParameters.Value(externalId));
        if (string.IsNullOrWhiteSpace(Name)) errors.Add("name", Codes.Field.Required);
        var weeks = RotationWeeks ?? 1;
        var slots = new List<ShiftSlot>();
        var inputs = Slots ?? [];
        for (var i = 0; i < inputs.Count; i++)
        {
            var slot = inputs[i];
            var field = $"slots[{i}]";
            if (slot is null) { errors.Add(field, Codes.Field.Required); continue; }
            var before = errors.Count;
            if (slot.Week is null) errors.Add($"{field}.week", Codes.Field.Required);
            if (slot.Days is null) errors.Add($"{field}.days", Codes.Field.Required);
            ShiftTimes.Check(slot.Start, slot.End, slot.EndsNextDay, $"{field}.start", $"{field}.end", errors);
            if (errors.Count == before)
                slots.Add(new ShiftSlot { WeekIndex = slot.Week!.Value, Days = slot.Days!.Value, Start = slot.Start!.Value, End = slot.End!.Value });
        }
        if (!errors.Any)
            foreach (var issue in RosterRules.Check(weeks, slots))
                errors.Add(issue.Slot is { } index ? $"slots[{index}].{issue.Field}" : issue.Field, issue.Code, issue.Parameters);
        if (errors.Any) return errors;
        pattern.ExternalId = externalId!;
        pattern.Name = Name!.Trim();
        pattern.RotationWeeks = weeks;
        pattern.Slots = slots;
        return errors;
    }
}

public sealed record ShiftAssignmentInput(long? ShiftPatternId, DateOnly? RotationAnchor, int? RotationOffsetWeeks, DateOnly? ValidFrom, DateOnly? ValidTo);

public sealed record ShiftExceptionInput(DateOnly? Date, ShiftExceptionKind? Kind, TimeOnly? Start, TimeOnly? End, bool EndsNextDay = false)
{
    public void Validate(FieldErrors errors)
    {
        DateField.Check(errors, "date", Date, required: true);
        if (Kind is null) errors.Add("kind", Codes.Field.UnknownChoice, CodeParameters.Allowed(Enum.GetNames<ShiftExceptionKind>()));
        if (Kind == ShiftExceptionKind.ExtraShift) ShiftTimes.Check(Start, End, EndsNextDay, "start", "end", errors);
    }
}

public static class ShiftTimes
{
    /// <summary>A shift has a start and an end, lasts more than nothing and at most 14 h (<see cref="RosterRules"/>), and ends
    /// before it starts only overnight.</summary>
    public static void Check(TimeOnly? start, TimeOnly? end, bool endsNextDay, string startField, string endField, FieldErrors errors)
    {
        if (start is null) { errors.Add(startField, Codes.Field.Required); return; }
        if (end is null) { errors.Add(endField, Codes.Field.Required); return; }
        if (end < start && !endsNextDay) errors.Add(endField, Codes.Field.ShiftEndsBeforeStart);
        else if (end > start && endsNextDay) errors.Add(endField, Codes.Field.ShiftOver24Hours);
        else if (RosterRules.DurationProblem(start.Value, end.Value) is { } problem) errors.Add(endField, problem.Code, problem.Parameters);
    }
}
