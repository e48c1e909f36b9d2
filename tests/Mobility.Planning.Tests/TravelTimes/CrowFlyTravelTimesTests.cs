using Mobility.Planning.TravelTimes;
using Mobility.Routing;

namespace Mobility.Planning.Tests.TravelTimes;

public class TravelMatrixTests
{
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
