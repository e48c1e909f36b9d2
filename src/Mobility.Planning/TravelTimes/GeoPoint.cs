namespace Mobility.Planning.TravelTimes;

/// <summary>A WGS84 position (SRID 4326) as planning sees it: latitude and longitude in degrees.</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    private const double EarthRadiusMetres = 6_371_008.8;

    /// <summary>Great-circle distance in metres (haversine).</summary>
    public double DistanceTo(GeoPoint other)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180.0;
        var dLat = Radians(other.Latitude - Latitude);
        var dLon = Radians(other.Longitude - Longitude);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
              + Math.Cos(Radians(Latitude)) * Math.Cos(Radians(other.Latitude)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusMetres * Math.Asin(Math.Min(1.0, Math.Sqrt(a)));
    }
}
