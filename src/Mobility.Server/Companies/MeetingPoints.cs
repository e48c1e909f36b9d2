using Microsoft.EntityFrameworkCore;
using Mobility.Data;
using Mobility.Data.Model;
using Mobility.Routing;
using Mobility.Server.Http;
using NetTopologySuite.Geometries;

namespace Mobility.Server.Companies;

/// <summary>A meeting point as the employee choosing one sees it: the distance is from their own home, which they may see.</summary>
public sealed record MeetingPointView(long Id, string Name, string? Commune, GeoJsonPoint Location, int DistanceMetres);

/// <summary>
/// The meeting points an employee may be picked up at instead of home: the network's sites of kind
/// <see cref="SiteKind.MeetingPoint"/> within <see cref="MaxDistanceSetting"/> of the home, in a straight line.
/// </summary>
public sealed class MeetingPoints(IReadOnlyList<Site> points, double maxMetres)
{
    public const string MaxDistanceSetting = "MeetingPoints:MaxDistanceKm";
    private const double DefaultMaxKilometres = 5;

    public double MaxMetres { get; } = maxMetres;

    public static async Task<MeetingPoints> OfNetworkAsync(MobilityDbContext database, IConfiguration configuration, long networkId,
        CancellationToken cancellation) =>
        new(await database.Sites.AsNoTracking().Where(s => s.NetworkId == networkId && s.Kind == SiteKind.MeetingPoint).ToListAsync(cancellation),
            configuration.GetValue(MaxDistanceSetting, DefaultMaxKilometres) * 1000);

    /// <summary>The meeting points of the network the company belongs to.</summary>
    public static async Task<MeetingPoints> OfCompanyAsync(MobilityDbContext database, IConfiguration configuration, long companyId,
        CancellationToken cancellation) =>
        await OfNetworkAsync(database, configuration,
            await database.Companies.Where(c => c.Id == companyId).Select(c => c.NetworkId).SingleAsync(cancellation), cancellation);

    /// <summary>The points within reach of the home, nearest first.</summary>
    public IReadOnlyList<MeetingPointView> Near(Point home) => points
        .Select(p => (Point: p, Metres: Distance(home, p)))
        .Where(p => p.Metres <= MaxMetres)
        .OrderBy(p => p.Metres).ThenBy(p => p.Point.Id)
        .Select(p => new MeetingPointView(p.Point.Id, p.Point.Name, p.Point.Commune, GeoJsonPoint.From(p.Point.Location), (int)Math.Round(p.Metres)))
        .ToList();

    /// <summary>Whether the employee may be picked up at <paramref name="meetingPointId"/> from <paramref name="home"/>; the
    /// problem goes under <paramref name="field"/>. A foreign network's site gets the same answer as a missing one.</summary>
    public bool Check(long meetingPointId, Point? home, string field, FieldErrors errors)
    {
        if (points.FirstOrDefault(p => p.Id == meetingPointId) is not { } point)
        {
            errors.Add(field, Codes.Field.UnknownReference);
            return false;
        }
        if (home is null)
        {
            errors.Add(field, Codes.Field.MeetingPointNeedsHome);
            return false;
        }
        if (Distance(home, point) > MaxMetres)
        {
            errors.Add(field, Codes.Field.MeetingPointTooFar, new Dictionary<string, object?> { ["maxKilometres"] = MaxMetres / 1000 });
            return false;
        }
        return true;
    }

    private static double Distance(Point home, Site point) =>
        Geo.Metres(home.Y, home.X, point.Location.Y, point.Location.X);
}
