using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Mobility.Application.Statistics;
using Mobility.Data;
using Mobility.Data.Commutes;
using Mobility.Data.Privacy;
using Mobility.Planning;

namespace Mobility.Server.Statistics;

/// <summary>A distance band home → plant, its upper bound null for the last one.</summary>
public sealed record DistanceBand(string Band, int FromKilometres, int? ToKilometres, int People);

/// <summary>The filtered people's homes by straight-line distance to their plant; bands under
/// <see cref="DashboardStatistics.MinimumShown"/> are left out, and no total is published (see there).</summary>
public sealed record DistanceBands(int RoundingBase, int MinimumShown, IReadOnlyList<DistanceBand> Bands);

public sealed record Flow(string Commune, long PlantId, string Plant, int People);

/// <summary>Where people come from: commune → plant pairs, each rounded; pairs under
/// <see cref="DashboardStatistics.MinimumShown"/> are left out.</summary>
public sealed record Flows(int RoundingBase, int MinimumShown, IReadOnlyList<Flow> Pairs);

public sealed record ShiftHour(long PlantId, string Plant, int Hour, int? Starting, int? Ending);

/// <summary>Shifts of a date starting and ending per local hour and plant (of the people who agreed to be matched, whose
/// shifts the engine reads); a count under <see cref="DashboardStatistics.MinimumShown"/> is null, an hour with both
/// null left out.</summary>
public sealed record ShiftHours(DateOnly Date, int RoundingBase, int MinimumShown, IReadOnlyList<ShiftHour> Hours);

/// <summary>One day of carpools that ran (accepted or confirmed, from the day's snapshot); <see cref="Taken"/> false when
/// no snapshot exists for it (nothing known, not zero). The day's figures are null when its published people are under
/// <see cref="DashboardStatistics.MinimumShown"/> (so are kilometres, as <see cref="Disclosure.Kilometres"/> rules).</summary>
public sealed record ActivityDay(DateOnly Date, bool Taken, int? Groups, int? People, int? CarsRemoved,
    double? KilometresSaved, double? KilogramsCo2Saved, double? EurosSaved);

/// <summary>People carpooling per day, on average over the first and the second half of the range's days with a
/// published count (computed from the published days, so it says nothing they do not).</summary>
public sealed record ActivityTrend(double? FirstHalfPeoplePerDay, double? SecondHalfPeoplePerDay);

/// <summary>The range's activity: each day, and totals that are sums of the published days only (a count of the whole
/// range would be one more number to subtract the days from).</summary>
public sealed record Activity(DateOnly From, DateOnly To, int RoundingBase, int MinimumShown, double GramsCo2PerKilometre, double EurosPerKilometre,
    double KilometresSaved, double KilogramsCo2Saved, double EurosSaved, ActivityTrend Trend, IReadOnlyList<ActivityDay> Days);

/// <summary>
/// The working group's dashboard figures. Every count goes through <see cref="Disclosure"/>, keyed by exactly the people
/// counted, whatever the filter: a company's band and the network's band are two groups, each with its own coin, so
/// subtracting them gives nothing exact (tested by <c>DashboardDisclosureTests</c>).
/// </summary>
public static class DashboardStatistics
{
    /// <summary>
    /// The dashboard's cells are published only from this published count (so at least 6 people whatever the coin did),
    /// and it publishes no totals. Its filters make many overlapping groups (a company's band, the network's band, a
    /// plant's, a roster's): with cells of 5 (1 to 9 people) and totals, a listed cell (at least one person) and two
    /// subtractions could bracket a small group within 1–4 (found by the differencing test); from 10 they cannot.
    /// </summary>
    public const int MinimumShown = Disclosure.KilometreMinimumCount;

    public static readonly (string Band, int From, int? To)[] Bands = [("0-5", 0, 5), ("5-10", 5, 10), ("10-20", 10, 20), ("20-40", 20, 40), ("40+", 40, null)];

    public static string BandOf(double kilometres) =>
        Bands.First(b => b.To is not { } to || kilometres < to).Band;

    public static DistanceBands DistanceBandsOf(Disclosure disclosure, IReadOnlyList<DashboardPerson> people)
    {
        var placed = people.Where(p => p.HomeKilometres is not null).ToList();
        var counts = disclosure.Table(placed.Select(p => (BandOf(p.HomeKilometres!.Value), p.Id))).Where(c => c.Count >= MinimumShown)
            .ToDictionary(c => c.Key, c => c.Count);
        return new DistanceBands(Disclosure.Base, MinimumShown,
            Bands.Where(b => counts.ContainsKey(b.Band)).Select(b => new DistanceBand(b.Band, b.From, b.To, counts[b.Band])).ToList());
    }

    public static Flows FlowsOf(Disclosure disclosure, IReadOnlyList<DashboardPerson> people) =>
        new(Disclosure.Base, MinimumShown, disclosure.Table(people.Select(p => ((Commune: p.Commune ?? "?", p.SiteId, p.Site), p.Id)))
            .Where(c => c.Count >= MinimumShown).Select(c => new Flow(c.Key.Commune, c.Key.SiteId, c.Key.Site, c.Count)).ToList());

