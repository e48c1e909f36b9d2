namespace Mobility.Planning.Carpools;

/// <summary>Settings of a matching run.</summary>
public sealed record CarpoolSettings(
    int MaxPassengers = 3,
    int PartnersPerDriver = 25,
    double ExactTimeLimitSeconds = 10,
    /// <summary>Above this many candidate groups the greedy selection is used instead of CP-SAT.</summary>
    int ExactGroupLimit = 200_000,
    double GramsCo2PerKilometre = 120);

/// <summary>
/// Morning carpool matching for one date: candidate groups by shareability, then the best disjoint choice, then what
/// it saves. Pure: the participants and an <see cref="TravelTimes.ITravelTimes"/> go in, a plan comes out.
/// </summary>
public static class CarpoolMatcher
{
    public static CarpoolPlan Match(CarpoolInstance instance, CarpoolSettings? settings = null)
    {
        settings ??= new CarpoolSettings();
        var groups = new GroupEnumerator(instance, settings.MaxPassengers, settings.PartnersPerDriver).Enumerate();
        var selection = groups.Count <= settings.ExactGroupLimit
            ? CarpoolSelector.Exact(instance, groups, settings.ExactTimeLimitSeconds)
            : CarpoolSelector.Greedy(instance, groups);
        return Plan(instance, groups, selection, settings.GramsCo2PerKilometre);
    }

    public static CarpoolPlan Plan(CarpoolInstance instance, IReadOnlyList<CarpoolGroup> candidates, Selection selection, double gramsPerKilometre)
    {
        var people = instance.Participants;
        var grouped = selection.Groups.SelectMany(g => g.Members).ToHashSet();
        var inSomeCandidate = candidates.SelectMany(g => g.Pickups).ToHashSet();
        var unserved = Enumerable.Range(0, people.Count)
            .Where(i => people[i].Role == CarpoolRole.Passenger && !grouped.Contains(i))
            .Select(i => new UnservedPassenger(people[i].Id,
                inSomeCandidate.Contains(i) ? UnservedReason.SeatsTakenByBetterGroups : UnservedReason.NoCompatibleDriver))
            .ToList();
        var drivers = Enumerable.Range(0, people.Count).Where(i => people[i].CanDrive).ToList();
        var alone = drivers.Sum(instance.DirectMetres) / 1000;
        var planned = (selection.Groups.Sum(g => g.RouteMetres) + drivers.Where(i => !grouped.Contains(i)).Sum(instance.DirectMetres)) / 1000;
        var carsRemoved = selection.Groups.Sum(g => g.Pickups.Count(p => people[p].CanDrive));
        return new CarpoolPlan(selection, unserved, selection.Groups.Sum(g => g.Pickups.Count), carsRemoved, alone, planned, gramsPerKilometre);
    }
}
