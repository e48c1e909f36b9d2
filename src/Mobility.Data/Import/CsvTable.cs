using System.Globalization;
using System.Text;

namespace Mobility.Data.Import;

/// <summary>
/// A CSV file as HR departments produce it: comma, semicolon or tab separated; UTF-8 (with or without BOM) or
/// Windows-1252 (older French Excel); headers in French or English, any case, with or without accents.
/// Rows are read whole into memory: HR files are thousands of rows, not millions.
/// </summary>
public sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns;

    public IReadOnlyList<CsvRow> Rows { get; }
    public char Delimiter { get; }
    public Encoding Encoding { get; }

    private CsvTable(Dictionary<string, int> columns, IReadOnlyList<CsvRow> rows, char delimiter, Encoding encoding)
    {
        _columns = columns;
        Rows = rows;
        Delimiter = delimiter;
        Encoding = encoding;
    }

    /// <param name="aliases">Canonical column name → accepted header spellings (compared after normalising).</param>
    public static CsvTable Read(Stream stream, IReadOnlyDictionary<string, string[]> aliases)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var (text, encoding) = Decode(buffer.ToArray());
        var firstLine = text.Split('\n', 2)[0];
        var delimiter = DetectDelimiter(firstLine);

        var records = CsvRecords.Parse(text, delimiter).Where(r => !r.Fields.All(string.IsNullOrWhiteSpace)).ToList();
        if (records.Count == 0) throw new InvalidDataException("The file is empty: it needs a header line.");

        var byNormalisedAlias = aliases
            .SelectMany(pair => pair.Value.Append(pair.Key).Select(alias => (Alias: Normalise(alias), Canonical: pair.Key)))
            .DistinctBy(x => x.Alias)
            .ToDictionary(x => x.Alias, x => x.Canonical);
        var columns = new Dictionary<string, int>();
        var header = records[0].Fields;
        for (var i = 0; i < header.Length; i++)
            if (byNormalisedAlias.TryGetValue(Normalise(header[i]), out var canonical))
                columns.TryAdd(canonical, i);

        var rows = records.Skip(1).Select(r => new CsvRow(r.Line, r.Fields)).ToList();
        return new CsvTable(columns, rows, delimiter, encoding);
    }

    public bool HasColumn(string canonical) => _columns.ContainsKey(canonical);

    /// <summary>The trimmed value, or null when the column is absent or the cell empty.</summary>
    public string? Value(CsvRow row, string canonical) =>
        _columns.TryGetValue(canonical, out var index) && index < row.Fields.Length && row.Fields[index].Length > 0
            ? row.Fields[index]
            : null;

    /// <summary>Lower case, no accents, no spaces, dashes, underscores or punctuation: "Prénom" = "prenom" = "PRE_NOM".</summary>
    public static string Normalise(string header)
    {
        var decomposed = header.Trim().TrimStart('\uFEFF').Normalize(NormalizationForm.FormD);
        var result = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
            if (char.IsLetterOrDigit(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                result.Append(char.ToLowerInvariant(c));
        return result.ToString();
    }

    private static (string Text, Encoding Encoding) Decode(byte[] bytes)
    {
        var strictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        try
        {
            var text = strictUtf8.GetString(bytes);
            return (text.TrimStart('\uFEFF'), strictUtf8);
        }
        catch (DecoderFallbackException)
        {
            // Not valid UTF-8: a French spreadsheet saved as "CSV (separator: semicolon)" is Windows-1252.
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            var windows1252 = Encoding.GetEncoding(1252);
            return (windows1252.GetString(bytes), windows1252);
        }
    }

    private static char DetectDelimiter(string headerLine)
    {
        char[] candidates = [';', ',', '\t'];
        return candidates.OrderByDescending(c => headerLine.Count(x => x == c)).First();
    }
}

/// <summary>A data row and its line number in the file (the header is line 1).</summary>
public sealed record CsvRow(int Line, string[] Fields);
