using Mobility.Routing.Graphs;

namespace Mobility.Routing.Snapping;

/// <summary>Where a point lands on the network: on <paramref name="Edge"/>, at <paramref name="Fraction"/> of its
/// length from EdgeFrom, at the projected position, <paramref name="OffsetMetres"/> from the point itself.</summary>
public readonly record struct EdgePosition(int Edge, double Fraction, GeoPoint Position, double OffsetMetres);

/// <summary>
/// Snaps a point to the nearest edge a profile may use, on the profile's largest strongly connected component:
/// a uniform grid (cells of 0.001°, about 110 × 75 m) over every segment of every such edge, shape points included, searched in
/// rings outwards until no closer segment can exist.
/// </summary>
public sealed class EdgeSnapper
{
    private const double CellDegrees = 0.001;
    private readonly RoadNetwork _network;
    private readonly Dictionary<(int, int), List<(int Edge, int Segment)>> _cells = [];

    public EdgeSnapper(RoadNetwork network, int profile, bool[] inLargestComponent)
    {
        _network = network;
        var (forward, backward) = (network.ForwardMilliseconds[profile], network.BackwardMilliseconds[profile]);
        for (var e = 0; e < network.EdgeCount; e++)
        {
            if (forward[e] < 0 && backward[e] < 0) continue;
            if (!inLargestComponent[network.EdgeFrom[e]] || !inLargestComponent[network.EdgeTo[e]]) continue;
            var points = Points(e);
            for (var s = 0; s + 1 < points.Count; s++)
            {
                var (a, b) = (points[s], points[s + 1]);
                var (row0, column0) = Cell(Math.Min(a.Latitude, b.Latitude), Math.Min(a.Longitude, b.Longitude));
                var (row1, column1) = Cell(Math.Max(a.Latitude, b.Latitude), Math.Max(a.Longitude, b.Longitude));
                for (var r = row0; r <= row1; r++)
                    for (var c = column0; c <= column1; c++)
                    {
                        if (!_cells.TryGetValue((r, c), out var list)) _cells[(r, c)] = list = [];
                        list.Add((e, s));
                    }
            }
        }
    }

    public EdgePosition? Nearest(GeoPoint point, double maximumMetres)
    {
        var (row, column) = Cell(point.Latitude, point.Longitude);
        var cellMetres = CellDegrees * 111_195 * Math.Cos(point.Latitude * Math.PI / 180);
        var maximumRing = (int)Math.Ceiling(maximumMetres / cellMetres) + 1;
        var metresPerDegreeLongitude = 111_195 * Math.Cos(point.Latitude * Math.PI / 180);
        (int Edge, int Segment, double T, double Metres)? best = null;
        for (var ring = 0; ring <= maximumRing; ring++)
        {
            if (best is { } found && (ring - 1) * cellMetres > found.Metres) break;
            for (var r = row - ring; r <= row + ring; r++)
                for (var c = column - ring; c <= column + ring; c++)
                {
                    if (Math.Max(Math.Abs(r - row), Math.Abs(c - column)) != ring || !_cells.TryGetValue((r, c), out var segments)) continue;
                    // Read straight from the network's arrays: a city cell holds hundreds of segments, and building each
                    // edge's list of points cost most of a snap (docs/benchmarks.md).
                    foreach (var (edge, segment) in segments)
                    {
                        var (t, metres) = Project(point, metresPerDegreeLongitude, PointOf(edge, segment), PointOf(edge, segment + 1));
                        if (metres <= maximumMetres && (best is null || metres < best.Value.Metres)) best = (edge, segment, t, metres);
                    }
                }
        }
        if (best is not { } hit) return null;
        var shape = Points(hit.Edge);
        double before = 0, total = 0;
        for (var s = 0; s + 1 < shape.Count; s++)
        {
            var length = shape[s].DistanceTo(shape[s + 1]);
            if (s < hit.Segment) before += length;
            if (s == hit.Segment) before += hit.T * length;
            total += length;
        }
        var (a, b) = (shape[hit.Segment], shape[hit.Segment + 1]);
        return new EdgePosition(hit.Edge, total > 0 ? before / total : 0,
            new GeoPoint(a.Latitude + hit.T * (b.Latitude - a.Latitude), a.Longitude + hit.T * (b.Longitude - a.Longitude)), hit.Metres);
    }

    /// <summary>The edge's points from EdgeFrom to EdgeTo, shape included.</summary>
    public List<GeoPoint> Points(int edge) => _network.EdgePoints(edge);

    /// <summary>Point k of the edge (0: EdgeFrom, then its shape points, then EdgeTo), as <see cref="Points"/> lists them.</summary>
    private GeoPoint PointOf(int edge, int k)
    {
        if (k == 0) return _network.Position(_network.EdgeFrom[edge]);
        var shape = _network.ShapeStart[edge] + k - 1;
        return shape < _network.ShapeStart[edge + 1]
            ? new GeoPoint(_network.ShapeLatitudes[shape] / RoadNetwork.CoordinateScale, _network.ShapeLongitudes[shape] / RoadNetwork.CoordinateScale)
            : _network.Position(_network.EdgeTo[edge]);
    }

    /// <summary>The point's projection onto segment a–b (as a fraction t of it) and its distance, on a local flat projection.</summary>
    private static (double T, double Metres) Project(GeoPoint point, double metresPerDegreeLongitude, GeoPoint a, GeoPoint b)
    {
        double X(double lon) => (lon - point.Longitude) * metresPerDegreeLongitude;
        double Y(double lat) => (lat - point.Latitude) * 111_195;
        var (ax, ay, bx, by) = (X(a.Longitude), Y(a.Latitude), X(b.Longitude), Y(b.Latitude));
        var (dx, dy) = (bx - ax, by - ay);
        var length2 = dx * dx + dy * dy;
        var t = length2 == 0 ? 0 : Math.Clamp(-(ax * dx + ay * dy) / length2, 0, 1);
        var (px, py) = (ax + t * dx, ay + t * dy);
        return (t, Math.Sqrt(px * px + py * py));
    }

    private static (int, int) Cell(double latitude, double longitude) =>
        ((int)Math.Floor(latitude / CellDegrees), (int)Math.Floor(longitude / CellDegrees));
}
