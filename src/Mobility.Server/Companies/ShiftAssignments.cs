using Microsoft.EntityFrameworkCore;
using Mobility.Data;
using Mobility.Data.Model;
using Mobility.Server.Http;

namespace Mobility.Server.Companies;

/// <summary>Who works which roster, from when. An employee works one roster at a time: a new assignment ends the current
/// one the day before it starts, and replaces any that would start on or after it.</summary>
public static class ShiftAssignments
{
    /// <summary>Checks the input (a roster of the employee's network, a Monday as week 0, a week of the rotation, dates in
    /// order) and stores it, or stores nothing and answers the field problems.</summary>
    public static async Task<FieldErrors> AssignAsync(MobilityDbContext database, Employee employee, ShiftAssignmentInput input, CancellationToken cancellation)
    {
        var errors = new FieldErrors();
        var pattern = input.ShiftPatternId is { } patternId
            ? await database.ShiftPatterns.SingleOrDefaultAsync(p => p.Id == patternId && p.NetworkId == employee.Company!.NetworkId, cancellation)
            : null;
        if (pattern is null) errors.Add("shiftPatternId", Codes.Field.UnknownReference);
        DateField.Check(errors, "rotationAnchor", input.RotationAnchor);
        DateField.Check(errors, "validFrom", input.ValidFrom, required: true);
        DateField.Check(errors, "validTo", input.ValidTo);
        if (input.RotationAnchor is not { DayOfWeek: DayOfWeek.Monday })
            errors.Add("rotationAnchor", Codes.Field.NotAMonday);
        if (pattern is not null && input.RotationOffsetWeeks is { } offset && (offset < 0 || offset >= pattern.RotationWeeks))
            errors.Add("rotationOffsetWeeks", Codes.Field.OutOfRange, CodeParameters.Range(0, pattern.RotationWeeks - 1));
        else if (input.RotationOffsetWeeks is < 0)
            errors.Add("rotationOffsetWeeks", Codes.Field.AtLeast, CodeParameters.Minimum(0));
        if (input.ValidTo < input.ValidFrom) errors.Add("validTo", Codes.Field.EndsBeforeStart);
        if (errors.Any) return errors;
        foreach (var current in employee.ShiftAssignments.Where(a => a.ValidTo is null || a.ValidTo >= input.ValidFrom))
            if (current.ValidFrom >= input.ValidFrom) database.ShiftAssignments.Remove(current);
            else current.ValidTo = input.ValidFrom!.Value.AddDays(-1);
        employee.ShiftAssignments.Add(new ShiftAssignment
        {
            ShiftPatternId = pattern!.Id, RotationAnchor = input.RotationAnchor!.Value, RotationOffsetWeeks = input.RotationOffsetWeeks ?? 0,
            ValidFrom = input.ValidFrom!.Value, ValidTo = input.ValidTo,
        });
        await database.SaveChangesAsync(cancellation);
        return errors;
    }
}
