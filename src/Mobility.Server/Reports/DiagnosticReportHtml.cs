using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Mobility.Server.Statistics;

namespace Mobility.Server.Reports;

/// <summary>
/// The diagnostic report as one HTML page for printing (A4): six sections in the order of an employer's mobility plan
/// diagnostic, with maps and charts as inline SVG. Every text from a tenant (company, site, commune, network names) goes
/// through <see cref="Text"/>; numbers come from <see cref="DiagnosticReportContent"/>, where they were already rounded.
/// </summary>
public static class DiagnosticReportHtml
{
    public static readonly string[] Sections = ["section.access", "section.homes", "section.shifts", "section.potential", "section.savings", "section.actions"];

    public static string Write(DiagnosticReportContent c)
    {
        var culture = CultureInfo.GetCultureInfo(c.Language == "en" ? "en-GB" : "fr-FR");
        string W(string key) => ReportWords.Of(c.Language, key);
        string N(double? value, int digits = 0) => value is { } v ? Text(v.ToString("N" + digits, culture)) : W("hidden");
        string P(double? share) => share is { } s ? Text(s.ToString("P0", culture)) : W("hidden");
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"").Append(c.Language).Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">")
            .Append("<title>").Append(Text(W("title") + " – " + c.Network)).Append("</title><style>").Append(Style).Append("</style></head><body>");
        html.Append("<header><h1>").Append(Text(W("title"))).Append("</h1><p class=\"sub\">").Append(Text(W("subtitle"))).Append("</p><dl>")
            .Append("<dt>").Append(W("network")).Append("</dt><dd>").Append(Text(c.Network)).Append("</dd>")
            .Append("<dt>").Append(W("date")).Append("</dt><dd>").Append(Text(c.Date.ToString("D", culture))).Append("</dd>")
            .Append("<dt>").Append(W("made")).Append("</dt><dd>").Append(Text(c.MadeAt.ToString("g", culture))).Append("</dd>")
            .Append("<dt>").Append(W("companies")).Append("</dt><dd>").Append(string.Join(", ", c.Companies.Select(Text))).Append("</dd></dl>")
            .Append("<p class=\"note\">").Append(Text(W("privacy"))).Append("</p></header>");

        // 1. Access to each site by mode.
        html.Append("<section><h2>").Append(Text(W("section.access"))).Append("</h2>");
        if (!c.Accessibility.RoadNetwork) html.Append("<p>").Append(Text(W("access.noroads"))).Append("</p>");
        else
        {
            html.Append("<p>").Append(Text(W("access.intro"))).Append("</p>");
            html.Append(ReportMaps.Access(c));
            // One row per site, one column per band: "N (share)".
            var bands = Mobility.Application.Roads.AccessBand.Standard;
            html.Append("<table><thead><tr><th>").Append(W("site")).Append("</th>");
            foreach (var band in bands) html.Append("<th class=\"n\">").Append(W(band.Profile)).Append("<br>").Append(band.Minutes).Append(" min</th>");
            html.Append("</tr></thead><tbody>");
            foreach (var plant in c.Accessibility.Bands.GroupBy(b => (b.PlantId, b.Plant)))
            {
                html.Append("<tr><td>").Append(Text(plant.Key.Plant)).Append("</td>");
                foreach (var band in bands)
                {
                    var b = plant.FirstOrDefault(x => x.Profile == band.Profile && x.Minutes == band.Minutes);
                    html.Append("<td class=\"n\">").Append(N(b?.Inside)).Append(b?.Share is { } share ? "<br><small>" + P(share) + "</small>" : "").Append("</td>");
                }
                html.Append("</tr>");
            }
            html.Append("</tbody></table>");
        }
        html.Append("<h3>").Append(Text(W("distances"))).Append("</h3>")
            .Append(ReportCharts.Bars(c.Distances.Bands.Select(b => (b.Band + " km", (double)b.People)).ToList(), "#3b6ea5"));
        html.Append("</section>");

        // 2. Where employees live.
        html.Append("<section><h2>").Append(Text(W("section.homes"))).Append("</h2>").Append(ReportMaps.Homes(c))
            .Append("<p class=\"note\">").Append(Text(W("withheld"))).Append(c.Language == "en" ? ": " : " : ").Append(N(c.Homes.Withheld)).Append("</p>");
        html.Append("<h3>").Append(Text(W("flows"))).Append("</h3><table><thead><tr><th>").Append(W("commune")).Append("</th><th>").Append(W("site"))
            .Append("</th><th class=\"n\">").Append(W("people")).Append("</th></tr></thead><tbody>");
        foreach (var f in c.Flows.Pairs.Take(15))
            html.Append("<tr><td>").Append(Text(f.Commune)).Append("</td><td>").Append(Text(f.Plant)).Append("</td><td class=\"n\">").Append(N(f.People)).Append("</td></tr>");
        html.Append("</tbody></table></section>");

        // 3. Shift times.
        html.Append("<section><h2>").Append(Text(W("section.shifts"))).Append("</h2><p>").Append(Text(W("shifts.intro"))).Append("</p>");
        var hours = c.Shifts.Hours.GroupBy(h => h.Hour).OrderBy(g => g.Key)
            .Select(g => ($"{g.Key:00}:00", (double)g.Sum(h => h.Starting ?? 0), (double)g.Sum(h => h.Ending ?? 0))).ToList();
        if (hours.Count == 0) html.Append("<p>").Append(Text(W("noshifts"))).Append("</p>");
        else html.Append(ReportCharts.PairedBars(hours, W("starting"), W("ending")));
        html.Append("</section>");

        // 4. Potential and current practice per mode.
        html.Append("<section><h2>").Append(Text(W("section.potential"))).Append("</h2><p>").Append(Text(W("potential.intro"))).Append("</p>");
        html.Append("<table><thead><tr><th>").Append(W("site")).Append("</th><th class=\"n\">").Append(W("employees")).Append("</th><th class=\"n\">").Append(W("carpool"))
            .Append("</th><th class=\"n\">").Append(W("cycle")).Append("</th><th class=\"n\">").Append(W("shuttle")).Append("</th></tr></thead><tbody>");
        string Mode(ModeCount m) => N(m.People) + (m.Share is null ? "" : " (" + P(m.Share) + ")");
        foreach (var p in c.Potential.Plants)
            html.Append("<tr><td>").Append(Text(p.Plant)).Append("</td><td class=\"n\">").Append(N(p.Employees)).Append("</td><td class=\"n\">").Append(Mode(p.Carpool))
                .Append("</td><td class=\"n\">").Append(Mode(p.Bicycle)).Append("</td><td class=\"n\">").Append(Mode(p.Shuttle)).Append("</td></tr>");
        html.Append("</tbody></table>");
        html.Append(ReportCharts.Bars(c.Potential.Plants.SelectMany(p => new[]
        {
            ($"{p.Plant} · {W("carpool")}", (double)(p.Carpool.People ?? 0)), ($"{p.Plant} · {W("cycle")}", (double)(p.Bicycle.People ?? 0)),
            ($"{p.Plant} · {W("shuttle")}", (double)(p.Shuttle.People ?? 0)),
        }).Where(x => x.Item2 > 0).ToList(), "#4d8f4d"));
        if (c.Potential.Stops.Count > 0)
        {
            html.Append("<h3>").Append(Text(W("stops"))).Append("</h3><table><thead><tr><th>").Append(W("stop")).Append("</th><th>").Append(W("mode"))
                .Append("</th><th class=\"n\">").Append(W("people")).Append("</th></tr></thead><tbody>");
            foreach (var s in c.Potential.Stops.Take(12))
                html.Append("<tr><td>").Append(Text(s.Stop)).Append("</td><td>").Append(W(s.Kind)).Append("</td><td class=\"n\">").Append(N(s.People)).Append("</td></tr>");
            html.Append("</tbody></table>");
        }
        html.Append("<h3>").Append(Text(W("practice"))).Append("</h3><table><tbody><tr><th>").Append(W("trips")).Append("</th><td class=\"n\">")
            .Append(N(c.Savings.Actual.People)).Append("</td></tr><tr><th>").Append(W("cars")).Append("</th><td class=\"n\">").Append(N(c.Savings.Actual.CarsRemoved))
            .Append("</td></tr></tbody></table></section>");

        // 5. CO₂ and costs.
        html.Append("<section><h2>").Append(Text(W("section.savings"))).Append("</h2><table><thead><tr><th></th><th class=\"n\">").Append(W("trips"))
            .Append("</th><th class=\"n\">").Append(W("kilometres")).Append("</th><th class=\"n\">").Append(W("co2")).Append("</th><th class=\"n\">").Append(W("euros"))
            .Append("</th></tr></thead><tbody>");
        foreach (var (label, s) in new[] { (W("actual"), c.Savings.Actual), (W("potentialDay"), c.Savings.Potential) })
            html.Append("<tr><th>").Append(Text(label)).Append("</th><td class=\"n\">").Append(N(s.People)).Append("</td><td class=\"n\">").Append(N(s.Kilometres))
                .Append("</td><td class=\"n\">").Append(N(s.KilogramsCo2, 1)).Append("</td><td class=\"n\">").Append(N(s.Euros)).Append("</td></tr>");
        html.Append("</tbody></table>");
        html.Append(ReportCharts.Bars([(W("actual"), c.Savings.Actual.KilogramsCo2 ?? 0), (W("potentialDay"), c.Savings.Potential.KilogramsCo2 ?? 0)], "#a5673b", " kg CO₂"));
        html.Append("<p class=\"note\">").Append(Text(string.Format(culture, W("factors"), c.Savings.GramsCo2PerKilometre, c.Savings.EurosPerKilometre))).Append("</p></section>");

        // 6. Proposed actions, each with the finding it comes from and an indicator to follow.
        html.Append("<section><h2>").Append(Text(W("section.actions"))).Append("</h2>");
        var actions = DiagnosticActions.Of(c, culture);
        if (actions.Count == 0) html.Append("<p>").Append(Text(W("noactions"))).Append("</p>");
        else
        {
            html.Append("<table><thead><tr><th>").Append(W("action")).Append("</th><th>").Append(W("because")).Append("</th><th>").Append(W("indicator")).Append("</th></tr></thead><tbody>");
            foreach (var a in actions)
                html.Append("<tr><td>").Append(Text(a.Action)).Append("</td><td>").Append(Text(a.Finding)).Append("</td><td>").Append(Text(a.Indicator)).Append("</td></tr>");
            html.Append("</tbody></table>");
        }
        html.Append("</section><footer>© OpenStreetMap contributors</footer></body></html>");
        return html.ToString();
    }

    /// <summary>Any text for the page: HTML-encoded, so a name like &lt;script&gt; prints as those characters.</summary>
    public static string Text(string? text) => WebUtility.HtmlEncode(text ?? "");

    private const string Style = """
        @page { size: A4; margin: 14mm 12mm; }
        body { font-family: "DejaVu Sans", "Lato", sans-serif; font-size: 9.5pt; color: #1d2430; }
        h1 { font-size: 18pt; margin: 0 0 2mm; color: #17406d; } h2 { font-size: 13pt; color: #17406d; border-bottom: 1px solid #9fb3c8; margin-top: 7mm; }
        h3 { font-size: 10.5pt; margin: 4mm 0 1mm; } .sub { margin: 0 0 3mm; color: #4a5868; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 4mm; margin: 0 0 3mm; } dt { font-weight: bold; } dd { margin: 0; overflow-wrap: anywhere; }
        table { border-collapse: collapse; width: 100%; margin: 2mm 0; page-break-inside: auto; } tr { page-break-inside: avoid; }
        th, td { border-bottom: 1px solid #d5dde6; padding: 1mm 2mm; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
        .n { text-align: right; white-space: nowrap; } .note { color: #4a5868; font-size: 8.5pt; }
        section { page-break-inside: auto; } h2, h3 { break-after: avoid; } svg { display: block; margin: 2mm 0; max-width: 100%; break-inside: avoid; } footer { margin-top: 6mm; font-size: 8pt; color: #4a5868; }
        """;
}

