namespace Mobility.Planning.Carpools;

/// <summary>Builds a group's <see cref="GroupExplanation"/> from the instance it was matched on.</summary>
public static class GroupExplainer
{
    public static GroupExplanation Explain(CarpoolInstance instance, MatchedGroup group)
    {
        var people = instance.Participants;
        // Offsets along the matching view's route (homes, then sites), then turned into real times: forwards from the
        // departure to work, backwards from the matching-clock departure home (see CarpoolInstance).
        var offsets = new Dictionary<int, double> { [group.Driver] = 0 };
        var position = group.Driver;
        double clock = 0;
        foreach (var stop in group.Pickups.Concat(group.DropLocations))
        {
            clock += instance.Seconds(position, stop);
            position = stop;
            offsets.TryAdd(stop, clock);
        }
        var toWork = group.Direction == CommuteDirection.ToWork;
        double Real(double offset) => toWork ? group.DepartureEarliest + offset : -(group.DepartureLatest + offset);

        var homeOrder = group.HomesInDrivingOrder.Select((p, i) => (p, i + 1)).ToDictionary(x => x.p, x => x.Item2);
        var driver = people[group.Driver];
        var driverDirect = instance.DirectSeconds(group.Driver);
        var detourLimit = Math.Min(driver.MaxDetourMinutes * 60, (driver.MaxDetourRatio - 1) * driverDirect);
        var members = group.Members.Select(m =>
        {
            var person = people[m];
            var atSite = offsets[instance.SiteLocation[m]];
            var direct = instance.DirectSeconds(m);
            var isDriver = m == group.Driver;
            return new MemberExplanation(person.Id, person.Company, isDriver ? MemberRole.Driver : MemberRole.Passenger,
                isDriver ? 0 : homeOrder[m], person.SiteId, Real(offsets[m]), Real(atSite), person.Earliest, person.Latest,
                (atSite - offsets[m]) / 60, direct / 60, (isDriver ? direct + detourLimit : person.MaxRideFactor * direct) / 60,
                instance.DirectMetres(m) / 1000);
        }).ToList();
        var sites = group.SitesInDrivingOrder.Select(l => instance.SiteIds[l - people.Count]).ToList();
        return new GroupExplanation(group.Direction, group.Departure, members, sites, group.RouteSeconds / 60, group.RouteMetres / 1000,
            (group.RouteSeconds - driverDirect) / 60, detourLimit / 60);
    }
}
