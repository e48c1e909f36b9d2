using Mobility.Planning.Carpools;
using Mobility.Planning.Shifts;
using Mobility.Planning.TravelTimes;
using Mobility.Routing;

namespace Mobility.Planning.Tests.Carpools;

/// <summary>Both directions of a date, hand-made on straight lines at 50 km/h (1 km = 72 s).</summary>
public class CarpoolDayTests
{
    private static readonly ITravelTimes Straight = new CrowFlyTravelTimes(detourFactor: 1.0, kilometresPerHour: 50);
    private const double Km = 1 / 111.195;
    private static readonly GeoPoint Plant = new(48.80, 7.80);
    private static readonly DateOnly Day = new(2026, 6, 10);

    /// <summary>Someone living <paramref name="kmSouth"/> km south of their site, working <paramref name="start"/> to
    /// <paramref name="end"/> local time: arrives 25 to 5 minutes before the start, leaves 5 to 25 minutes after the end.</summary>
    private static (CarpoolParticipant ToWork, CarpoolParticipant ToHome) Commuter(string id, double kmSouth, CarpoolRole role,
        TimeOnly start, TimeOnly end, GeoPoint? site = null, string siteId = "P", DateOnly? date = null)
    {
        var shift = ShiftCalendar.Paris.Instance(date ?? Day, start, end);
        var there = CommuteWindow.ToWork(shift, TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(5));
        var back = CommuteWindow.ToHome(shift, TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(5));
        var place = site ?? Plant;
        var morning = new CarpoolParticipant(id, "A", new GeoPoint(place.Latitude - kmSouth * Km, place.Longitude), siteId, place, role,
            role == CarpoolRole.Passenger ? 0 : 3, 15, 1.5, there.Earliest.ToUnixTimeSeconds(), there.Latest.ToUnixTimeSeconds());
        return (morning, morning with { Earliest = back.Earliest.ToUnixTimeSeconds(), Latest = back.Latest.ToUnixTimeSeconds() });
    }

    private static (CarpoolInstance ToWork, CarpoolInstance ToHome, CarpoolDayPlan Plan) MatchDay(
        params (CarpoolParticipant ToWork, CarpoolParticipant ToHome)[] people)
    {
        var toWork = new CarpoolInstance(people.Select(p => p.ToWork).ToList(), Straight);
        var toHome = new CarpoolInstance(people.Select(p => p.ToHome).ToList(), Straight, CommuteDirection.ToHome);
        var plan = CarpoolMatcher.MatchDay(toWork, toHome);
        Assert.Empty(CarpoolChecker.Violations(toWork, plan.ToWork.Selection.Groups));
        Assert.Empty(CarpoolChecker.Violations(toHome, plan.ToHome.Selection.Groups));
        return (toWork, toHome, plan);
    }

    private static readonly TimeOnly Six = new(6, 0), Two = new(14, 0), Four = new(16, 0);

    [Fact]
    public void Colleagues_on_the_same_shift_go_home_in_the_same_car_leaving_after_the_shift_ends()
    {
        var (_, toHome, plan) = MatchDay(Commuter("driver", 10, CarpoolRole.Driver, Six, Two), Commuter("rider", 5, CarpoolRole.Passenger, Six, Two));
        Assert.Equal(1, plan.SameGroupBothWays);
        Assert.Empty(plan.WithoutRideHome);
        var home = Assert.Single(plan.ToHome.Selection.Groups);
        Assert.Equal(CommuteDirection.ToHome, home.Direction);
        Assert.Equal(0, home.Driver);
        Assert.Equal([1], home.Pickups);
        // 14:00 in June is 12:00 UTC; they leave the site within 12:05–12:25 UTC, the rider is dropped after 5 km, home after 10.
        var end = ShiftCalendar.Paris.Instance(Day, Six, Two).End.ToUnixTimeSeconds();
        Assert.InRange(home.Departure, end + 5 * 60 - 0.5, end + 25 * 60 + 0.5);
        Assert.Equal(720, home.RouteSeconds, 1);
        Assert.Equal([toHome.SiteLocation[0]], home.SitesInDrivingOrder);
    }

    [Fact]
    public void A_group_that_works_in_the_morning_but_not_in_the_evening_says_who_has_no_ride_home()
    {
        // Same start, but the driver stays two hours longer: the rider cannot wait that long.
        var (_, _, plan) = MatchDay(Commuter("driver", 10, CarpoolRole.Driver, Six, Four), Commuter("rider", 5, CarpoolRole.Passenger, Six, Two));
        Assert.Single(plan.ToWork.Selection.Groups);
        Assert.Empty(plan.ToHome.Selection.Groups);
        Assert.Equal(0, plan.SameGroupBothWays);
        Assert.Equal([new UnservedPassenger("rider", NoRideReason.NoCompatibleDriver)], plan.WithoutRideHome);
    }

