using Mobility.Application.Roads;
using Mobility.Routing;
using Mobility.Routing.Osm;
using Mobility.Routing.Profiles;
using Mobility.TestSupport;

namespace Mobility.Application.Tests.Roads;

/// <summary>Access to a place of the Mulhouse extract by car and on foot: who is inside follows each home's own time.</summary>
public class PlantAccessibilityTests
{
    private static readonly Lazy<Router> Mulhouse = new(() => Router.Build(
        OsmImporter.Import(SharedData.OsmFile("mulhouse-centre.osm.pbf"), [VehicleProfiles.Car, VehicleProfiles.Foot]), ["car", "foot"]));

    private static readonly GeoPoint Plant = new(47.7520, 7.3350);

    [Fact]
    public void A_home_next_door_is_inside_every_band_a_home_across_the_extract_only_the_longer_ones_and_one_off_the_map_none()
    {
        var homes = new List<GeoPoint> { new(47.7522, 7.3353), new(47.7495, 7.3265), new(48.5, 7.0) };
        var access = PlantAccessibility.Of(Mulhouse.Value, Plant, homes, [new("foot", 5), new("foot", 15), new("car", 15)]);
        Assert.Equal(["foot 5", "foot 15", "car 15"], access.Select(a => $"{a.Band.Profile} {a.Band.Minutes}"));
        Assert.All(access, a => Assert.Equal((3, 1), (a.Employees, a.Unplaced)));
        // Next door: in every band. Across the 1.2 km extract (about 800 m away): not within 5 minutes' walk, within 15.
        Assert.Equal([1, 2, 2], access.Select(a => a.Inside));
        var (five, fifteen) = (access[0].Area, access[1].Area);
        Assert.True(fifteen.Covers(five));
        Assert.True(five.Contains(new NetTopologySuite.Geometries.Point(Plant.Longitude, Plant.Latitude)));
    }

    [Fact]
    public void A_place_off_every_road_has_empty_areas_and_nobody_inside()
    {
        var access = PlantAccessibility.Of(Mulhouse.Value, new GeoPoint(48.5, 7.0), [new(47.7522, 7.3353)], [new("car", 30)]);
        var band = Assert.Single(access);
        Assert.True(band.Area.IsEmpty);
        Assert.Equal(0, band.Inside);
    }
}
