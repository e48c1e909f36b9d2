using System.Globalization;
using System.Text;

namespace Mobility.Server.Statistics;

/// <summary>One table of the dashboard as CSV (comma, invariant numbers, UTF-8 with a BOM so spreadsheets read accents),
/// the same rows and the same rounded numbers as its JSON. A text cell starting with = + - @ is prefixed with ' so a
/// spreadsheet never runs a tenant's text as a formula.</summary>
public static class StatisticsCsv
{
    public static IResult File(string name, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', header.Select(Cell)).Append("\r\n");
        foreach (var row in rows) text.AppendJoin(',', row.Select(Cell)).Append("\r\n");
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray();
        return Results.File(bytes, "text/csv; charset=utf-8", name + ".csv");
    }

    public static bool Wanted(string? format) => string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);

    private static string Cell(object? value)
    {
        var text = value switch
        {
            null => "",
            double d => d.ToString("0.###", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        if (value is string && text.Length > 0 && "=+-@\t\r".Contains(text[0])) text = "'" + text;
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }
}