    [Fact]
    public void A_morning_passenger_is_taken_home_by_another_driver_when_the_morning_one_stays_late()
    {
        var (_, _, plan) = MatchDay(Commuter("early", 10, CarpoolRole.Driver, Six, Four), Commuter("rider", 5, CarpoolRole.Passenger, Six, Two),
            Commuter("other", 8, CarpoolRole.Driver, new TimeOnly(10, 0), Two));
        Assert.Empty(plan.WithoutRideHome);
        var home = Assert.Single(plan.ToHome.Selection.Groups);
        Assert.Equal((2, 1), (home.Driver, home.Pickups.Single()));
    }

    [Fact]
    public void A_night_shift_goes_home_the_next_morning_across_midnight()
    {
        var night = (Start: new TimeOnly(21, 0), End: new TimeOnly(5, 0));
        var (_, _, plan) = MatchDay(Commuter("driver", 10, CarpoolRole.Driver, night.Start, night.End),
            Commuter("rider", 5, CarpoolRole.Either, night.Start, night.End));
        Assert.Equal(1, plan.SameGroupBothWays);
        // June: 05:00 local the next day is 03:00 UTC on 11 June; they leave 5 to 25 minutes later.
        var home = Assert.Single(plan.ToHome.Selection.Groups);
        Assert.InRange(home.Departure, DateTimeOffset.Parse("2026-06-11T03:05:00Z").ToUnixTimeSeconds() - 0.5,
            DateTimeOffset.Parse("2026-06-11T03:25:00Z").ToUnixTimeSeconds() + 0.5);
        Assert.True(plan.ToWork.Selection.Groups.Single().Departure < DateTimeOffset.Parse("2026-06-10T19:00:00Z").ToUnixTimeSeconds());
    }

    [Fact]
    public void A_night_shift_on_the_autumn_clock_change_leaves_an_hour_later_in_universal_time()
    {
        // 24–25 October 2026: 21:00–05:00 lasts 9 hours, as the wall clock says.
        var autumn = new DateOnly(2026, 10, 24);
        var (_, _, plan) = MatchDay(Commuter("driver", 10, CarpoolRole.Driver, new(21, 0), new(5, 0), date: autumn),
            Commuter("rider", 5, CarpoolRole.Passenger, new(21, 0), new(5, 0), date: autumn));
        var home = Assert.Single(plan.ToHome.Selection.Groups);
        Assert.InRange(home.Departure, DateTimeOffset.Parse("2026-10-25T04:05:00Z").ToUnixTimeSeconds() - 0.5,
            DateTimeOffset.Parse("2026-10-25T04:25:00Z").ToUnixTimeSeconds() + 0.5);
    }

    [Fact]
    public void A_driver_picks_up_a_colleague_at_the_neighbouring_plant_on_the_way_home()
    {
        var neighbour = new GeoPoint(Plant.Latitude - 1 * Km, Plant.Longitude);
        var (toWork, toHome, plan) = MatchDay(Commuter("driver", 10, CarpoolRole.Driver, Six, Two),
            Commuter("neighbour", 4, CarpoolRole.Passenger, Six, Two, site: neighbour, siteId: "Q"));
        Assert.Equal(1, plan.SameGroupBothWays);
        var morning = plan.ToWork.Selection.Groups.Single();
        Assert.Equal([toWork.SiteLocation[1], toWork.SiteLocation[0]], morning.SitesInDrivingOrder);
        var evening = plan.ToHome.Selection.Groups.Single();
        Assert.Equal([toHome.SiteLocation[0], toHome.SiteLocation[1]], evening.SitesInDrivingOrder);
        Assert.Equal(720, evening.RouteSeconds, 1);
    }

    [Fact]
    public void A_passenger_nobody_can_take_is_unserved_both_ways_but_not_stranded()
    {
        var (_, _, plan) = MatchDay(Commuter("driver", 10, CarpoolRole.Driver, Six, Two), Commuter("far", -40, CarpoolRole.Passenger, Six, Two));
        Assert.Equal([new UnservedPassenger("far", NoRideReason.NoCompatibleDriver)], plan.ToWork.Unserved);
        Assert.Equal([new UnservedPassenger("far", NoRideReason.NoCompatibleDriver)], plan.ToHome.Unserved);
        Assert.Empty(plan.WithoutRideHome);
    }

    [Fact]
    public void Someone_with_no_trip_home_in_the_evening_data_is_reported_so()
    {
        var driver = Commuter("driver", 10, CarpoolRole.Driver, Six, Two);
        var rider = Commuter("rider", 5, CarpoolRole.Passenger, Six, Two);
        var toWork = new CarpoolInstance([driver.ToWork, rider.ToWork], Straight);
        var toHome = new CarpoolInstance([driver.ToHome], Straight, CommuteDirection.ToHome);
        var plan = CarpoolMatcher.MatchDay(toWork, toHome);
        Assert.Equal([new UnservedPassenger("rider", NoRideReason.NoTripHome)], plan.WithoutRideHome);
    }

