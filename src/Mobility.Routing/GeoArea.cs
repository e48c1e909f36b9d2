using System.Globalization;

namespace Mobility.Routing;

/// <summary>A latitude / longitude rectangle, such as the area an OSM extract covers.</summary>
public readonly record struct GeoArea(double South, double West, double North, double East)
{
    public bool Contains(GeoPoint point) =>
        point.Latitude >= South && point.Latitude <= North && point.Longitude >= West && point.Longitude <= East;

    /// <summary>The smallest area holding every point (an empty area when there is none).</summary>
    public static GeoArea Around(IEnumerable<GeoPoint> points)
    {
        double south = double.MaxValue, west = double.MaxValue, north = double.MinValue, east = double.MinValue;
        foreach (var point in points)
        {
            south = Math.Min(south, point.Latitude);
            north = Math.Max(north, point.Latitude);
            west = Math.Min(west, point.Longitude);
            east = Math.Max(east, point.Longitude);
        }
        return south > north ? default : new GeoArea(south, west, north, east);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{South:0.###}–{North:0.###} N, {West:0.###}–{East:0.###} E");
}
