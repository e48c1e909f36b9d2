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
        var ways = new List<(long Id, long[] Nodes, EdgeAccess[] Access)>();
        var usage = new Dictionary<long, int>();
        var relations = new List<(long FromWay, long ViaNode, long ToWay, bool IsMandatory, int ProfileMask)>();
        foreach (var item in OsmReader.Objects(path))
        {
            if (item is Relation { Tags: not null, Members: not null } relation && TurnRestrictionOf(relation, profiles) is { } restriction)
            {
                relations.Add(restriction);
                continue;
            }
            if (item is not Way { Id: { } wayId, Nodes.Length: >= 2, Tags: not null } way) continue;
            var access = new EdgeAccess[profiles.Count];
            var routable = false;
            for (var p = 0; p < profiles.Count; p++)
            {
                access[p] = profiles[p].Evaluate(way.Tags);
                routable |= access[p].IsRoutable;
            }
            if (!routable) continue;
            ways.Add((wayId, way.Nodes, access));
            foreach (var node in way.Nodes) usage[node] = usage.GetValueOrDefault(node) + 1;
            // Way ends are always vertices: counting them twice makes them so. A closed way (a roundabout, a loop)
            // also gets one in its middle, or it would become a single edge from a vertex to itself.
            usage[way.Nodes[0]]++;
            usage[way.Nodes[^1]]++;
            if (way.Nodes[0] == way.Nodes[^1]) usage[way.Nodes[way.Nodes.Length / 2]] += 2;
        }
        // A via node must be a vertex, or the restriction could not tell the ways apart there.
        foreach (var restriction in relations)
            if (usage.ContainsKey(restriction.ViaNode)) usage[restriction.ViaNode] += 2;
        progress?.Invoke($"pass 1: {ways.Count:N0} routable ways, {usage.Count:N0} nodes, {relations.Count:N0} turn restrictions");

        var coordinates = new Dictionary<long, (int Latitude, int Longitude)>(usage.Count);
        // Nodes on a routable way that close it to some profiles (a bollard, a gate tagged access=no), with those profiles'
        // bits: each becomes a vertex that no route of theirs goes through.
        var barriers = new Dictionary<long, int>();
        foreach (var item in OsmReader.Objects(path))
            if (item is Node { Id: { } id, Latitude: { } latitude, Longitude: { } longitude } node && usage.ContainsKey(id))
            {
                coordinates[id] = ((int)Math.Round(latitude * RoadNetwork.CoordinateScale), (int)Math.Round(longitude * RoadNetwork.CoordinateScale));
                if (node.Tags is not { Count: > 0 } tags) continue;
                var blocked = 0;
                for (var p = 0; p < profiles.Count; p++)
                    if (profiles[p].IsBlockedAt(tags)) blocked |= 1 << p;
                if (blocked == 0) continue;
                barriers[id] = blocked;
                usage[id] = Math.Max(usage[id], 2);
            }
        progress?.Invoke($"pass 2: {coordinates.Count:N0} node coordinates, {barriers.Count:N0} barriers");

        var builder = new NetworkBuilder(profiles.Count);
        foreach (var (wayId, nodes, access) in ways)
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
                builder.AddEdge(wayId, builder.Vertex(nodes[start], coordinates[nodes[start]]), builder.Vertex(nodes[i], here), metres, shape, access);
                start = i;
                shape.Clear();
                metres = 0;
            }
        }
        foreach (var (fromWay, viaNode, toWay, isMandatory, mask) in relations)
            builder.AddRestriction(fromWay, viaNode, toWay, isMandatory, mask);
        builder.AddBarriers(barriers);
        var network = builder.Build(profiles.Select(p => p.Name).ToList());
        progress?.Invoke($"graph: {network.VertexCount:N0} vertices, {network.EdgeCount:N0} edges");
        return network;
    }

    /// <summary>A restriction relation with a from way, a via node and a to way that some profile obeys; else null.</summary>
    private static (long FromWay, long ViaNode, long ToWay, bool IsMandatory, int ProfileMask)? TurnRestrictionOf(
        Relation relation, IReadOnlyList<VehicleProfile> profiles)
    {
        if (!relation.Tags.TryGetValue("type", out var type) || type != "restriction") return null;
        long? from = null, via = null, to = null;
        foreach (var member in relation.Members)
        {
            switch (member.Role)
            {
                case "from" when member.Type == OsmGeoType.Way: from = from is null ? member.Id : -1; break;
                case "to" when member.Type == OsmGeoType.Way: to = to is null ? member.Id : -1; break;
                case "via" when member.Type == OsmGeoType.Node: via = via is null ? member.Id : -1; break;
                case "via": return null; // via ways are not supported yet (documented)
            }
        }
        if (from is null or -1 || via is null or -1 || to is null or -1) return null;
        var mask = 0;
        bool? mandatory = null;
        for (var p = 0; p < profiles.Count; p++)
        {
            var value = profiles[p].Restriction(relation.Tags);
            if (value is null || !(value.StartsWith("no_") || value.StartsWith("only_"))) continue;
            mask |= 1 << p;
            mandatory = value.StartsWith("only_");
        }
        return mask == 0 ? null : (from.Value, via.Value, to.Value, mandatory!.Value, mask);
    }

    private sealed class NetworkBuilder(int profileCount)
    {
        private readonly List<long> _edgeWay = [];
        private readonly List<TurnRestriction> _restrictions = [];
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

        public void AddRestriction(long fromWay, long viaNode, long toWay, bool isMandatory, int mask)
        {
            if (_vertexByNode.TryGetValue(viaNode, out var via)) _restrictions.Add(new TurnRestriction(fromWay, via, toWay, isMandatory, mask));
        }

        /// <summary>Every way at each barrier's vertex leads nowhere past it, for the profiles it blocks.</summary>
        public void AddBarriers(IReadOnlyDictionary<long, int> barriers)
        {
            var blocked = new Dictionary<int, int>();
            foreach (var (node, mask) in barriers)
                if (_vertexByNode.TryGetValue(node, out var vertex)) blocked[vertex] = mask;
            if (blocked.Count == 0) return;
            var waysAt = new HashSet<(int Vertex, long Way)>();
            for (var e = 0; e < _edgeWay.Count; e++)
            {
                if (blocked.ContainsKey(_from[e])) waysAt.Add((_from[e], _edgeWay[e]));
                if (blocked.ContainsKey(_to[e])) waysAt.Add((_to[e], _edgeWay[e]));
            }
            foreach (var (vertex, way) in waysAt.OrderBy(w => w.Vertex).ThenBy(w => w.Way))
                _restrictions.Add(TurnRestriction.Barrier(way, vertex, blocked[vertex]));
        }

        public void AddEdge(long way, int from, int to, double metres, List<(int Latitude, int Longitude)> shape, EdgeAccess[] access)
        {
            if (from == to) return; // a loop back to the same junction never shortens a route
            _edgeWay.Add(way);
            _from.Add(from);
            _to.Add(to);
            _metres.Add((float)metres);
            foreach (var (latitude, longitude) in shape)
            {
                _shapeLatitudes.Add(latitude);
                _shapeLongitudes.Add(longitude);
            }
            _shapeStart.Add(_shapeLatitudes.Count);
            int Milliseconds(double kilometresPerHour) => Math.Max(1, (int)Math.Round(metres / (kilometresPerHour / 3.6) * 1000));
            for (var p = 0; p < access.Length; p++)
            {
                _forward[p].Add(access[p].IsRoutable && access[p].Forward ? Milliseconds(access[p].KilometresPerHour) : -1);
                _backward[p].Add(access[p].IsRoutable && access[p].Backward && access[p].BackwardSpeed > 0 ? Milliseconds(access[p].BackwardSpeed) : -1);
            }
        }

        public RoadNetwork Build(IReadOnlyList<string> profileNames) => new()
        {
            VertexLatitudes = [.. _latitudes], VertexLongitudes = [.. _longitudes], EdgeFrom = [.. _from], EdgeTo = [.. _to],
            EdgeMetres = [.. _metres], ShapeStart = [.. _shapeStart], ShapeLatitudes = [.. _shapeLatitudes],
            ShapeLongitudes = [.. _shapeLongitudes], ProfileNames = profileNames, EdgeWay = [.. _edgeWay],
            TurnRestrictions = [.. _restrictions],
            ForwardMilliseconds = _forward.Select(l => l.ToArray()).ToArray(),
            BackwardMilliseconds = _backward.Select(l => l.ToArray()).ToArray(),
        };
    }
}
