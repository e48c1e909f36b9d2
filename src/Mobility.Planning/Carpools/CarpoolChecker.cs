namespace Mobility.Planning.Carpools;

/// <summary>
/// Checks a set of groups against the rules with its own arithmetic, trusting nothing the matcher computed: the route
/// is re-driven from the travel matrix, the stated departure is used, and every violation is listed.
/// </summary>
public static class CarpoolChecker
{
    public static List<string> Violations(CarpoolInstance instance, IEnumerable<CarpoolGroup> groups)
    {
        var problems = new List<string>();
        var seen = new HashSet<int>();
        var people = instance.Participants;
        foreach (var group in groups)
        {
            var driver = people[group.Driver];
            var name = $"group of {driver.Id}";
            foreach (var member in group.Members)
                if (!seen.Add(member)) problems.Add($"{people[member].Id} is in two groups");
            if (!driver.CanDrive) problems.Add($"{name}: {driver.Id} cannot drive");
            if (group.Pickups.Count > driver.Seats) problems.Add($"{name}: {group.Pickups.Count} passengers for {driver.Seats} seats");
            foreach (var passenger in group.Pickups.Where(p => !people[p].CanRide)) problems.Add($"{name}: {people[passenger].Id} does not ride");

            var time = group.Departure;
            var position = group.Driver;
            var boarded = new Dictionary<int, double>();
            foreach (var passenger in group.Pickups)
            {
                time += instance.Seconds(position, passenger);
                position = passenger;
                boarded[passenger] = time;
            }
            var arrived = new Dictionary<int, double>();
            foreach (var site in group.DropLocations)
            {
                time += instance.Seconds(position, site);
                position = site;
                arrived[site] = time;
            }
            if (position != instance.SiteLocation[group.Driver]) problems.Add($"{name}: the route does not end at the driver's site");
            var route = time - group.Departure;
            var direct = instance.DirectSeconds(group.Driver);
            if (route - direct > driver.MaxDetourMinutes * 60 + 0.5) problems.Add($"{name}: detour {(route - direct) / 60:F1} min > {driver.MaxDetourMinutes} min");
            if (route > driver.MaxDetourRatio * direct + 0.5) problems.Add($"{name}: route {route / direct:F2} x direct > {driver.MaxDetourRatio}");
            foreach (var member in group.Members)
            {
                var person = people[member];
                if (!arrived.TryGetValue(instance.SiteLocation[member], out var arrival))
                {
                    problems.Add($"{name}: {person.Id} is never dropped at their site");
                    continue;
                }
                if (arrival < person.ArriveEarliest - 0.5 || arrival > person.ArriveLatest + 0.5)
                    problems.Add($"{name}: {person.Id} arrives outside their window");
                if (member != group.Driver && arrival - boarded[member] > person.MaxRideFactor * instance.DirectSeconds(member) + 0.5)
                    problems.Add($"{name}: {person.Id} rides longer than {person.MaxRideFactor} x their direct trip");
            }
        }
        return problems;
    }
}
