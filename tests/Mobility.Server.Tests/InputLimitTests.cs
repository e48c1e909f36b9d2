using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Mobility.Server.Tests;

/// <summary>Limits every REST input obeys (issue 12, item 12): text lengths per field, defined enum values only, plausible
/// homes and sites, one leave per day. Each refusal is a 400 (or 409) naming the field, with nothing written.</summary>
public sealed class InputLimitTests(TwoNetworkServer server) : IClassFixture<TwoNetworkServer>
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string field, params HttpStatusCode[] statuses)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((statuses.Length == 0 ? [HttpStatusCode.BadRequest] : statuses).Contains(response.StatusCode),
            $"{(int)response.StatusCode}: {body[..Math.Min(body.Length, 400)]}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"no error on {field}: {errors}");
    }

    private static object SiteBody(string externalId, string name = "Atelier", object? kind = null, double[]? coordinates = null,
        string? address = null, string? commune = null) => new
    {
        externalId, name, kind = kind ?? "Plant", location = new { type = "Point", coordinates = coordinates ?? [7.79, 48.80] }, address, commune,
    };

    [Theory]
    [InlineData("externalId", 64)]
    [InlineData("name", 100)]
    [InlineData("address", 200)]
    [InlineData("commune", 100)]
    public async Task A_site_field_one_character_over_its_limit_is_refused_and_at_its_limit_accepted(string field, int limit)
    {
        using var hr = await server.ClientAsync("hr.alpha@test.local");
        string Text(int length) => (field + "-LEN-").PadRight(length, 'x');
        object Body(int length) => field switch
        {
            "externalId" => SiteBody(Text(length)),
            "name" => SiteBody($"LEN-{field}-{length}", name: Text(length)),
            "address" => SiteBody($"LEN-{field}-{length}", address: Text(length)),
            _ => SiteBody($"LEN-{field}-{length}", commune: Text(length)),
        };
        using (var refused = await hr.PostAsJsonAsync($"/api/companies/{server.Alpha}/sites", Body(limit + 1)))
            await AssertRefusedAsync(refused, field);
        var refusedId = field == "externalId" ? Text(limit + 1) : $"LEN-{field}-{limit + 1}";
        await using (var database = server.NewContext())
            Assert.False(await database.Sites.AnyAsync(s => s.ExternalId == refusedId));
        using var accepted = await hr.PostAsJsonAsync($"/api/companies/{server.Alpha}/sites", Body(limit));
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
    }

    [Fact]
    public async Task A_25_megabyte_commune_is_refused_and_a_100_character_one_kept()
    {
        using var anne = await server.ClientAsync("anne@test.local");
        using (var huge = await anne.PutAsJsonAsync("/api/me/employee", new { commune = new string('c', 101) }))
            await AssertRefusedAsync(huge, "commune");
        using var fine = await anne.PutAsJsonAsync("/api/me/employee", new { commune = new string('c', 100) });
        Assert.Equal(HttpStatusCode.OK, fine.StatusCode);
    }

    [Theory]
    [InlineData("companies", "name", 100)]
    [InlineData("companies", "externalId", 64)]
    [InlineData("employees", "firstName", 100)]
    [InlineData("employees", "lastName", 100)]
    [InlineData("employees", "externalId", 64)]
    [InlineData("accounts", "email", 256)]
    [InlineData("accounts", "displayName", 100)]
    [InlineData("shift-patterns", "name", 100)]
    public async Task Other_text_fields_are_limited_too(string resource, string field, int limit)
    {
        using var admin = await server.ClientAsync("admin@test.local");
        var text = field == "email" ? new string('e', limit - 9) + "@x.test.z" : new string('t', limit);
        Assert.Equal(limit, text.Length);
        var over = field == "email" ? "e" + text : text + "t";
        var fields = new Dictionary<string, object?> { [field] = over };
        (string Path, Dictionary<string, object?> Body) request = resource switch
        {
            "companies" => ($"/api/networks/{server.Nord}/companies", new() { ["externalId"] = "LIM", ["name"] = "Limite" }),
            "employees" => ($"/api/companies/{server.Alpha}/employees", new() { ["externalId"] = "LIM", ["mainSiteId"] = server.AlphaPlant,
                ["commute"] = new { home = new { type = "Point", coordinates = new[] { 7.75, 48.83 } } } }),
            "accounts" => ("/api/accounts", new() { ["email"] = "limit@test.local", ["role"] = "Administrator" }),
            _ => ($"/api/companies/{server.Alpha}/shift-patterns", new() { ["externalId"] = "LIM", ["name"] = "Limite", ["rotationWeeks"] = 1,
                ["slots"] = new[] { new { week = 0, days = "Monday", start = "06:00", end = "14:00" } } }),
        };
        foreach (var (key, value) in fields) request.Body[key] = value;
        using var response = await admin.PostAsJsonAsync(request.Path, request.Body);
        await AssertRefusedAsync(response, field);
    }

    [Theory]
    [InlineData("site kind 99", "kind")]
    [InlineData("site kind \"99\"", "kind")]
    [InlineData("commute role 99", "role")]
    [InlineData("account role 99", "role")]
    [InlineData("slot days 128", "slots[0].days")]
    [InlineData("slot days -1", "slots[0].days")]
    [InlineData("exception kind 7", "kind")]
    public async Task An_enum_value_that_is_not_defined_is_refused(string what, string field)
    {
        using var admin = await server.ClientAsync("admin@test.local");
        using var anne = await server.ClientAsync("anne@test.local");
        using var response = what switch
        {
            "site kind 99" => await admin.PostAsync($"/api/companies/{server.Alpha}/sites",
                Json("""{"externalId":"ENUM-99","name":"x","kind":99,"location":{"type":"Point","coordinates":[7.79,48.8]}}""")),
            "site kind \"99\"" => await admin.PostAsync($"/api/companies/{server.Alpha}/sites",
                Json("""{"externalId":"ENUM-99s","name":"x","kind":"99","location":{"type":"Point","coordinates":[7.79,48.8]}}""")),
            "commute role 99" => await anne.PutAsync("/api/me/employee", Json("""{"role":99,"seatsOffered":2}""")),
            "account role 99" => await admin.PostAsync("/api/accounts", Json("""{"email":"role99@test.local","role":99}""")),
            "slot days 128" => await admin.PostAsync($"/api/companies/{server.Alpha}/shift-patterns",
                Json("""{"externalId":"DAYS-128","name":"x","rotationWeeks":1,"slots":[{"week":0,"days":128,"start":"06:00","end":"14:00"}]}""")),
            "slot days -1" => await admin.PostAsync($"/api/companies/{server.Alpha}/shift-patterns",
                Json("""{"externalId":"DAYS-128","name":"x","rotationWeeks":1,"slots":[{"week":0,"days":-1,"start":"06:00","end":"14:00"}]}""")),
            _ => await admin.PostAsync($"/api/employees/{server.AlphaTwo}/shift-exceptions", Json("""{"date":"2026-12-07","kind":7}""")),
        };
        await AssertRefusedAsync(response, field);
        await using var database = server.NewContext();
        Assert.False(await database.Sites.AnyAsync(s => s.ExternalId.StartsWith("ENUM-99")));
        Assert.False(await database.Users.AnyAsync(u => u.Email == "role99@test.local"));
        Assert.False(await database.ShiftPatterns.AnyAsync(p => p.ExternalId == "DAYS-128"));
        Assert.False(await database.ShiftExceptions.AnyAsync(x => x.EmployeeId == server.AlphaTwo && x.Date == new DateOnly(2026, 12, 7)));
        Assert.Equal(Planning.Carpools.CarpoolRole.Either, (await database.Employees.SingleAsync(e => e.Id == server.AlphaOne)).Role);
    }

    [Theory]
    [InlineData("/api/sites?kind=99", "kind")]
    [InlineData("/api/sites?kind=-1", "kind")]
    [InlineData("/api/companies/{Alpha}/employees?search=%00", "search")]
    [InlineData("/api/companies/{Alpha}/employees?search=LONG", "search")]
    public async Task A_query_parameter_out_of_its_limits_is_refused(string path, string field)
    {
        using var hr = await server.ClientAsync("hr.alpha@test.local");
        using var response = await hr.GetAsync(path.Replace("{Alpha}", server.Alpha.ToString()).Replace("LONG", new string('s', 101)));
        await AssertRefusedAsync(response, field);
        using var fine = await hr.GetAsync($"/api/companies/{server.Alpha}/employees?search={new string('s', 100)}");
        Assert.Equal(HttpStatusCode.OK, fine.StatusCode);
    }

    [Fact]
    public async Task Defined_enum_values_and_day_combinations_are_still_accepted()
    {
        using var admin = await server.ClientAsync("admin@test.local");
        using var response = await admin.PostAsync($"/api/companies/{server.Alpha}/shift-patterns",
            Json("""{"externalId":"DAYS-OK","name":"x","rotationWeeks":1,"slots":[{"week":0,"days":"Monday, Friday","start":"06:00","end":"14:00"},{"week":0,"days":32,"start":"06:00","end":"14:00"}]}"""));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData(0.0, 0.0)]        // "null island", the value of an unset coordinate
    [InlineData(-3.70, 40.42)]    // Madrid: in range, 1,000 km from the plant
    [InlineData(48.85, 7.70)]     // latitude and longitude swapped
    [InlineData(7.70, 95.0)]      // out of range
    public async Task An_implausible_home_is_refused_for_the_employee_and_for_HR(double longitude, double latitude)
    {
        using var anne = await server.ClientAsync("anne@test.local");
        using var hr = await server.ClientAsync("hr.alpha@test.local");
        var home = new { type = "Point", coordinates = new[] { longitude, latitude } };
        using (var mine = await anne.PutAsJsonAsync("/api/me/employee", new { home }))
            await AssertRefusedAsync(mine, "home");
        using (var changed = await hr.PutAsJsonAsync($"/api/employees/{server.AlphaTwo}", new { commute = new { home } }))
            await AssertRefusedAsync(changed, "home");
        using (var added = await hr.PostAsJsonAsync($"/api/companies/{server.Alpha}/employees",
            new { externalId = "FAR-HOME", mainSiteId = server.AlphaPlant, commute = new { home } }))
            await AssertRefusedAsync(added, "home");
        await using var database = server.NewContext();
        Assert.Equal(48.85, (await database.Employees.SingleAsync(e => e.Id == server.AlphaOne)).Home!.Y, 6);
        Assert.Equal(48.86, (await database.Employees.SingleAsync(e => e.Id == server.AlphaTwo)).Home!.Y, 6);
        Assert.False(await database.Employees.AnyAsync(e => e.ExternalId == "FAR-HOME"));
    }

    [Fact]
    public async Task A_home_near_the_main_plant_is_accepted()
    {
        using var hr = await server.ClientAsync("hr.alpha@test.local");
        using var response = await hr.PostAsJsonAsync($"/api/companies/{server.Alpha}/employees",
            new { externalId = "NEAR-HOME", mainSiteId = server.AlphaPlant, commute = new { home = new { type = "Point", coordinates = new[] { 7.40, 48.60 } } } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(-3.70, 40.42)]
    [InlineData(48.81, 7.79)]
    public async Task An_implausible_site_is_refused(double longitude, double latitude)
    {
        using var hr = await server.ClientAsync("hr.alpha@test.local");
        var id = $"FAR-SITE-{longitude}-{latitude}";
        using (var added = await hr.PostAsJsonAsync($"/api/companies/{server.Alpha}/sites", SiteBody(id, coordinates: [longitude, latitude])))
            await AssertRefusedAsync(added, "location");
        using (var moved = await hr.PutAsJsonAsync($"/api/sites/{server.AlphaPlant}", SiteBody("ALP-1", "Usine Alpha", coordinates: [longitude, latitude])))
            await AssertRefusedAsync(moved, "location");
        await using var database = server.NewContext();
        Assert.False(await database.Sites.AnyAsync(s => s.ExternalId == id));
        Assert.Equal(48.81, (await database.Sites.SingleAsync(s => s.Id == server.AlphaPlant)).Location.Y, 6);
    }

    [Fact]
    public async Task The_same_leave_day_twice_is_refused_on_the_date()
    {
        using var hr = await server.ClientAsync("hr.alpha@test.local");
        var leave = new { date = "2026-12-14", kind = "Leave" };
        using (var first = await hr.PostAsJsonAsync($"/api/employees/{server.AlphaOne}/shift-exceptions", leave))
            Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        using (var again = await hr.PostAsJsonAsync($"/api/employees/{server.AlphaOne}/shift-exceptions", leave))
            await AssertRefusedAsync(again, "date", HttpStatusCode.Conflict, HttpStatusCode.BadRequest);
        using (var extra = await hr.PostAsJsonAsync($"/api/employees/{server.AlphaOne}/shift-exceptions",
            new { date = "2026-12-14", kind = "ExtraShift", start = "06:00", end = "14:00" }))
            await AssertRefusedAsync(extra, "date", HttpStatusCode.Conflict, HttpStatusCode.BadRequest);
        await using var database = server.NewContext();
        Assert.Equal(1, await database.ShiftExceptions.CountAsync(x => x.EmployeeId == server.AlphaOne && x.Date == new DateOnly(2026, 12, 14)));
    }
}
