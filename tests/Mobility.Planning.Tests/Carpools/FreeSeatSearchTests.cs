using Mobility.Planning.Carpools;
using Mobility.Planning.TravelTimes;
using Mobility.Routing;

namespace Mobility.Planning.Tests.Carpools;

/// <summary>A seat on the day for passengers whose driver cancelled, on straight-line times at 50 km/h: 1 km is 72 s.</summary>
public class FreeSeatSearchTests
{
    private static readonly ITravelTimes Straight = new CrowFlyTravelTimes(detourFactor: 1.0, kilometresPerHour: 50);
    private const double Km = 1 / 111.195;
    private static readonly GeoPoint Plant = new(48.80, 7.80);
    private const double Earliest = 8 * 3600 - 20 * 60, Latest = 8 * 3600;

    /// <summary>Someone <paramref name="kmSouth"/> km south of the plant (east when <paramref name="kmEast"/>), arriving 7:40–8:00.</summary>
    private static CarpoolParticipant Person(string id, double kmSouth, CarpoolRole role, int seats = 3, double kmEast = 0) =>
        new(id, "A", new GeoPoint(Plant.Latitude - kmSouth * Km, Plant.Longitude + kmEast * Km / Math.Cos(Plant.Latitude * Math.PI / 180)),
            "P", Plant, role, role == CarpoolRole.Passenger ? 0 : seats, 15, 1.5, Earliest, Latest);

    [Fact]
    public void A_passenger_on_the_way_of_a_car_with_a_free_seat_joins_it_and_its_members_stay()
    {
        var instance = new CarpoolInstance([Person("driver", 10, CarpoolRole.Driver), Person("rider", 6, CarpoolRole.Passenger),
            Person("stranded", 4, CarpoolRole.Passenger)], Straight);
        var car = new GroupEvaluator(instance).Best(0, [1])!;
        var result = FreeSeatSearch.Place(instance, [car], [], [2], notBefore: 0);
        Assert.Equal(0, result.CarOf[2]);
        Assert.Equal([1, 2], result.Cars[0].Pickups.Order());
        Assert.Equal(0, result.Cars[0].Driver);
        Assert.Empty(result.Unplaced);
        Assert.Empty(CarpoolChecker.Violations(instance, result.Cars));
    }

    [Fact]
    public void A_full_car_is_passed_over_for_a_driver_alone()
    {
        var instance = new CarpoolInstance([Person("driver", 10, CarpoolRole.Driver, seats: 1), Person("rider", 6, CarpoolRole.Passenger),
            Person("stranded", 4, CarpoolRole.Passenger), Person("alone", 8, CarpoolRole.Driver)], Straight);
        var car = new GroupEvaluator(instance).Best(0, [1])!;
        var result = FreeSeatSearch.Place(instance, [car], [3], [2], notBefore: 0);
        Assert.Equal(1, result.CarOf[2]);
        Assert.Equal(1, result.GivenCars);
        Assert.Equal(3, result.Cars[1].Driver);
        Assert.Equal([2], result.Cars[1].Pickups);
        Assert.Equal(car, result.Cars[0]);
    }

    [Fact]
    public void The_drivers_detour_limit_holds_so_a_passenger_out_of_the_way_is_left_unplaced()
    {
        // 40 km the other way: far past the driver's 15 minutes.
        var instance = new CarpoolInstance([Person("driver", 10, CarpoolRole.Driver), Person("far", -40, CarpoolRole.Passenger)], Straight);
        var result = FreeSeatSearch.Place(instance, [], [0], [1], notBefore: 0);
        Assert.Equal([1], result.Unplaced);
        Assert.Empty(result.CarOf);
    }

    [Fact]
    public void No_pickup_comes_before_people_can_be_told()
    {
        var instance = new CarpoolInstance([Person("driver", 10, CarpoolRole.Driver), Person("stranded", 4, CarpoolRole.Passenger)], Straight);
        // The driver leaves home at 7:28 at the earliest (12 minutes before 7:40); told at 7:45, it is too late.
        Assert.Equal([1], FreeSeatSearch.Place(instance, [], [0], [1], notBefore: 7 * 3600 + 45 * 60).Unplaced);
        Assert.Empty(FreeSeatSearch.Place(instance, [], [0], [1], notBefore: 7 * 3600).Unplaced);
    }

    [Fact]
    public void Who_left_someone_is_not_put_in_their_car_again()
    {
        var instance = new CarpoolInstance([Person("driver", 10, CarpoolRole.Driver), Person("stranded", 4, CarpoolRole.Passenger)], Straight);
        Assert.Equal([1], FreeSeatSearch.Place(instance, [], [0], [1], 0, keepApart: [("stranded", "driver")]).Unplaced);
    }

    [Fact]
    public void Two_stranded_passengers_share_the_car_of_a_driver_alone()
    {
        var instance = new CarpoolInstance([Person("alone", 10, CarpoolRole.Driver), Person("one", 6, CarpoolRole.Passenger),
            Person("two", 4, CarpoolRole.Passenger)], Straight);
        var result = FreeSeatSearch.Place(instance, [], [0], [1, 2], notBefore: 0);
        Assert.Equal(result.CarOf[1], result.CarOf[2]);
        Assert.Equal([1, 2], result.Cars.Single().Pickups.Order());
        Assert.Empty(CarpoolChecker.Violations(instance, result.Cars));
    }
}
