using Mobility.Planning.TravelTimes;
using Mobility.Routing;
using NetTopologySuite.Geometries;

namespace Mobility.Application.Roads;

/// <summary>A travel time by one mode: "30 minutes by bicycle".</summary>
public sealed record AccessBand(string Profile, int Minutes)
{
    /// <summary>The working group's bands: by car 15, 30 and 45 minutes, by bicycle 15 and 30, on foot 15.</summary>
    public static readonly IReadOnlyList<AccessBand> Standard =
        [new("car", 15), new("car", 30), new("car", 45), new("bicycle", 15), new("bicycle", 30), new("foot", 15)];
}

/// <summary>
/// One band around one plant: the area for the map, and how many of the plant's employees live within it.
/// <paramref name="Inside"/> is exact: it is for the caller to round or withhold it before anyone else sees it.
/// </summary>
public sealed record PlantAccess(AccessBand Band, Geometry Area, int Employees, int Inside, int Unplaced);

/// <summary>
/// Access to a plant by mode. Who is inside is decided by each home's own travel time to the plant (home → plant, the
/// commute's direction), not by the drawn area, which is coarser; a home the mode's network cannot reach (off the
/// roads, or a motorway-only place on foot) counts as outside and is reported in <see cref="PlantAccess.Unplaced"/>.
/// </summary>
public static class PlantAccessibility
{
    public static IReadOnlyList<PlantAccess> Of(Router router, GeoPoint plant, IReadOnlyList<GeoPoint> homes, IEnumerable<AccessBand> bands)
    {
        var answers = new List<PlantAccess>();
        foreach (var profile in bands.GroupBy(b => b.Profile))
        {
            var longest = profile.Max(b => b.Minutes);
            var reached = router.Isochrone(profile.Key, plant, longest * 60.0);
            var times = new RoadTravelTimes(router, profile.Key).Matrix(homes, [plant]);
            var unplaced = homes.Count - Enumerable.Range(0, homes.Count).Count(h => times.IsReachable(h, 0));
            foreach (var band in profile.OrderBy(b => b.Minutes))
            {
                var limit = band.Minutes * 60.0;
                var area = reached.IsSuccess
                    ? IsochroneArea.Of(reached.Value.Where(r => r.Seconds <= limit).Select(r => r.Position).ToList())
                    : IsochroneArea.Of([]);
                var inside = Enumerable.Range(0, homes.Count).Count(h => times.Seconds(h, 0) <= limit);
                answers.Add(new PlantAccess(band, area, homes.Count, inside, unplaced));
            }
        }
        return answers;
    }
}