/// <summary>An action the numbers call for, the finding it rests on and the indicator that tells whether it worked.</summary>
public sealed record DiagnosticAction(string Action, string Finding, string Indicator);

/// <summary>Proposed actions derived from the published figures only: the stops with the most people near them, the sites
/// where cycling or carpooling could reach a fifth of the staff, and the crews already proposed.</summary>
public static class DiagnosticActions
{
    public static List<DiagnosticAction> Of(DiagnosticReportContent c, CultureInfo culture)
    {
        string W(string key) => ReportWords.Of(c.Language, key);
        string F(string key, params object?[] values) => string.Format(culture, W(key), values);
        var actions = new List<DiagnosticAction>();
        foreach (var stop in c.Potential.Stops.Take(3))
            actions.Add(new(F("a.stop", stop.Stop), F("a.stop.because", stop.Stop, stop.People), F("a.stop.indicator", stop.Stop)));
        foreach (var plant in c.Potential.Plants.Where(p => p.Bicycle.Share >= 0.2).OrderByDescending(p => p.Bicycle.People).Take(3))
            actions.Add(new(F("a.bike", plant.Plant), F("a.bike.because", plant.Plant, plant.Bicycle.People, plant.Bicycle.Share!.Value.ToString("P0", culture)), W("a.bike.indicator")));
        foreach (var plant in c.Potential.Plants.Where(p => p.Carpool.Share >= 0.2).OrderByDescending(p => p.Carpool.People).Take(3))
            actions.Add(new(F("a.carpool", plant.Plant), F("a.carpool.because", plant.Plant, plant.Carpool.People, plant.Carpool.Share!.Value.ToString("P0", culture)),
                F("a.carpool.indicator", c.Savings.Actual.People?.ToString("N0", culture) ?? W("hidden"))));
        if (c.Savings.Potential.Kilometres is { } km)
            actions.Add(new(W("a.savings"), F("a.savings.because", km.ToString("N0", culture), (c.Savings.Potential.KilogramsCo2 ?? 0).ToString("N1", culture)), W("a.savings.indicator")));
        return actions;
    }
}
