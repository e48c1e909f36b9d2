using System.Globalization;
using System.Text;
using System.Text.Json;
using static Mobility.Server.Reports.DiagnosticReportHtml;

namespace Mobility.Server.Reports;

/// <summary>
/// The report's maps, drawn server-side as SVG from the published grid, the isochrone areas and the places (no basemap:
/// a printed page must not fetch tiles): an equirectangular view scaled by the cosine of the middle latitude, so
/// distances read true at that latitude, with a scale bar, a legend and the OpenStreetMap attribution.
/// </summary>
public static class ReportMaps
{
    private const int Width = 700, Height = 440, Margin = 16;

    private sealed class View(double south, double west, double north, double east)
    {
        private readonly double _cos = Math.Cos((south + north) / 2 * Math.PI / 180);
        private double Scale => Math.Min((Width - 2 * Margin) / Math.Max(1e-6, (east - west) * _cos), (Height - 2 * Margin) / Math.Max(1e-6, north - south));
        public double X(double longitude) => Margin + (longitude - west) * _cos * Scale;
        public double Y(double latitude) => Height - Margin - (latitude - south) * Scale;
        /// <summary>Pixels per kilometre: a degree of latitude is 111.195 km.</summary>
        public double PixelsPerKilometre => Scale / 111.195;
    }

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static View ViewOf(IEnumerable<(double Latitude, double Longitude)> points)
    {
        var list = points.ToList();
        if (list.Count == 0) return new View(0, 0, 1, 1);
        var (south, north) = (list.Min(p => p.Latitude), list.Max(p => p.Latitude));
        var (west, east) = (list.Min(p => p.Longitude), list.Max(p => p.Longitude));
        var pad = Math.Max(0.01, Math.Max(north - south, east - west) * 0.05);
        return new View(south - pad, west - pad, north + pad, east + pad);
    }

    public static string Homes(DiagnosticReportContent c)
    {
        string W(string key) => ReportWords.Of(c.Language, key);
        var view = ViewOf(c.Homes.Cells.SelectMany(s => new[] { (s.South, s.West), (s.North, s.East) }).Concat(c.Places.Select(p => (p.Latitude, p.Longitude))));
        var most = Math.Max(1, c.Homes.Cells.Select(s => s.Employees).DefaultIfEmpty(1).Max());
        var svg = Open(W("map.homes"));
        foreach (var cell in c.Homes.Cells)
        {
            var opacity = 0.15 + 0.75 * cell.Employees / most;
            svg.Append($"<rect x=\"{F(view.X(cell.West))}\" y=\"{F(view.Y(cell.North))}\" width=\"{F(view.X(cell.East) - view.X(cell.West))}\" height=\"{F(view.Y(cell.South) - view.Y(cell.North))}\" fill=\"#c0392b\" fill-opacity=\"{F(opacity)}\"/>");
        }
        Places(svg, view, c.Places);
        Legend(svg, c, [("#c0392b", W("legend.cells") + $" (≤ {most})", "rect")]);
        Scale(svg, view);
        return svg.Append("</svg>").ToString();
    }

    public static string Access(DiagnosticReportContent c)
    {
        string W(string key) => ReportWords.Of(c.Language, key);
        var shown = new (string Profile, int Minutes, string Colour)[] { ("car", 30, "#9bb7d4"), ("car", 15, "#3b6ea5"), ("bicycle", 15, "#4d8f4d") };
        var rings = new List<(string Colour, List<List<(double Lat, double Lon)>> Rings)>();
        foreach (var (profile, minutes, colour) in shown)
            foreach (var band in c.Accessibility.Bands.Where(b => b.Profile == profile && b.Minutes == minutes))
                rings.Add((colour, RingsOf(band.Area)));
        var view = ViewOf(rings.SelectMany(r => r.Rings.SelectMany(x => x)).Select(p => (p.Lat, p.Lon)).Concat(c.Places.Where(p => p.Kind == "plant").Select(p => (p.Latitude, p.Longitude))));
        var svg = Open(W("map.access"));
        foreach (var (colour, polygonRings) in rings)
        {
            var path = new StringBuilder();
            foreach (var ring in polygonRings)
            {
                for (var i = 0; i < ring.Count; i++) path.Append(i == 0 ? 'M' : 'L').Append(F(view.X(ring[i].Lon))).Append(',').Append(F(view.Y(ring[i].Lat)));
                path.Append('Z');
            }
            svg.Append($"<path d=\"{path}\" fill=\"{colour}\" fill-opacity=\"0.35\" fill-rule=\"evenodd\" stroke=\"{colour}\" stroke-width=\"0.8\"/>");
        }
        Places(svg, view, c.Places.Where(p => p.Kind == "plant").ToList());
        Legend(svg, c, shown.Select(s => (s.Colour, $"{W(s.Profile)} {s.Minutes} min", "rect")).ToList());
        Scale(svg, view);
        return svg.Append("</svg>").ToString();
    }

