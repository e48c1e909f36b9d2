using Mobility.Routing.Graphs;
using Mobility.Routing.Profiles;
using OsmSharp;

namespace Mobility.Routing.Osm;

/// <summary>
/// Builds a <see cref="RoadNetwork"/> from an OSM extract in two streaming passes: the ways any profile can use
/// (and how often each node is used), then the coordinates of just those nodes. Ways are split at junctions;
/// the nodes between keep the edge's shape.
/// </summary>
public static class OsmImporter
{
    public static RoadNetwork Import(string path, IReadOnlyList<VehicleProfile> profiles, Action<string>? progress = null)
    {
        var ways = new List<(long[] Nodes, EdgeAccess[] Access)>();
        var usage = new Dictionary<long, int>();
        foreach (var item in OsmSource.Read(path))
        {
            if (item is not Way { Nodes.Length: >= 2, Tags: not null } way) continue;
            var access = new EdgeAccess[profiles.Count];
            var routable = false;
            for (var p = 0; p < profiles.Count; p++)
            {
                access[p] = profiles[p].Evaluate(way.Tags);
                routable |= access[p].IsRoutable;
            }
            if (!routable) continue;
            ways.Add((way.Nodes, access));
            foreach (var node in way.Nodes) usage[node] = usage.GetValueOrDefault(node) + 1;
            // Way ends are always vertices: counting them twice makes them so. A closed way (a roundabout, a loop)
            // also gets one in its middle, or it would become a single edge from a vertex to itself.
            usage[way.Nodes[0]]++;
            usage[way.Nodes[^1]]++;
            if (way.Nodes[0] == way.Nodes[^1]) usage[way.Nodes[way.Nodes.Length / 2]] += 2;
        }
        progress?.Invoke($"pass 1: {ways.Count:N0} routable ways, {usage.Count:N0} nodes");

        var coordinates = new Dictionary<long, (int Latitude, int Longitude)>(usage.Count);
        foreach (var item in OsmSource.Read(path))
            if (item is Node { Id: { } id, Latitude: { } latitude, Longitude: { } longitude } && usage.ContainsKey(id))
                coordinates[id] = ((int)Math.Round(latitude * RoadNetwork.CoordinateScale), (int)Math.Round(longitude * RoadNetwork.CoordinateScale));
        progress?.Invoke($"pass 2: {coordinates.Count:N0} node coordinates");

        var builder = new NetworkBuilder(profiles.Count);
        foreach (var (nodes, access) in ways)
        {
            var start = -1; // index in nodes of the current edge's first vertex
            var shape = new List<(int, int)>();
            double metres = 0;
            for (var i = 0; i < nodes.Length; i++)
            {
                if (!coordinates.TryGetValue(nodes[i], out var here))
                {
                    start = -1; // the extract cut this way: its pieces on either side stay apart
                    continue;
                }
                var isVertex = usage[nodes[i]] >= 2;
                if (start < 0)
                {
                    if (!isVertex && i > 0) usage[nodes[i]] = 2; // a way entering the extract starts a vertex here
                    start = i;
                    shape.Clear();
                    metres = 0;
                    continue;
                }
                var previous = coordinates[nodes[i - 1]];
                metres += Geo.Metres(previous.Latitude, previous.Longitude, here.Latitude, here.Longitude);
                if (!isVertex && i < nodes.Length - 1 && coordinates.ContainsKey(nodes[i + 1]))
                {
                    shape.Add(here);
                    continue;
                }
                builder.AddEdge(builder.Vertex(nodes[start], coordinates[nodes[start]]), builder.Vertex(nodes[i], here), metres, shape, access);
                start = i;
                shape.Clear();
                metres = 0;
            }
        }
        var network = builder.Build(profiles.Select(p => p.Name).ToList());
        progress?.Invoke($"graph: {network.VertexCount:N0} vertices, {network.EdgeCount:N0} edges");
        return network;
    }

    private sealed class NetworkBuilder(int profileCount)
    {
        private readonly Dictionary<long, int> _vertexByNode = [];
        private readonly List<int> _latitudes = [], _longitudes = [], _from = [], _to = [], _shapeStart = [0];
        private readonly List<int> _shapeLatitudes = [], _shapeLongitudes = [];
        private readonly List<float> _metres = [];
        private readonly List<int>[] _forward = Enumerable.Range(0, profileCount).Select(_ => new List<int>()).ToArray();
        private readonly List<int>[] _backward = Enumerable.Range(0, profileCount).Select(_ => new List<int>()).ToArray();

        public int Vertex(long node, (int Latitude, int Longitude) at)
        {
            if (_vertexByNode.TryGetValue(node, out var vertex)) return vertex;
            vertex = _latitudes.Count;
            _vertexByNode[node] = vertex;
            _latitudes.Add(at.Latitude);
            _longitudes.Add(at.Longitude);
            return vertex;
        }

        public void AddEdge(int from, int to, double metres, List<(int Latitude, int Longitude)> shape, EdgeAccess[] access)
        {
            if (from == to) return; // a loop back to the same junction never shortens a route
            _from.Add(from);
            _to.Add(to);
            _metres.Add((float)metres);
            foreach (var (latitude, longitude) in shape)
            {
                _shapeLatitudes.Add(latitude);
                _shapeLongitudes.Add(longitude);
            }
            _shapeStart.Add(_shapeLatitudes.Count);
            for (var p = 0; p < access.Length; p++)
            {
                var milliseconds = access[p].IsRoutable
                    ? Math.Max(1, (int)Math.Round(metres / (access[p].KilometresPerHour / 3.6) * 1000))
                    : -1;
                _forward[p].Add(access[p].IsRoutable && access[p].Forward ? milliseconds : -1);
                _backward[p].Add(access[p].IsRoutable && access[p].Backward ? milliseconds : -1);
            }
        }

        public RoadNetwork Build(IReadOnlyList<string> profileNames) => new()
        {
            VertexLatitudes = [.. _latitudes], VertexLongitudes = [.. _longitudes], EdgeFrom = [.. _from], EdgeTo = [.. _to],
            EdgeMetres = [.. _metres], ShapeStart = [.. _shapeStart], ShapeLatitudes = [.. _shapeLatitudes],
            ShapeLongitudes = [.. _shapeLongitudes], ProfileNames = profileNames,
            ForwardMilliseconds = _forward.Select(l => l.ToArray()).ToArray(),
            BackwardMilliseconds = _backward.Select(l => l.ToArray()).ToArray(),
        };
    }
}
