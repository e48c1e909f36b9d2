using Mobility.Planning;
using Mobility.Planning.Carpools;
using Mobility.Planning.Shifts;
using Mobility.Planning.Shuttles;
using Mobility.Planning.TravelTimes;
using Mobility.Planning.Vrp;
using Mobility.Routing;

namespace Mobility.Planning.Tests.Shuttles;

/// <summary>Eight people of one 6:00 shift, living 12 to 26 km south of their plant along one road, on straight lines at 50 km/h.</summary>
public class ShuttleComparisonTests
{
    private static readonly ITravelTimes Straight = new CrowFlyTravelTimes(detourFactor: 1.0, kilometresPerHour: 50);
    private const double Km = 1 / 111.195;
    private static readonly GeoPoint Plant = new(48.80, 7.80);
    private static readonly ShiftInstance Shift = ShiftCalendar.Paris.Instance(new DateOnly(2026, 6, 10), new TimeOnly(6, 0), new TimeOnly(14, 0));

    private static GeoPoint South(double km) => new(Plant.Latitude - km * Km, Plant.Longitude);

    [Fact]
    public void Carpools_drive_no_more_than_everyone_alone_and_every_alternative_counts_the_same_people()
    {
        var there = CommuteWindow.ToWork(Shift, TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(5));
        var back = CommuteWindow.ToHome(Shift, TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(5));
        var distances = new[] { 12.0, 14, 16, 18, 20, 22, 24, 26 };
        var toWork = distances.Select((km, i) => new CarpoolParticipant($"e{i}", "A", South(km), "plant", Plant,
            i % 2 == 0 ? CarpoolRole.Driver : CarpoolRole.Either, 3, 15, 1.5, there.Earliest.ToUnixTimeSeconds(), there.Latest.ToUnixTimeSeconds())).ToList();
        var toHome = toWork.Select(p => p with { Earliest = back.Earliest.ToUnixTimeSeconds(), Latest = back.Latest.ToUnixTimeSeconds() }).ToList();
        var stops = new List<ShuttleStop>
        {
            new("depot", "Dépôt", South(20), ShuttleStopKind.Depot),
            new("station", "Gare", South(20), ShuttleStopKind.Station),
            new("plant", "Usine", Plant, ShuttleStopKind.Site),
        };
        var riders = toWork.Select(p => new ShuttleRider(p.Id, "station", "plant", Shift)).ToList();
        var fleet = new List<FleetEntry> { new(VehicleType.Minibus, "depot", 1) };
        var shuttleCase = new ShuttleCase(stops, fleet, riders, new ShuttleSettings());
        var shuttles = ShuttlePlanner.Plan(shuttleCase, Straight, new SolverLimits(TimeSpan.MaxValue, MaxIterations: 200));

        var alternatives = ShuttleComparison.Compare(shuttles, toWork, toHome, Straight, shuttleCase: shuttleCase, walkingMetres: 3000).ToDictionary(a => a.Name);
        var (alone, carpools, bus) = (alternatives["everyone driving alone"], alternatives["carpools"], alternatives["shuttles"]);
        var doorToDoor = alternatives["shuttles, door to door"];

        // Everyone alone: each drives their own distance there and back (computed here from the layout, not the code).
        Assert.Equal(2 * distances.Sum(), alone.VehicleKilometres, 0.1);
        Assert.Equal(alone.VehicleKilometres * EmissionFactors.CarGramsPerKilometre / 1000, alone.KilogramsCo2, 6);
        Assert.Equal(0, alone.PeopleServed);
        // Neighbours along one road and one shift: groups form, and they save kilometres.
        Assert.InRange(carpools.PeopleServed, 2, 8);
        Assert.True(carpools.VehicleKilometres < alone.VehicleKilometres, $"carpools {carpools.VehicleKilometres} km, alone {alone.VehicleKilometres} km");
        // One minibus of 8 seats takes everyone from the station 20 km away, and drives there and back twice a day.
        Assert.Equal(8, bus.PeopleServed);
        Assert.Equal(80, bus.VehicleKilometres, 0.5);
        // Door to door adds the drives to the station 20 km south, there and back, except the walks (up to 3 km here).
        var drivesToStation = distances.Select(km => Math.Abs(km - 20)).Where(km => km > 3).Sum();
        Assert.Equal(80 + 2 * drivesToStation, doorToDoor.VehicleKilometres, 0.5);
        Assert.Equal(bus.KilogramsCo2 + 2 * drivesToStation * EmissionFactors.CarGramsPerKilometre / 1000, doorToDoor.KilogramsCo2, 2);
        Assert.Equal(new[] { 8, 8, 8 }, new[] { alone.PeopleCounted, carpools.PeopleCounted, bus.PeopleCounted });
    }
}
