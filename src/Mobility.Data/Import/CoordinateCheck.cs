using Mobility.Data.Demo;

namespace Mobility.Data.Import;

/// <summary>
/// Catches the two coordinate mistakes HR files make: values out of range, and latitude and longitude swapped
/// (both in range, but the place lands hundreds of kilometres away while the swapped pair lands in the network).
/// </summary>
public sealed class CoordinateCheck(double? referenceLatitude, double? referenceLongitude)
{
    /// <summary>Farther than this from the network's area, a point is suspicious.</summary>
    public const double PlausibleMetres = 150_000;

    /// <summary>The area of a network: the centre of its known sites, else of the file's own points.</summary>
    public static CoordinateCheck ForArea(IEnumerable<(double Latitude, double Longitude)> knownPoints)
    {
        var points = knownPoints.Where(p => p.Latitude is >= -90 and <= 90 && p.Longitude is >= -180 and <= 180).ToList();
        if (points.Count == 0) return new CoordinateCheck(null, null);
        // The median resists a few swapped rows in the file itself.
        static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToList();
            return sorted[sorted.Count / 2];
        }
        return new CoordinateCheck(Median(points.Select(p => p.Latitude)), Median(points.Select(p => p.Longitude)));
    }

    /// <returns>Null when the point is acceptable, else the reason.</returns>
    public string? Problem(double latitude, double longitude)
    {
        var inRange = latitude is >= -90 and <= 90 && longitude is >= -180 and <= 180;
        var swappedInRange = longitude is >= -90 and <= 90 && latitude is >= -180 and <= 180;
        if (!inRange)
            return swappedInRange && IsNear(longitude, latitude)
                ? $"latitude {latitude} and longitude {longitude} look swapped"
                : $"coordinates out of range (latitude {latitude} must be within -90..90, longitude {longitude} within -180..180)";
        if (!IsNear(latitude, longitude) && swappedInRange && IsNear(longitude, latitude))
            return $"latitude {latitude} and longitude {longitude} look swapped: swapped, they fall in the network's area";
        return null;
    }

    private bool IsNear(double latitude, double longitude) =>
        referenceLatitude is null || referenceLongitude is null
        || ResidentialStreets.Haversine(latitude, longitude, referenceLatitude.Value, referenceLongitude.Value) <= PlausibleMetres;
}
