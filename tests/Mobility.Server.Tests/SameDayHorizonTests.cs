using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Mobility.Data.Model;
using Mobility.Planning;
using Mobility.Planning.Carpools;
using Mobility.Server.Carpools;

namespace Mobility.Server.Tests;

/// <summary>
/// Today's remaining shifts get proposals, never for a pickup past or within the engine's margin. Everyone of Nord works
/// a night shift, 21:00 to 05:00: Paul drives, Anne and Berta ride. Each test sets the server's clock (its TimeProvider)
/// to a time of a day of its own, in the network's time zone, so that nothing depends on when the test runs.
/// </summary>
public sealed class SameDayHorizonTests : IClassFixture<TwoNetworkServer>
{
    private readonly TwoNetworkServer _server;

    public SameDayHorizonTests(TwoNetworkServer server)
    {
        _server = server;
        using var database = server.NewContext();
        if (database.ShiftPatterns.Any(p => p.ExternalId == "every-night")) return;
        var pattern = TwoNetworkServer.EveryDay(server.Nord, "every-night", new TimeOnly(21, 0), new TimeOnly(5, 0), "Nuit");
        database.ShiftPatterns.Add(pattern);
        foreach (var (id, role, seats) in new[] { (server.AlphaTwo, CarpoolRole.Driver, 3), (server.AlphaOne, CarpoolRole.Passenger, 0), (server.BetaOne, CarpoolRole.Passenger, 0) })
        {
            var employee = database.Employees.Single(e => e.Id == id);
            (employee.Role, employee.SeatsOffered, employee.MaxDetourMinutes, employee.MaxDetourRatio) = (role, seats, 20, 2.0);
            employee.ShiftAssignments.Add(new ShiftAssignment { ShiftPattern = pattern, RotationAnchor = new DateOnly(2026, 1, 5), ValidFrom = new DateOnly(2026, 1, 5) });
        }
        database.SaveChanges();
    }

    private Task<(WebApplicationFactory<Program> Instance, DateTimeOffset Now)> ServerAtAsync(DateTime local) => _server.InstanceAtAsync(local);

    private async Task<List<CarpoolGroup>> ProposedAsync(DateOnly date)
    {
        await using var database = _server.NewContext();
        return await database.CarpoolGroups.Include(g => g.Members)
            .Where(g => g.NetworkId == _server.Nord && g.Date == date && g.Status == CarpoolStatus.Proposed).ToListAsync();
    }

    [Fact]
    public async Task The_night_shift_of_today_gets_its_proposals_in_the_afternoon()
    {
        var today = new DateOnly(2027, 3, 10);
        var (instance, now) = await ServerAtAsync(today.ToDateTime(new TimeOnly(17, 30)));
        await using var dispose = instance;
        var groups = await ProposedAsync(today);
        Assert.Contains(groups, g => g.Direction == CommuteDirection.ToWork);
        Assert.Contains(groups, g => g.Direction == CommuteDirection.ToHome);
        Assert.All(groups.SelectMany(g => g.Members), m => Assert.True(m.PickupTime >= now + NetworkRematch.StartMargin, $"pickup {m.PickupTime} at {now}"));
    }

    [Fact]
    public async Task A_trip_whose_pickups_may_begin_within_the_margin_and_yesterdays_night_are_left_as_they_are()
    {
        var today = new DateOnly(2027, 3, 20);
        // Half an hour before the shift: the trip to work may already be under way, the trip home of tomorrow morning is not.
        var (instance, now) = await ServerAtAsync(today.ToDateTime(new TimeOnly(20, 30)));
        await using var dispose = instance;
        var groups = await ProposedAsync(today);
        Assert.DoesNotContain(groups, g => g.Direction == CommuteDirection.ToWork);
        Assert.Contains(groups, g => g.Direction == CommuteDirection.ToHome);
        Assert.All(groups.SelectMany(g => g.Members), m => Assert.True(m.PickupTime >= now + NetworkRematch.StartMargin, $"pickup {m.PickupTime} at {now}"));
        // Yesterday's night shift went home this morning: nothing of it is matched.
        Assert.Empty(await ProposedAsync(today.AddDays(-1)));
    }
}
