using Mobility.Routing.Graphs;

namespace Mobility.Routing.Snapping;

/// <summary>
/// Finds the nearest usable vertex to a point with a uniform grid (about 500 m cells), searching rings of cells
/// outwards until no closer vertex can exist. Only vertices a profile allows (its largest strongly connected
/// component) are indexed.
/// </summary>
public sealed class VertexSnapper
{
    private const double CellDegrees = 0.005;
    private readonly RoadNetwork _network;
    private readonly Dictionary<(int, int), List<int>> _cells = [];

    public VertexSnapper(RoadNetwork network, bool[] allowed)
    {
        _network = network;
        for (var v = 0; v < network.VertexCount; v++)
        {
            if (!allowed[v]) continue;
            var cell = Cell(network.Latitude(v), network.Longitude(v));
            if (!_cells.TryGetValue(cell, out var list)) _cells[cell] = list = [];
            list.Add(v);
        }
    }

    /// <returns>The nearest allowed vertex and its distance, or null when none lies within <paramref name="maximumMetres"/>.</returns>
    public (int Vertex, double Metres)? Nearest(double latitude, double longitude, double maximumMetres)
    {
        var (row, column) = Cell(latitude, longitude);
        // A ring r cells away is at least (r − 1) cells of latitude away; a cell of longitude is narrower, so use it as the bound.
        var cellMetres = CellDegrees * 111_195 * Math.Cos(latitude * Math.PI / 180);
        var maximumRing = (int)Math.Ceiling(maximumMetres / cellMetres) + 1;
        (int Vertex, double Metres)? best = null;
        for (var ring = 0; ring <= maximumRing; ring++)
        {
            if (best is { } found && (ring - 1) * cellMetres > found.Metres) break;
            for (var r = row - ring; r <= row + ring; r++)
                for (var c = column - ring; c <= column + ring; c++)
                {
                    if (Math.Max(Math.Abs(r - row), Math.Abs(c - column)) != ring) continue;
                    if (!_cells.TryGetValue((r, c), out var vertices)) continue;
                    foreach (var v in vertices)
                    {
                        var metres = Geo.Metres(latitude, longitude, _network.Latitude(v), _network.Longitude(v));
                        if (metres <= maximumMetres && (best is null || metres < best.Value.Metres)) best = (v, metres);
                    }
                }
        }
        return best;
    }

    private static (int, int) Cell(double latitude, double longitude) =>
        ((int)Math.Floor(latitude / CellDegrees), (int)Math.Floor(longitude / CellDegrees));
}
