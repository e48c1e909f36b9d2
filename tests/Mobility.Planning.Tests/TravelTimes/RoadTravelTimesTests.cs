using Mobility.Planning.TravelTimes;
using Mobility.Routing;
using Mobility.Routing.Osm;
using Mobility.Routing.Profiles;
using Mobility.TestSupport;

namespace Mobility.Planning.Tests.TravelTimes;

public sealed class HeidelbergRouter
{
    public Router Router { get; } = Router.Build(OsmImporter.Import(SharedData.OsmFile("heidelberg.osm.pbf"), [VehicleProfiles.Car]), ["car"]);
}

public sealed class RoadTravelTimesTests(HeidelbergRouter heidelberg) : IClassFixture<HeidelbergRouter>
{
    private static readonly GeoPoint MainStation = new(49.4037, 8.6757), OldTown = new(49.4122, 8.7100), Rohrbach = new(49.3850, 8.6880);
    /// <summary>Strasbourg: far outside the extract, so no road of it is within snapping distance.</summary>
    private static readonly GeoPoint Strasbourg = new(48.5734, 7.7521);

    [Fact]
    public void Cells_are_the_routers_fastest_routes()
    {
        var places = new[] { MainStation, OldTown, Rohrbach };
        var matrix = new RoadTravelTimes(heidelberg.Router).Matrix(places, places);
        for (var i = 0; i < places.Length; i++)
            for (var j = 0; j < places.Length; j++)
            {
                if (i == j) { Assert.True(matrix.Seconds(i, j) < 1); continue; }
                var route = heidelberg.Router.Route("car", places[i], places[j]);
                Assert.True(route.IsSuccess, route.Error);
                Assert.Equal(route.Value.Seconds, matrix.Seconds(i, j), 0.01);
                Assert.Equal(route.Value.Metres, matrix.Metres(i, j), 1.0);
                // A road is never shorter than the straight line.
                Assert.True(matrix.Metres(i, j) >= places[i].DistanceTo(places[j]) * 0.99);
            }
    }

    [Fact]
    public void A_place_off_the_network_is_unreachable_without_failing_the_others()
    {
        var roads = new RoadTravelTimes(heidelberg.Router);
        var matrix = roads.Matrix([MainStation, Strasbourg], [OldTown, Strasbourg]);
        Assert.True(matrix.IsReachable(0, 0));
        Assert.False(matrix.IsReachable(0, 1));
        Assert.False(matrix.IsReachable(1, 0));
        Assert.True(float.IsPositiveInfinity(matrix.Metres(1, 1)));
        Assert.Equal(2, matrix.Unplaced.Count);
        Assert.All(matrix.Unplaced, u => Assert.Equal(Strasbourg, u.Place));
        Assert.Contains("from any road", matrix.Unplaced[0].Reason);
    }

    [Fact]
    public void Each_matrix_tells_its_own_unplaced_places_even_when_others_are_computed_at_the_same_time()
    {
        // The server shares one instance between requests: a matrix must not lose or borrow another's unplaced places.
        var roads = new RoadTravelTimes(heidelberg.Router);
        var matrices = new TravelMatrix[16];
        Parallel.For(0, matrices.Length, i => matrices[i] = i % 2 == 0
            ? roads.Matrix([MainStation, Strasbourg], [OldTown])
            : roads.Matrix([MainStation], [OldTown]));
        for (var i = 0; i < matrices.Length; i++)
            Assert.Equal(i % 2 == 0 ? [Strasbourg] : Array.Empty<GeoPoint>(), matrices[i].Unplaced.Select(u => u.Place).ToArray());
    }
}
