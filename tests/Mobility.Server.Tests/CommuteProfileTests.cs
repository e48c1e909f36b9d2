using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Mobility.Server.Tests;

/// <summary>What PUT /api/me/employee stores for the numbers of the commute profile: never a value the person did not give.</summary>
public sealed class CommuteProfileTests(TwoNetworkServer server) : IClassFixture<TwoNetworkServer>
{
    private static readonly string[] Numbers = ["seatsOffered", "maxDetourMinutes", "maxDetourRatio", "flexibilityMinutes"];

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ProfileAsync(HttpClient client) => await client.GetFromJsonAsync<JsonElement>("/api/me/employee");

    [Fact]
    public async Task An_emptied_number_is_refused_on_its_field_with_its_code_and_nothing_changes()
    {
        using var anne = await server.ClientAsync("anne@test.local");
        foreach (var field in Numbers)
        {
            var before = (await ProfileAsync(anne)).ToString();
            using var response = await anne.PutAsync("/api/me/employee", Json($$"""{"{{field}}":""}"""));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{field}: {response.StatusCode} {body}");
            using var problem = JsonDocument.Parse(body);
            Assert.True(problem.RootElement.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _), $"{field}: {body}");
            var code = problem.RootElement.GetProperty("fieldCodes").GetProperty(field)[0].GetProperty("code").GetString();
            Assert.True(code is "whole-number-expected" or "number-expected", $"{field}: {code}");
            Assert.All(errors.GetProperty(field).EnumerateArray(), m => Assert.DoesNotMatch(BilingualSentence.Pattern, m.GetString()!));
            Assert.Equal(before, (await ProfileAsync(anne)).ToString());
        }
    }

    [Fact]
    public async Task A_null_number_keeps_the_stored_value()
    {
        using var anne = await server.ClientAsync("anne@test.local");
        foreach (var field in Numbers)
        {
            var before = await ProfileAsync(anne);
            using var response = await anne.PutAsync("/api/me/employee", Json($$"""{"{{field}}":null}"""));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(before.GetProperty(field).ToString(), answer.GetProperty(field).ToString());
            Assert.Equal(before.ToString(), (await ProfileAsync(anne)).ToString());
        }
    }

    [Fact]
    public async Task Seats_typed_for_a_passenger_are_refused_and_the_answer_shows_what_is_stored()
    {
        using var berta = await server.ClientAsync("berta@test.local");
        var before = (await ProfileAsync(berta)).ToString();
        using (var refused = await berta.PutAsJsonAsync("/api/me/employee", new { role = "Passenger", seatsOffered = 5 }))
        {
            var body = await refused.Content.ReadAsStringAsync();
            Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, body);
            using var problem = JsonDocument.Parse(body);
            Assert.Equal("passenger-offers-no-seats", problem.RootElement.GetProperty("fieldCodes").GetProperty("seatsOffered")[0].GetProperty("code").GetString());
            Assert.Equal("Un passager n'offre pas de places : choisissez « conducteur » ou « les deux », ou laissez 0.",
                problem.RootElement.GetProperty("errors").GetProperty("seatsOffered")[0].GetString());
        }
        Assert.Equal(before, (await ProfileAsync(berta)).ToString());

        using var passenger = await berta.PutAsJsonAsync("/api/me/employee", new { role = "Passenger" });
        Assert.Equal(HttpStatusCode.OK, passenger.StatusCode);
        var answer = await passenger.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((await ProfileAsync(berta)).ToString(), answer.ToString());
    }
}
