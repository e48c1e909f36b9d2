using System.Globalization;
using System.Text;
using Mobility.Data.Export;

namespace Mobility.Server.Statistics;

/// <summary>A dashboard table as a file: the same header and rows (the same rounded numbers as its JSON) written as CSV or
/// as an .xlsx workbook, so the two downloads can never disagree.</summary>
public sealed record StatisticsTable(string Name, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// <summary>
/// The formats of the dashboard's tables: JSON (the default), CSV (comma, invariant numbers, UTF-8 with a BOM so
/// spreadsheets read accents; a text cell starting with = + - @ is prefixed with ' so a spreadsheet never runs a tenant's
/// text as a formula) and .xlsx (<see cref="XlsxTable"/>: numbers as numbers, text never a formula).
/// </summary>
public static class StatisticsExport
{
    public static readonly string[] Formats = ["json", "csv", "xlsx"];

    /// <summary>Whether <paramref name="format"/> asks for a file (csv or xlsx) rather than JSON.</summary>
    public static bool Wanted(string? format) => IsCsv(format) || IsXlsx(format);

    public static bool Known(string? format) => format is null || Formats.Contains(format, StringComparer.OrdinalIgnoreCase);

    /// <summary>The file's name: the network and the day it was made, so that downloads of several networks or days do
    /// not overwrite one another (e.g. <c>heidelberg-flows-2026-12-02.xlsx</c>).</summary>
    public static string FileName(string network, string table, DateOnly made, string extension)
    {
        var slug = new StringBuilder();
        foreach (var c in network.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsAsciiLetterOrDigit(c)) slug.Append(char.ToLowerInvariant(c));
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        var name = slug.ToString().Trim('-');
        if (name.Length > 40) name = name[..40].TrimEnd('-');
        return $"{(name.Length == 0 ? "network" : name)}-{table}-{made:yyyy-MM-dd}.{extension}";
    }

    /// <summary>The table as the file <paramref name="format"/> asks for (csv or xlsx; see <see cref="Wanted"/>).</summary>
    public static IResult File(string format, StatisticsTable table, string network, DateOnly made)
    {
        if (IsXlsx(format))
            return Results.File(XlsxTable.Write(table.Name, table.Header, table.Rows), XlsxTable.ContentType, FileName(network, table.Name, made, "xlsx"));
        var text = new StringBuilder();
        text.AppendJoin(',', table.Header.Select(Cell)).Append("\r\n");
        foreach (var row in table.Rows) text.AppendJoin(',', row.Select(Cell)).Append("\r\n");
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray();
        return Results.File(bytes, "text/csv; charset=utf-8", FileName(network, table.Name, made, "csv"));
    }

    private static bool IsCsv(string? format) => string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
    private static bool IsXlsx(string? format) => string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase);

    private static string Cell(object? value)
    {
        var text = value switch
        {
            null => "",
            // As the JSON and the workbook write it: the squares' corners need their six decimals (0.001° is 100 m).
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        if (value is string && text.Length > 0 && "=+-@\t\r".Contains(text[0])) text = "'" + text;
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }
}
