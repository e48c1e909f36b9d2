using Mobility.Routing;
using NetTopologySuite.Geometries;

namespace Mobility.Data;

/// <summary>
/// The one conversion between the product's <see cref="GeoPoint"/> and the NetTopologySuite point PostGIS stores
/// (SRID 4326, X = longitude, Y = latitude): the only place that order is swapped on the way to and from the database.
/// </summary>
public static class StoredPoint
{
    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);

    public static Point ToStoredPoint(this GeoPoint point) => Wgs84.CreatePoint(new Coordinate(point.Longitude, point.Latitude));

    public static GeoPoint ToGeoPoint(this Point point) => new(point.Y, point.X);
}
