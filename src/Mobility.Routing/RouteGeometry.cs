using System.Text.Json;
using Mobility.Routing.Graphs;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Mobility.Routing;

/// <summary>The shape of a route, built from the road arcs it follows, and its GeoJSON form (RFC 7946: longitude first).</summary>
public static class RouteGeometry
{
    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);
    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    public static LineString Build(RoadNetwork network, DirectedGraph graph, IReadOnlyList<int> roadArcs)
    {
        var points = new List<Coordinate>();
        void Add(int latitude, int longitude)
        {
            var point = new Coordinate(longitude / RoadNetwork.CoordinateScale, latitude / RoadNetwork.CoordinateScale);
            if (points.Count == 0 || !points[^1].Equals2D(point)) points.Add(point);
        }
        foreach (var arc in roadArcs)
        {
            var edge = graph.Edge[arc];
            var along = graph.AlongEdge[arc];
            var (start, end) = along ? (network.EdgeFrom[edge], network.EdgeTo[edge]) : (network.EdgeTo[edge], network.EdgeFrom[edge]);
            Add(network.VertexLatitudes[start], network.VertexLongitudes[start]);
            var (first, last) = (network.ShapeStart[edge], network.ShapeStart[edge + 1]);
            for (var k = 0; k < last - first; k++)
            {
                var s = along ? first + k : last - 1 - k;
                Add(network.ShapeLatitudes[s], network.ShapeLongitudes[s]);
            }
            Add(network.VertexLatitudes[end], network.VertexLongitudes[end]);
        }
        if (points.Count == 1) points.Add(points[0].Copy());
        return Wgs84.CreateLineString(points.ToArray());
    }

    public static string ToGeoJson(Geometry geometry) => JsonSerializer.Serialize(geometry, GeoJson);
}
