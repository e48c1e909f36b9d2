using Mobility.Application.Roads;
using Mobility.Routing;
using Mobility.Routing.IO;
using Mobility.TestSupport;

namespace Mobility.Application.Tests.Roads;

public class RouterSourceTests
{
    private static readonly string Osm = SharedData.OsmFile("mulhouse-centre.osm.pbf");
    private static readonly GeoPoint From = new(47.7500, 7.3300);
    private static readonly GeoPoint To = new(47.7540, 7.3400);

    [Fact]
    public void An_extract_is_imported_for_the_profiles_asked()
    {
        var router = RouterSource.Open(null, Osm, ["car"])!;
        var route = router.Route("car", From, To);
        Assert.True(route.IsSuccess, route.Error);
        Assert.InRange(route.Value.Metres, 800, 3500); // 0.85 km as the crow flies
    }

    [Fact]
    public void A_router_file_gives_the_routes_of_the_extract_it_was_built_from()
    {
        var built = RouterSource.Open(null, Osm, ["car"])!;
        var file = Path.Combine(Path.GetTempPath(), $"router-source-{Guid.NewGuid():N}.routerdb");
        try
        {
            RouterDbFile.Write(built, ["car"], file);
            // The file wins over the extract when both are given: it is what `mobility routing build` wrote for this purpose.
            var read = RouterSource.Open(file, "no-such-extract.osm.pbf", ["car"])!;
            var (expected, actual) = (built.Route("car", From, To), read.Route("car", From, To));
            Assert.True(actual.IsSuccess, actual.Error);
            Assert.Equal(expected.Value.Seconds, actual.Value.Seconds, 3);
            Assert.Equal(expected.Value.Metres, actual.Value.Metres, 3);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Without_a_file_or_an_extract_there_is_no_router()
    {
        Assert.Null(RouterSource.Open(null, null, ["car"]));
        Assert.Null(RouterSource.Open("", "", ["car"]));
    }
}
