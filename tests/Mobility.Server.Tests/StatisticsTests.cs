using System.Net;
using System.Text.Json;
using Mobility.Data.Model;
using NetTopologySuite.Geometries;

namespace Mobility.Server.Tests;

public sealed class StatisticsTests(TwoNetworkServer server) : IClassFixture<TwoNetworkServer>
{
    [Fact]
    public async Task The_working_group_sees_counts_with_cells_under_five_suppressed_and_exact_totals()
    {
        await using (var database = server.NewContext())
        {
            var wgs84 = new GeometryFactory(new PrecisionModel(), 4326);
            for (var i = 0; i < 6; i++)
                database.Employees.Add(new Employee
                {
                    CompanyId = server.Alpha, MainSiteId = server.AlphaPlant, ExternalId = $"BRU-{i}", FirstName = "X", LastName = $"Brumathois{i}",
                    Commune = "Brumath", Home = wgs84.CreatePoint(new Coordinate(7.71, 48.73)), ConsentToMatching = i % 2 == 0,
                });
            await database.SaveChangesAsync();
        }
        using var client = await server.ClientAsync("wg.nord@test.local");
        var text = await client.GetStringAsync($"/api/networks/{server.Nord}/statistics");
        using var statistics = JsonDocument.Parse(text);
        var root = statistics.RootElement;
        Assert.Equal(9, root.GetProperty("employees").GetInt32()); // 3 in the fixture + 6
        Assert.Equal(6, root.GetProperty("consentingToMatching").GetInt32());
        var communes = root.GetProperty("byCommune").EnumerateArray().ToDictionary(c => c.GetProperty("key").GetString()!, c => c.GetProperty("count"));
        Assert.Equal(6, communes["Brumath"].GetInt32());
        Assert.Equal(JsonValueKind.Null, communes["?"].ValueKind); // the 3 others: too few to show
        Assert.DoesNotContain("Brumathois", text);
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