    public static async Task<ShiftHours> ShiftHoursAsync(MobilityDbContext database, Disclosure disclosure, long networkId, TimeZoneInfo zone,
        DateOnly date, DashboardFilter filter, IReadOnlyList<DashboardPerson> people, CancellationToken cancellation)
    {
        var commutes = await CommuteLoader.LoadAsync(database, networkId, date, cancellation: cancellation);
        var byId = people.ToDictionary(p => p.Id);
        DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, zone);
        var shifts = commutes.Shifts
            .Select(s => (Person: byId.GetValueOrDefault(long.Parse(s.Key, CultureInfo.InvariantCulture)), Start: Local(s.Value.Start), End: Local(s.Value.End)))
            .Where(s => s.Person is not null && (filter.Shift is not { } start || TimeOnly.FromDateTime(s.Start.DateTime) == start)).ToList();
        var starting = disclosure.Table(shifts.Select(s => ((s.Person!.SiteId, s.Start.Hour), s.Person.Id))).Where(c => c.Count >= MinimumShown).ToDictionary(c => c.Key, c => c.Count);
        var ending = disclosure.Table(shifts.Select(s => ((s.Person!.SiteId, s.End.Hour), s.Person.Id))).Where(c => c.Count >= MinimumShown).ToDictionary(c => c.Key, c => c.Count);
        var plants = people.Select(p => (p.SiteId, p.Site)).Distinct().ToDictionary(p => p.SiteId, p => p.Site);
        return new ShiftHours(date, Disclosure.Base, MinimumShown, starting.Keys.Union(ending.Keys).OrderBy(k => plants[k.SiteId], StringComparer.Ordinal).ThenBy(k => k.Hour)
            .Select(k => new ShiftHour(k.SiteId, plants[k.SiteId], k.Hour, starting.TryGetValue(k, out var s) ? s : null, ending.TryGetValue(k, out var e) ? e : null)).ToList());
    }

    /// <summary>What a person's trip of a date and direction is counted as: a key stable across snapshots taken again,
    /// so the same people on the same day always get the same coin, and never equal to an employee id.</summary>
    public static long TripKey(long employee, DateOnly date, CommuteDirection direction) =>
        (employee << 21) | ((long)date.DayNumber << 1) | (direction == CommuteDirection.ToWork ? 0L : 1L);

    public static async Task<Activity> ActivityAsync(MobilityDbContext database, Disclosure disclosure, StatisticsOptions options, long networkId,
        DateOnly from, DateOnly to, DashboardFilter filter, CancellationToken cancellation)
    {
        long[]? shiftRosters = filter.Shift is { } start
            ? await database.ShiftSlots.Where(s => s.ShiftPattern!.NetworkId == networkId && s.Start == start).Select(s => s.ShiftPatternId).Distinct().ToArrayAsync(cancellation)
            : null;
        var snapshots = await database.ActivitySnapshots.AsNoTracking().Where(s => s.NetworkId == networkId && s.Date >= from && s.Date <= to)
            .Select(s => new
            {
                s.Date,
                Trips = s.Trips.Where(t => (filter.Company == null || t.CompanyId == filter.Company) && (filter.Plant == null || t.SiteId == filter.Plant)
                        && (filter.Roster == null || t.ShiftPatternId == filter.Roster)
                        && (shiftRosters == null || (t.ShiftPatternId != null && shiftRosters.Contains(t.ShiftPatternId.Value))))
                    .Select(t => new { t.EmployeeId, t.CarpoolGroupId, t.Direction, t.AloneKilometres, t.RouteKilometres }).ToList(),
            })
            .ToDictionaryAsync(s => s.Date, cancellation);
        var grams = EmissionFactors.CarGramsPerKilometre;
        var days = new List<ActivityDay>();
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            if (!snapshots.TryGetValue(date, out var snapshot)) { days.Add(new ActivityDay(date, false, null, null, null, null, null, null)); continue; }
            var keys = snapshot.Trips.Select(t => TripKey(t.EmployeeId, date, t.Direction)).ToList();
            var (people, groups) = (disclosure.Count(keys), disclosure.Count(snapshot.Trips.Select(t => t.CarpoolGroupId)));
            if (people < MinimumShown) { days.Add(new ActivityDay(date, true, null, null, null, null, null, null)); continue; }
            var saved = disclosure.Kilometres(snapshot.Trips.Where(t => t.AloneKilometres is not null).Sum(t => Math.Max(0, t.AloneKilometres!.Value - t.RouteKilometres)),
                "saved", keys);
            days.Add(new ActivityDay(date, true, groups, people, Math.Max(0, people - groups), saved,
                saved is { } km ? Math.Round(km * grams / 1000, 1) : null, saved is { } k ? Math.Round(k * options.EurosPerKilometre, 0) : null));
        }
        var taken = days.Where(d => d.People is not null).ToList();
        double? Mean(IEnumerable<ActivityDay> part) => part.Any() ? Math.Round(part.Average(d => d.People!.Value), 1) : null;
        var trend = new ActivityTrend(Mean(taken.Take(taken.Count / 2)), Mean(taken.Skip(taken.Count / 2)));
        var totalKm = days.Sum(d => d.KilometresSaved ?? 0);
        return new Activity(from, to, Disclosure.Base, MinimumShown, grams, options.EurosPerKilometre, totalKm, days.Sum(d => d.KilogramsCo2Saved ?? 0), days.Sum(d => d.EurosSaved ?? 0), trend, days);
    }
}
