using Mobility.Data;

namespace Mobility.Server.Http;

/// <summary>Every date a request gives, in a body or a query, is checked here against <see cref="DateRange"/>.</summary>
public static class DateField
{
    public static void Check(FieldErrors errors, string field, DateOnly? date, bool required = false)
    {
        if (date is null)
        {
            if (required) errors.Add(field, Codes.Field.Required);
        }
        else if (!DateRange.Contains(date.Value))
            errors.Add(field, Codes.Field.OutOfRange, CodeParameters.Range(DateRange.Earliest, DateRange.Latest));
    }

    /// <summary>The validation problem for a date given alone (a query parameter), or null when it is fine.</summary>
    public static IResult? Problem(string field, DateOnly? date, bool required = false)
    {
        var errors = new FieldErrors();
        Check(errors, field, date, required);
        return errors.Any ? errors.Problem() : null;
    }
}
