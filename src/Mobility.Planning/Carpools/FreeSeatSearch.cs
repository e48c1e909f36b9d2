namespace Mobility.Planning.Carpools;

/// <summary>Where <see cref="FreeSeatSearch"/> put each passenger. <see cref="Cars"/> are the cars given, each with the
/// passengers it took added, then the new groups of drivers who were driving alone; <see cref="CarOf"/> maps a placed
/// passenger to their car's index there.</summary>
public sealed record FreeSeatResult(IReadOnlyList<MatchedGroup> Cars, IReadOnlyDictionary<int, int> CarOf, IReadOnlyList<int> Unplaced)
{
    /// <summary>How many of <see cref="Cars"/> were given; the rest are new groups.</summary>
    public required int GivenCars { get; init; }
}

/// <summary>
/// A seat now for passengers whose car is gone on the day (the driver cancelled): in a car of the same trip that still has
/// a free seat, or with a driver who drives alone. Unlike a re-match, nothing that holds is undone: a car keeps its
/// members and only gains a passenger when everyone's window, ride limit and the driver's detour limits still hold with
/// them on board (<see cref="GroupEvaluator"/>), and no pickup comes before the moment people can still be told. The cheapest
/// extra driving wins; passengers are served in the order given, each one's car open to the next.
/// </summary>
public static class FreeSeatSearch
{
    /// <param name="cars">The trips that way with their members, which stay.</param>
    /// <param name="idleDrivers">Drivers of this direction in no group, whose car is where the trip starts.</param>
    /// <param name="passengers">Who needs a seat, first served first.</param>
    /// <param name="notBefore">No pickup before this (seconds on the participants' clock): nobody could be told in time.</param>
    /// <param name="keepApart">Pairs of participant ids never put in one car (someone declined or left the other).</param>
    public static FreeSeatResult Place(CarpoolInstance instance, IReadOnlyList<MatchedGroup> cars, IReadOnlyList<int> idleDrivers,
        IReadOnlyList<int> passengers, double notBefore, IReadOnlyCollection<(string, string)>? keepApart = null)
    {
        var apart = (keepApart ?? []).SelectMany(p => new[] { (p.Item1, p.Item2), (p.Item2, p.Item1) }).ToHashSet();
        bool Together(int a, int b) => !apart.Contains((instance.Participants[a].Id, instance.Participants[b].Id));
        var evaluator = new GroupEvaluator(instance);
        var current = cars.ToList();
        var idle = idleDrivers.Where(d => !passengers.Contains(d)).ToList();
        var carOf = new Dictionary<int, int>();
        var unplaced = new List<int>();
        foreach (var passenger in passengers)
        {
            (double Extra, int Car, int Idle, MatchedGroup Group)? best = null;
            void Consider(double extra, int car, int idleIndex, MatchedGroup? group)
            {
                if (group is null || FirstPickup(instance, group) < notBefore) return;
                if (best is null || extra < best.Value.Extra) best = (extra, car, idleIndex, group);
            }
            for (var k = 0; k < current.Count; k++)
            {
                var car = current[k];
                if (car.Members.Contains(passenger) || !car.Members.All(m => Together(m, passenger))) continue;
                var grown = evaluator.Best(car.Driver, car.Pickups.Append(passenger).ToList());
                Consider(grown is null ? 0 : grown.RouteSeconds - car.RouteSeconds, k, -1, grown);
            }
            for (var i = 0; i < idle.Count; i++)
            {
                if (!Together(idle[i], passenger)) continue;
                var pair = evaluator.Best(idle[i], [passenger]);
                Consider(pair is null ? 0 : pair.RouteSeconds - instance.DirectSeconds(idle[i]), -1, i, pair);
            }
            if (best is not { } found)
            {
                unplaced.Add(passenger);
                continue;
            }
            if (found.Car >= 0) current[found.Car] = found.Group;
            else
            {
                current.Add(found.Group);
                idle.RemoveAt(found.Idle);
            }
            carOf[passenger] = found.Car >= 0 ? found.Car : current.Count - 1;
        }
        return new FreeSeatResult(current, carOf, unplaced) { GivenCars = cars.Count };
    }

    /// <summary>The group's first pickup on the participants' clock: the driver's departure from home to work, from the
    /// site home.</summary>
    private static double FirstPickup(CarpoolInstance instance, MatchedGroup group)
    {
        var explanation = GroupExplainer.Explain(instance, group);
        return explanation.Members.Min(m => group.Direction == CommuteDirection.ToWork ? m.AtHome : m.AtSite);
    }
}
