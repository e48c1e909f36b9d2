using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using nietras.SeparatedValues;

namespace Mobility.Data.Import;

/// <summary>
/// An HR file as departments produce it: CSV (read by Sep; comma, semicolon or tab separated; UTF-8 with or without BOM,
/// or Windows-1252 from older French Excel) or an Excel workbook (.xlsx, its first sheet, read with the Open XML SDK);
/// headers in French or English, any case, with or without accents. Each column keeps its header as the file wrote it,
/// so that errors name the columns HR knows. Rows are read whole into memory: HR files are thousands of rows, not millions.
/// </summary>
public sealed class ImportTable
{
    private readonly Dictionary<string, int> _columns;

    /// <summary>The header line as written, one entry per column of the file.</summary>
    public IReadOnlyList<string> Headers { get; }
    public IReadOnlyList<ImportRow> Rows { get; }
    /// <summary>"csv" or "xlsx".</summary>
    public string Format { get; }
    /// <summary>The CSV separator (null for a workbook).</summary>
    public char? Delimiter { get; }
    /// <summary>The CSV text's encoding (null for a workbook, which is always UTF-8 XML).</summary>
    public Encoding? Encoding { get; }

    private ImportTable(IReadOnlyList<string> headers, IReadOnlyList<ImportRow> rows, IReadOnlyDictionary<string, string[]> aliases,
        string format, char? delimiter, Encoding? encoding)
    {
        var byNormalisedAlias = aliases
            .SelectMany(pair => pair.Value.Append(pair.Key).Select(alias => (Alias: Normalise(alias), Canonical: pair.Key)))
            .DistinctBy(x => x.Alias)
            .ToDictionary(x => x.Alias, x => x.Canonical);
        _columns = new Dictionary<string, int>();
        for (var i = 0; i < headers.Count; i++)
            if (byNormalisedAlias.TryGetValue(Normalise(headers[i]), out var canonical))
                _columns.TryAdd(canonical, i);
        Headers = headers;
        Rows = rows;
        Format = format;
        Delimiter = delimiter;
        Encoding = encoding;
    }

