using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Mobility.TestSupport;

/// <summary>
/// An Excel workbook built with the Open XML SDK, as HR's spreadsheets are: one sheet, text in the shared string table,
/// numbers as numeric cells (a <see cref="double"/> or <see cref="int"/> in a row), and an empty cell left out of the XML.
/// </summary>
public static class XlsxFile
{
    public static byte[] Build(params object?[][] rows)
    {
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            var texts = new List<string>();
            for (var r = 0; r < rows.Length; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    var reference = $"{(char)('A' + c)}{r + 1}";
                    switch (rows[r][c])
                    {
                        case null or "": break;
                        case double or int or decimal:
                            row.Append(new Cell { CellReference = reference, CellValue = new CellValue(Convert.ToString(rows[r][c], CultureInfo.InvariantCulture)!) });
                            break;
                        case var text:
                            var index = texts.IndexOf(text.ToString()!);
                            if (index < 0) { texts.Add(text.ToString()!); index = texts.Count - 1; }
                            row.Append(new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(index.ToString(CultureInfo.InvariantCulture)) });
                            break;
                    }
                }
                data.Append(row);
            }
            foreach (var text in texts) strings.SharedStringTable.Append(new SharedStringItem(new Text(text)));
            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Feuil1" }));
        }
        return buffer.ToArray();
    }
}
