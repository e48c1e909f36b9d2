using Mobility.Data;

namespace Mobility.Server.Http;

/// <summary>Every date a request gives, in a body or a query, is checked here against <see cref="DateRange"/>.</summary>
public static class DateField
{
    public const string RequiredCode = "date-required";
    public const string OutOfRangeCode = "date-out-of-range";
    public const string UnreadableCode = "date-unreadable";

    public static void Check(FieldErrors errors, string field, DateOnly? date, bool required = false)
    {
        if (date is null)
        {
            if (required) errors.Add(field, RequiredCode, "La date est obligatoire (AAAA-MM-JJ). / The date is required (YYYY-MM-DD).");
        }
        else if (!DateRange.Contains(date.Value))
            errors.Add(field, OutOfRangeCode, $"Une date entre {DateRange.Earliest:yyyy-MM-dd} et {DateRange.Latest:yyyy-MM-dd}. / " +
                              $"A date between {DateRange.Earliest:yyyy-MM-dd} and {DateRange.Latest:yyyy-MM-dd}.",
                new Dictionary<string, object?> { ["earliest"] = DateRange.Earliest, ["latest"] = DateRange.Latest });
    }

    /// <summary>The validation problem for a date given alone (a query parameter), or null when it is fine.</summary>
    public static IResult? Problem(string field, DateOnly? date, bool required = false)
    {
        var errors = new FieldErrors();
        Check(errors, field, date, required);
        return errors.Any ? errors.Problem() : null;
    }
}
