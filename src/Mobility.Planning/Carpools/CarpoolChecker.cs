namespace Mobility.Planning.Carpools;

/// <summary>
/// Checks a set of groups against the rules with its own arithmetic, trusting nothing the matcher computed: the route
/// is re-driven forwards in real time on the real travel matrix (site → homes in the evening, never the reversed view
/// the matcher uses), from the stated departure, and every violation is listed.
/// </summary>
public static class CarpoolChecker
{
    public static List<string> Violations(CarpoolInstance instance, IEnumerable<MatchedGroup> groups)
    {
        var problems = new List<string>();
        var seen = new HashSet<int>();
        var people = instance.Participants;
        var toWork = instance.Direction == CommuteDirection.ToWork;
        foreach (var group in groups)
        {
            var driver = people[group.Driver];
            var name = $"group of {driver.Id}";
            if (group.Direction != instance.Direction) problems.Add($"{name}: a {group.Direction} group in a {instance.Direction} instance");
            foreach (var member in group.Members)
                if (!seen.Add(member)) problems.Add($"{people[member].Id} is in two groups");
            if (!driver.CanDrive) problems.Add($"{name}: {driver.Id} cannot drive");
            if (group.Pickups.Count > driver.Seats) problems.Add($"{name}: {group.Pickups.Count} passengers for {driver.Seats} seats");
            foreach (var passenger in group.Pickups.Where(p => !people[p].CanRide)) problems.Add($"{name}: {people[passenger].Id} does not ride");

            // The real drive: home → passengers' homes → sites in the morning, site → other sites → homes → home in the evening.
            var stops = toWork
                ? group.HomesInDrivingOrder.Concat(group.SitesInDrivingOrder).ToList()
                : group.SitesInDrivingOrder.Concat(group.HomesInDrivingOrder).Append(group.Driver).ToList();
            var start = toWork ? group.Driver : stops[0];
            var time = group.Departure;
            var position = start;
            var reached = new Dictionary<int, double> { [start] = time };
            foreach (var stop in stops.Skip(toWork ? 0 : 1))
            {
                time += instance.Travel.Seconds(position, stop);
                position = stop;
                reached.TryAdd(stop, time);
            }
            var end = toWork ? instance.SiteLocation[group.Driver] : group.Driver;
            if (position != end || (!toWork && start != instance.SiteLocation[group.Driver]))
                problems.Add($"{name}: the route does not run between the driver's home and site");
            var route = time - group.Departure;
            var direct = toWork ? instance.Travel.Seconds(group.Driver, end) : instance.Travel.Seconds(start, group.Driver);
            if (route - direct > driver.MaxDetourMinutes * 60 + 0.5) problems.Add($"{name}: detour {(route - direct) / 60:F1} min > {driver.MaxDetourMinutes} min");
            if (route > driver.MaxDetourRatio * direct + 0.5) problems.Add($"{name}: route {route / direct:F2} x direct > {driver.MaxDetourRatio}");
            foreach (var member in group.Members)
            {
                var person = people[member];
                var site = instance.SiteLocation[member];
                if (!reached.TryGetValue(site, out var atSite) || !reached.TryGetValue(member, out var atHome))
                {
                    problems.Add($"{name}: {person.Id}'s home or site is not on the route");
                    continue;
                }
                if (atSite < person.Earliest - 0.5 || atSite > person.Latest + 0.5)
                    problems.Add($"{name}: {person.Id} {(toWork ? "arrives at" : "leaves")} the site outside their window");
                var ride = toWork ? atSite - atHome : atHome - atSite;
                if (ride < 0) problems.Add($"{name}: {person.Id} is dropped before being picked up");
                var alone = toWork ? instance.Travel.Seconds(member, site) : instance.Travel.Seconds(site, member);
                if (member != group.Driver && ride > person.MaxRideFactor * alone + 0.5)
                    problems.Add($"{name}: {person.Id} rides longer than {person.MaxRideFactor} x their direct trip");
            }
        }
        return problems;
    }
}
