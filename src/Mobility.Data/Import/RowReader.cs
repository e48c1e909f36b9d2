using System.Globalization;
using System.Text.RegularExpressions;
using Mobility.Data.Model;

namespace Mobility.Data.Import;

/// <summary>
/// Reads typed values from one row, adding an <see cref="ImportError"/> for each bad or missing cell instead of
/// stopping, so that a file's every problem is reported at once. French forms are accepted: decimal commas,
/// "5h30", "lun-ven", "oui/non".
/// </summary>
public sealed partial class RowReader(CsvTable table, CsvRow row, List<ImportError> errors)
{
    public int Line => row.Line;

    /// <param name="maximumLength">The column's limit from <see cref="TextRules"/>; cells read only to be parsed keep the general one.</param>
    public string? Optional(string column, int maximumLength = TextRules.MaximumLength) => Checked(column, table.Value(row, column), maximumLength);

    public string Required(string column, int maximumLength = TextRules.MaximumLength)
    {
        var value = table.Value(row, column);
        if (value is null) errors.Add(new ImportError(row.Line, column, "missing value"));
        return Checked(column, value, maximumLength) ?? "";
    }

    /// <summary>Every cell an importer reads comes through here, so no importer can store text the database refuses.</summary>
    private string? Checked(string column, string? value, int maximumLength)
    {
        if (value is null || TextRules.Problem(value, maximumLength) is not { } problem) return value;
        errors.Add(new ImportError(row.Line, column, problem));
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
        errors.Add(new ImportError(row.Line, column, $"'{text}' is not a number"));
        return null;
    }

    public int? Integer(string column, bool required, int minimum = int.MinValue, int maximum = int.MaxValue)
    {
        var text = required ? Required(column) : Optional(column);
        if (string.IsNullOrEmpty(text)) return null;
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            errors.Add(new ImportError(row.Line, column, $"'{text}' is not a whole number"));
            return null;
        }
        if (value < minimum || value > maximum)
        {
            errors.Add(new ImportError(row.Line, column, $"{value} is outside {minimum}..{maximum}"));
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
        errors.Add(new ImportError(row.Line, column, $"'{text}' is not a time of day (e.g. 05:00 or 5h)"));
        return null;
    }

    public DateOnly? Date(string column, bool required)
    {
        var text = required ? Required(column) : Optional(column);
        if (string.IsNullOrEmpty(text)) return null;
        string[] formats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "dd.MM.yyyy"];
        if (DateOnly.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            if (DateRange.Contains(date)) return date;
            errors.Add(new ImportError(row.Line, column, $"'{text}' is outside {DateRange.Text}"));
            return null;
        }
        errors.Add(new ImportError(row.Line, column, $"'{text}' is not a date (2026-01-05 or 05/01/2026)"));
        return null;
    }

    public bool? Boolean(string column)
    {
        var text = Optional(column);
        if (text is null) return null;
        switch (CsvTable.Normalise(text))
        {
            case "oui" or "yes" or "true" or "vrai" or "1" or "o" or "y" or "ja": return true;
            case "non" or "no" or "false" or "faux" or "0" or "n" or "nein": return false;
        }
        errors.Add(new ImportError(row.Line, column, $"'{text}' is not yes/no (oui/non)"));
        return null;
    }

    /// <summary>A value from a fixed vocabulary, compared after normalising ("Point de rencontre" = "point_de_rencontre").</summary>
    public T? Choice<T>(string column, IReadOnlyDictionary<string, T> vocabulary, bool required) where T : struct
    {
        var text = required ? Required(column) : Optional(column);
        if (string.IsNullOrEmpty(text)) return null;
        if (vocabulary.TryGetValue(CsvTable.Normalise(text), out var value)) return value;
        errors.Add(new ImportError(row.Line, column,
            $"'{text}' is not one of: {string.Join(", ", vocabulary.Keys.Order())}"));
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
                errors.Add(new ImportError(row.Line, column, $"'{text}' is not a list of days (e.g. lun-ven, Mon-Fri)"));
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

    public void Error(string? column, string reason) => errors.Add(new ImportError(row.Line, column, reason));

    private static int? DayIndex(string name) => CsvTable.Normalise(name) switch
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
