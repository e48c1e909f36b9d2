using Microsoft.EntityFrameworkCore;
using Mobility.Data.Model;
using Mobility.Planning.Shuttles;

namespace Mobility.Data.Shuttles;

/// <summary>
/// Stores a computed shuttle plan in the shuttle tables, in one transaction: a plan replaces the network's previous
/// plan of the same name. Timetables are kept in the network's local time; calls at the depot (not a site) are left
/// out of the stops, and stop ids of the plan are the sites' external ids.
/// </summary>
public static class ShuttlePlanStore
{
    /// <param name="companyId">The planning company, or null for a network-wide plan: a plan replaces only the plan of the
    /// same name and the same owner.</param>
    public static async Task<long> SaveAsync(MobilityDbContext database, long networkId, string name, DateOnly validFrom, DateOnly validTo,
        ComputedShuttlePlan plan, CancellationToken cancellation = default, long? companyId = null)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A shuttle plan needs a name.");
        var network = await database.Networks.AsNoTracking().SingleOrDefaultAsync(n => n.Id == networkId, cancellation)
            ?? throw new ArgumentException($"No network {networkId} in the database.");
        var zone = TimeZoneInfo.FindSystemTimeZoneById(network.TimeZone);
        var sites = await database.Sites.AsNoTracking().Where(s => s.NetworkId == networkId).ToDictionaryAsync(s => s.ExternalId, s => s.Id, cancellation);

        await using var transaction = await database.Database.BeginTransactionAsync(cancellation);
        // Two saves of one name at once would both delete, then both insert: one at a time per network and name.
        await database.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock({unchecked((int)networkId)}, hashtext({name}))", cancellation);
        await database.ShuttlePlans.Where(p => p.NetworkId == networkId && p.Name == name && p.CompanyId == companyId).ExecuteDeleteAsync(cancellation);
        var stored = new ShuttlePlan
        {
            NetworkId = networkId, CompanyId = companyId, Name = name, ValidFrom = validFrom, ValidTo = validTo, CreatedAt = DateTimeOffset.UtcNow,
        };
        var vehicles = new Dictionary<string, ShuttleVehicle>();
        foreach (var trip in plan.Waves.SelectMany(w => w.Trips))
        {
            if (!vehicles.TryGetValue(trip.Vehicle, out var vehicle))
            {
                vehicle = new ShuttleVehicle
                {
                    Name = trip.Vehicle, Capacity = trip.Type.Capacity,
                    CostPerKilometre = (decimal)trip.Type.CostPerKilometre, CostPerHour = (decimal)trip.Type.CostPerHour,
                };
                vehicles.Add(trip.Vehicle, vehicle);
                stored.Vehicles.Add(vehicle);
            }
            var departure = TimeZoneInfo.ConvertTime(trip.Calls[0].Departure, zone);
            var row = new ShuttleTrip { Vehicle = vehicle, Direction = trip.Direction, Days = Day(departure.DayOfWeek), Kilometres = trip.Kilometres };
            foreach (var call in trip.Calls.Where(c => c.Stop.Kind != ShuttleStopKind.Depot))
                row.Calls.Add(new ShuttleCall
                {
                    Sequence = row.Calls.Count,
                    SiteId = sites.TryGetValue(call.Stop.Id, out var site) ? site
                        : throw new ArgumentException($"Stop '{call.Stop.Id}' ({call.Stop.Name}) is not a site of the network."),
                    Arrival = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(call.Arrival, zone).DateTime),
                    Departure = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(call.Departure, zone).DateTime),
                    Boarding = call.Boarding, Alighting = call.Alighting, LoadAfter = call.LoadOnDeparture,
                });
            stored.Trips.Add(row);
        }
        database.ShuttlePlans.Add(stored);
        await database.SaveChangesAsync(cancellation);
        await transaction.CommitAsync(cancellation);
        return stored.Id;
    }

    private static WorkDays Day(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => WorkDays.Monday, DayOfWeek.Tuesday => WorkDays.Tuesday, DayOfWeek.Wednesday => WorkDays.Wednesday,
        DayOfWeek.Thursday => WorkDays.Thursday, DayOfWeek.Friday => WorkDays.Friday, DayOfWeek.Saturday => WorkDays.Saturday,
        _ => WorkDays.Sunday,
    };
}
