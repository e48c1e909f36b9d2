using Mobility.Application.Scenarios;
using Mobility.Data.Commutes;
using Mobility.Data.Model;
using Mobility.Planning;
using Mobility.Planning.Carpools;
using Mobility.Planning.Shifts;
using Mobility.Planning.TravelTimes;
using Mobility.Planning.Vrp;
using Mobility.Routing;

namespace Mobility.Application.Tests.Scenarios;

/// <summary>
/// Each kind of change, on a hand-made network of a plant, a station and a meeting point on a north–south road: the
/// baseline and the scenario run through the real matcher (and shuttle planner), and the change does what it should to
/// whom it should.
/// </summary>
public sealed class ScenarioComputationTests
{
    private static readonly DateOnly Date = new(2027, 3, 2);
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    private static readonly GeoPoint Plant = new(48.80, 7.80), Station = new(48.70, 7.80), OnTheRoad = new(48.72, 7.80);
    private const long PlantId = 1, StationId = 2, MeetingPointId = 3, CompanyId = 10, OtherCompanyId = 11;
    private static readonly ITravelTimes Roads = new CrowFlyTravelTimes();

    private static readonly ScenarioPlaces Places = new(
        new Dictionary<long, ScenarioSite>
        {
            [PlantId] = new(PlantId, "P", "Usine", SiteKind.Plant, Plant),
            [StationId] = new(StationId, "S", "Gare", SiteKind.Station, Station),
            [MeetingPointId] = new(MeetingPointId, "M", "Parking", SiteKind.MeetingPoint, OnTheRoad),
        },
        new Dictionary<long, string> { [CompanyId] = "C1", [OtherCompanyId] = "C2" }, Paris,
        new Dictionary<string, GeoPoint> { ["3"] = new(48.72, 7.86) });

    private sealed record Person(long Id, GeoPoint Home, CarpoolRole Role, TimeOnly Start, string Company = "C1", double Detour = 15);

    /// <summary>The commutes the loader would read: arrive within the 20 minutes before 5 minutes ahead of the start, leave
    /// within 20 minutes of the end (8 hours later); <paramref name="atMeetingPoint"/> are picked up at M.</summary>
    private static DayCommutes Commutes(IEnumerable<Person> people, params string[] atMeetingPoint)
    {
        var calendar = new ShiftCalendar(Paris);
        var toWork = new List<CarpoolParticipant>();
        var toHome = new List<CarpoolParticipant>();
        var shifts = new Dictionary<string, ShiftInstance>();
        foreach (var p in people)
        {
            var id = p.Id.ToString();
            var shift = calendar.Instance(Date, p.Start, p.Start.AddHours(8));
            var home = atMeetingPoint.Contains(id) ? OnTheRoad : p.Home;
            var morning = new CarpoolParticipant(id, p.Company, home, "P", Plant, p.Role, p.Role == CarpoolRole.Passenger ? 0 : 3, p.Detour, 1.6,
                shift.Start.AddMinutes(-25).ToUnixTimeSeconds(), shift.Start.AddMinutes(-5).ToUnixTimeSeconds());
            toWork.Add(morning);
            toHome.Add(morning with { Earliest = shift.End.AddMinutes(5).ToUnixTimeSeconds(), Latest = shift.End.AddMinutes(25).ToUnixTimeSeconds() });
            shifts[id] = shift;
        }
        return new DayCommutes(Date, toWork, toHome, shifts, 0, [], atMeetingPoint.ToDictionary(id => id, _ => MeetingPointId));
    }

    private static (ScenarioTally Baseline, ScenarioTally Scenario, ScenarioInput Input) Run(DayCommutes commutes, params ScenarioChange[] changes)
    {
        var (baseline, scenario) = (new ScenarioTally(), new ScenarioTally());
        ScenarioComputation.Carpools(baseline, new ScenarioInput(commutes, []), Roads, [], (_, _) => null, []);
        var input = ScenarioInputs.Apply(commutes, Places, changes);
        var day = ScenarioComputation.Carpools(scenario, input, Roads, [], (_, _) => null, []);
        ScenarioComputation.Shuttles(scenario, input, day, Roads, new SolverLimits(TimeSpan.FromSeconds(1)));
        return (baseline, scenario, input);
    }

