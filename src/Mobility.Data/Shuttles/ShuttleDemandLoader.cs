using Microsoft.EntityFrameworkCore;
using Mobility.Data.Commutes;
using Mobility.Data.Model;
using Mobility.Planning.Shuttles;
using Mobility.Planning.TravelTimes;
using Mobility.Routing;

namespace Mobility.Data.Shuttles;

/// <summary>
/// Builds a date's what-if shuttle case from a network in the database: the stops are its stations, meeting points
/// and plants; the riders are the consenting employees working a shift that starts on the date (with the trip home
/// after it, as <see cref="CommuteLoader"/> reads them) who live farther than a straight-line distance from their
/// plant, each taken from the station or meeting point nearest their home. The fleet waits at a depot by the stop
/// nearest the plants' centre. Given a company, only its employees ride (an HR manager's plan).
/// </summary>
public static class ShuttleDemandLoader
{
    public static async Task<ShuttleDemand> LoadAsync(MobilityDbContext database, string? networkNameOrId, DateOnly date,
        ShuttleDemandOptions? options = null, CancellationToken cancellation = default)
    {
        options ??= new ShuttleDemandOptions();
        var networkId = (await NetworkChoice.ChooseAsync(database, networkNameOrId, cancellation)).Id;
        var eligible = await EligibleAsync(database, networkId, options, cancellation);
        var sites = await database.Sites.AsNoTracking().Where(s => s.NetworkId == networkId).OrderBy(s => s.Id).ToListAsync(cancellation);
        var origins = sites.Where(s => s.Kind is SiteKind.Station or SiteKind.MeetingPoint).Select(Stop).ToList();
        var plants = sites.Where(s => s.Kind == SiteKind.Plant).ToDictionary(s => s.ExternalId, Stop);
        if (origins.Count == 0) throw new ArgumentException("The network has no station or meeting point to run shuttles from.");
        if (plants.Count == 0) throw new ArgumentException("The network has no plant.");

        var commutes = await CommuteLoader.LoadAsync(database, networkId, date, cancellation: cancellation);
        var minimumMetres = options.MinDistanceKilometres * 1000;
        var riders = new List<ShuttleRider>();
        var chosen = new HashSet<string>();
        foreach (var person in commutes.ToWork)
        {
            // Employees attached to a station or car park rather than a plant are not shuttle demand.
            if (!plants.ContainsKey(person.SiteId) || person.Home.DistanceTo(person.Site) <= minimumMetres) continue;
            if (eligible is not null && !eligible.Contains(person.Id)) continue;
            var origin = origins.MinBy(o => o.Location.DistanceTo(person.Home))!;
            riders.Add(new ShuttleRider(person.Id, origin.Id, person.SiteId, commutes.Shifts[person.Id]));
            chosen.Add(person.Id);
        }
        var used = riders.Select(r => r.OriginStopId).Concat(riders.Select(r => r.SiteStopId)).ToHashSet();
        var stops = origins.Concat(plants.Values).Where(s => used.Contains(s.Id)).ToList();
        var plantStops = plants.Values.ToList();
        var centre = new GeoPoint(plantStops.Average(p => p.Location.Latitude), plantStops.Average(p => p.Location.Longitude));
        var hub = origins.MinBy(o => o.Location.DistanceTo(centre))!;
        var depot = new ShuttleStop("depot", $"Dépôt ({hub.Name})", hub.Location, ShuttleStopKind.Depot);
        var fleet = new List<FleetEntry> { new(VehicleType.Minibus, depot.Id, options.Minibuses), new(VehicleType.Coach, depot.Id, options.Coaches) };
        var ridersOnly = commutes with
        {
            ToWork = commutes.ToWork.Where(p => chosen.Contains(p.Id)).ToList(),
            ToHome = commutes.ToHome.Where(p => chosen.Contains(p.Id)).ToList(),
            Shifts = commutes.Shifts.Where(s => chosen.Contains(s.Key)).ToDictionary(),
        };
        return new ShuttleDemand(networkId, new ShuttleCase([depot, .. stops], fleet, riders, new ShuttleSettings()).Validated(), ridersOnly);
    }

    /// <summary>The ids of the employees the options restrict the demand to, or null when they do not restrict it.</summary>
    private static async Task<HashSet<string>?> EligibleAsync(MobilityDbContext database, long networkId, ShuttleDemandOptions options,
        CancellationToken cancellation)
    {
        if (options.CompanyId is null && options.Communes is null) return null;
        var employees = database.Employees.Where(e => e.Company!.NetworkId == networkId);
        if (options.CompanyId is { } company) employees = employees.Where(e => e.CompanyId == company);
        if (options.Communes is { } communes)
        {
            var wanted = communes.Select(c => c.Trim().ToLowerInvariant()).ToList();
            employees = employees.Where(e => e.Commune != null && wanted.Contains(e.Commune.Trim().ToLower()));
        }
        return (await employees.Select(e => e.Id).ToListAsync(cancellation))
            .Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
    }

    private static ShuttleStop Stop(Site site) => new(site.ExternalId, site.Name, site.Location.ToGeoPoint(),
        site.Kind == SiteKind.Plant ? ShuttleStopKind.Site : site.Kind == SiteKind.Station ? ShuttleStopKind.Station : ShuttleStopKind.MeetingPoint);
}
