using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Mobility.Application.Addresses;
using Mobility.Routing;
using Mobility.Routing.Addresses;
using Mobility.Server.Addresses;
using Mobility.Server.Http;
using Mobility.TestSupport;

namespace Mobility.Server.Tests;

/// <summary>The Mulhouse extract's address index, built by the product's own build once per test run.</summary>
public static class MulhouseAddressIndex
{
    private static readonly Lazy<string> Built = new(() =>
    {
        var folder = Directory.CreateTempSubdirectory("mobility-addresses-").FullName;
        return AddressIndexBuild.Build(SharedData.OsmFile("mulhouse-centre.osm.pbf"), [], directory: folder).File;
    });

    public static string File => Built.Value;
}

/// <summary>`GET /api/addresses/search` through the real server, on the real index of the Mulhouse extract.</summary>
public sealed class AddressSearchTests(TwoNetworkServer server) : IClassFixture<TwoNetworkServer>
{
    /// <summary>Where OSM has 12 rue du Chêne (node 1457698747, a house of the street's associatedStreet relation).</summary>
    private static readonly GeoPoint TwelveRueDuChene = new(47.7519218, 7.3395366);

    private WebApplicationFactory<Program> WithIndex(params (string Key, string Value)[] settings) =>
        server.Instance([(AddressesSetup.SettingName, MulhouseAddressIndex.File), .. settings]);

    private static string Search(string q, string? limit = null) =>
        $"/api/addresses/search?q={Uri.EscapeDataString(q)}{(limit is null ? "" : $"&limit={limit}")}";

    private static async Task<JsonElement> FieldCodeAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("invalid-fields", problem.RootElement.GetProperty("code").GetString());
        return problem.RootElement.GetProperty("fieldCodes").GetProperty(field)[0].Clone();
    }

    [Fact]
    public async Task An_employee_finds_an_abbreviated_address_at_its_house_with_its_parts_precision_and_confidence()
    {
        await using var instance = WithIndex();
        using var anne = await server.ClientAsync("anne@test.local", instance);
        using var response = await anne.GetAsync(Search("12 r. du Chene 68100 MULHOUSE", limit: "3"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // What is asked may be someone's home: no cache keeps it.
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var answers = body.RootElement.EnumerateArray().ToList();
        Assert.InRange(answers.Count, 1, 3);
        var best = answers[0];
        Assert.Equal("12 Rue du Chêne, 68100 Mulhouse", best.GetProperty("label").GetString());
        Assert.Equal("12", best.GetProperty("houseNumber").GetString());
        Assert.Equal("Rue du Chêne", best.GetProperty("street").GetString());
        Assert.Equal("68100", best.GetProperty("postcode").GetString());
        Assert.Equal("Mulhouse", best.GetProperty("city").GetString());
        Assert.Equal(nameof(AddressPrecision.HouseNumber), best.GetProperty("precision").GetString());
        Assert.True(best.GetProperty("confidence").GetDouble() >= AddressMatch.ConfidenceThreshold);
        var position = new GeoPoint(best.GetProperty("latitude").GetDouble(), best.GetProperty("longitude").GetDouble());
        Assert.True(position.DistanceTo(TwelveRueDuChene) < 5, $"{position}");
        // Best first.
        Assert.Equal(answers.Select(a => a.GetProperty("confidence").GetDouble()).OrderDescending(), answers.Select(a => a.GetProperty("confidence").GetDouble()));
    }

    [Fact]
    public async Task Every_signed_in_role_may_search_and_an_unknown_street_answers_nothing_confident()
    {
        await using var instance = WithIndex();
        foreach (var account in new[] { "hr.alpha", "wg.nord", "admin" })
        {
            using var client = await server.ClientAsync($"{account}@test.local", instance);
            using var response = await client.GetAsync(Search("3 rue Imaginaire 68100 Mulhouse"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.All(body.RootElement.EnumerateArray(), a => Assert.True(a.GetProperty("confidence").GetDouble() < AddressMatch.ConfidenceThreshold));
        }
        using var anonymous = instance.CreateClient();
        using var refused = await anonymous.GetAsync(Search("12 rue du Chêne"));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task An_empty_or_too_long_query_and_a_bad_limit_are_field_errors_with_codes()
    {
        await using var instance = WithIndex();
        using var anne = await server.ClientAsync("anne@test.local", instance);
        using (var empty = await anne.GetAsync(Search("   ")))
            Assert.Equal("required", (await FieldCodeAsync(empty, "q")).GetProperty("code").GetString());
        using (var missing = await anne.GetAsync("/api/addresses/search"))
            Assert.Equal("required", (await FieldCodeAsync(missing, "q")).GetProperty("code").GetString());
        using (var tooLong = await anne.GetAsync(Search(new string('x', 201))))
        {
            var code = await FieldCodeAsync(tooLong, "q");
            Assert.Equal("text-too-long", code.GetProperty("code").GetString());
            Assert.Equal(200, code.GetProperty("parameters").GetProperty("maximum").GetInt32());
        }
        foreach (var limit in new[] { "0", "21", "abc", "-1" })
        {
            using var response = await anne.GetAsync(Search("12 rue du Chêne", limit));
            var code = await FieldCodeAsync(response, "limit");
            Assert.Equal("out-of-range", code.GetProperty("code").GetString());
            Assert.Equal(20, code.GetProperty("parameters").GetProperty("maximum").GetInt32());
        }
    }

    [Fact]
    public async Task Without_an_index_the_search_is_a_coded_503()
    {
        using var anne = await server.ClientAsync("anne@test.local");
        using var response = await anne.GetAsync(Search("12 rue du Chêne 68100 Mulhouse"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(AddressEndpoints.NotLoadedCode, problem.RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Searches_are_limited_per_account()
    {
        await using var instance = WithIndex(($"{AddressOptions.Section}:{nameof(AddressOptions.SearchesPerAccountPerMinute)}", "3"));
        using var anne = await server.ClientAsync("anne@test.local", instance);
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await anne.GetAsync(Search("12 rue du Chêne"));
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }
        using var refused = await anne.GetAsync(Search("12 rue du Chêne"));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        // Another account is not held back by Anne's searches.
        using var hr = await server.ClientAsync("hr.alpha@test.local", instance);
        using var other = await hr.GetAsync(Search("12 rue du Chêne"));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }
}
