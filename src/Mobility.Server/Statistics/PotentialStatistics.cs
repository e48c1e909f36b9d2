using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Mobility.Application.Carpools;
using Mobility.Data;
using Mobility.Data.Model;
using Mobility.Data.Privacy;
using Mobility.Planning;
using Mobility.Planning.Carpools;
using Mobility.Planning.TravelTimes;
using Mobility.Routing;

namespace Mobility.Server.Statistics;

/// <summary>How many of a plant's people could use a mode: the published count (null under
/// <see cref="DashboardStatistics.MinimumShown"/>) and its share of the plant's published count (only when both are shown).</summary>
public sealed record ModeCount(int? People, double? Share);

/// <summary>One plant's potential: its filtered people (published, null when under the minimum) and who could carpool, cycle,
/// take a shuttle.</summary>
public sealed record PlantPotential(long PlantId, string Plant, int? Employees, ModeCount Carpool, ModeCount Bicycle, ModeCount Shuttle);

/// <summary>A stop (station or meeting point) and the filtered people living within <see cref="PotentialStatistics.StopRadiusKilometres"/>
/// of it, published; stops under the minimum are left out.</summary>
public sealed record StopCatchment(long SiteId, string Stop, string Kind, int People);

/// <summary>The potential per mode of the filtered people on a date (the carpool potential depends on the date's shifts).</summary>
public sealed record Potential(DateOnly Date, bool RoadNetwork, int RoundingBase, int MinimumShown, int BicycleMinutes, double StopRadiusKilometres,
    IReadOnlyList<PlantPotential> Plants, IReadOnlyList<StopCatchment> Stops);

/// <summary>Kilometres, CO₂ and euros saved: <see cref="Actual"/> by the carpools that ran (the daily snapshots, as the
/// activity chart), <see cref="PotentialSaving"/> by the date's proposed groups if they all rode.</summary>
public sealed record Savings(double GramsCo2PerKilometre, double EurosPerKilometre, SavingsFigures Actual, SavingsFigures Potential);

/// <summary>Null figures are withheld (too few people, as <see cref="Disclosure.Kilometres"/> rules).</summary>
public sealed record SavingsFigures(DateOnly From, DateOnly To, int? People, int? CarsRemoved, double? Kilometres, double? KilogramsCo2, double? Euros);

/// <summary>
/// Who could carpool, cycle or take a shuttle. Carpool: the person has at least one compatible partner that date, by the
/// matcher's own pair test (<see cref="GroupEnumerator"/> with one passenger: same rules of windows, detours, seats, plants
/// near each other), to work or home. Bicycle: home within <see cref="BicycleMinutes"/> of the plant by the bicycle
/// router. Shuttle: home within <see cref="StopRadiusKilometres"/> (a short walk or drive) of a station or meeting point.
/// Every count goes through <see cref="Disclosure"/>, keyed by exactly the people counted.
/// </summary>
public static class PotentialStatistics
{
    public const int BicycleMinutes = 30;
    public const double StopRadiusKilometres = 2;

    public static async Task<Potential> OfAsync(MobilityDbContext database, Disclosure disclosure, AccessibilityStatistics access, ITravelTimes carTimes,
        long networkId, DateOnly date, IReadOnlyList<DashboardPerson> people, CancellationToken cancellation)
    {
        var (homes, plants) = await AccessibilityStatistics.PlacesAsync(database, networkId, people, cancellation);
        var carpoolers = await CarpoolersAsync(database, networkId, date, carTimes, cancellation);
        var accessRouter = await access.RouterAsync(cancellation);
        var cyclists = accessRouter is null ? []
            : access.Seconds(accessRouter, homes, plants, "bicycle").Where(s => s.Value <= BicycleMinutes * 60).Select(s => s.Key).ToHashSet();
        var stops = (await database.Sites.AsNoTracking()
                .Where(s => s.NetworkId == networkId && (s.Kind == SiteKind.Station || s.Kind == SiteKind.MeetingPoint))
                .Select(s => new { s.Id, s.Name, s.Kind, s.Location }).ToListAsync(cancellation))
            .Select(s => (s.Id, s.Name, s.Kind, Position: new GeoPoint(s.Location.Y, s.Location.X))).ToList();
        var near = homes.ToDictionary(h => h.Id, h => stops.Where(s => Geo.Metres(h.Position.Latitude, h.Position.Longitude, s.Position.Latitude, s.Position.Longitude) <= StopRadiusKilometres * 1000).Select(s => s.Id).ToList());

        ModeCount Mode(IReadOnlyList<long> counted, int total)
        {
            var n = disclosure.Count(counted);
            int? shown = n >= DashboardStatistics.MinimumShown ? n : null;
            return new ModeCount(shown, shown is { } s && total >= DashboardStatistics.MinimumShown ? Math.Round(Math.Min(1, (double)s / total), 2) : null);
        }
        var rows = new List<PlantPotential>();
        foreach (var plant in plants)
        {
            var staff = people.Where(p => p.SiteId == plant.Id).Select(p => p.Id).ToList();
            var total = disclosure.Count(staff);
            rows.Add(new PlantPotential(plant.Id, plant.Name, total >= DashboardStatistics.MinimumShown ? total : null,
                Mode(staff.Where(carpoolers.Contains).ToList(), total), Mode(staff.Where(cyclists.Contains).ToList(), total),
                Mode(staff.Where(id => near.TryGetValue(id, out var s) && s.Count > 0).ToList(), total)));
        }
        var catchments = stops.Select(s => new StopCatchment(s.Id, s.Name, s.Kind == SiteKind.Station ? "station" : "meeting-point",
                disclosure.Count(near.Where(n => n.Value.Contains(s.Id)).Select(n => n.Key))))
            .Where(c => c.People >= DashboardStatistics.MinimumShown).OrderByDescending(c => c.People).ThenBy(c => c.Stop, StringComparer.Ordinal).ToList();
        return new Potential(date, accessRouter is not null, Disclosure.Base, DashboardStatistics.MinimumShown, BicycleMinutes, StopRadiusKilometres, rows, catchments);
    }

