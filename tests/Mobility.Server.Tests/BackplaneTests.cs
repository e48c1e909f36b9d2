using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.SignalR.Client;
using Mobility.Server.Carpools;
using Mobility.Server.Live;

namespace Mobility.Server.Tests;

/// <summary>
/// Two server instances on one database, as behind a load balancer. With the Redis backplane a decision taken on one
/// instance reaches a client connected to the other; the sign-in issued by one is honoured by the other (shared keys).
/// Needs a Redis server: MOBILITY_TEST_REDIS (host:port), which ./test.sh starts.
/// </summary>
public sealed class BackplaneTests(TwoNetworkServer server) : IClassFixture<TwoNetworkServer>
{
    private static string Redis => Environment.GetEnvironmentVariable("MOBILITY_TEST_REDIS")
        ?? throw new InvalidOperationException("MOBILITY_TEST_REDIS is not set: run ./test.sh, which starts a Redis server, or set host:port.");

    private static async Task<bool> ReceivesAsync(HubConnection hub, Func<Task> act, TimeSpan wait)
    {
        var arrived = new TaskCompletionSource<NotificationMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = hub.On<NotificationMessage>(CommuteHub.NotificationMethod, m => arrived.TrySetResult(m));
        await act();
        return await Task.WhenAny(arrived.Task, Task.Delay(wait)) == arrived.Task;
    }

    [Fact]
    public async Task A_decision_on_one_instance_reaches_a_client_of_the_other_through_Redis()
    {
        await using var first = server.Instance((LiveSetup.BackplaneSetting, Redis));
        await using var second = server.Instance((LiveSetup.BackplaneSetting, Redis));
        var group = await server.ProposeAsync(3, server.AlphaTwo, server.AlphaOne, server.BetaOne);
        await using var anne = await server.HubAsync("anne@test.local", first);
        await anne.StartAsync();
        using var berta = second.CreateClient();
        // Signed in on the first instance, used on the second: the keys are shared through the database.
        berta.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await server.TokenAsync("berta@test.local", first));
        Assert.True(await ReceivesAsync(anne, async () =>
            Assert.Equal(HttpStatusCode.OK, (await berta.PostAsync($"/api/me/proposals/{group}/accept", null)).StatusCode), TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task A_crew_message_posted_on_one_instance_reaches_a_member_connected_to_the_other()
    {
        await using var first = server.Instance((LiveSetup.BackplaneSetting, Redis));
        await using var second = server.Instance((LiveSetup.BackplaneSetting, Redis));
        var group = await server.ProposeAsync(3, server.AlphaTwo, server.AlphaOne, server.BetaOne);
        await using var anne = await server.HubAsync("anne@test.local", first);
        var arrived = new TaskCompletionSource<System.Text.Json.JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = anne.On<System.Text.Json.JsonElement>(Crew.CrewMessages.PushMethod, m => arrived.TrySetResult(m));
        await anne.StartAsync();
        using var berta = second.CreateClient();
        berta.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await server.TokenAsync("berta@test.local", second));
        using var posted = await berta.PostAsync($"/api/me/proposals/{group}/crew-messages",
            new StringContent("{\"quickMessage\":\"running-late-5\"}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        Assert.True(await Task.WhenAny(arrived.Task, Task.Delay(TimeSpan.FromSeconds(10))) == arrived.Task, "the message did not cross instances");
        Assert.Equal("running-late-5", (await arrived.Task).GetProperty("quickMessage").GetString());
    }

    [Fact]
    public async Task Without_the_backplane_the_other_instance_cannot_push_and_replay_still_delivers()
    {
        await using var first = server.Instance();
        await using var second = server.Instance();
        var group = await server.ProposeAsync(3, server.AlphaTwo, server.AlphaOne, server.BetaOne);
        await using var anne = await server.HubAsync("anne@test.local", first);
        await anne.StartAsync();
        var seen = (await anne.InvokeAsync<List<NotificationMessage>>("Replay", 0L)).Select(m => m.Sequence).DefaultIfEmpty(0).Max();
        using var berta = second.CreateClient();
        berta.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await server.TokenAsync("berta@test.local", second));
        Assert.False(await ReceivesAsync(anne, async () =>
            Assert.Equal(HttpStatusCode.OK, (await berta.PostAsync($"/api/me/proposals/{group}/accept", null)).StatusCode), TimeSpan.FromSeconds(2)));
        var missed = await anne.InvokeAsync<List<NotificationMessage>>("Replay", seen);
        Assert.Single(missed, m => m.Payload.GetProperty("groupId").GetInt64() == group);
    }
}
