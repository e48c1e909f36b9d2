using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Mobility.Data.Model;
using Mobility.Data.Privacy;
using NetTopologySuite.Geometries;

namespace Mobility.Server.Tests;

public sealed class StatisticsTests(TwoNetworkServer server) : IClassFixture<TwoNetworkServer>
{
    [Fact]
    public async Task The_working_group_sees_every_count_rounded_to_five_the_same_way_each_time()
    {
        List<long> brumath;
        await using (var database = server.NewContext())
        {
            var wgs84 = new GeometryFactory(new PrecisionModel(), 4326);
            var added = Enumerable.Range(0, 6).Select(i => new Employee
            {
                CompanyId = server.Alpha, MainSiteId = server.AlphaPlant, ExternalId = $"BRU-{i}", FirstName = "X", LastName = $"Brumathois{i}",
                Commune = "Brumath", Home = wgs84.CreatePoint(new Coordinate(7.71, 48.73)), ConsentToMatching = i % 2 == 0,
            }).ToList();
            database.Employees.AddRange(added);
            await database.SaveChangesAsync();
            brumath = added.Select(e => e.Id).ToList();
        }
        var disclosure = server.Factory.Services.GetRequiredService<Disclosure>();
        var fixture = new[] { server.AlphaOne, server.AlphaTwo, server.BetaOne }; // no commune
        var everyone = fixture.Concat(brumath).ToList();
        var consenting = fixture.Concat(brumath.Where((_, i) => i % 2 == 0)).ToList();

        using var client = await server.ClientAsync("wg.nord@test.local");
        var text = await client.GetStringAsync($"/api/networks/{server.Nord}/statistics");
        using var statistics = JsonDocument.Parse(text);
        var root = statistics.RootElement;
        Assert.Equal(5, root.GetProperty("roundingBase").GetInt32());
        // 9 employees, 6 of them consenting: each published as the rule rounds exactly these people, never exactly.
        Assert.Equal(disclosure.Count(everyone), root.GetProperty("employees").GetInt32());
        Assert.Equal(disclosure.Count(consenting), root.GetProperty("consentingToMatching").GetInt32());
        var communes = root.GetProperty("byCommune").EnumerateArray().ToDictionary(c => c.GetProperty("key").GetString()!, c => c.GetProperty("count").GetInt32());
        Assert.Equal(disclosure.Count(brumath), communes["Brumath"]);
        // The 3 without a commune: listed only if they round to 5, since a key shown at 0 would say "1 to 4".
        Assert.Equal(disclosure.Count(fixture), communes.GetValueOrDefault("?"));
        Assert.All(root.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Array).SelectMany(p => p.Value.EnumerateArray()),
            cell => Assert.True(cell.GetProperty("count").GetInt32() is > 0 and var n && n % 5 == 0, cell.ToString()));
        Assert.DoesNotContain("Brumathois", text);
        // Asking again gives the same numbers: nothing to average away.
        Assert.Equal(text, await client.GetStringAsync($"/api/networks/{server.Nord}/statistics"));
    }

    [Fact]
    public async Task Statistics_are_for_the_working_group_and_administrators_only()
    {
        using var hr = await server.ClientAsync("hr.alpha@test.local");
        Assert.Equal(HttpStatusCode.Forbidden, (await hr.GetAsync($"/api/networks/{server.Nord}/statistics")).StatusCode);
        using var admin = await server.ClientAsync("admin@test.local");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/networks/{server.Sud}/statistics")).StatusCode);
    }
}