    [Fact]
    public void The_checker_catches_an_evening_group_leaving_before_the_shift_ends()
    {
        var (_, toHome, plan) = MatchDay(Commuter("driver", 10, CarpoolRole.Driver, Six, Two), Commuter("rider", 5, CarpoolRole.Passenger, Six, Two));
        var home = plan.ToHome.Selection.Groups.Single();
        // An hour later on the reversed clock is an hour earlier in real time: before the shift ends.
        var early = home with { DepartureEarliest = home.DepartureEarliest + 3600, DepartureLatest = home.DepartureLatest + 3600 };
        Assert.Contains(CarpoolChecker.Violations(toHome, [early]), p => p.Contains("leaves the site outside"));
        var wrongWay = home with { Direction = CommuteDirection.ToWork };
        Assert.NotEmpty(CarpoolChecker.Violations(toHome, [wrongWay]));
    }

    [Fact]
    public void The_explanation_gives_each_members_times_windows_and_limits_both_ways()
    {
        var (toWork, toHome, plan) = MatchDay(Commuter("driver", 10, CarpoolRole.Driver, Six, Two),
            Commuter("rider", 5, CarpoolRole.Passenger, Six, Two));
        var there = GroupExplainer.Explain(toWork, plan.ToWork.Selection.Groups.Single());
        var (driver, rider) = (there.Members[0], there.Members[1]);
        Assert.Equal(("driver", MemberRole.Driver, 0), (driver.Id, driver.Role, driver.HomeOrder));
        Assert.Equal(("rider", MemberRole.Passenger, 1), (rider.Id, rider.Role, rider.HomeOrder));
        // 5 km (360 s) to the rider, 5 km more to the plant; both arrive together, inside their windows.
        Assert.Equal(there.Departure + 360, rider.AtHome, 1);
        Assert.Equal(there.Departure + 720, rider.AtSite, 1);
        Assert.Equal(rider.AtSite, driver.AtSite);
        Assert.InRange(rider.AtSite, rider.WindowEarliest, rider.WindowLatest);
        Assert.Equal((6, 6, 9), (Math.Round(rider.RideMinutes), Math.Round(rider.DirectMinutes), Math.Round(rider.RideLimitMinutes)));
        // No detour; the tighter limit is the ratio: half of a 12-minute trip.
        Assert.Equal((0, 6), (Math.Round(there.DetourMinutes), Math.Round(there.DetourLimitMinutes)));
        Assert.Equal(["P"], there.Sites);

        var back = GroupExplainer.Explain(toHome, plan.ToHome.Selection.Groups.Single());
        var home = back.Members.Single(m => m.Id == "rider");
        Assert.Equal(back.Departure, home.AtSite, 1);
        Assert.Equal(back.Departure + 360, home.AtHome, 1);
        Assert.Equal(back.Departure + 720, back.Members.Single(m => m.Id == "driver").AtHome, 1);
        Assert.InRange(home.AtSite, home.WindowEarliest, home.WindowLatest);
    }

    [Fact]
    public void Accepted_groups_are_kept_as_they_are_and_one_that_no_longer_holds_is_refused_with_the_reason()
    {
        var people = new[] { Commuter("d1", 10, CarpoolRole.Driver, Six, Two), Commuter("d2", 10.5, CarpoolRole.Driver, Six, Two),
            Commuter("rider", 5, CarpoolRole.Passenger, Six, Two) };
        var toWork = new CarpoolInstance(people.Select(p => p.ToWork).ToList(), Straight);
        var toHome = toWork.WithParticipants(people.Select(p => p.ToHome).ToList(), CommuteDirection.ToHome);
        // Accepted: the rider goes with d2 both ways, though d1 would do as well.
        var morning = new GroupEvaluator(toWork).Best(1, [2])!;
        var evening = new GroupEvaluator(toHome).Best(1, [2])!;
        var plan = CarpoolMatcher.MatchDay(toWork, toHome, fixedToWork: [morning], fixedToHome: [evening]);
        Assert.Equal([morning], plan.ToWork.Selection.Groups);
        Assert.Equal([evening], plan.ToHome.Selection.Groups);
        Assert.Equal(1, plan.SameGroupBothWays);

        var broken = morning with { DepartureEarliest = morning.DepartureEarliest - 3600, DepartureLatest = morning.DepartureLatest - 3600 };
        var error = Assert.Throws<ArgumentException>(() => CarpoolMatcher.MatchDay(toWork, toHome, fixedToWork: [broken]));
        Assert.Contains("arrives at the site outside", error.Message);
    }

    [Fact]
    public void The_evening_instance_shares_the_mornings_matrix_only_for_the_same_people_and_places()
    {
        var people = new[] { Commuter("d1", 10, CarpoolRole.Driver, Six, Two), Commuter("rider", 5, CarpoolRole.Passenger, Six, Two) };
        var toWork = new CarpoolInstance(people.Select(p => p.ToWork).ToList(), Straight);
        Assert.Same(toWork.Travel, toWork.WithParticipants(people.Select(p => p.ToHome).ToList(), CommuteDirection.ToHome).Travel);
        var moved = people.Select(p => p.ToHome).Select(p => p.Id == "rider" ? p with { Home = new GeoPoint(48.7, 7.8) } : p).ToList();
        Assert.Contains("rider", Assert.Throws<ArgumentException>(() => toWork.WithParticipants(moved, CommuteDirection.ToHome)).Message);
        Assert.Throws<ArgumentException>(() => toWork.WithParticipants([people[0].ToHome], CommuteDirection.ToHome));
    }
}