    /// <param name="aliases">Canonical column name → accepted header spellings (compared after normalising).</param>
    /// <exception cref="InvalidDataException">The file has no header line, or is a damaged workbook.</exception>
    public static ImportTable Read(Stream stream, IReadOnlyDictionary<string, string[]> aliases)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.ToArray();
        var (records, format, delimiter, encoding) = IsZip(bytes) ? (ReadWorkbook(bytes), "xlsx", (char?)null, (Encoding?)null) : ReadCsv(bytes);
        records = records.Where(r => !r.Fields.All(string.IsNullOrWhiteSpace)).ToList();
        if (records.Count == 0) throw new InvalidDataException("The file is empty: it needs a header line.");
        var header = records[0].Fields;
        var rows = records.Skip(1).Select(r => new ImportRow(r.Line, r.Fields)).ToList();
        return new ImportTable(header, rows, aliases, format, delimiter, encoding);
    }

    public bool HasColumn(string canonical) => _columns.ContainsKey(canonical);

    /// <summary>The column's header as the file wrote it, or the canonical name when the file lacks it.</summary>
    public string ColumnName(string canonical) => _columns.TryGetValue(canonical, out var index) ? Headers[index].Trim() : canonical;

    /// <summary>Each recognised column: its header as written and the field it fills, in the file's order.</summary>
    public IReadOnlyList<(string Header, string Field)> Recognised =>
        _columns.OrderBy(c => c.Value).Select(c => (Headers[c.Value].Trim(), c.Key)).ToList();

    /// <summary>Headers the file has that no field takes (ignored, and shown to HR in the preview).</summary>
    public IReadOnlyList<string> Unknown =>
        Enumerable.Range(0, Headers.Count).Where(i => !_columns.ContainsValue(i) && Headers[i].Trim().Length > 0)
            .Select(i => Headers[i].Trim()).ToList();

    /// <summary>The trimmed value, or null when the column is absent or the cell empty.</summary>
    public string? Value(ImportRow row, string canonical) =>
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

    private static bool IsZip(byte[] bytes) => bytes.Length > 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;

    private static (List<(int Line, string[] Fields)>, string, char?, Encoding?) ReadCsv(byte[] bytes)
    {
        var (text, encoding) = Decode(bytes);
        var delimiter = DetectDelimiter(text.Split('\n', 2)[0]);
        var records = new List<(int Line, string[] Fields)>();
        using var reader = Sep.Reader(o => o with
        {
            Sep = new Sep(delimiter), HasHeader = false, Unescape = true, Trim = SepTrim.All, DisableColCountCheck = true,
        }).FromText(text);
        foreach (var row in reader)
        {
            var fields = new string[row.ColCount];
            for (var i = 0; i < fields.Length; i++) fields[i] = row[i].ToString();
            records.Add((row.LineNumberFrom, fields));
        }
        return (records, "csv", delimiter, encoding);
    }

    private static (string Text, Encoding Encoding) Decode(byte[] bytes)
    {
        var strictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        try
        {
            return (strictUtf8.GetString(bytes).TrimStart('\uFEFF'), strictUtf8);
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

    /// <summary>The workbook's first sheet, each row at its own row number (as Excel shows it), cells by their column letters
    /// (an empty cell is absent from the XML). Numbers come as the file stores them, invariant ("48.5", a date as its serial
    /// number, a time as a fraction of a day), which <see cref="RowReader"/> reads.</summary>
    private static List<(int Line, string[] Fields)> ReadWorkbook(byte[] bytes)
    {
        try
        {
            using var document = SpreadsheetDocument.Open(new MemoryStream(bytes, writable: false), isEditable: false);
            var workbook = document.WorkbookPart ?? throw new InvalidDataException("The workbook has no sheet.");
            var firstSheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault()
                ?? throw new InvalidDataException("The workbook has no sheet.");
            var sheet = (WorksheetPart)workbook.GetPartById(firstSheet.Id!.Value!);
            var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
            var records = new List<(int Line, string[] Fields)>();
            var line = 0;
            foreach (var row in sheet.Worksheet.Descendants<Row>())
            {
                line = row.RowIndex?.Value is { } rowIndex ? (int)rowIndex : line + 1;
                var cells = new SortedDictionary<int, string>();
                var column = -1;
                foreach (var cell in row.Elements<Cell>())
                {
                    column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : column + 1;
                    cells[column] = CellText(cell, shared).Trim();
                }
                var fields = new string[cells.Count == 0 ? 0 : cells.Keys.Max() + 1];
                Array.Fill(fields, "");
                foreach (var (index, text) in cells) fields[index] = text;
                records.Add((line, fields));
            }
            return records;
        }
        catch (Exception damaged) when (damaged is OpenXmlPackageException or InvalidOperationException or System.IO.IOException or FormatException)
        {
            throw new InvalidDataException("The file is not a readable .xlsx workbook.", damaged);
        }
    }

    private static string CellText(Cell cell, string[] shared)
    {
        var value = cell.CellValue?.Text ?? "";
        if (cell.DataType?.Value == CellValues.SharedString)
            return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < shared.Length ? shared[i] : "";
        if (cell.DataType?.Value == CellValues.InlineString) return cell.InlineString?.InnerText ?? "";
        if (cell.DataType?.Value == CellValues.Boolean) return value == "1" ? "oui" : "non";
        return value;
    }

    /// <summary>"A1" → 0, "AB12" → 27.</summary>
    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c)) break;
            index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        }
        return index - 1;
    }
}

/// <summary>A data row and its line (CSV) or row number (workbook) in the file (the header is 1).</summary>
public sealed record ImportRow(int Line, string[] Fields);
