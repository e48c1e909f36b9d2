using System.Globalization;
using System.Text;
using Mobility.Routing.Osm;
using Mobility.Routing.Profiles;

namespace Mobility.Routing.Tests;

/// <summary>Writes small hand-made OSM XML networks near Haguenau for rule-by-rule tests, and builds a router on them.</summary>
internal sealed class OsmFixture
{
    private const double Latitude0 = 48.81, Longitude0 = 7.79;
    /// <summary>Grid step in degrees (about 111 m north-south, 73 m east-west).</summary>
    public const double Step = 0.001;

    private readonly StringBuilder _nodes = new(), _ways = new(), _relations = new();
    private readonly Dictionary<long, GeoPoint> _positions = [];
    private long _nextWay = 1000;

    /// <summary>A node at grid position (row, column), with tags when it is more than a point of a way (a barrier).</summary>
    public OsmFixture Node(long id, double row, double column, params (string Key, string Value)[] tags)
    {
        var (latitude, longitude) = (Latitude0 + row * Step, Longitude0 + column * Step);
        _positions[id] = new GeoPoint(latitude, longitude);
        _nodes.Append(CultureInfo.InvariantCulture, $"<node id=\"{id}\" version=\"1\" lat=\"{latitude:F7}\" lon=\"{longitude:F7}\"");
        if (tags.Length == 0) _nodes.Append("/>\n");
        else
        {
            _nodes.Append('>');
            foreach (var (key, value) in tags) _nodes.Append($"<tag k=\"{key}\" v=\"{value}\"/>");
            _nodes.Append("</node>\n");
        }
        return this;
    }

    public OsmFixture Way(long[] nodes, params (string Key, string Value)[] tags) => WayWithId(_nextWay++, nodes, tags);

    public OsmFixture WayWithId(long id, long[] nodes, params (string Key, string Value)[] tags)
    {
        _ways.Append($"<way id=\"{id}\" version=\"1\">");
        foreach (var node in nodes) _ways.Append($"<nd ref=\"{node}\"/>");
        foreach (var (key, value) in tags) _ways.Append($"<tag k=\"{key}\" v=\"{value}\"/>");
        _ways.Append("</way>\n");
        return this;
    }

    /// <summary>A turn restriction relation: from a way, via a node, to a way.</summary>
    public OsmFixture Restriction(long fromWay, long viaNode, long toWay, string restriction, string key = "restriction")
    {
        _relations.Append($"<relation id=\"{_nextWay++}\" version=\"1\">" +
            $"<member type=\"way\" ref=\"{fromWay}\" role=\"from\"/><member type=\"node\" ref=\"{viaNode}\" role=\"via\"/>" +
            $"<member type=\"way\" ref=\"{toWay}\" role=\"to\"/>" +
            $"<tag k=\"type\" v=\"restriction\"/><tag k=\"{key}\" v=\"{restriction}\"/></relation>\n");
        return this;
    }

    public GeoPoint At(long node) => _positions[node];

    /// <summary>Straight-line length of the way through the given nodes.</summary>
    public double Along(params long[] nodes) =>
        nodes.Zip(nodes.Skip(1)).Sum(pair => Geo.Metres(At(pair.First).Latitude, At(pair.First).Longitude, At(pair.Second).Latitude, At(pair.Second).Longitude));

    /// <summary>The route between two nodes, which must exist.</summary>
    public RouteSummary Route(Router router, long from, long to, string profile = "car")
    {
        var (a, b) = (At(from), At(to));
        var route = router.Route(profile, a, b);
        Assert.True(route.IsSuccess, route.Error);
        return route.Value;
    }

    public Router BuildRouter(params string[] profiles)
    {
        var path = Path.Combine(Path.GetTempPath(), $"fixture-{Guid.NewGuid():N}.osm");
        File.WriteAllText(path, $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<osm version=\"0.6\">\n{_nodes}{_ways}{_relations}</osm>\n");
        try
        {
            var network = OsmImporter.Import(path, VehicleProfiles.All);
            return Router.Build(network, profiles.Length == 0 ? null : profiles);
        }
        finally { File.Delete(path); }
    }

    public static (string, string) Tag(string key, string value) => (key, value);
}
