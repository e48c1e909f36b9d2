namespace Mobility.Data.Import;

/// <summary>
/// One problem in an import file: the line (1 is the header), the column as the file's header wrote it (and the field it
/// fills), and why as a code of <see cref="Codes.Field"/> with its parameters, which clients word in their user's language.
/// </summary>
public sealed record ImportError(int Line, string? Column, string? Field, string Code, IReadOnlyDictionary<string, object?> Parameters)
{
    public override string ToString()
    {
        var parameters = Parameters.Count == 0 ? "" : " (" + string.Join(", ", Parameters.Select(p => $"{p.Key}: {Format(p.Value)}")) + ")";
        return Column is null ? $"line {Line}: {Code}{parameters}" : $"line {Line}, {Column}: {Code}{parameters}";
    }

    private static string? Format(object? value) => value is System.Collections.IEnumerable list and not string
        ? string.Join("/", list.Cast<object?>()) : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
}

public static class ImportErrors
{
    /// <summary>By line; within a line, in the order the row was checked (its columns', then the checks across columns).</summary>
    public static IReadOnlyList<ImportError> InFileOrder(IEnumerable<ImportError> errors) => errors.OrderBy(e => e.Line).ToList();
}
