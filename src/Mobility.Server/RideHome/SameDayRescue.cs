using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Mobility.Application.Carpools;
using Mobility.Data;
using Mobility.Data.Model;
using Mobility.Planning;
using Mobility.Planning.Carpools;
using Mobility.Routing;
using Mobility.Server.Carpools;
using NetTopologySuite.Geometries;

namespace Mobility.Server.RideHome;

/// <summary>The guaranteed ride home's settings (section <c>RideHome</c>).</summary>
public sealed class RideHomeOptions
{
    /// <summary>What a taxi is estimated to cost per kilometre of the employee's trip alone on the roads.</summary>
    public decimal TaxiEurosPerKilometre { get; set; } = 2.00m;
}

/// <summary>
/// The guaranteed ride home, when a driver leaves a group on its day (today in the network's time zone, or the next
/// morning's return of a night shift): before the decision is answered, the passengers are given a seat in a car of the
/// same trip that still has one, or with a driver who drives alone (<see cref="FreeSeatSearch"/>: nothing that holds is
/// undone, everyone's limits hold), and pushed the proposal as any other. Who had accepted and finds no seat gets their
/// company's fallback: a <see cref="RideHomeCase"/> HR sees, and an offer pushed with the cancelled group. Runs under the
/// date's re-match lock, so it never races a re-match of that date; the re-match that follows keeps what it did.
/// </summary>
public sealed class SameDayRescue(MobilityDbContext database, NotificationStore notifications, NotificationPusher pusher, TravelTimesSource travel,
    TimeProvider clock, IOptions<RideHomeOptions> options, ILogger<SameDayRescue> log) : IDriverLeftHandler
{
    public const string OfferKind = "ride-home-offer";
    /// <summary>Cars farther than this from a stranded passenger's home (straight line) are not tried: the road matrix
    /// stays small however large the network.</summary>
    private const double ReachMetres = 30_000;
    private const int MostCarsTried = 40;

    public async Task HandleAsync(DriverLeft left, CancellationToken cancellation)
    {
        var timeZone = await database.Networks.Where(n => n.Id == left.NetworkId).Select(n => n.TimeZone).SingleAsync(cancellation);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(timeZone)).DateTime);
        var onTheDay = left.Date == today || (left.Direction == CommuteDirection.ToHome && left.Date == today.AddDays(-1));
        if (!onTheDay || left.Passengers.Count == 0) return;

        var commutes = await CarpoolDayPlanning.LoadCommutesAsync(database, left.NetworkId, left.Date, cancellation);
        var trips = (left.Direction == CommuteDirection.ToWork ? commutes.ToWork : commutes.ToHome).ToDictionary(p => p.Id);

        await using var transaction = await database.Database.BeginTransactionAsync(cancellation);
        await database.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock({unchecked((int)left.NetworkId)}, {left.Date.DayNumber})", cancellation);
        var sameWay = await database.CarpoolGroups.Include(g => g.Members)
            .Where(g => g.NetworkId == left.NetworkId && g.Date == left.Date && g.Direction == left.Direction
                        && (g.Status == CarpoolStatus.Proposed || g.Status == CarpoolStatus.Accepted || g.Status == CarpoolStatus.Confirmed))
            .ToListAsync(cancellation);
        var busy = sameWay.SelectMany(g => g.Members.Where(Riding)).Select(m => m.EmployeeId).ToHashSet();
        var stranded = left.Passengers.Where(p => !busy.Contains(p) && trips.ContainsKey(Id(p))).ToList();
        if (stranded.Count == 0) return;

        var notBefore = now + NetworkRematch.StartMargin;
        // Home, a car is where its driver took it in the morning: not with who rode in.
        var rodeIn = left.Direction == CommuteDirection.ToHome ? (await database.CarpoolMembers
            .Where(m => m.CarpoolGroup!.NetworkId == left.NetworkId && m.CarpoolGroup.Date == left.Date && m.CarpoolGroup.Direction == CommuteDirection.ToWork
                        && m.Role == MemberRole.Passenger && (m.Status == CarpoolStatus.Accepted || m.Status == CarpoolStatus.Confirmed))
            .Select(m => m.EmployeeId).ToListAsync(cancellation)).ToHashSet() : [];
        var homes = stranded.Select(p => trips[Id(p)].Home).ToList();
        double Reach(CarpoolParticipant driver) => homes.Min(h => Geo.Metres(h.Latitude, h.Longitude, driver.Home.Latitude, driver.Home.Longitude));
        var cars = sameWay.Where(g => g.Explanation?.Plan is not null && g.Members.Where(Riding).All(m => m.PickupTime >= notBefore && trips.ContainsKey(Id(m.EmployeeId)))
                && g.Members.Count(m => m.Role == MemberRole.Passenger && Riding(m)) < g.Seats)
            .Select(g => (Group: g, Driver: trips[g.Explanation!.Plan.Driver]))
            .Where(c => Reach(c.Driver) <= ReachMetres).OrderBy(c => Reach(c.Driver)).Take(MostCarsTried).Select(c => c.Group).ToList();
        var idle = trips.Values.Where(p => p.CanDrive && p.Id != Id(left.DriverId) && !busy.Contains(Long(p.Id)) && !rodeIn.Contains(Long(p.Id))
                && !stranded.Contains(Long(p.Id)) && Reach(p) <= ReachMetres)
            .OrderBy(Reach).Take(MostCarsTried).ToList();

        var people = stranded.Select(p => trips[Id(p)]).Concat(idle)
            .Concat(cars.SelectMany(g => g.Members.Where(Riding)).Select(m => trips[Id(m.EmployeeId)]))
            .DistinctBy(p => p.Id).ToList();
        var instance = new CarpoolInstance(people, travel.TravelTimes, left.Direction);
        var restorable = cars.Select(g => (Group: g, Car: NetworkRematch.Restore(instance, RidingPlan(g)))).Where(c => c.Car is not null).ToList();
        var given = restorable.Select(c => c.Group).ToList();
        var restored = restorable.Select(c => c.Car!).ToList();
        var keepApart = await NetworkRematch.KeepApartAsync(database, left.NetworkId, left.Date, cancellation);
        var placed = FreeSeatSearch.Place(instance, restored, idle.Select(p => instance.IndexOf(p.Id)).ToList(),
            stranded.Select(p => instance.IndexOf(Id(p))).ToList(), notBefore.ToUnixTimeSeconds(), keepApart);

        var sites = await database.Sites.Where(s => s.NetworkId == left.NetworkId).ToDictionaryAsync(s => s.ExternalId, s => s.Id, cancellation);
        var riders = placed.Cars.Skip(placed.GivenCars).SelectMany(g => g.Members).Concat(placed.CarOf.Keys).Select(i => Long(instance.Participants[i].Id)).ToList();
        var exactHomes = await database.Employees.Where(e => riders.Contains(e.Id) && e.Home != null)
            .Select(e => new { e.Id, e.Home }).ToDictionaryAsync(e => e.Id, e => e.Home!, cancellation);
        var messages = new List<(long EmployeeId, string Kind, CarpoolGroup Group)>();
        for (var k = 0; k < placed.GivenCars; k++)
            if (!ReferenceEquals(placed.Cars[k], restored[k]))
                messages.AddRange(Refit(given[k], instance, placed.Cars[k], sites, exactHomes));
        var created = placed.Cars.Skip(placed.GivenCars).Select(group => NetworkRematch.NewGroup(now, left.NetworkId, left.Date, instance, group,
            NetworkRematch.ExplanationOf(instance, group, null), sites, exactHomes)).ToList();
        database.CarpoolGroups.AddRange(created);
        foreach (var group in created.Concat(given.Where((_, k) => !ReferenceEquals(placed.Cars[k], restored[k]))))
            group.StatusHistory.Add(new CarpoolStatusChange { Status = group.Status, At = now, Reason = NetworkRematch.SeatFoundOnTheDay });
        messages.AddRange(created.SelectMany(g => g.Members.Select(m => (m.EmployeeId, NetworkRematch.ProposalKind, g))));

        var withoutSeat = placed.Unplaced.Select(i => Long(instance.Participants[i].Id)).Where(left.Committed.Contains).ToList();
        var cancelled = await database.CarpoolGroups.Include(g => g.RideHomeCases).SingleAsync(g => g.Id == left.GroupId, cancellation);
        foreach (var passenger in withoutSeat)
        {
            var rideHome = await OpenCaseAsync(left, passenger, instance, cancellation);
            cancelled.RideHomeCases.Add(rideHome);
            await database.SaveChangesAsync(cancellation); // the month's budget counts it before the next one
            messages.Add((passenger, OfferKind, cancelled));
        }
        await database.SaveChangesAsync(cancellation);
        var told = messages.Select(m => m.Group.Id).Distinct().ToList();
        await ProposalView.WithMembers(database.CarpoolGroups.Where(g => told.Contains(g.Id))).LoadAsync(cancellation);
        var sent = await notifications.AddManyAsync(messages, cancellation);
        await transaction.CommitAsync(cancellation);
        log.LogInformation("Network {Network}, {Date} {Direction}: the driver of group {Group} left; {Placed} passenger(s) found a seat, {Fallback} got the company's fallback",
            left.NetworkId, left.Date, left.Direction, left.GroupId, placed.CarOf.Count, withoutSeat.Count);
        await pusher.PushAsync(sent, cancellation);
    }

    private static bool Riding(CarpoolMember m) => m.Status is CarpoolStatus.Proposed or CarpoolStatus.Accepted or CarpoolStatus.Confirmed;

    /// <summary>The group's stored plan without the passengers who left it since.</summary>
    private static GroupPlan RidingPlan(CarpoolGroup group)
    {
        var riding = group.Members.Where(Riding).Select(m => Id(m.EmployeeId)).ToHashSet();
        var plan = group.Explanation!.Plan;
        return plan with { Pickups = plan.Pickups.Where(riding.Contains).ToList() };
    }

    /// <summary>A stored car with the passengers it took: everyone's place in the new route, the new ones proposed (the
    /// group's status stays: those who confirmed keep seeing each other; a newcomer sees the others once they accept).</summary>
    private static IEnumerable<(long, string, CarpoolGroup)> Refit(CarpoolGroup group, CarpoolInstance instance, MatchedGroup grown,
        IReadOnlyDictionary<string, long> sites, IReadOnlyDictionary<long, Point> homes)
    {
        var explanation = NetworkRematch.ExplanationOf(instance, grown, null) with { WithoutRideHome = group.Explanation?.WithoutRideHome };
        group.Explanation = explanation;
        var messages = new List<(long, string, CarpoolGroup)>();
        foreach (var m in explanation.Explanation.Members)
        {
            var employeeId = Long(m.Id);
            var fresh = NetworkRematch.MemberOf(m, group.Direction, sites, homes);
            var member = group.Members.SingleOrDefault(x => x.EmployeeId == employeeId);
            if (member is not null && Riding(member))
            {
                (member.PickupOrder, member.PickupTime) = (fresh.PickupOrder, fresh.PickupTime);
                messages.Add((employeeId, CarpoolDecisions.GroupChanged, group));
                continue;
            }
            if (member is null) group.Members.Add(member = fresh);
            else (member.PickupOrder, member.PickupTime, member.PickupLocation, member.DropOffSiteId, member.Status) =
                (fresh.PickupOrder, fresh.PickupTime, fresh.PickupLocation, fresh.DropOffSiteId, CarpoolStatus.Proposed);
            messages.Add((employeeId, NetworkRematch.ProposalKind, group));
        }
        return messages;
    }

    /// <summary>The company's fallback for one passenger, its cost estimated from the trip alone, a taxi's allowance taken
    /// from the month's budget under the company's row lock (two cases at once cannot both take its last euros).</summary>
    private async Task<RideHomeCase> OpenCaseAsync(DriverLeft left, long passenger, CarpoolInstance instance, CancellationToken cancellation)
    {
        var companyId = await database.Employees.Where(e => e.Id == passenger).Select(e => e.CompanyId).SingleAsync(cancellation);
        await database.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM companies WHERE id = {companyId} FOR NO KEY UPDATE", cancellation);
        var company = await database.Companies.SingleAsync(c => c.Id == companyId, cancellation);
        var index = instance.IndexOf(Id(passenger));
        var person = instance.Participants[index];
        var metres = instance.DirectMetres(index);
        if (!double.IsFinite(metres)) metres = Geo.Metres(person.Home.Latitude, person.Home.Longitude, person.Site.Latitude, person.Site.Longitude);
        var estimate = Math.Round((decimal)(metres / 1000) * options.Value.TaxiEurosPerKilometre, 2);
        var (allowance, exhausted) = (0m, false);
        if (company.RideHomeKind == RideHomeKind.Taxi)
        {
            var remaining = company.RideHomeMonthlyBudgetEuros - await RideHomeBudget.UsedAsync(database, companyId, left.Date, cancellation);
            exhausted = remaining <= 0;
            allowance = exhausted ? 0 : Math.Min(estimate, Math.Min(company.RideHomeMaxPerRideEuros ?? decimal.MaxValue, remaining ?? decimal.MaxValue));
        }
        return new RideHomeCase
        {
            CompanyId = companyId, EmployeeId = passenger, CarpoolGroupId = left.GroupId, Date = left.Date, Direction = left.Direction,
            Cause = RideHomeCause.DriverCancelled, Fallback = company.RideHomeKind, Kilometres = metres / 1000, EstimatedCostEuros = estimate,
            AllowanceEuros = allowance, BudgetExhausted = exhausted, CreatedAt = clock.GetUtcNow(),
        };
    }

    private static string Id(long employeeId) => employeeId.ToString(CultureInfo.InvariantCulture);
    private static long Long(string id) => long.Parse(id, CultureInfo.InvariantCulture);
}

/// <summary>A company's taxi budget of a month: what its open and used cases of that calendar month take.</summary>
public static class RideHomeBudget
{
    public static (DateOnly From, DateOnly To) MonthOf(DateOnly date) =>
        (new DateOnly(date.Year, date.Month, 1), new DateOnly(date.Year, date.Month, 1).AddMonths(1));

    public static async Task<decimal> UsedAsync(MobilityDbContext database, long companyId, DateOnly date, CancellationToken cancellation)
    {
        var (from, to) = MonthOf(date);
        return await database.RideHomeCases.Where(c => c.CompanyId == companyId && c.Date >= from && c.Date < to && c.State != RideHomeCaseState.Closed)
            .SumAsync(c => c.AllowanceEuros, cancellation);
    }
}
