namespace Mobility.Routing;

/// <summary>
/// A WGS84 position (SRID 4326) in degrees: the product's one coordinate type, from the router to the API. Latitude
/// comes first, as people write it; GeoJSON and NetTopologySuite put longitude first, so the only swaps are in the
/// conversions at those boundaries (Data's <c>StoredPoint</c>, the server's <c>GeoJsonPoint</c>).
/// </summary>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    /// <summary>Great-circle distance in metres: the product's one formula (<see cref="Geo"/>).</summary>
    public double DistanceTo(GeoPoint other) => Geo.Metres(Latitude, Longitude, other.Latitude, other.Longitude);

    /// <summary>The GeoJSON position (RFC 7946): longitude first. Every GeoJSON the product writes goes through here.</summary>
    public double[] ToGeoJsonPosition() => [Longitude, Latitude];

    public bool IsValid => double.IsFinite(Latitude) && double.IsFinite(Longitude)
        && Latitude is >= -90 and <= 90 && Longitude is >= -180 and <= 180;
}
