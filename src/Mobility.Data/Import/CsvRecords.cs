using System.Text;

namespace Mobility.Data.Import;

/// <summary>
/// Splits CSV text into records (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes), keeping each
/// record's starting line number for error messages. CsvHelper 34, the version our package source serves, changed
/// its configuration API; this is the small, fully tested part we need.
/// </summary>
internal static class CsvRecords
{
    public static IEnumerable<(int Line, string[] Fields)> Parse(string text, char delimiter)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var inQuotes = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') inQuotes = false;
                else
                {
                    if (c == '\n') line++;
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0) inQuotes = true;
            else if (c == delimiter) { fields.Add(field.ToString().Trim()); field.Clear(); }
            else if (c == '\r') { }
            else if (c == '\n')
            {
                fields.Add(field.ToString().Trim());
                field.Clear();
                yield return (recordLine, fields.ToArray());
                fields.Clear();
                line++;
                recordLine = line;
            }
            else field.Append(c);
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString().Trim());
            yield return (recordLine, fields.ToArray());
        }
    }
}
