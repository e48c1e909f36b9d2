using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;
using Mobility.Routing;

namespace Mobility.Application.Roads;

/// <summary>
/// The area an isochrone covers, for a map: the reached road junctions (<see cref="Router.Isochrone"/>) laid on a grid
/// of square cells, each cell with a junction and its neighbours taken (a street reaches the houses beside it), holes
/// smaller than a few cells filled. Blocky at street level by design: it says "about here", never more than the
/// roads allow plus one cell. Whether a given home is inside is a question for the router (its travel time), not
/// for this polygon.
/// </summary>
public static class IsochroneArea
{
    public const double DefaultCellMetres = 200;
    private const double MetresPerDegreeLatitude = 111_195;
    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);

    public static Geometry Of(IReadOnlyCollection<GeoPoint> reached, double cellMetres = DefaultCellMetres)
    {
        if (reached.Count == 0) return Wgs84.CreateMultiPolygon();
        // A local grid: degrees of longitude shrink with latitude, so cells stay square on the ground.
        var originLatitude = reached.Average(p => p.Latitude);
        var cellLatitude = cellMetres / MetresPerDegreeLatitude;
        var cellLongitude = cellMetres / (MetresPerDegreeLatitude * Math.Cos(originLatitude * Math.PI / 180));
        var cells = new HashSet<(long Column, long Row)>();
        foreach (var point in reached)
        {
            var (column, row) = ((long)Math.Floor(point.Longitude / cellLongitude), (long)Math.Floor(point.Latitude / cellLatitude));
            for (var dc = -1; dc <= 1; dc++)
                for (var dr = -1; dr <= 1; dr++)
                    cells.Add((column + dc, row + dr));
        }
        // One rectangle per run of cells along a row, then one union: far fewer pieces than one square per cell.
        var rectangles = new List<Geometry>();
        foreach (var row in cells.GroupBy(c => c.Row))
        {
            var columns = row.Select(c => c.Column).Order().ToList();
            var start = columns[0];
            for (var k = 1; k <= columns.Count; k++)
            {
                if (k < columns.Count && columns[k] == columns[k - 1] + 1) continue;
                rectangles.Add(Rectangle(start * cellLongitude, row.Key * cellLatitude, (columns[k - 1] + 1) * cellLongitude, (row.Key + 1) * cellLatitude));
                if (k < columns.Count) start = columns[k];
            }
        }
        var union = CascadedPolygonUnion.Union(rectangles);
        var smallestHole = 4 * cellLatitude * cellLongitude;
        var polygons = Enumerable.Range(0, union.NumGeometries).Select(i => union.GetGeometryN(i)).OfType<Polygon>()
            .Select(p => Wgs84.CreatePolygon((LinearRing)p.Shell.Copy(),
                p.Holes.Where(h => Wgs84.CreatePolygon((LinearRing)h.Copy()).Area > smallestHole).Select(h => (LinearRing)h.Copy()).ToArray()))
            .ToArray();
        return Wgs84.CreateMultiPolygon(polygons);
    }

    private static Polygon Rectangle(double west, double south, double east, double north) =>
        Wgs84.CreatePolygon([new(west, south), new(east, south), new(east, north), new(west, north), new(west, south)]);
}
