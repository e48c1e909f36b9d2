using System.Text.Json;
using Mobility.Routing.Graphs;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Mobility.Routing;

/// <summary>A stretch of one road edge, from one fraction of its length (measured from EdgeFrom) to another.</summary>
public readonly record struct EdgePiece(int Edge, double From, double To);

/// <summary>The shape of a route, built from the stretches of edges it follows; and its GeoJSON form (longitude first).</summary>
public static class RouteGeometry
{
    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);
    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    public static EdgePiece WholeArc(DirectedGraph graph, int arc) =>
        graph.AlongEdge[arc] ? new EdgePiece(graph.Edge[arc], 0, 1) : new EdgePiece(graph.Edge[arc], 1, 0);

    public static LineString Build(RoadNetwork network, IEnumerable<EdgePiece> pieces)
    {
        var points = new List<Coordinate>();
        foreach (var piece in pieces)
            foreach (var position in Stretch(network, piece))
            {
                var point = new Coordinate(position.Longitude, position.Latitude);
                if (points.Count == 0 || !points[^1].Equals2D(point)) points.Add(point);
            }
        if (points.Count == 1) points.Add(points[0].Copy());
        return Wgs84.CreateLineString(points.ToArray());
    }

    public static string ToGeoJson(Geometry geometry) => JsonSerializer.Serialize(geometry, GeoJson);

    /// <summary>The points of an edge between two fractions of its length, in the piece's direction.</summary>
    private static List<GeoPoint> Stretch(RoadNetwork network, EdgePiece piece)
    {
        var shape = network.EdgePoints(piece.Edge);

        var cumulative = new double[shape.Count];
        for (var i = 1; i < shape.Count; i++)
            cumulative[i] = cumulative[i - 1] + shape[i - 1].DistanceTo(shape[i]);
        var total = cumulative[^1];
        GeoPoint At(double fraction)
        {
            var target = fraction * total;
            for (var i = 1; i < shape.Count; i++)
                if (cumulative[i] >= target || i == shape.Count - 1)
                {
                    var length = cumulative[i] - cumulative[i - 1];
                    var t = length > 0 ? Math.Clamp((target - cumulative[i - 1]) / length, 0, 1) : 0;
                    return new GeoPoint(shape[i - 1].Latitude + t * (shape[i].Latitude - shape[i - 1].Latitude),
                        shape[i - 1].Longitude + t * (shape[i].Longitude - shape[i - 1].Longitude));
                }
            return shape[0];
        }

        var (low, high) = (Math.Min(piece.From, piece.To), Math.Max(piece.From, piece.To));
        var stretch = new List<GeoPoint> { At(low) };
        for (var i = 1; i < shape.Count - 1; i++)
            if (total > 0 && cumulative[i] / total > low && cumulative[i] / total < high) stretch.Add(shape[i]);
        stretch.Add(At(high));
        if (piece.From > piece.To) stretch.Reverse();
        return stretch;
    }
}
