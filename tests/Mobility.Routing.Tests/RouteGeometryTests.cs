using System.Text.Json;

namespace Mobility.Routing.Tests;

public class RouteGeometryTests(HeidelbergFixture fixture) : IClassFixture<HeidelbergFixture>
{
    [Fact]
    public void The_drawn_route_is_as_long_as_the_route_and_joins_its_ends()
    {
        var router = fixture.Router;
        var network = router.Network;
        var random = new Random(21);
        var checkedRoutes = 0;
        while (checkedRoutes < 200)
        {
            var (a, b) = (random.Next(network.VertexCount), random.Next(network.VertexCount));
            var route = router.Route("car", network.Position(a), network.Position(b));
            if (!route.IsSuccess) continue;
            var coordinates = route.Value.Geometry.Coordinates;
            var drawn = coordinates.Zip(coordinates.Skip(1)).Sum(pair => Geo.Metres(pair.First.Y, pair.First.X, pair.Second.Y, pair.Second.X));
            Assert.Equal(route.Value.Metres, drawn, route.Value.Metres * 0.001 + 0.5);
            var start = router.Snap("car", network.Position(a)).Value;
            var end = router.Snap("car", network.Position(b)).Value;
            Assert.Equal((start.Position.Latitude, start.Position.Longitude), (coordinates[0].Y, coordinates[0].X));
            Assert.Equal((end.Position.Latitude, end.Position.Longitude), (coordinates[^1].Y, coordinates[^1].X));
            checkedRoutes++;
        }
    }

    [Fact]
    public void The_geometry_is_a_GeoJSON_LineString_with_longitude_first()
    {
        var route = fixture.Router.Route("car", new GeoPoint(49.4035, 8.6385), new GeoPoint(49.3535, 8.6870)).Value;
        using var json = JsonDocument.Parse(route.GeometryAsGeoJson());
        Assert.Equal("LineString", json.RootElement.GetProperty("type").GetString());
        var first = json.RootElement.GetProperty("coordinates")[0];
        Assert.InRange(first[0].GetDouble(), 8.5, 8.9);   // longitude
        Assert.InRange(first[1].GetDouble(), 49.3, 49.5); // latitude
    }
}
