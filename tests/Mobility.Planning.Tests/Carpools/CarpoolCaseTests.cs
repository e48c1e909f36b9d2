using Mobility.Planning.Carpools;
using Mobility.Planning.Shifts;
using Mobility.Planning.TravelTimes;
using Mobility.Routing;

namespace Mobility.Planning.Tests.Carpools;

/// <summary>Hand-made cases on straight-line travel times at 50 km/h with no detour factor (easy to reason about).</summary>
public class CarpoolCaseTests
{
    private static readonly ITravelTimes Straight = new CrowFlyTravelTimes(detourFactor: 1.0, kilometresPerHour: 50);
    private const double Km = 1 / 111.195; // degrees of latitude per kilometre
    private static readonly GeoPoint Plant = new(48.80, 7.80);

    /// <summary>Someone living <paramref name="kmSouth"/> km south of <paramref name="site"/> who must arrive between 4:35 and 4:55.</summary>
    private static CarpoolParticipant Person(string id, double kmSouth, CarpoolRole role, GeoPoint? site = null, string siteId = "P",
        double earliest = 4 * 3600 + 35 * 60, double latest = 4 * 3600 + 55 * 60, double detourMinutes = 15) =>
        new(id, "A", new GeoPoint((site ?? Plant).Latitude - kmSouth * Km, (site ?? Plant).Longitude), siteId, site ?? Plant, role,
            role == CarpoolRole.Passenger ? 0 : 3, detourMinutes, 1.5, earliest, latest);

    [Fact]
    public void A_passenger_on_the_drivers_way_rides_with_him()
    {
        var instance = new CarpoolInstance([Person("driver", 10, CarpoolRole.Driver), Person("rider", 5, CarpoolRole.Passenger)], Straight);
        var plan = CarpoolMatcher.Match(instance);
        var group = Assert.Single(plan.Selection.Groups);
        Assert.Equal(0, group.Driver);
        Assert.Equal([1], group.Pickups);
        // 10 km at 50 km/h = 12 minutes: the pickup is on the way, so no detour.
        Assert.Equal(720, group.RouteSeconds, 1);
        Assert.True(plan.Selection.ProvenOptimal);
        Assert.Empty(CarpoolChecker.Violations(instance, plan.Selection.Groups));
    }

    [Fact]
    public void A_passenger_nobody_can_take_is_reported_with_the_reason()
    {
        // 40 km the other way: 48 minutes of detour for a 12-minute trip.
        var instance = new CarpoolInstance([Person("driver", 10, CarpoolRole.Driver), Person("far", -40, CarpoolRole.Passenger)], Straight);
        var plan = CarpoolMatcher.Match(instance);
        Assert.Empty(plan.Selection.Groups);
        Assert.Equal([new UnservedPassenger("far", NoRideReason.NoCompatibleDriver)], plan.Unserved);
    }

    [Fact]
    public void Different_shifts_do_not_share_a_car()
    {
        var afternoon = 12 * 3600 + 35 * 60;
        var instance = new CarpoolInstance([Person("driver", 10, CarpoolRole.Driver),
            Person("afternoon", 5, CarpoolRole.Passenger, earliest: afternoon, latest: afternoon + 20 * 60)], Straight);
        Assert.Empty(CarpoolMatcher.Match(instance).Selection.Groups);
    }

    [Fact]
    public void A_driver_drops_a_colleague_at_the_neighbouring_plant_first()
    {
        // The other plant lies 1 km south of the driver's, on his way.
        var neighbour = new GeoPoint(Plant.Latitude - 1 * Km, Plant.Longitude);
        var instance = new CarpoolInstance([Person("driver", 10, CarpoolRole.Driver),
            Person("neighbour", 4, CarpoolRole.Passenger, site: neighbour, siteId: "Q")], Straight);
        var group = Assert.Single(CarpoolMatcher.Match(instance).Selection.Groups);
        Assert.Equal(new[] { instance.SiteLocation[1], instance.SiteLocation[0] }, group.DropLocations);
        Assert.Equal(720, group.RouteSeconds, 1);
        Assert.Empty(CarpoolChecker.Violations(instance, [group]));
    }

