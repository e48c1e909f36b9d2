namespace Mobility.Planning.TravelTimes;

/// <summary>A WGS84 position (SRID 4326) as planning sees it: latitude and longitude in degrees.</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    /// <summary>Great-circle distance in metres: the product's one formula (<see cref="Routing.Geo"/>).</summary>
    public double DistanceTo(GeoPoint other) => Routing.Geo.Metres(Latitude, Longitude, other.Latitude, other.Longitude);
}
