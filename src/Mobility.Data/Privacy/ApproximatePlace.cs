using System.Security.Cryptography;
using Mobility.Routing;
using NetTopologySuite.Geometries;

namespace Mobility.Data.Privacy;

/// <summary>
/// The place other members of a proposal see until the whole group confirms: never the home, nor a grid square around it
/// (whose centre is within 250 m of most homes), but a point 400 to 700 m away in a direction drawn at random. Whoever
/// reads it knows only that the home is somewhere on a ring around it.
/// </summary>
public static class ApproximatePlace
{
    public const double NearestMetres = 400;
    public const double FarthestMetres = 700;
    private const double MetresPerDegreeOfLatitude = 111_320;

    public static Point Around(Point home)
    {
        var bearing = RandomNumberGenerator.GetInt32(0, 360_000) / 1000.0 * Math.PI / 180;
        var distance = NearestMetres + RandomNumberGenerator.GetInt32(0, 1_000_001) / 1_000_000.0 * (FarthestMetres - NearestMetres);
        var north = distance * Math.Cos(bearing) / MetresPerDegreeOfLatitude;
        var (latitude, longitude) = home.ToGeoPoint();
        var east = distance * Math.Sin(bearing) / (MetresPerDegreeOfLatitude * Math.Max(0.1, Math.Cos(latitude * Math.PI / 180)));
        // Rounded to about 10 m: more digits would only look precise.
        return new GeoPoint(Math.Round(latitude + north, 4), Math.Round(longitude + east, 4)).ToStoredPoint();
    }
}