    /// <summary>The rings of a GeoJSON Polygon or MultiPolygon as (latitude, longitude) lists.</summary>
    private static List<List<(double Lat, double Lon)>> RingsOf(JsonElement geometry)
    {
        var rings = new List<List<(double, double)>>();
        if (geometry.ValueKind != JsonValueKind.Object || !geometry.TryGetProperty("coordinates", out var coordinates)) return rings;
        List<JsonElement> polygons = geometry.GetProperty("type").GetString() == "Polygon" ? [coordinates] : [.. coordinates.EnumerateArray()];
        foreach (var polygon in polygons)
            foreach (var ring in polygon.EnumerateArray())
                rings.Add(ring.EnumerateArray().Select(p => (p[1].GetDouble(), p[0].GetDouble())).ToList());
        return rings;
    }

    private static StringBuilder Open(string title) => new StringBuilder()
        .Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\">")
        .Append($"<title>{Text(title)}</title><rect width=\"{Width}\" height=\"{Height}\" fill=\"#f4f6f8\" stroke=\"#9fb3c8\"/>");

    private static void Places(StringBuilder svg, View view, IReadOnlyList<ReportPlace> places)
    {
        foreach (var place in places.OrderBy(p => p.Kind == "plant"))
        {
            var (x, y) = (view.X(place.Longitude), view.Y(place.Latitude));
            if (place.Kind == "plant")
                svg.Append($"<rect x=\"{F(x - 5)}\" y=\"{F(y - 5)}\" width=\"10\" height=\"10\" fill=\"#17406d\" stroke=\"#fff\"/>")
                    .Append($"<text x=\"{F(x + 8)}\" y=\"{F(y + 4)}\" font-size=\"10\" font-weight=\"bold\" fill=\"#17406d\" stroke=\"#fff\" stroke-width=\"2.5\" paint-order=\"stroke\">{Text(place.Name)}</text>");
            else
                svg.Append($"<circle cx=\"{F(x)}\" cy=\"{F(y)}\" r=\"4\" fill=\"{(place.Kind == "station" ? "#6c3483" : "#1e8449")}\" stroke=\"#fff\"/>");
        }
    }

    private static void Legend(StringBuilder svg, DiagnosticReportContent c, IReadOnlyList<(string Colour, string Label, string Shape)> extra)
    {
        string W(string key) => ReportWords.Of(c.Language, key);
        List<(string Colour, string Label, string Shape)> items = [.. extra, ("#17406d", W("legend.plant"), "rect"), ("#6c3483", W("legend.station"), "circle"), ("#1e8449", W("legend.meeting"), "circle")];
        svg.Append($"<rect x=\"{Width - 200}\" y=\"8\" width=\"192\" height=\"{items.Count * 16 + 8}\" fill=\"#fff\" fill-opacity=\"0.9\" stroke=\"#9fb3c8\"/>");
        for (var i = 0; i < items.Count; i++)
        {
            var y = 16 + i * 16;
            svg.Append(items[i].Shape == "circle"
                ? $"<circle cx=\"{Width - 188}\" cy=\"{y + 4}\" r=\"4\" fill=\"{items[i].Colour}\"/>"
                : $"<rect x=\"{Width - 193}\" y=\"{y - 1}\" width=\"10\" height=\"10\" fill=\"{items[i].Colour}\"/>");
            svg.Append($"<text x=\"{Width - 176}\" y=\"{y + 8}\" font-size=\"10\">{Text(items[i].Label)}</text>");
        }
        svg.Append($"<text x=\"{Width - 8}\" y=\"{Height - 6}\" font-size=\"8\" text-anchor=\"end\" fill=\"#4a5868\">© OpenStreetMap contributors</text>");
    }

    private static void Scale(StringBuilder svg, View view)
    {
        // The longest round length that fits a quarter of the map.
        var kilometres = new[] { 0.5, 1, 2, 5, 10, 20, 50 }.LastOrDefault(k => k * view.PixelsPerKilometre <= Width / 4.0, 0.5);
        var length = kilometres * view.PixelsPerKilometre;
        svg.Append($"<line x1=\"{Margin}\" y1=\"{Height - 14}\" x2=\"{F(Margin + length)}\" y2=\"{Height - 14}\" stroke=\"#1d2430\" stroke-width=\"3\"/>")
            .Append($"<text x=\"{Margin}\" y=\"{Height - 20}\" font-size=\"10\">{F(kilometres)} km</text>");
    }
}
