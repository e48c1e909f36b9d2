using Mobility.Planning.Carpools;
using Mobility.Planning.TravelTimes;

namespace Mobility.Planning.Shuttles;

/// <summary>
/// The comparison HR asks for, for the riders of a shuttle plan: everyone driving alone from home to their plant and
/// back, the carpool plan of the same people (<see cref="CarpoolMatcher.MatchDay"/>), and the shuttles. Driving alone
/// and carpooling count whole trips from home; the shuttles' kilometres are the buses' own, from station to plant,
/// so the riders' way to the station comes on top of them: given the shuttle case, a fourth line counts it door to door
/// (the way from home to the stop by car when it is longer than a walk, and unserved moves driven alone). Someone whose
/// home or plant is off the road network counts as a person but adds no kilometres (no trip is known).
/// </summary>
public static class ShuttleComparison
{
    public static IReadOnlyList<CommuteAlternative> Compare(ComputedShuttlePlan shuttles, IReadOnlyList<CarpoolParticipant> toWork,
        IReadOnlyList<CarpoolParticipant> toHome, ITravelTimes travelTimes, CarpoolSettings? settings = null,
        ShuttleCase? shuttleCase = null, double walkingMetres = 2000)
    {
        settings ??= new CarpoolSettings();
        var morning = new CarpoolInstance(toWork, travelTimes);
        var evening = morning.WithParticipants(toHome, CommuteDirection.ToHome);
        var carpools = CarpoolMatcher.MatchDay(morning, evening, settings);
        var counted = toWork.Select(p => p.Id).Union(toHome.Select(p => p.Id)).ToHashSet();
        var alone = DirectKilometres(morning, Known(morning)) + DirectKilometres(evening, Known(evening));
        var pooled = PooledKilometres(morning, carpools.ToWork.Selection.Groups) + PooledKilometres(evening, carpools.ToHome.Selection.Groups);
        var pooledPeople = Members(toWork, carpools.ToWork.Selection.Groups).Union(Members(toHome, carpools.ToHome.Selection.Groups)).Count();
        // Every rider has one move to the site; a rider is served unless left without a seat both ways.
        var shuttleRiders = shuttles.Waves.Sum(w => w.RidersToSite);
        var unservedBothWays = shuttles.Waves.SelectMany(w => w.Unserved).GroupBy(u => u.Rider.Id)
            .Where(g => g.Sum(u => u.Count) >= 2 * g.First().Rider.Count).Sum(g => g.First().Rider.Count);
        double Co2(double kilometres) => kilometres * settings.GramsCo2PerKilometre / 1000;
        List<CommuteAlternative> alternatives =
        [
            new("everyone driving alone", alone, Co2(alone), counted.Count, 0),
            new("carpools", pooled, Co2(pooled), counted.Count, pooledPeople),
            new("shuttles", shuttles.Kilometres, shuttles.KilogramsCo2, shuttleRiders, shuttleRiders - unservedBothWays),
        ];
        if (shuttleCase is not null)
        {
            var cars = CarKilometresAroundShuttles(shuttles, shuttleCase, morning, travelTimes, walkingMetres);
            alternatives.Add(new("shuttles, door to door", shuttles.Kilometres + cars, shuttles.KilogramsCo2 + Co2(cars),
                shuttleRiders, shuttleRiders - unservedBothWays));
        }
        return alternatives;
    }

    /// <summary>
    /// The car kilometres the shuttle plan leaves: each seated move's way between home and the stop (by car when longer
    /// than <paramref name="walkingMetres"/>, an assumption on the pessimistic side: some come by train or bike), and
    /// each unserved move driven alone from home to the plant. Riders are the people of <paramref name="people"/> with the
    /// same id; a what-if group of riders without a person adds nothing.
    /// </summary>
    private static double CarKilometresAroundShuttles(ComputedShuttlePlan shuttles, ShuttleCase shuttleCase, CarpoolInstance people,
        ITravelTimes travelTimes, double walkingMetres)
    {
        var index = people.Participants.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var riders = shuttleCase.Riders.Where(r => index.ContainsKey(r.Id)).ToList();
        if (riders.Count == 0) return 0;
        var stops = shuttleCase.Stops.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var access = travelTimes.Matrix(riders.Select(r => people.Participants[index[r.Id]].Home).ToList(), shuttleCase.Stops.Select(s => s.Location).ToList());
        var unserved = shuttles.Waves.SelectMany(w => w.Unserved).GroupBy(u => u.Rider.Id).ToDictionary(g => g.Key, g => g.Sum(u => u.Count));
        var metres = 0.0;
        for (var r = 0; r < riders.Count; r++)
        {
            var rider = riders[r];
            var missed = Math.Min(unserved.GetValueOrDefault(rider.Id), 2 * rider.Count);
            var toStop = access.Metres(r, stops[rider.OriginStopId]);
            if (toStop > walkingMetres && float.IsFinite(toStop)) metres += (2 * rider.Count - missed) * toStop;
            var direct = people.DirectMetres(index[rider.Id]);
            if (double.IsFinite(direct)) metres += missed * direct;
        }
        return metres / 1000;
    }

    private static IEnumerable<int> Known(CarpoolInstance instance) =>
        Enumerable.Range(0, instance.Participants.Count).Where(i => double.IsFinite(instance.DirectMetres(i)));

    private static double DirectKilometres(CarpoolInstance instance, IEnumerable<int> people) => people.Sum(instance.DirectMetres) / 1000;

    /// <summary>Each group's route, and everyone outside a group (with a known trip) driving alone.</summary>
    private static double PooledKilometres(CarpoolInstance instance, IReadOnlyList<MatchedGroup> groups)
    {
        var grouped = groups.SelectMany(g => g.Members).ToHashSet();
        return groups.Sum(g => g.RouteMetres) / 1000 + DirectKilometres(instance, Known(instance).Where(i => !grouped.Contains(i)));
    }

    private static IEnumerable<string> Members(IReadOnlyList<CarpoolParticipant> people, IReadOnlyList<MatchedGroup> groups) =>
        groups.SelectMany(g => g.Members).Select(i => people[i].Id);
}
