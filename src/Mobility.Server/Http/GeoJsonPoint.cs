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
        if (Type != "Point") errors.Add(field, Codes.Field.GeoJsonNotAPoint);
        else if (Coordinates is not { Length: 2 } || !Coordinates.All(double.IsFinite)) errors.Add(field, Codes.Field.GeoJsonTwoCoordinates);
        else if (Coordinates[1] is < -90 or > 90 || Coordinates[0] is < -180 or > 180)
            errors.Add(field, Codes.Field.CoordinatesOutOfRange, new Dictionary<string, object?> { ["latitude"] = Coordinates[1], ["longitude"] = Coordinates[0] });
        else return new GeoPoint(Coordinates[1], Coordinates[0]).ToStoredPoint();
        return null;
    }

    /// <summary>The point when it is valid and <paramref name="check"/> finds it plausible, else null with the reason under <paramref name="field"/>.</summary>
    public Point? ToPlausiblePoint(string field, FieldErrors errors, CoordinateCheck check)
    {
        if (ToPoint(field, errors) is not { } point) return null;
        if (check.Check(point.ToGeoPoint()) is not { } problem) return point;
        errors.Add(field, problem.Code, problem.Parameters);
        return null;
    }
}
