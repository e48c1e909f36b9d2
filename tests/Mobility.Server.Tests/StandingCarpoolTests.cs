using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mobility.Data.Model;
using Mobility.Planning;
using Mobility.Server.Carpools;

namespace Mobility.Server.Tests;

/// <summary>
/// Standing carpools on the two-network fixture's day roster (<see cref="TwoNetworkServer.PutNordOnADayRoster"/>: Paul
/// drives Anne and Berta every day): accepted once and repeated by the engine on the dates after, for whoever chose it,
/// confirmed once everyone did, left out on a date someone declined, and undone.
/// </summary>
public sealed class StandingCarpoolTests : IClassFixture<TwoNetworkServer>
{
    private readonly TwoNetworkServer _server;
    /// <summary>Dates of these tests only (the fixture's database is shared): four weeks ahead and later.</summary>
    private readonly DateOnly _first;

    public StandingCarpoolTests(TwoNetworkServer server)
    {
        _server = server;
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        _first = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, paris).DateTime).AddDays(30);
        server.PutNordOnADayRoster();
    }

    private Task RecomputeAsync(DateOnly date) =>
        _server.Factory.Services.GetRequiredService<ProposalEngine>().RecomputeAsync(_server.Nord, date, changed: null, CancellationToken.None);

    private async Task<CarpoolGroup> MorningAsync(DateOnly date)
    {
        await using var database = _server.NewContext();
        return await database.CarpoolGroups.AsNoTracking().Include(g => g.Members)
            .SingleAsync(g => g.NetworkId == _server.Nord && g.Date == date && g.Direction == CommuteDirection.ToWork
                && g.Status != CarpoolStatus.Cancelled && g.Members.Any(m => m.EmployeeId == _server.AlphaOne));
    }

    private static CarpoolStatus StatusOf(CarpoolGroup group, long employee) => group.Members.Single(m => m.EmployeeId == employee).Status;

    [Fact]
    public async Task A_repeated_carpool_is_accepted_for_who_chose_it_confirmed_once_everyone_did_skipped_on_a_declined_date_and_undone()
    {
        var anne = await _server.ClientAsync("anne@test.local");
        await RecomputeAsync(_first);
        var chosen = await MorningAsync(_first);

        var repeat = await anne.PostAsync($"/api/me/proposals/{chosen.Id}/repeat", null);
        Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
        var answer = await repeat.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Accepted", answer.GetProperty("decision").GetProperty("outcome").GetString());
        var standingId = answer.GetProperty("standing").GetProperty("id").GetInt64();
        Assert.True(answer.GetProperty("standing").GetProperty("mine").GetBoolean());
        Assert.False(answer.GetProperty("standing").GetProperty("everyone").GetBoolean());

        // The next date: the same car is proposed again, already accepted for Anne, still to answer for the others.
        await RecomputeAsync(_first.AddDays(1));
        var next = await MorningAsync(_first.AddDays(1));
        Assert.Equal(chosen.Members.Select(m => m.EmployeeId).Order(), next.Members.Select(m => m.EmployeeId).Order());
        Assert.Equal(CarpoolStatus.Accepted, StatusOf(next, _server.AlphaOne));
        Assert.Equal(CarpoolStatus.Proposed, StatusOf(next, _server.AlphaTwo));
        Assert.Equal(CarpoolStatus.Accepted, next.Status);

        // Paul and Berta choose it too: from then on it is stored confirmed on each date it fits.
        await using (var scope = _server.Factory.Services.CreateAsyncScope())
        {
            var standing = scope.ServiceProvider.GetRequiredService<StandingCarpools>();
            Assert.Equal(DecisionOutcome.Accepted, (await standing.RepeatAsync(_server.AlphaTwo, chosen.Id, CancellationToken.None)).Decision.Outcome);
            var last = await standing.RepeatAsync(_server.BetaOne, chosen.Id, CancellationToken.None);
            Assert.True(last.Standing!.Everyone);
        }
        await RecomputeAsync(_first.AddDays(2));
        var repeated = await MorningAsync(_first.AddDays(2));
        Assert.Equal(CarpoolStatus.Confirmed, repeated.Status);
        Assert.All(repeated.Members, m => Assert.Equal(CarpoolStatus.Confirmed, m.Status));

        // Anne's list says which of her groups repeat.
        var mine = await anne.GetFromJsonAsync<JsonElement>($"/api/me/proposals?from={_first:yyyy-MM-dd}");
        var shown = mine.EnumerateArray().Single(p => p.GetProperty("groupId").GetInt64() == repeated.Id);
        Assert.Equal(standingId, shown.GetProperty("standing").GetProperty("id").GetInt64());
        Assert.True(shown.GetProperty("standing").GetProperty("everyone").GetBoolean());

        // Berta cannot come on the fourth date: she declines what was proposed there; the repeat does not bring it back.
        var fourth = _first.AddDays(3);
        await RecomputeAsync(fourth);
        var berta = await _server.ClientAsync("berta@test.local");
        var onFourth = await MorningAsync(fourth);
        Assert.Equal(CarpoolStatus.Confirmed, onFourth.Status);
        Assert.Equal(HttpStatusCode.OK, (await berta.PostAsJsonAsync($"/api/me/proposals/{onFourth.Id}/cancel", new { reason = "sick" })).StatusCode);
        await RecomputeAsync(fourth);
        await using (var database = _server.NewContext())
            Assert.False(await database.CarpoolGroups.AnyAsync(g => g.NetworkId == _server.Nord && g.Date == fourth && g.Direction == CommuteDirection.ToWork
                && g.Status == CarpoolStatus.Confirmed && g.Members.Any(m => m.EmployeeId == _server.BetaOne && m.Status == CarpoolStatus.Confirmed)));

        // Anne stops: the dates it had confirmed for her ahead are hers to answer again; the others keep their word.
        Assert.Equal(HttpStatusCode.NoContent, (await anne.DeleteAsync($"/api/me/standing-carpools/{standingId}")).StatusCode);
        var undone = await MorningAsync(_first.AddDays(2));
        Assert.Equal(CarpoolStatus.Proposed, StatusOf(undone, _server.AlphaOne));
        Assert.Equal(CarpoolStatus.Confirmed, StatusOf(undone, _server.AlphaTwo));
        Assert.Equal(CarpoolStatus.Accepted, undone.Status);
        Assert.Equal(CarpoolStatus.Proposed, StatusOf(await MorningAsync(_first.AddDays(1)), _server.AlphaOne));
        // The date she had accepted herself stays accepted.
        Assert.NotEqual(CarpoolStatus.Proposed, StatusOf(await MorningAsync(_first), _server.AlphaOne));
        // And a new date is no longer stored for her.
        await RecomputeAsync(_first.AddDays(4));
        var after = await MorningAsync(_first.AddDays(4));
        Assert.Equal(CarpoolStatus.Proposed, StatusOf(after, _server.AlphaOne));
        Assert.Equal(CarpoolStatus.Accepted, StatusOf(after, _server.AlphaTwo));

        // Undoing twice, or someone else's, is refused.
        Assert.Equal(HttpStatusCode.NotFound, (await anne.DeleteAsync($"/api/me/standing-carpools/{standingId}")).StatusCode);
    }

    [Fact]
    public async Task Erasing_a_person_ends_the_standing_carpools_they_are_in()
    {
        await using var database = _server.NewContext();
        var standing = new StandingCarpool
        {
            NetworkId = _server.Nord, Direction = CommuteDirection.ToHome, FirstDate = _first,
            Plan = new GroupPlan("999001", ["999002"], ["1"]), Signature = "erasure-test", CreatedAt = DateTimeOffset.UtcNow,
            People = [new StandingCarpoolPerson { EmployeeId = _server.GammaOne, JoinedAt = DateTimeOffset.UtcNow }],
        };
        database.Add(standing);
        await database.SaveChangesAsync();
        await using (var erasing = _server.NewContext())
            Assert.True(await new Mobility.Data.Privacy.EmployeeErasure(erasing, TimeProvider.System).EraseAsync(_server.GammaOne));
        Assert.False(await _server.NewContext().StandingCarpools.AnyAsync(s => s.Id == standing.Id));
    }
}
