namespace Mobility.Routing.Graphs;

/// <summary>
/// The road network as flat arrays (structure of arrays, RoutingKit-style): vertices at junctions and way ends,
/// edges between them with their length, shape and, per profile, travel time in each direction.
/// Coordinates are fixed-point degrees × 10⁷, the precision OSM itself stores.
/// </summary>
public sealed class RoadNetwork
{
    public const double CoordinateScale = 1e7;

    public required int[] VertexLatitudes { get; init; }
    public required int[] VertexLongitudes { get; init; }
    public required int[] EdgeFrom { get; init; }
    public required int[] EdgeTo { get; init; }
    public required float[] EdgeMetres { get; init; }
    /// <summary>Intermediate shape points of edge e are ShapeLatitudes[ShapeStart[e]..ShapeStart[e + 1]].</summary>
    public required int[] ShapeStart { get; init; }
    public required int[] ShapeLatitudes { get; init; }
    public required int[] ShapeLongitudes { get; init; }
    /// <summary>The OSM way each edge comes from (turn restrictions name ways).</summary>
    public required long[] EdgeWay { get; init; }
    public required TurnRestriction[] TurnRestrictions { get; init; }
    public required IReadOnlyList<string> ProfileNames { get; init; }
    /// <summary>Per profile, travel time along each edge in milliseconds, or −1 where the profile may not go.</summary>
    public required int[][] ForwardMilliseconds { get; init; }
    public required int[][] BackwardMilliseconds { get; init; }

    public int VertexCount => VertexLatitudes.Length;
    public int EdgeCount => EdgeFrom.Length;

    public double Latitude(int vertex) => VertexLatitudes[vertex] / CoordinateScale;
    public double Longitude(int vertex) => VertexLongitudes[vertex] / CoordinateScale;
    public GeoPoint Position(int vertex) => new(Latitude(vertex), Longitude(vertex));

    /// <summary>The edge's points from EdgeFrom to EdgeTo, shape included.</summary>
    public List<GeoPoint> EdgePoints(int edge)
    {
        var points = new List<GeoPoint> { Position(EdgeFrom[edge]) };
        for (var s = ShapeStart[edge]; s < ShapeStart[edge + 1]; s++)
            points.Add(new GeoPoint(ShapeLatitudes[s] / CoordinateScale, ShapeLongitudes[s] / CoordinateScale));
        points.Add(Position(EdgeTo[edge]));
        return points;
    }

    public int ProfileIndex(string profile)
    {
        for (var i = 0; i < ProfileNames.Count; i++)
            if (ProfileNames[i].Equals(profile, StringComparison.OrdinalIgnoreCase)) return i;
        throw new ArgumentException($"This network has no '{profile}' profile; it has {string.Join(", ", ProfileNames)}.");
    }
}