    [Fact]
    public void The_solver_serves_more_passengers_than_the_first_come_pairing()
    {
        // One car with one seat and one with two: greedy-by-detour pairs give a seat away badly; the optimum serves all.
        var people = new List<CarpoolParticipant>
        {
            Person("d1", 10, CarpoolRole.Driver) with { Seats = 1 },
            Person("d2", 10.2, CarpoolRole.Driver) with { Seats = 2 },
            Person("p1", 6, CarpoolRole.Passenger), Person("p2", 5, CarpoolRole.Passenger), Person("p3", 4, CarpoolRole.Passenger),
        };
        var instance = new CarpoolInstance(people, Straight);
        var plan = CarpoolMatcher.Match(instance);
        Assert.Equal(3, plan.PassengersServed);
        Assert.Empty(plan.Unserved);
        Assert.True(plan.Selection.ProvenOptimal);
        Assert.True(PairwiseBaseline.Match(instance).Groups.Sum(g => g.Pickups.Count) < 3);
    }

    [Fact]
    public void Night_shift_windows_from_the_calendar_let_two_night_workers_share_on_the_spring_clock_change()
    {
        var night = ShiftCalendar.Paris.Instance(new DateOnly(2026, 3, 28), new TimeOnly(21, 0), new TimeOnly(5, 0));
        var window = CommuteWindow.ToWork(night, TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(5));
        var (earliest, latest) = (window.Earliest.ToUnixTimeSeconds(), window.Latest.ToUnixTimeSeconds());
        var instance = new CarpoolInstance([Person("driver", 10, CarpoolRole.Driver, earliest: earliest, latest: latest),
            Person("rider", 5, CarpoolRole.Either, earliest: earliest, latest: latest)], Straight);
        var group = Assert.Single(CarpoolMatcher.Match(instance).Selection.Groups);
        // They leave 12 minutes before an arrival inside 20:35–20:55 local (UTC+1): between 19:23 and 19:43 UTC.
        Assert.InRange(group.Departure, earliest - 721, latest - 719);
        Assert.Equal(DateTimeOffset.Parse("2026-03-28T19:23:00Z").ToUnixTimeSeconds(), group.DepartureEarliest, 0.5);
    }

    [Fact]
    public void The_checker_catches_a_group_that_breaks_the_rules()
    {
        var instance = new CarpoolInstance([Person("driver", 10, CarpoolRole.Driver, detourMinutes: 5), Person("far", -8, CarpoolRole.Passenger)], Straight);
        // Forced by hand: 8 km the wrong way is far beyond a 5-minute detour.
        var forced = new MatchedGroup(0, [1], [instance.SiteLocation[0]], 0, 0, 4 * 3600, 4 * 3600);
        var problems = CarpoolChecker.Violations(instance, [forced]);
        Assert.Contains(problems, p => p.Contains("detour"));
        Assert.Contains(problems, p => p.Contains("arrives at the site outside"));
    }

    [Fact]
    public void Someone_the_router_cannot_place_is_reported_so_and_left_out_of_the_savings()
    {
        var unreachable = new UnreachableHome(Straight, new GeoPoint(Plant.Latitude - 3 * Km, Plant.Longitude));
        var instance = new CarpoolInstance([Person("driver", 10, CarpoolRole.Driver), Person("island", 3, CarpoolRole.Passenger),
            Person("rider", 5, CarpoolRole.Passenger)], unreachable);
        var plan = CarpoolMatcher.Match(instance);
        Assert.Equal([new UnservedPassenger("island", NoRideReason.NotOnRoadNetwork)], plan.Unserved);
        Assert.Equal(1, plan.PassengersServed);
        Assert.True(double.IsFinite(plan.VehicleKilometresSaved));
        Assert.Equal(plan.VehicleKilometresAlone, instance.DirectMetres(0) / 1000, 6);
    }

    /// <summary>Straight lines, except that one place is off the network: unreachable from and to everywhere else.</summary>
    private sealed class UnreachableHome(ITravelTimes inner, GeoPoint island) : ITravelTimes
    {
        public TravelMatrix Matrix(IReadOnlyList<GeoPoint> origins, IReadOnlyList<GeoPoint> destinations)
        {
            var matrix = inner.Matrix(origins, destinations);
            var (seconds, metres) = (new float[origins.Count * destinations.Count], new float[origins.Count * destinations.Count]);
            for (var i = 0; i < origins.Count; i++)
                for (var j = 0; j < destinations.Count; j++)
                {
                    var cut = i != j && (origins[i] == island || destinations[j] == island);
                    seconds[i * destinations.Count + j] = cut ? float.PositiveInfinity : matrix.Seconds(i, j);
                    metres[i * destinations.Count + j] = cut ? float.PositiveInfinity : matrix.Metres(i, j);
                }
            return new TravelMatrix(origins.Count, destinations.Count, seconds, metres);
        }
    }
}
