using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mobility.Data.Model;
using Mobility.Planning.Carpools;
using Mobility.Server.Crew;
using NetTopologySuite.Geometries;

namespace Mobility.Server.Tests;

/// <summary>A carpool group's thread through the real server, PostgreSQL and the commute hub.</summary>
public sealed class CrewMessageTests(TwoNetworkServer server) : IClassFixture<TwoNetworkServer>
{
    private static HubListener<JsonElement> CrewListener() => new(CrewMessages.PushMethod);

    private static string Url(long group, string query = "") => $"/api/me/proposals/{group}/crew-messages{query}";

    private static async Task<JsonElement> PostAsync(HttpClient client, long group, object body, HttpStatusCode expected = HttpStatusCode.Created)
    {
        using var response = await client.PostAsJsonAsync(Url(group), body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Fact]
    public async Task A_message_is_pushed_to_the_groups_members_only_with_the_author_as_members_see_them()
    {
        var paul = await server.AccountForAsync(server.AlphaTwo, "paul@test.local");
        var crew = await server.ProposeAsync(3, server.BetaOne, server.AlphaOne); // Berta drives Anne; Paul is not in it
        var (anne, berta, outsider) = (CrewListener(), CrewListener(), CrewListener());
        await using var anneHub = await server.HubAsync("anne@test.local");
        await using var bertaHub = await server.HubAsync("berta@test.local");
        await using var paulHub = await server.HubAsync(paul);
        anne.Attach(anneHub);
        berta.Attach(bertaHub);
        outsider.Attach(paulHub);
        await Task.WhenAll(anneHub.StartAsync(), bertaHub.StartAsync(), paulHub.StartAsync());

        using var anneClient = await server.ClientAsync("anne@test.local");
        var answered = await PostAsync(anneClient, crew, new { text = "  J'arrive <b>bientôt</b>  " });
        Assert.True(answered.GetProperty("mine").GetBoolean());

        var received = await berta.NextAsync();
        Assert.Equal("J'arrive <b>bientôt</b>", received.GetProperty("text").GetString()); // trimmed, stored as the text it is
        Assert.False(received.GetProperty("mine").GetBoolean());
        Assert.Equal(crew, received.GetProperty("groupId").GetInt64());
        var author = received.GetProperty("author");
        Assert.Equal(["company", "firstName", "handle", "role"], author.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(("m2", "Anne", "Alpha Plasturgie", "Passenger"),
            (author.GetProperty("handle").GetString(), author.GetProperty("firstName").GetString(), author.GetProperty("company").GetString(),
             author.GetProperty("role").GetString()));
        Assert.DoesNotContain("Muller", received.ToString());
        Assert.True((await anne.NextAsync()).GetProperty("mine").GetBoolean()); // her other devices

        // Paul's connection works: his own group's message reaches him, and it is the first he gets.
        var his = await server.ProposeAsync(3, server.AlphaTwo);
        using var paulClient = await server.ClientAsync(paul);
        await PostAsync(paulClient, his, new { quickMessage = "on-my-way" });
        Assert.Equal(his, (await outsider.NextAsync()).GetProperty("groupId").GetInt64());
        Assert.True(outsider.Received.IsEmpty);
        Assert.True(berta.Received.IsEmpty && anne.Received.IsEmpty);
    }

    [Fact]
    public async Task Someone_outside_the_group_reads_and_posts_nothing_and_is_answered_as_for_a_group_that_does_not_exist()
    {
        var paul = await server.AccountForAsync(server.AlphaTwo, "paul@test.local");
        var crew = await server.ProposeAsync(3, server.BetaOne, server.AlphaOne);
        using var anne = await server.ClientAsync("anne@test.local");
        await PostAsync(anne, crew, new { text = "Rendez-vous à la gare" });
        using var outsider = await server.ClientAsync(paul);
        const long missing = 987_654_321;

        async Task<(HttpStatusCode, string?)> Answer(HttpResponseMessage response)
        {
            using (response)
            {
                var body = await response.Content.ReadAsStringAsync();
                Assert.DoesNotContain("gare", body);
                return (response.StatusCode, body.Length == 0 ? null : JsonDocument.Parse(body).RootElement.GetProperty("title").GetString());
            }
        }
        var readForeign = await Answer(await outsider.GetAsync(Url(crew)));
        var readMissing = await Answer(await outsider.GetAsync(Url(missing)));
        var postForeign = await Answer(await outsider.PostAsJsonAsync(Url(crew), new { text = "intrus" }));
        var postMissing = await Answer(await outsider.PostAsJsonAsync(Url(missing), new { text = "intrus" }));
        Assert.Contains(readForeign.Item1, new[] { HttpStatusCode.NotFound, HttpStatusCode.Forbidden });
        Assert.Equal(readMissing, readForeign);
        Assert.Equal(postMissing, postForeign);
        Assert.Equal(readForeign, postForeign);
        await using var database = server.NewContext();
        Assert.False(await database.CrewMessages.AnyAsync(m => m.AuthorEmployeeId == server.AlphaTwo && m.CarpoolGroupId == crew));
        // HR of the author's own company reads no thread either: the thread is the members'.
        using var hr = await server.ClientAsync("hr.alpha@test.local");
        using var hrRead = await hr.GetAsync(Url(crew));
        Assert.Contains(hrRead.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.Forbidden });
    }

    [Theory]
    [InlineData("text", "   ", "required")]
    [InlineData("text", "a\u0007b", "control-characters")]
    [InlineData("text", "\u202Egnp.exe", "control-characters")]
    [InlineData("text", "501", "text-too-long")]
    [InlineData("quickMessage", "running-late-60", "unknown-choice")]
    [InlineData("both", "on-my-way", "text-and-quick-message")]
    public async Task A_bad_message_is_refused_on_its_field_with_a_code_and_nothing_is_stored(string field, string value, string code)
    {
        var crew = await server.ProposeAsync(3, server.BetaOne, server.AlphaOne);
        using var anne = await server.ClientAsync("anne@test.local");
        object body = field switch
        {
            "text" => new { text = value == "501" ? new string('a', 501) : value },
            "quickMessage" => new { quickMessage = value },
            _ => new { text = "Je suis là", quickMessage = value },
        };
        var problem = await PostAsync(anne, crew, body, HttpStatusCode.BadRequest);
        var named = field == "both" ? "quickMessage" : field;
        Assert.Equal("invalid-fields", problem.GetProperty("code").GetString());
        Assert.Equal(code, problem.GetProperty("fieldCodes").GetProperty(named)[0].GetProperty("code").GetString());
        Assert.NotEmpty(problem.GetProperty("errors").GetProperty(named)[0].GetString()!); // the words, for clients that show them
        if (code == "text-too-long")
            Assert.Equal(CrewMessage.TextLength, problem.GetProperty("fieldCodes").GetProperty("text")[0].GetProperty("parameters").GetProperty("maximum").GetInt32());
        await using var database = server.NewContext();
        Assert.False(await database.CrewMessages.AnyAsync(m => m.CarpoolGroupId == crew));
    }

    [Fact]
    public async Task The_length_limit_counts_characters_not_utf16_units()
    {
        var crew = await server.ProposeAsync(3, server.BetaOne, server.AlphaOne);
        using var berta = await server.ClientAsync("berta@test.local");
        var cars = string.Concat(Enumerable.Repeat("🚗", CrewMessage.TextLength)); // 1,000 UTF-16 units, 500 characters
        Assert.Equal(cars, (await PostAsync(berta, crew, new { text = cars })).GetProperty("text").GetString());
        await PostAsync(berta, crew, new { text = cars + "!" }, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Half_a_surrogate_pair_which_PostgreSQL_cannot_store_is_refused()
    {
        var crew = await server.ProposeAsync(3, server.BetaOne, server.AlphaOne);
        using var anne = await server.ClientAsync("anne@test.local");
        using var response = await anne.PostAsync(Url(crew), new StringContent("{\"text\":\"a\\ud83db\"}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var database = server.NewContext();
        Assert.False(await database.CrewMessages.AnyAsync(m => m.CarpoolGroupId == crew));
    }

    [Fact]
    public async Task A_quick_message_round_trips_as_its_code_and_the_thread_pages_back_from_a_cursor()
    {
        var crew = await server.ProposeAsync(3, server.BetaOne, server.AlphaOne);
        using var berta = await server.ClientAsync("berta@test.local");
        using var anne = await server.ClientAsync("anne@test.local");
        await PostAsync(berta, crew, new { text = "premier" });
        await PostAsync(berta, crew, new { quickMessage = "running-late-10" });
        await PostAsync(anne, crew, new { text = "troisième" });

        var latest = await anne.GetFromJsonAsync<JsonElement>(Url(crew, "?limit=2"));
        var items = latest.GetProperty("items").EnumerateArray().ToList();
        Assert.True(latest.GetProperty("hasMore").GetBoolean());
        Assert.Equal("running-late-10", items[0].GetProperty("quickMessage").GetString());
        Assert.Equal(JsonValueKind.Null, items[0].GetProperty("text").ValueKind);
        Assert.False(items[0].GetProperty("mine").GetBoolean());
        Assert.Equal("troisième", items[1].GetProperty("text").GetString()); // newest last
        Assert.True(items[1].GetProperty("mine").GetBoolean());

        var older = await anne.GetFromJsonAsync<JsonElement>(Url(crew, $"?limit=2&before={items[0].GetProperty("id").GetInt64()}"));
        Assert.False(older.GetProperty("hasMore").GetBoolean());
        Assert.Equal(["premier"], older.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("text").GetString()));
        using var badLimit = await anne.GetAsync(Url(crew, "?limit=1000"));
        Assert.Equal(HttpStatusCode.BadRequest, badLimit.StatusCode);
    }

    [Fact]
    public async Task An_author_past_the_limit_is_answered_429_with_when_to_try_again()
    {
        var gilles = await server.AccountForAsync(server.GammaOne, "gilles@test.local");
        var crew = await server.ProposeAsync(3, server.GammaOne);
        await using var strict = server.Instance(("Crew:MessagesPerMinute", "3"));
        using var client = strict.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await server.TokenAsync(gilles, strict));
        for (var i = 0; i < 3; i++) await PostAsync(client, crew, new { quickMessage = "at-pickup" });

        using var refused = await client.PostAsJsonAsync(Url(crew), new { quickMessage = "at-pickup" });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(Mobility.Data.Codes.Problem.ChatRateLimited, problem.GetProperty("code").GetString());
        var parameters = problem.GetProperty("parameters");
        Assert.Equal((3, "minute"), (parameters.GetProperty("limit").GetInt32(), parameters.GetProperty("per").GetString()));
        var retry = int.Parse(refused.Headers.GetValues("Retry-After").Single());
        Assert.InRange(retry, 1, 60);
        Assert.Equal(retry, parameters.GetProperty("retryAfterSeconds").GetInt32());
        await using var database = server.NewContext();
        Assert.Equal(3, await database.CrewMessages.CountAsync(m => m.AuthorEmployeeId == server.GammaOne));
    }

    [Fact]
    public async Task Erasure_removes_the_authors_messages_and_the_export_holds_the_ones_they_wrote()
    {
        long zoe;
        await using (var database = server.NewContext())
        {
            var employee = new Employee
            {
                CompanyId = server.Alpha, MainSiteId = server.AlphaPlant, ExternalId = "Z1", FirstName = "Zoé", LastName = "Erased",
                Home = new GeometryFactory(new PrecisionModel(), 4326).CreatePoint(new Coordinate(7.71, 48.84)), ConsentToMatching = true,
            };
            database.Employees.Add(employee);
            await database.SaveChangesAsync();
            zoe = employee.Id;
        }
        var email = await server.AccountForAsync(zoe, "zoe@test.local");
        var crew = await server.ProposeAsync(3, zoe, server.AlphaOne);
        using var zoeClient = await server.ClientAsync(email);
        using var anne = await server.ClientAsync("anne@test.local");
        await PostAsync(zoeClient, crew, new { text = "Bonjour de Zoé" });
        await PostAsync(anne, crew, new { text = "Salut Zoé, ici Anne" });
        await PostAsync(zoeClient, crew, new { quickMessage = "at-pickup" });

        var export = await zoeClient.GetFromJsonAsync<JsonElement>("/api/me/export");
        var written = export.GetProperty("crewMessages").EnumerateArray().ToList();
        Assert.Equal([("Bonjour de Zoé", null), (null, "at-pickup")],
            written.Select(m => (m.GetProperty("text").GetString(), m.GetProperty("quickMessage").GetString())));
        Assert.All(written, m => Assert.Equal(crew, m.GetProperty("carpoolGroupId").GetInt64()));
        Assert.DoesNotContain("ici Anne", export.ToString());

        using (var erased = await zoeClient.DeleteAsync("/api/me/employee")) Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        await using (var database = server.NewContext())
            Assert.False(await database.CrewMessages.AnyAsync(m => m.AuthorEmployeeId == zoe));
        var thread = await anne.GetFromJsonAsync<JsonElement>(Url(crew));
        Assert.Equal(["Salut Zoé, ici Anne"], thread.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task The_cleanup_deletes_the_threads_of_groups_older_than_the_days_kept()
    {
        var old = await server.ProposeAsync(3, server.BetaOne, server.AlphaOne);
        var recent = await server.ProposeAsync(3, server.BetaOne, server.AlphaOne);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await using (var database = server.NewContext())
        {
            await database.CarpoolGroups.Where(g => g.Id == old).ExecuteUpdateAsync(g => g.SetProperty(x => x.Date, today.AddDays(-11)));
            await database.CarpoolGroups.Where(g => g.Id == recent).ExecuteUpdateAsync(g => g.SetProperty(x => x.Date, today.AddDays(-9)));
            database.CrewMessages.AddRange(
                new CrewMessage { CarpoolGroupId = old, AuthorEmployeeId = server.BetaOne, Text = "vieux", SentAt = DateTimeOffset.UtcNow.AddDays(-11) },
                new CrewMessage { CarpoolGroupId = recent, AuthorEmployeeId = server.BetaOne, Text = "récent", SentAt = DateTimeOffset.UtcNow.AddDays(-9) });
            await database.SaveChangesAsync();
        }
        await using var keepingTen = server.Instance(("Crew:KeepDays", "10"));
        await keepingTen.Services.GetRequiredService<CrewMessageCleanup>().DeleteOldAsync(CancellationToken.None);
        await using var after = server.NewContext();
        Assert.False(await after.CrewMessages.AnyAsync(m => m.CarpoolGroupId == old));
        Assert.True(await after.CrewMessages.AnyAsync(m => m.CarpoolGroupId == recent));
    }
}
