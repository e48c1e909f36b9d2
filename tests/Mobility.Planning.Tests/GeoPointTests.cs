using Mobility.Planning.TravelTimes;
using Mobility.Routing;

namespace Mobility.Planning.Tests;

public class GeoPointTests
{
    [Fact]
    public void Distance_between_Haguenau_and_Strasbourg_cathedral_is_about_26_km()
    {
        var haguenau = new GeoPoint(48.8156, 7.7905);
        var strasbourg = new GeoPoint(48.5818, 7.7509);
        Assert.InRange(haguenau.DistanceTo(strasbourg), 25_800, 26_400);
    }

    [Fact]
    public void Distance_is_symmetric_and_zero_on_itself()
    {
        var a = new GeoPoint(49.41, 8.69);
        var b = new GeoPoint(49.38, 8.57);
        Assert.Equal(a.DistanceTo(b), b.DistanceTo(a), 6);
        Assert.Equal(0, a.DistanceTo(a));
    }

    [Fact]
    public void Travel_matrix_rejects_a_cell_count_that_does_not_match_its_dimensions()
    {
        Assert.Throws<ArgumentException>(() => new TravelMatrix(2, 3, new float[5], new float[6]));
    }
}

public class CrowFlyTravelTimesTests
{
    [Fact]
    public void Ten_straight_kilometres_at_60_kmh_with_no_detour_take_ten_minutes()
    {
        var start = new GeoPoint(48.0, 7.0);
        // One degree of latitude is about 111.2 km, so 10 km north is 0.08993 degrees.
        var end = new GeoPoint(48.0 + 10_000 / 111_195.0, 7.0);
        var matrix = new CrowFlyTravelTimes(detourFactor: 1.0, kilometresPerHour: 60).Matrix([start], [start, end]);
        Assert.Equal(0, matrix.Seconds(0, 0));
        Assert.InRange(matrix.Seconds(0, 1), 599, 601);
        Assert.InRange(matrix.Metres(0, 1), 9_990, 10_010);
    }
}
