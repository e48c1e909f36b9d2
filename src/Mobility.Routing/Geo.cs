namespace Mobility.Routing;

/// <summary>Great-circle arithmetic on fixed-point (× 10⁷) and floating degrees.</summary>
public static class Geo
{
    private const double EarthRadiusMetres = 6_371_008.8;
    private const double Radians = Math.PI / 180;

    public static double Metres(int latitude1, int longitude1, int latitude2, int longitude2) =>
        Metres(latitude1 / 1e7, longitude1 / 1e7, latitude2 / 1e7, longitude2 / 1e7);

    public static double Metres(double latitude1, double longitude1, double latitude2, double longitude2)
    {
        var dLat = (latitude2 - latitude1) * Radians;
        var dLon = (longitude2 - longitude1) * Radians;
        var h = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
              + Math.Cos(latitude1 * Radians) * Math.Cos(latitude2 * Radians) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusMetres * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }
}
