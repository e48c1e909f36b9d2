using Mobility.Routing;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Mobility.Data.Export;
using Mobility.Planning;
using Mobility.Planning.Carpools;
using Mobility.Planning.TravelTimes;

namespace Mobility.Cli;

/// <summary>A day's proposals as GeoJSON (one LineString per group, in driving order) and CSV (one line per member).</summary>
internal static class CarpoolFiles
{
    public static void Write(DirectoryInfo folder, CarpoolInstance toWork, CarpoolInstance toHome, CarpoolDayPlan plan, TimeZoneInfo zone)
    {
        folder.Create();
        var both = new[] { (toWork, plan.ToWork), (toHome, plan.ToHome) };
        File.WriteAllText(Path.Combine(folder.FullName, "carpools.geojson"), GeoJson(both));
        File.WriteAllText(Path.Combine(folder.FullName, "carpools.csv"), Csv(both, plan, zone));
        Console.Error.WriteLine($"written: {Path.Combine(folder.FullName, "carpools.geojson")}, carpools.csv");
    }

    private static string GeoJson(IEnumerable<(CarpoolInstance Instance, CarpoolPlan Plan)> directions)
    {
        var features = directions.SelectMany(d => d.Plan.Selection.Groups.Select((group, index) =>
        {
            var people = d.Instance.Participants;
            GeoPoint Place(int location) => location < people.Count ? people[location].Home : people[Array.IndexOf(d.Instance.SiteLocation, location)].Site;
            var stops = group.Direction == CommuteDirection.ToWork
                ? group.HomesInDrivingOrder.Prepend(group.Driver).Concat(group.SitesInDrivingOrder)
                : group.SitesInDrivingOrder.Concat(group.HomesInDrivingOrder).Append(group.Driver);
            return new
            {
                type = "Feature",
                properties = new
                {
                    direction = group.Direction == CommuteDirection.ToWork ? "to_work" : "home",
                    group = index + 1, driver = people[group.Driver].Id, passengers = group.Pickups.Select(p => people[p].Id),
                    route_minutes = Math.Round(group.RouteSeconds / 60, 1), route_km = Math.Round(group.RouteMetres / 1000, 2),
                },
                geometry = new { type = "LineString", coordinates = stops.Select(Place).Select(p => p.ToGeoJsonPosition()) },
            };
        }));
        return JsonSerializer.Serialize(new { type = "FeatureCollection", features });
    }

    private static string Csv(IEnumerable<(CarpoolInstance Instance, CarpoolPlan Plan)> directions, CarpoolDayPlan plan, TimeZoneInfo zone)
    {
        string Time(double seconds) => TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeSeconds((long)Math.Round(seconds)), zone)
            .ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var stranded = plan.WithoutRideHome.ToDictionary(u => u.Id, u => u.Reason);
        var text = new StringBuilder().AppendLine(CsvFields.Line(
            "direction", "group", "employee", "role", "home_order", "company", "site", "at_home", "at_site", "ride_minutes", "no_ride_home"));
        foreach (var (instance, directionPlan) in directions)
            foreach (var (group, index) in directionPlan.Selection.Groups.Select((g, i) => (g, i + 1)))
            {
                var explanation = GroupExplainer.Explain(instance, group);
                foreach (var member in explanation.Members.OrderBy(m => m.HomeOrder))
                    text.AppendLine(CsvFields.Line(group.Direction == CommuteDirection.ToWork ? "to_work" : "home", index, member.Id,
                        member.Role.ToString().ToLowerInvariant(), member.HomeOrder, member.Company, member.SiteId, Time(member.AtHome), Time(member.AtSite),
                        CsvFields.Fixed(member.RideMinutes, 1),
                        stranded.TryGetValue(member.Id, out var reason) ? reason.ToString() : ""));
            }
        return text.ToString();
    }
}
