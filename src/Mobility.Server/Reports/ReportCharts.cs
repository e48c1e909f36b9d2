using System.Globalization;
using System.Text;
using static Mobility.Server.Reports.DiagnosticReportHtml;

namespace Mobility.Server.Reports;

/// <summary>Bar charts as inline SVG, labels encoded as text.</summary>
public static class ReportCharts
{
    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>Horizontal bars, one per row, with its value written after it.</summary>
    public static string Bars(IReadOnlyList<(string Label, double Value)> rows, string colour, string unit = "")
    {
        if (rows.Count == 0) return "";
        const int labelWidth = 260, barWidth = 380, rowHeight = 18;
        var most = Math.Max(1, rows.Max(r => r.Value));
        var svg = new StringBuilder();
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"700\" height=\"{rows.Count * rowHeight + 6}\" role=\"img\">");
        for (var i = 0; i < rows.Count; i++)
        {
            var y = i * rowHeight + 3;
            var width = rows[i].Value / most * barWidth;
            svg.Append($"<text x=\"{labelWidth - 6}\" y=\"{y + 12}\" font-size=\"10\" text-anchor=\"end\">{Text(Shorten(rows[i].Label, 44))}</text>")
                .Append($"<rect x=\"{labelWidth}\" y=\"{y + 2}\" width=\"{F(width)}\" height=\"{rowHeight - 6}\" fill=\"{colour}\"/>")
                .Append($"<text x=\"{F(labelWidth + width + 4)}\" y=\"{y + 12}\" font-size=\"10\">{Text(rows[i].Value.ToString("N0", CultureInfo.CurrentCulture) + unit)}</text>");
        }
        return svg.Append("</svg>").ToString();
    }

    /// <summary>Vertical bars in pairs (e.g. shift starts and ends per hour), with a legend.</summary>
    public static string PairedBars(IReadOnlyList<(string Label, double First, double Second)> columns, string firstName, string secondName)
    {
        const int height = 180, top = 24, left = 34;
        var width = Math.Max(1, columns.Count) * 28;
        var most = Math.Max(1, columns.Max(c => Math.Max(c.First, c.Second)));
        var svg = new StringBuilder();
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Math.Min(700, left + width + 10)}\" height=\"{top + height + 34}\" viewBox=\"0 0 {left + width + 10} {top + height + 34}\" role=\"img\">")
            .Append($"<rect x=\"{left}\" y=\"4\" width=\"10\" height=\"10\" fill=\"#3b6ea5\"/><text x=\"{left + 14}\" y=\"13\" font-size=\"10\">{Text(firstName)}</text>")
            .Append($"<rect x=\"{left + 150}\" y=\"4\" width=\"10\" height=\"10\" fill=\"#d08c3a\"/><text x=\"{left + 164}\" y=\"13\" font-size=\"10\">{Text(secondName)}</text>")
            .Append($"<text x=\"{left - 4}\" y=\"{top + 8}\" font-size=\"9\" text-anchor=\"end\">{F(most)}</text>")
            .Append($"<line x1=\"{left}\" y1=\"{top + height}\" x2=\"{left + width}\" y2=\"{top + height}\" stroke=\"#555\"/>");
        for (var i = 0; i < columns.Count; i++)
        {
            var x = left + i * 28;
            var (first, second) = (columns[i].First / most * height, columns[i].Second / most * height);
            svg.Append($"<rect x=\"{x + 3}\" y=\"{F(top + height - first)}\" width=\"10\" height=\"{F(first)}\" fill=\"#3b6ea5\"/>")
                .Append($"<rect x=\"{x + 14}\" y=\"{F(top + height - second)}\" width=\"10\" height=\"{F(second)}\" fill=\"#d08c3a\"/>")
                .Append($"<text x=\"{x + 14}\" y=\"{top + height + 12}\" font-size=\"8\" text-anchor=\"middle\">{Text(columns[i].Label)}</text>");
        }
        return svg.Append("</svg>").ToString();
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
