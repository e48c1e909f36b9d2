using System.Globalization;
using System.Text;
using System.Text.Json;
using Mobility.Data.Export;
using Mobility.Planning.Shuttles;
using Mobility.Routing;
using static Mobility.Cli.Commands.ShuttlePlanReport;

namespace Mobility.Cli.Commands;

/// <summary>The files `mobility plan shuttles --out` writes: the trips as GeoJSON lines along the roads they drive, and
/// the timetable as CSV, one row per call.</summary>
internal static class ShuttlePlanFiles
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Write(DirectoryInfo folder, ComputedShuttlePlan plan, Router router)
    {
        folder.Create();
        File.WriteAllText(Path.Combine(folder.FullName, "shuttles.geojson"), GeoJson(plan, router));
        File.WriteAllText(Path.Combine(folder.FullName, "shuttles.csv"), Csv(plan));
    }

    public static string GeoJson(ComputedShuttlePlan plan, Router router)
    {
        var legs = new Dictionary<(ShuttleStop, ShuttleStop), double[][]>();
        var features = plan.Waves.SelectMany(wave => wave.Trips.Select(trip => new
        {
            type = "Feature",
            properties = new
            {
                wave = Local(wave.Instant).ToString("yyyy-MM-dd HH:mm", Invariant), vehicle = trip.Vehicle,
                km = Math.Round(trip.Kilometres, 2), hours = Math.Round(trip.Hours, 2), cost = Math.Round(trip.Cost, 2), kg_co2 = Math.Round(trip.KilogramsCo2, 2),
                stops = trip.Calls.Select(c => $"{Local(c.Arrival):HH:mm} {c.Stop.Name} +{c.Boarding} -{c.Alighting}"),
            },
            geometry = new { type = "LineString", coordinates = Line(trip, router, legs) },
        }));
        return JsonSerializer.Serialize(new { type = "FeatureCollection", features });
    }

    /// <summary>The trip along the car route of each leg (legs repeat across waves, so each is routed once); a leg the
    /// router cannot draw is a straight segment.</summary>
    private static IEnumerable<double[]> Line(ComputedShuttleTrip trip, Router router, Dictionary<(ShuttleStop, ShuttleStop), double[][]> legs)
    {
        var points = new List<double[]>();
        foreach (var (from, to) in trip.Calls.Zip(trip.Calls.Skip(1), (a, b) => (a.Stop, b.Stop)))
        {
            if (from == to) continue;
            if (!legs.TryGetValue((from, to), out var leg))
            {
                var route = router.Route("car", from.Location, to.Location);
                legs[(from, to)] = leg = route.IsSuccess
                    ? route.Value.Points.Select(p => new GeoPoint(Math.Round(p.Latitude, 6), Math.Round(p.Longitude, 6)).ToGeoJsonPosition()).ToArray()
                    : [from.Location.ToGeoJsonPosition(), to.Location.ToGeoJsonPosition()];
            }
            points.AddRange(points.Count == 0 ? leg : leg.Skip(1));
        }
        if (points.Count < 2 && trip.Calls.Count > 0)
            points = [.. trip.Calls.Take(2).Select(c => c.Stop.Location.ToGeoJsonPosition())];
        return points;
    }

    public static string Csv(ComputedShuttlePlan plan)
    {
        var csv = new StringBuilder().AppendLine(CsvFields.Line("wave", "vehicle", "stop", "arrival", "departure", "boarding", "alighting", "on_board"));
        foreach (var wave in plan.Waves)
            foreach (var trip in wave.Trips)
                foreach (var call in trip.Calls)
                    csv.AppendLine(CsvFields.Line(Local(wave.Instant).ToString("yyyy-MM-dd HH:mm", Invariant), trip.Vehicle, call.Stop.Name,
                        Local(call.Arrival).ToString("HH:mm", Invariant), Local(call.Departure).ToString("HH:mm", Invariant),
                        call.Boarding, call.Alighting, call.LoadOnDeparture));
        return csv.ToString();
    }
}