    /// <summary>Employees of the date's commutes with at least one feasible pair, as driver or passenger, either way.</summary>
    public static async Task<HashSet<long>> CarpoolersAsync(MobilityDbContext database, long networkId, DateOnly date, ITravelTimes carTimes,
        CancellationToken cancellation)
    {
        var day = await CarpoolDayPlanning.LoadAsync(database, networkId, date, carTimes, cancellation);
        var found = new HashSet<long>();
        foreach (var instance in new[] { day.ToWork, day.ToHome })
            foreach (var pair in new GroupEnumerator(instance, maxPassengers: 1).Enumerate())
                foreach (var member in pair.Members)
                    found.Add(long.Parse(instance.Participants[member].Id, CultureInfo.InvariantCulture));
        return found;
    }

    /// <summary>What the date's groups would save if every one of them rode (proposed, accepted or confirmed; not the
    /// declined or cancelled), with the activity's factors; and what the carpools that ran saved over the range.</summary>
    public static async Task<Savings> SavingsAsync(MobilityDbContext database, Disclosure disclosure, StatisticsOptions options, long networkId,
        DateOnly date, DateOnly actualFrom, DateOnly actualTo, DashboardFilter filter, IReadOnlyList<DashboardPerson> people, CancellationToken cancellation)
    {
        var activity = await DashboardStatistics.ActivityAsync(database, disclosure, options, networkId, actualFrom, actualTo, filter, cancellation);
        var shownDays = activity.Days.Where(d => d.People is not null).ToList();
        var actual = new SavingsFigures(actualFrom, actualTo, shownDays.Count > 0 ? shownDays.Sum(d => d.People!.Value) : null,
            shownDays.Count > 0 ? shownDays.Sum(d => d.CarsRemoved ?? 0) : null,
            // Nothing published over the range is not a saving of 0: nobody may have ridden, or too few to say.
            shownDays.Count > 0 ? activity.KilometresSaved : null, shownDays.Count > 0 ? Math.Round(activity.KilogramsCo2Saved, 1) : null,
            shownDays.Count > 0 ? Math.Round(activity.EurosSaved, 0) : null);

        var ids = people.Select(p => p.Id).ToHashSet();
        var open = new[] { CarpoolStatus.Proposed, CarpoolStatus.Accepted, CarpoolStatus.Confirmed };
        var groups = await database.CarpoolGroups.AsNoTracking().Where(g => g.NetworkId == networkId && g.Date == date && open.Contains(g.Status))
            .Select(g => new { g.Id, g.Direction, g.Explanation, Members = g.Members.Where(m => open.Contains(m.Status)).Select(m => m.EmployeeId).ToList() })
            .ToListAsync(cancellation);
        var keys = new List<long>();
        var groupIds = new List<long>();
        var kilometres = 0.0;
        foreach (var group in groups.Where(g => g.Members.Count >= 2))
        {
            var explanation = group.Explanation?.Explanation;
            var counted = group.Members.Where(ids.Contains).ToList();
            if (counted.Count == 0 || explanation is null) continue;
            groupIds.Add(group.Id);
            var share = explanation.RouteKilometres / group.Members.Count;
            foreach (var member in counted)
            {
                keys.Add(DashboardStatistics.TripKey(member, date, group.Direction));
                var alone = explanation.Members.FirstOrDefault(m => m.Id == member.ToString(CultureInfo.InvariantCulture))?.DirectKilometres;
                if (alone is { } km && double.IsFinite(km)) kilometres += Math.Max(0, km - share);
            }
        }
        var riders = disclosure.Count(keys);
        var cars = disclosure.Count(groupIds);
        var saved = disclosure.Kilometres(kilometres, "potential", keys);
        var grams = EmissionFactors.CarGramsPerKilometre;
        var potential = riders >= DashboardStatistics.MinimumShown
            ? new SavingsFigures(date, date, riders, Math.Max(0, riders - cars), saved,
                saved is { } k ? Math.Round(k * grams / 1000, 1) : null, saved is { } e ? Math.Round(e * options.EurosPerKilometre, 0) : null)
            : new SavingsFigures(date, date, null, null, null, null, null);
        return new Savings(grams, options.EurosPerKilometre, actual, potential);
    }
}
