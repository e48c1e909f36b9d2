using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mobility.Data.Model;
using Mobility.Server.Carpools;

namespace Mobility.Server.Tests;

/// <summary>
/// What a proposal tells one member about the others, wherever it is read: REST, a hub push, a replayed message. Only
/// what DESIGN.md lets a co-member see; each person's own distances and limits to that person; the detour to the driver.
/// And nothing of an erased person survives in anyone's messages or in the stored explanations.
/// Paul (Alpha) drives, Anne (Alpha) and Berta (Beta) ride, on a day roster, matched on straight-line estimates.
/// </summary>
public sealed class ProposalPrivacyTests : IClassFixture<TwoNetworkServer>
{
    // rideHome is the viewer's own ride-home offer, never another member's (RideHomeTests).
    private static readonly HashSet<string> GroupFields = ["groupId", "date", "direction", "status", "seats", "members", "mine", "rideHome",
        "standing"]; // whether I repeat the group, and whether all its people do: no one in particular
    private static readonly HashSet<string> MemberFields =
        ["handle", "firstName", "company", "role", "pickupOrder", "pickupTime", "status", "isMe", "pickup", "meetingPoint", "dropOff", "dropOffLocation"];

    private readonly TwoNetworkServer _server;

    public ProposalPrivacyTests(TwoNetworkServer server)
    {
        _server = server;
        server.PutNordOnADayRoster();
    }

    private async Task MatchAsync(DateOnly date)
    {
        await _server.Factory.Services.GetRequiredService<ProposalEngine>().RecomputeAsync(_server.Nord, date, null, CancellationToken.None);
    }

    /// <summary>The views of one group as each reader gets them: REST, and the stored messages replayed.</summary>
    private async Task<List<(string Reader, JsonElement View)>> ViewsAsync(string email, DateOnly date)
    {
        using var client = await _server.ClientAsync(email);
        var views = new List<(string, JsonElement)>();
        foreach (var group in JsonDocument.Parse(await client.GetStringAsync($"/api/me/proposals?from={date:yyyy-MM-dd}")).RootElement.EnumerateArray()
                     .Where(g => g.GetProperty("date").GetString() == date.ToString("yyyy-MM-dd")))
            views.Add(($"{email} REST", group.Clone()));
        foreach (var message in JsonDocument.Parse(await client.GetStringAsync("/api/me/notifications?after=0")).RootElement.EnumerateArray()
                     .Where(m => m.GetProperty("payload").GetProperty("date").GetString() == date.ToString("yyyy-MM-dd")))
            views.Add(($"{email} message {message.GetProperty("sequence")}", message.GetProperty("payload").Clone()));
        return views;
    }

    [Fact]
    public async Task A_member_learns_no_id_distance_second_window_or_limit_of_another()
    {
        var date = new DateOnly(2027, 4, 6);
        await MatchAsync(date);
        var ids = new[] { _server.AlphaOne, _server.AlphaTwo, _server.BetaOne }.Select(id => id.ToString()).ToHashSet();
        var views = (await ViewsAsync("anne@test.local", date)).Concat(await ViewsAsync("berta@test.local", date)).ToList();
        Assert.True(views.Count >= 4, $"only {views.Count} views read");
        foreach (var (reader, view) in views)
        {
            Assert.Subset(GroupFields, view.EnumerateObject().Select(p => p.Name).ToHashSet());
            foreach (var member in view.GetProperty("members").EnumerateArray())
            {
                Assert.Subset(MemberFields, member.EnumerateObject().Select(p => p.Name).ToHashSet());
                Assert.DoesNotContain(member.GetProperty("handle").GetString()!, ids);
                // Her own pickup to the minute; another's only once everyone confirmed.
                if (member.GetProperty("isMe").GetBoolean()) Assert.Equal(0, member.GetProperty("pickupTime").GetDateTimeOffset().Second);
                else Assert.Equal(JsonValueKind.Null, member.GetProperty("pickupTime").ValueKind);
            }
            // A passenger's own trip: no detour, no ride through the others' homes before everyone confirmed.
            var mine = view.GetProperty("mine");
            Assert.Equal(JsonValueKind.Null, mine.GetProperty("detourMinutes").ValueKind);
            Assert.Equal(JsonValueKind.Null, mine.GetProperty("rideMinutes").ValueKind);
            Assert.False(mine.TryGetProperty("routeKilometres", out _), reader);
            Assert.DoesNotContain("explanation", view.GetRawText());
        }
        await using var database = _server.NewContext();
        Assert.True(await database.CarpoolGroups.AnyAsync(g => g.Date == date && g.Members.Count == 3), "the three were not grouped: nothing was tested");
    }

    [Fact]
    public async Task Stored_messages_keep_the_group_only_and_an_erased_member_leaves_no_trace_in_them_nor_in_explanations()
    {
        var date = new DateOnly(2027, 4, 13);
        await MatchAsync(date);
        await using (var database = _server.NewContext())
        {
            var payloads = await database.Notifications.Select(n => n.Payload).ToListAsync();
            Assert.NotEmpty(payloads);
            Assert.All(payloads, p => Assert.Equal(["groupId"], JsonDocument.Parse(p).RootElement.EnumerateObject().Select(x => x.Name)));
        }
        Assert.Contains(await ViewsAsync("anne@test.local", date), v => v.View.GetRawText().Contains("Berta"));

        using var hr = await _server.ClientAsync("hr.beta@test.local");
        Assert.Equal(HttpStatusCode.NoContent, (await hr.DeleteAsync($"/api/employees/{_server.BetaOne}")).StatusCode);

        var anne = await ViewsAsync("anne@test.local", date);
        Assert.NotEmpty(anne);
        Assert.All(anne, v => Assert.DoesNotContain("Berta", v.View.GetRawText()));
        Assert.All(anne, v => Assert.Equal(v.View.GetProperty("members").GetArrayLength(),
            v.View.GetProperty("members").EnumerateArray().Count(m => m.GetProperty("company").GetString()!.StartsWith("Alpha"))));
        await using var after = _server.NewContext();
        var explanations = await after.CarpoolGroups.Where(g => g.Members.Any(m => m.EmployeeId == _server.BetaOne) && g.Explanation != null)
            .Select(g => g.Explanation!).ToListAsync();
        Assert.NotEmpty(explanations);
        var erased = _server.BetaOne.ToString();
        Assert.All(explanations, e => Assert.DoesNotContain(e.Explanation.Members, m => m.Id == erased));
    }
}