    private static ScenarioTrip ToWork(long id) => new(id, Date, CommuteDirection.ToWork);

    [Fact]
    public void Moving_a_shift_start_by_30_minutes_makes_a_driver_and_a_passenger_of_two_shifts_compatible_and_moves_no_one_else()
    {
        var people = new[]
        {
            new Person(1, Station, CarpoolRole.Driver, new TimeOnly(8, 0)),
            new Person(2, new GeoPoint(48.71, 7.80), CarpoolRole.Passenger, new TimeOnly(8, 30)),
        };
        var (baseline, scenario, input) = Run(Commutes(people),
            new ScenarioChange(ScenarioChange.MoveShiftStart, PlantId: PlantId, ShiftStart: "08:30", OffsetMinutes: -30));

        Assert.Empty(baseline.Passengers);
        Assert.Contains(ToWork(2), scenario.Passengers);
        Assert.Contains(new ScenarioTrip(2, Date, CommuteDirection.ToHome), scenario.Passengers);
        // The passenger's windows and shift moved by 30 minutes; the driver's did not.
        var before = Commutes(people);
        Assert.Equal(before.ToWork[1].Earliest - 1800, input.Commutes.ToWork[1].Earliest);
        Assert.Equal(before.ToHome[1].Latest - 1800, input.Commutes.ToHome[1].Latest);
        Assert.Equal(before.ToWork[0], input.Commutes.ToWork[0]);
        Assert.Equal(new TimeOnly(8, 0), ScenarioInputs.LocalStart(input.Commutes.Shifts["2"], Paris));
        // Fewer kilometres: one car fewer, both ways.
        Assert.True(scenario.KilometresDriven < baseline.KilometresDriven);
        Assert.Equal(baseline.AloneKilometres, scenario.AloneKilometres, 6);
    }

    [Fact]
    public void A_move_of_another_shift_or_another_plant_changes_nothing()
    {
        var people = new[] { new Person(1, Station, CarpoolRole.Driver, new TimeOnly(8, 0)), new Person(2, new GeoPoint(48.71, 7.80), CarpoolRole.Passenger, new TimeOnly(8, 30)) };
        var (_, scenario, input) = Run(Commutes(people), new ScenarioChange(ScenarioChange.MoveShiftStart, PlantId: PlantId, ShiftStart: "14:00", OffsetMinutes: 30));
        Assert.Equal(Commutes(people).ToWork, input.Commutes.ToWork);
        Assert.Empty(scenario.Passengers);
    }

    [Fact]
    public void Adding_a_meeting_point_on_the_drivers_road_moves_the_nearby_passengers_pickup_there_and_gets_them_a_ride()
    {
        // 4.4 km off the road: about 6 minutes of detour, too far for a driver who accepts 1.
        var people = new[]
        {
            new Person(1, Station, CarpoolRole.Driver, new TimeOnly(8, 0), Detour: 1),
            new Person(2, new GeoPoint(48.72, 7.86), CarpoolRole.Passenger, new TimeOnly(8, 0), Detour: 1),
            new Person(3, new GeoPoint(48.60, 7.60), CarpoolRole.Passenger, new TimeOnly(8, 0), Detour: 1),
        };
        var (baseline, scenario, input) = Run(Commutes(people),
            new ScenarioChange(ScenarioChange.AddMeetingPoint, Latitude: OnTheRoad.Latitude, Longitude: OnTheRoad.Longitude, Name: "Nouveau parking", CatchmentKilometres: 5));

        Assert.Empty(baseline.Passengers);
        Assert.Equal(OnTheRoad, input.Commutes.ToWork.Single(p => p.Id == "2").Home);
        Assert.Equal(OnTheRoad, input.Commutes.ToHome.Single(p => p.Id == "2").Home);
        // Who lives beyond the catchment, and the driver, keep their own place.
        Assert.Equal(people[2].Home, input.Commutes.ToWork.Single(p => p.Id == "3").Home);
        Assert.Equal(Station, input.Commutes.ToWork.Single(p => p.Id == "1").Home);
        Assert.Contains(ToWork(2), scenario.Passengers);
        Assert.DoesNotContain(ToWork(3), scenario.Passengers);
    }

