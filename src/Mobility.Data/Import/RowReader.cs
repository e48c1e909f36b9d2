using System.Globalization;
using System.Text.RegularExpressions;
using Mobility.Data.Model;

namespace Mobility.Data.Import;

/// <summary>
/// Reads typed values from one row, adding an <see cref="ImportError"/> for each bad or missing cell instead of
/// stopping, so that a file's every problem is reported at once. French forms are accepted: decimal commas,
/// "5h30", "lun-ven", "oui/non".
/// </summary>
public sealed partial class RowReader(ImportTable table, ImportRow row, List<ImportError> errors)
{
    public int Line => row.Line;

    /// <param name="maximumLength">The column's limit from <see cref="TextRules"/>; cells read only to be parsed keep the general one.</param>
    public string? Optional(string column, int maximumLength = TextRules.MaximumLength) => Checked(column, table.Value(row, column), maximumLength);

    public string Required(string column, int maximumLength = TextRules.MaximumLength)
    {
        var value = table.Value(row, column);
        if (value is null) Error(column, Codes.Field.Required);
        return Checked(column, value, maximumLength) ?? "";
    }

    /// <summary>Every cell an importer reads comes through here, so no importer can store text the database refuses.</summary>
    private string? Checked(string column, string? value, int maximumLength)
    {
        if (value is null || TextRules.Problem(value, maximumLength) is not { } problem) return value;
        Error(column, problem.Code, problem.Parameters);
        return null;
    }

    public double? Number(string column, bool required)
    {
        var text = required ? Required(column) : Optional(column);
        if (string.IsNullOrEmpty(text)) return null;
        // "48,8156" (French) and "48.8156" both mean the same; a thousands separator never appears in coordinates.
        if (double.TryParse(text.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && double.IsFinite(value))
            return value;
        Error(column, Codes.Field.NumberExpected, CodeParameters.Value(text));
        return null;
    }

    public int? Integer(string column, bool required, int minimum = int.MinValue, int maximum = int.MaxValue)
    {
        var text = required ? Required(column) : Optional(column);
        if (string.IsNullOrEmpty(text)) return null;
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            Error(column, Codes.Field.WholeNumberExpected, CodeParameters.Value(text));
            return null;
        }
        if (value < minimum || value > maximum)
        {
            Error(column, Codes.Field.OutOfRange, CodeParameters.Range(minimum, maximum));
            return null;
        }
        return value;
    }

    public TimeOnly? Time(string column, bool required)
    {
        var text = required ? Required(column) : Optional(column);
        if (string.IsNullOrEmpty(text)) return null;
        var match = TimePattern().Match(text);
        if (match.Success)
        {
            var hours = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
            var minutes = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
            if (hours == 24 && minutes == 0) hours = 0;
            if (hours < 24 && minutes < 60) return new TimeOnly(hours, minutes);
        }
        // A workbook stores a time of day as a fraction of a day (0.25 is 06:00).
        else if (table.Format == "xlsx" && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var fraction)
                 && fraction is >= 0 and < 1)
            return TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(Math.Round(fraction * 24 * 60) % (24 * 60)));
        Error(column, Codes.Field.TimeUnreadable, CodeParameters.Value(text));
        return null;
    }

    public DateOnly? Date(string column, bool required)
    {
        var text = required ? Required(column) : Optional(column);
        if (string.IsNullOrEmpty(text)) return null;
        string[] formats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "dd.MM.yyyy"];
        DateOnly? read = DateOnly.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
            // A workbook stores a date as its serial number (days since 1899-12-30).
            : table.Format == "xlsx" && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is >= 1 and < 2958466
                ? DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial)))
                : null;
        if (read is { } found)
        {
            if (DateRange.Contains(found)) return found;
            Error(column, Codes.Field.OutOfRange, CodeParameters.Range(DateRange.Earliest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                DateRange.Latest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            return null;
        }
        Error(column, Codes.Field.FileDateUnreadable, CodeParameters.Value(text));
        return null;
    }

    public bool? Boolean(string column)
    {
        var text = Optional(column);
        if (text is null) return null;
        switch (ImportTable.Normalise(text))
        {
            case "oui" or "yes" or "true" or "vrai" or "1" or "o" or "y" or "ja": return true;
            case "non" or "no" or "false" or "faux" or "0" or "n" or "nein": return false;
        }
        Error(column, Codes.Field.YesNoExpected, CodeParameters.Value(text));
        return null;
    }

    /// <summary>A value from a fixed vocabulary, compared after normalising ("Point de rencontre" = "point_de_rencontre").</summary>
    public T? Choice<T>(string column, IReadOnlyDictionary<string, T> vocabulary, bool required) where T : struct
    {
        var text = required ? Required(column) : Optional(column);
        if (string.IsNullOrEmpty(text)) return null;
        if (vocabulary.TryGetValue(ImportTable.Normalise(text), out var value)) return value;
        Error(column, Codes.Field.UnknownChoice, CodeParameters.Allowed(vocabulary.Keys.Order()));
        return null;
    }

    /// <summary>Days as "lun-ven", "Mon-Fri", "lun,mer,ven", "sam dim" or "tous"/"all".</summary>
    public WorkDays? Days(string column)
    {
        var text = Required(column);
        if (text.Length == 0) return null;
        var normalised = text.Trim().ToLowerInvariant();
        if (normalised is "tous" or "all" or "7/7") return WorkDays.All;
        var result = WorkDays.None;
        foreach (var part in normalised.Split([',', ' ', '+', '/'], StringSplitOptions.RemoveEmptyEntries))
        {
            var range = part.Split(['-', '–', '~'], StringSplitOptions.RemoveEmptyEntries);
            var first = DayIndex(range[0]);
            var last = range.Length > 1 ? DayIndex(range[^1]) : first;
            if (first is null || last is null || range.Length > 2)
            {
                Error(column, Codes.Field.DaysUnreadable, CodeParameters.Value(text));
                return null;
            }
            for (var day = first.Value; ; day = (day + 1) % 7)
            {
                result |= (WorkDays)(1 << day);
                if (day == last.Value) break;
            }
        }
        return result;
    }

    /// <summary>An error of this row in the column that fills <paramref name="field"/>, named as the file's header wrote it.</summary>
    public void Error(string field, string code, IReadOnlyDictionary<string, object?>? parameters = null) =>
        errors.Add(At(table, row.Line, field, code, parameters));

    public static ImportError At(ImportTable table, int line, string field, string code, IReadOnlyDictionary<string, object?>? parameters = null) =>
        new(line, table.ColumnName(field), field, code, parameters ?? NoParameters);

    private static readonly IReadOnlyDictionary<string, object?> NoParameters = new Dictionary<string, object?>();

    private static int? DayIndex(string name) => ImportTable.Normalise(name) switch
    {
        "lun" or "lundi" or "mon" or "monday" or "mo" => 0,
        "mar" or "mardi" or "tue" or "tuesday" or "di" => 1,
        "mer" or "mercredi" or "wed" or "wednesday" or "mi" => 2,
        "jeu" or "jeudi" or "thu" or "thursday" or "do" => 3,
        "ven" or "vendredi" or "fri" or "friday" or "fr" => 4,
        "sam" or "samedi" or "sat" or "saturday" or "sa" => 5,
        "dim" or "dimanche" or "sun" or "sunday" or "so" => 6,
        _ => null,
    };

    [GeneratedRegex(@"^\s*(?<h>\d{1,2})\s*(?:[:hH]\s*(?<m>\d{2})?)?\s*$")]
    private static partial Regex TimePattern();
}
