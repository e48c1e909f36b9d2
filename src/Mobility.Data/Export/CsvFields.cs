using System.Globalization;
using System.Text.RegularExpressions;

namespace Mobility.Data.Export;

/// <summary>
/// How every CSV the product writes spells a line: each field quoted (RFC 4180, inner quotes doubled), numbers in invariant
/// culture, and text that a spreadsheet would run as a formula (a leading =, +, -, @, tab or carriage return: a plant named
/// "=HYPERLINK(...)") prefixed with a single quote. A plain number keeps its sign, so coordinates and minutes stay numbers.
/// </summary>
public static partial class CsvFields
{
    public static string Line(params IEnumerable<object?> fields) => string.Join(',', fields.Select(Field));

    public static string Field(object? value)
    {
        var text = value switch
        {
            null => "",
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !PlainNumber().IsMatch(text)) text = "'" + text;
        return "\"" + text.Replace("\"", "\"\"") + "\"";
    }

    /// <summary>A measure with this many decimals, as the product writes it (48.5, never 48,5).</summary>
    public static string Fixed(double value, int decimals) => value.ToString("F" + decimals, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")]
    private static partial Regex PlainNumber();
}
