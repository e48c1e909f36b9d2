using Mobility.Data;
using Mobility.Routing;
using NetTopologySuite.Geometries;

namespace Mobility.Server.Http;

/// <summary>A GeoJSON Point (RFC 7946): `{"type":"Point","coordinates":[longitude, latitude]}`, WGS84.</summary>
public sealed record GeoJsonPoint(string Type, double[] Coordinates)
{
    public static GeoJsonPoint From(Point point) => From(point.ToGeoPoint());

    public static GeoJsonPoint From(GeoPoint point) => new("Point", point.ToGeoJsonPosition());

    /// <summary>The point, or null with the reasons added to <paramref name="errors"/> under <paramref name="field"/>.</summary>
    public Point? ToPoint(string field, FieldErrors errors)
    {
        if (Type != "Point") errors.Add(field, "Le type GeoJSON doit être \"Point\". / The GeoJSON type must be \"Point\".");
        else if (Coordinates is not { Length: 2 } || !Coordinates.All(double.IsFinite))
            errors.Add(field, "Deux coordonnées [longitude, latitude] attendues. / Two coordinates [longitude, latitude] expected.");
        else if (Coordinates[1] is < -90 or > 90)
            errors.Add(field, $"Latitude {Coordinates[1]} hors de [-90, 90]. / Latitude {Coordinates[1]} is outside [-90, 90].");
        else if (Coordinates[0] is < -180 or > 180)
            errors.Add(field, $"Longitude {Coordinates[0]} hors de [-180, 180]. / Longitude {Coordinates[0]} is outside [-180, 180].");
        else return new GeoPoint(Coordinates[1], Coordinates[0]).ToStoredPoint();
        return null;
    }

    /// <summary>The point when it is valid and <paramref name="check"/> finds it plausible, else null with the reason under <paramref name="field"/>.</summary>
    public Point? ToPlausiblePoint(string field, FieldErrors errors, CoordinateCheck check)
    {
        if (ToPoint(field, errors) is not { } point) return null;
        if (check.Check(point.ToGeoPoint()) is not { } problem) return point;
        errors.Add(field, problem.Bilingual);
        return null;
    }
}
