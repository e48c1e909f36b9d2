namespace Mobility.Routing.Addresses;

/// <summary>
/// Points with a value each, and the nearest one to a place within a distance: a uniform grid (about 1 km cells)
/// searched in rings outwards until no closer point can exist. What the address sources use to borrow a commune or a
/// postcode from the nearest address that has one.
/// </summary>
internal sealed class NearestPoints<T>
{
    private const double CellDegrees = 0.01;
    private readonly Dictionary<(int Row, int Column), List<(GeoPoint Position, T Value)>> _cells = [];

    public int Count { get; private set; }

    public void Add(GeoPoint position, T value)
    {
        var cell = Cell(position);
        if (!_cells.TryGetValue(cell, out var list)) _cells[cell] = list = [];
        list.Add((position, value));
        Count++;
    }

    public (T Value, double Metres)? Nearest(GeoPoint position, double maximumMetres)
    {
        if (Count == 0) return null;
        var (row, column) = Cell(position);
        // Columns are the narrower side of a cell away from the equator.
        var cellMetres = CellDegrees * 111_195 * Math.Cos(position.Latitude * Math.PI / 180);
        var maximumRing = (int)Math.Ceiling(maximumMetres / cellMetres) + 1;
        (T Value, double Metres)? best = null;
        for (var ring = 0; ring <= maximumRing; ring++)
        {
            if (best is { } found && (ring - 1) * cellMetres > found.Metres) break;
            for (var r = row - ring; r <= row + ring; r++)
                for (var c = column - ring; c <= column + ring; c++)
                {
                    if (Math.Max(Math.Abs(r - row), Math.Abs(c - column)) != ring || !_cells.TryGetValue((r, c), out var points)) continue;
                    foreach (var (point, value) in points)
                    {
                        var metres = position.DistanceTo(point);
                        if (metres <= maximumMetres && (best is null || metres < best.Value.Metres)) best = (value, metres);
                    }
                }
        }
        return best;
    }

    private static (int, int) Cell(GeoPoint position) =>
        ((int)Math.Floor(position.Latitude / CellDegrees), (int)Math.Floor(position.Longitude / CellDegrees));
}
