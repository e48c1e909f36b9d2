using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Mobility.Data.Export;

/// <summary>
/// One table as an Excel workbook (.xlsx, one sheet): the header row in bold and frozen, numbers as numbers (so HR can sum
/// them), everything else as text. A text cell is never read as a formula by Excel, so "=HYPERLINK(...)" typed by
/// someone stays text here without the quote prefix the CSV needs (<see cref="CsvFields"/>).
/// </summary>
public static class XlsxTable
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const uint BoldStyle = 1;

    public static byte[] Write(string sheetName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            var widths = headers.Select(h => h.Length).ToArray();
            data.Append(Row(1, headers.Cast<object?>().ToList(), widths, BoldStyle));
            uint index = 2;
            foreach (var row in rows) data.Append(Row(index++, row, widths, null));
            sheetPart.Worksheet = new Worksheet(
                // The header stays in view while HR scrolls a long timetable.
                new SheetViews(new SheetView(new Pane
                {
                    VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen,
                }) { WorkbookViewId = 0 }),
                new Columns(widths.Select((width, column) => new Column
                {
                    Min = (uint)column + 1, Max = (uint)column + 1, Width = Math.Clamp(width + 2, 6, 60), CustomWidth = true,
                })),
                data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet
            {
                Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = SheetName(sheetName),
            }));
        }
        return stream.ToArray();
    }

    private static Row Row(uint index, IReadOnlyList<object?> values, int[] widths, uint? style)
    {
        var row = new Row { RowIndex = index };
        for (var column = 0; column < values.Count; column++)
        {
            var cell = Cell(values[column]);
            cell.CellReference = ColumnName(column) + index;
            if (style is { } s) cell.StyleIndex = s;
            if (column < widths.Length) widths[column] = Math.Max(widths[column], cell.InnerText.Length);
            row.Append(cell);
        }
        return row;
    }

    private static Cell Cell(object? value) => value switch
    {
        null => new Cell(),
        int or long or short or byte or uint or ulong or decimal => Number(Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture)),
        double d when double.IsFinite(d) => Number(d.ToString("R", System.Globalization.CultureInfo.InvariantCulture)),
        float f when float.IsFinite(f) => Number(((double)f).ToString("R", System.Globalization.CultureInfo.InvariantCulture)),
        IFormattable formattable => Text(formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture)),
        _ => Text(value.ToString() ?? ""),
    };

    private static Cell Number(string invariant) => new() { DataType = CellValues.Number, CellValue = new CellValue(invariant) };

    private static Cell Text(string text) =>
        new(new InlineString(new Text(XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve })) { DataType = CellValues.InlineString };

    /// <summary>Characters XML 1.0 cannot hold (control characters a hostile name may carry) would make the file unreadable.</summary>
    private static string XmlSafe(string text) =>
        string.Concat(text.Where(c => c is '\t' or '\n' or '\r' || (c >= ' ' && c != '\uFFFE' && c != '\uFFFF')));

    private static string ColumnName(int column)
    {
        var name = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    /// <summary>Excel's rules for a sheet name: at most 31 characters, none of : \ / ? * [ ].</summary>
    private static string SheetName(string name)
    {
        var clean = string.Concat(name.Where(c => c is not (':' or '\\' or '/' or '?' or '*' or '[' or ']'))).Trim();
        return clean.Length == 0 ? "Feuille 1" : clean[..Math.Min(31, clean.Length)];
    }

    private static Stylesheet Styles() => new(
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }) { Count = 2 });
}