    [Fact]
    public void Removing_a_meeting_point_sends_its_passengers_back_home_and_loses_their_ride()
    {
        var people = new[]
        {
            new Person(1, Station, CarpoolRole.Driver, new TimeOnly(8, 0), Detour: 1),
            new Person(3, new GeoPoint(48.72, 7.86), CarpoolRole.Passenger, new TimeOnly(8, 0), Detour: 1),
        };
        var (baseline, scenario, input) = Run(Commutes(people, "3"), new ScenarioChange(ScenarioChange.RemoveMeetingPoint, MeetingPointId: MeetingPointId));

        Assert.Contains(ToWork(3), baseline.Passengers);
        Assert.Equal(new GeoPoint(48.72, 7.86), input.Commutes.ToWork.Single(p => p.Id == "3").Home);
        Assert.False(input.Commutes.MeetingPoints.ContainsKey("3"));
        Assert.DoesNotContain(ToWork(3), scenario.Passengers);
    }

    [Fact]
    public void A_companys_wider_detour_policy_lets_its_driver_take_a_passenger_off_the_road_and_leaves_the_other_company_as_it_was()
    {
        var people = new[]
        {
            new Person(1, Station, CarpoolRole.Driver, new TimeOnly(8, 0), Detour: 1),
            new Person(2, new GeoPoint(48.72, 7.86), CarpoolRole.Passenger, new TimeOnly(8, 0), Detour: 1),
            new Person(3, new GeoPoint(48.70, 7.70), CarpoolRole.Driver, new TimeOnly(8, 0), Company: "C2", Detour: 1),
        };
        var (baseline, scenario, input) = Run(Commutes(people), new ScenarioChange(ScenarioChange.DetourPolicy, CompanyId: CompanyId, MaxDetourMinutes: 20));

        Assert.Empty(baseline.Passengers);
        Assert.Equal([20.0, 20.0, 1.0], input.Commutes.ToWork.Select(p => p.MaxDetourMinutes));
        Assert.Contains(ToWork(2), scenario.Passengers);
        Assert.Contains(ToWork(2), scenario.CarsRemoved.Concat(scenario.Passengers));
    }

    [Fact]
    public void A_shuttle_line_carries_who_lives_near_the_station_on_the_shifts_it_serves_out_of_the_carpools_and_counts_their_cars_removed()
    {
        var people = Enumerable.Range(1, 6).Select(i => new Person(i, new GeoPoint(48.70 + 0.002 * i, 7.80), CarpoolRole.Driver, new TimeOnly(8, 0)))
            .Append(new Person(7, new GeoPoint(48.70, 7.801), CarpoolRole.Driver, new TimeOnly(14, 0)))
            .Append(new Person(8, new GeoPoint(48.50, 7.50), CarpoolRole.Driver, new TimeOnly(8, 0)))
            .ToList();
        var (baseline, scenario, input) = Run(Commutes(people), new ScenarioChange(ScenarioChange.ShuttleLine, StationId: StationId, PlantIds: [PlantId],
            ShiftStarts: ["08:00"], CatchmentKilometres: 3, Minibuses: 1, Coaches: 0));

        // The six near the station on the 8:00 shift; not the 14:00 worker, not the one 30 km away.
        Assert.Equal(["1", "2", "3", "4", "5", "6"], input.ShuttleRiders.Order());
        Assert.Equal(Enumerable.Range(1, 6).Select(i => ToWork(i)).ToHashSet(), scenario.ShuttleRiders.Where(t => t.Direction == CommuteDirection.ToWork).ToHashSet());
        Assert.All(scenario.ShuttleRiders, t => Assert.Contains(t, scenario.CarsRemoved));
        Assert.True(scenario.ShuttleKilometres > 0);
        Assert.True(scenario.ShuttleEuros > 0);
        Assert.DoesNotContain(scenario.ShuttleRiders, t => t.EmployeeId is 7 or 8);
        // The baseline drove them all alone (or carpooled them): the line's kilometres replace their cars.
        Assert.Equal(baseline.AloneKilometres, scenario.AloneKilometres, 6);
        Assert.True(scenario.CarKilometres < baseline.CarKilometres);
    }
}
