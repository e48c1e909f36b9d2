using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Mobility.Data.Model;
using Mobility.Planning.Carpools;
using NetTopologySuite.Geometries;

namespace Mobility.Server.Tests;

/// <summary>HR's console over the API: the employee list searched (accents aside), filtered, sorted and paged by the server,
/// never showing another company's people; invitations to many people with each one's outcome; roster edit rules.</summary>
public sealed class EmployeeConsoleTests(TwoNetworkServer server) : IClassFixture<TwoNetworkServer>, IDisposable
{
    private readonly SmtpSink _mail = new();
    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);

    public void Dispose() => _mail.Dispose();

    private WebApplicationFactory<Program> WithMail() =>
        server.Instance(("Mail:SmtpHost", "127.0.0.1"), ("Mail:SmtpPort", _mail.Port.ToString()), ("Proposals:RecomputeOnStart", "false"));

    /// <summary>Employees of a company straight into the database (the list's tests are about reading).</summary>
    private async Task<long[]> AddAsync(long company, long plant, params (string Id, string First, string Last, string? Email, bool Home, bool Consent)[] people)
    {
        await using var database = server.NewContext();
        var rows = people.Select(p => new Employee
        {
            CompanyId = company, MainSiteId = plant, ExternalId = p.Id, FirstName = p.First, LastName = p.Last, WorkEmail = p.Email,
            Home = p.Home ? Wgs84.CreatePoint(new Coordinate(7.72, 48.84)) : null, ConsentToMatching = p.Consent, Role = CarpoolRole.Either, SeatsOffered = 2,
        }).ToList();
        database.Employees.AddRange(rows);
        await database.SaveChangesAsync();
        return rows.Select(r => r.Id).ToArray();
    }

    private static async Task<(string[] Ids, int Total)> ListAsync(HttpClient client, long company, string query)
    {
        using var response = await client.GetAsync($"/api/companies/{company}/employees?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (body.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("externalId").GetString()!).ToArray(),
            body.RootElement.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Search_finds_names_without_their_accents_HR_numbers_and_e_mails_of_the_company_only()
    {
        await AddAsync(server.Alpha, server.AlphaPlant, ("S-10", "Éloïse", "Bérénger", "eloise.b@alpha.test", true, true),
            ("S-11", "Jean", "Dupont", null, true, true));
        await AddAsync(server.Beta, server.BetaPlant, ("S-20", "Eloise", "Berenger", "eloise@beta.test", true, true));
        using var hr = await server.ClientAsync("hr.alpha@test.local");

        Assert.Equal(["S-10"], (await ListAsync(hr, server.Alpha, "search=eloise%20BERENGER")).Ids);
        Assert.Equal(["S-10"], (await ListAsync(hr, server.Alpha, "search=B%C3%A9r%C3%A9nger")).Ids); // typed with its accents too
        Assert.Equal(["S-11"], (await ListAsync(hr, server.Alpha, "search=s-11")).Ids);
        Assert.Equal(["S-10"], (await ListAsync(hr, server.Alpha, "search=eloise.b%40alpha")).Ids);
        Assert.Equal(["A1"], (await ListAsync(hr, server.Alpha, "search=anne%40test")).Ids); // the account's e-mail
        // Wildcards are letters, not patterns.
        Assert.Empty((await ListAsync(hr, server.Alpha, "search=%25")).Ids);
        // Beta's Eloise is never found, and Beta's list is refused to Alpha's HR whatever the query.
        Assert.DoesNotContain("S-20", (await ListAsync(hr, server.Alpha, "search=eloise")).Ids);
        using var foreign = await hr.GetAsync($"/api/companies/{server.Beta}/employees?search=eloise");
        Assert.True(foreign.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, foreign.StatusCode.ToString());
        Assert.DoesNotContain("Berenger", await foreign.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Filters_narrow_the_list_by_home_consent_site_roster_account_and_carpool()
    {
        var ids = await AddAsync(server.Alpha, server.AlphaPlant, ("F-1", "Ana", "Filtrage", null, false, true),
            ("F-2", "Bo", "Filtrage", "bo@alpha.test", true, false), ("F-3", "Cy", "Filtrage", null, true, true));
        long roster;
        await using (var database = server.NewContext())
        {
            var pattern = TwoNetworkServer.EveryDay(server.Nord, "F-ROSTER", new TimeOnly(6, 0), new TimeOnly(14, 0));
            pattern.OwnerCompanyId = server.Alpha;
            database.ShiftPatterns.Add(pattern);
            await database.SaveChangesAsync();
            roster = pattern.Id;
            database.ShiftAssignments.Add(new ShiftAssignment
            {
                EmployeeId = ids[2], ShiftPatternId = roster, RotationAnchor = new DateOnly(2026, 1, 5), ValidFrom = new DateOnly(2026, 1, 5),
            });
            await database.SaveChangesAsync();
        }
        await server.ProposeAheadAsync(30, 3, ids[1]);
        using var hr = await server.ClientAsync("hr.alpha@test.local");
        const string them = "search=filtrage";

        Assert.Equal(["F-1"], (await ListAsync(hr, server.Alpha, $"{them}&noHome=true")).Ids);
        Assert.Equal(["F-2"], (await ListAsync(hr, server.Alpha, $"{them}&consent=false")).Ids);
        Assert.Equal(["F-3"], (await ListAsync(hr, server.Alpha, $"{them}&shiftPatternId={roster}")).Ids);
        Assert.Equal(["F-1", "F-2"], (await ListAsync(hr, server.Alpha, $"{them}&shiftPatternId=0&sort=ExternalId")).Ids);
        Assert.Equal(["F-2"], (await ListAsync(hr, server.Alpha, $"{them}&matched=true")).Ids);
        Assert.Equal(3, (await ListAsync(hr, server.Alpha, $"{them}&siteId={server.AlphaPlant}&account=None")).Total);
        Assert.Equal(0, (await ListAsync(hr, server.Alpha, $"{them}&siteId={server.BetaPlant}")).Total);
        Assert.Equal(["A1"], (await ListAsync(hr, server.Alpha, "account=Active")).Ids);
        using var bad = await hr.GetAsync($"/api/companies/{server.Alpha}/employees?sort=Salary");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Sorting_and_paging_are_done_by_the_server_and_pages_do_not_overlap()
    {
        await AddAsync(server.Alpha, server.AlphaPlant, ("P-3", "Zoé", "Paginé", null, true, true), ("P-1", "Yann", "Paginé", null, true, true),
            ("P-2", "Xavier", "Paginé", null, true, true));
        using var hr = await server.ClientAsync("hr.alpha@test.local");
        var first = await ListAsync(hr, server.Alpha, "search=pagine&sort=ExternalId&pageSize=2&page=1");
        var second = await ListAsync(hr, server.Alpha, "search=pagine&sort=ExternalId&pageSize=2&page=2");
        Assert.Equal(["P-1", "P-2"], first.Ids);
        Assert.Equal(3, first.Total);
        Assert.Equal(["P-3"], second.Ids);
        Assert.Equal(["P-3", "P-2", "P-1"], (await ListAsync(hr, server.Alpha, "search=pagine&sort=ExternalId&descending=true")).Ids);
        // By name: family name, then first name.
        Assert.Equal(["P-2", "P-1", "P-3"], (await ListAsync(hr, server.Alpha, "search=pagine&sort=Name")).Ids);
    }

    [Fact]
    public async Task HR_adds_an_employee_with_a_work_e_mail_edits_it_and_a_bad_one_is_refused()
    {
        using var hr = await server.ClientAsync("hr.alpha@test.local");
        using var created = await hr.PostAsJsonAsync($"/api/companies/{server.Alpha}/employees", new
        {
            externalId = "E-1", firstName = "Émile", lastName = "Ajouté", workEmail = "emile@alpha.test", mainSiteId = server.AlphaPlant,
            commute = new { home = new { type = "Point", coordinates = new[] { 7.73, 48.83 } }, commune = "Haguenau" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
        using var wrong = await hr.PutAsJsonAsync($"/api/employees/{id}", new { workEmail = "pas une adresse" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("workEmail", await wrong.Content.ReadAsStringAsync());
        using var changed = await hr.PutAsJsonAsync($"/api/employees/{id}", new { workEmail = "emile.ajoute@alpha.test", lastName = "Modifié" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        await using var database = server.NewContext();
        var stored = await database.Employees.SingleAsync(e => e.Id == id);
        Assert.Equal(("emile.ajoute@alpha.test", "Modifié", "Haguenau"), (stored.WorkEmail, stored.LastName, stored.Commune));
    }

    [Fact]
    public async Task Erasure_clears_the_work_e_mail_and_the_erased_person_leaves_the_list()
    {
        var id = (await AddAsync(server.Alpha, server.AlphaPlant, ("X-1", "Effa", "Cée", "effa@alpha.test", true, true)))[0];
        using var hr = await server.ClientAsync("hr.alpha@test.local");
        Assert.Equal(HttpStatusCode.NoContent, (await hr.DeleteAsync($"/api/employees/{id}")).StatusCode);
        await using var database = server.NewContext();
        Assert.Null((await database.Employees.SingleAsync(e => e.Id == id)).WorkEmail);
        Assert.Equal(0, (await ListAsync(hr, server.Alpha, "search=effa")).Total);
    }

    [Fact]
    public async Task A_bulk_invitation_says_for_each_person_what_happened_and_mails_only_those_it_can()
    {
        var ids = await AddAsync(server.Alpha, server.AlphaPlant, ("I-1", "Inès", "Invitée", "ines@alpha.test", true, true),
            ("I-2", "Igor", "SansMail", null, true, true), ("I-3", "Iris", "Doublon", "berta@test.local", true, true));
        await using var instance = WithMail();
        using var hr = instance.CreateClient();
        hr.DefaultRequestHeaders.Authorization = new("Bearer", await server.TokenAsync("hr.alpha@test.local", instance));

        async Task<Dictionary<long, string>> InviteAsync(object request)
        {
            using var response = await hr.PostAsJsonAsync($"/api/companies/{server.Alpha}/invitations", request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return body.RootElement.GetProperty("people").EnumerateArray()
                .ToDictionary(p => p.GetProperty("employeeId").GetInt64(), p => p.GetProperty("outcome").GetString()!);
        }

        var outcome = await InviteAsync(new { employeeIds = new[] { ids[0], ids[1], ids[2], server.AlphaOne, server.BetaOne } });
        Assert.Equal("Sent", outcome[ids[0]]);
        Assert.Equal("NoEmail", outcome[ids[1]]);
        Assert.Equal("EmailTaken", outcome[ids[2]]);
        Assert.Equal("HasAccount", outcome[server.AlphaOne]);
        Assert.Equal("Unknown", outcome[server.BetaOne]); // another company's employee: as if missing
        Assert.Contains("#invitation=", await _mail.MailToAsync("ines@alpha.test"));
        Assert.Empty(_mail.MailsTo("anne@test.local"));
        Assert.Empty(_mail.MailsTo("berta@test.local"));
        await using (var database = server.NewContext())
            Assert.False(await database.Users.AnyAsync(u => u.EmployeeId == server.BetaOne && u.Email != "berta@test.local"));

        // Inès has not chosen her password yet: asked again, she gets a new link; "all without an account" leaves her out.
        Assert.Equal("Resent", (await InviteAsync(new { employeeIds = new[] { ids[0] } }))[ids[0]]);
        var all = await InviteAsync(new { allWithoutAccount = true });
        Assert.DoesNotContain(ids[0], all.Keys);
        Assert.Equal("NoEmail", all[ids[1]]);
        Assert.DoesNotContain(server.BetaOne, all.Keys);
        using var empty = await hr.PostAsJsonAsync($"/api/companies/{server.Alpha}/invitations", new { employeeIds = Array.Empty<long>() });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        using var foreign = await hr.PostAsJsonAsync($"/api/companies/{server.Beta}/invitations", new { allWithoutAccount = true });
        Assert.True(foreign.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, foreign.StatusCode.ToString());
    }

    [Fact]
    public async Task A_roster_edited_on_the_week_grid_keeps_its_night_and_rotation_and_refuses_overlaps_and_foreign_edits()
    {
        using var hr = await server.ClientAsync("hr.alpha@test.local");
        using var created = await hr.PostAsJsonAsync($"/api/companies/{server.Alpha}/shift-patterns", new
        {
            externalId = "GRID-2x12", name = "2x12", rotationWeeks = 2,
            slots = new object[] { new { week = 0, days = "Monday, Tuesday", start = "07:00", end = "19:00" },
                new { week = 1, days = "Wednesday, Thursday", start = "19:00", end = "07:00", endsNextDay = true } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
        // A Monday day shift in week 1 overlaps nothing; one starting Thursday 19:00 in week 1 would overlap the night shift.
        using var overlap = await hr.PutAsJsonAsync($"/api/shift-patterns/{id}", new
        {
            externalId = "GRID-2x12", name = "2x12", rotationWeeks = 2,
            slots = new object[] { new { week = 0, days = "Monday, Tuesday", start = "07:00", end = "19:00" },
                new { week = 1, days = "Wednesday, Thursday", start = "19:00", end = "07:00", endsNextDay = true },
                new { week = 1, days = "Friday", start = "05:00", end = "13:00" } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, overlap.StatusCode);
        Assert.Contains("slots[2]", await overlap.Content.ReadAsStringAsync());
        using var read = await hr.GetAsync($"/api/shift-patterns/{id}");
        var slots = JsonDocument.Parse(await read.Content.ReadAsStringAsync()).RootElement.GetProperty("slots");
        Assert.Equal(2, slots.GetArrayLength()); // the refused change wrote nothing
        Assert.True(slots[1].GetProperty("endsNextDay").GetBoolean());
        // Another network's roster is out of reach.
        using var foreign = await hr.PutAsJsonAsync($"/api/shift-patterns/{server.SudRoster}", new
        {
            externalId = "SUD-3x8", name = "pris", rotationWeeks = 1, slots = new object[] { new { week = 0, days = "Monday", start = "05:00", end = "13:00" } },
        });
        Assert.True(foreign.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, foreign.StatusCode.ToString());
    }
}
