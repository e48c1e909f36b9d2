using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mobility.Data.Accounts;
using Mobility.Data.Model;
using Mobility.Planning;
using Mobility.Planning.Carpools;
using Mobility.Server.Carpools;
using Mobility.Server.RideHome;
using NetTopologySuite.Geometries;

namespace Mobility.Server.Tests;

/// <summary>
/// The guaranteed ride home through the real server and PostgreSQL, on Nord's day roster (Paul drives, Anne of Alpha and
/// Berta of Beta ride, 8:00–16:00). Each test lives on dates of its own, on a server instance whose clock reads that day's
/// early morning, so that "today" is the group's date. Marc (Alpha) drives too, on <see cref="WithMarc"/> only.
/// </summary>
public sealed class RideHomeTests : IClassFixture<TwoNetworkServer>
{
    private static readonly DateOnly WithMarc = new(2027, 5, 12);
    private readonly TwoNetworkServer _server;

    public RideHomeTests(TwoNetworkServer server)
    {
        _server = server;
        server.PutNordOnADayRoster();
        using var database = server.NewContext();
        if (database.Users.Any(u => u.Email == "paul@test.local")) return;
        var pattern = database.ShiftPatterns.Single(p => p.ExternalId == "every-day");
        var marc = new Employee
        {
            CompanyId = server.Alpha, MainSiteId = server.AlphaPlant, ExternalId = "A3", FirstName = "Marc", LastName = "Weber",
            Home = new Point(7.715, 48.865) { SRID = 4326 }, Role = CarpoolRole.Driver, SeatsOffered = 3, MaxDetourMinutes = 20, MaxDetourRatio = 2.0,
            ConsentToMatching = true,
            ShiftAssignments = [new ShiftAssignment { ShiftPatternId = pattern.Id, RotationAnchor = new DateOnly(2026, 1, 5), ValidFrom = WithMarc, ValidTo = WithMarc }],
        };
        database.Employees.Add(marc);
        database.SaveChanges();
        database.Users.AddRange(
            AccountFactory.Create("paul@test.local", TwoNetworkServer.Password, AccountRole.Employee, employeeId: server.AlphaTwo),
            AccountFactory.Create("marc@test.local", TwoNetworkServer.Password, AccountRole.Employee, employeeId: marc.Id));
        database.SaveChanges();
    }

    private async Task<string> EmailOfAsync(long employeeId)
    {
        await using var database = _server.NewContext();
        return await database.Users.Where(u => u.EmployeeId == employeeId).Select(u => u.Email!).SingleAsync();
    }

    private async Task SetFallbackAsync(long company, RideHomeKind kind, decimal? budget, decimal? perRide, string? instructions)
    {
        using var admin = await _server.ClientAsync("admin@test.local");
        using var response = await admin.PutAsJsonAsync($"/api/companies/{company}/ride-home",
            new { kind = kind.ToString(), monthlyBudgetEuros = budget, maxPerRideEuros = perRide, instructions });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The date's live group to work with Anne in it, every member of it having accepted.</summary>
    private async Task<CarpoolGroup> AnnesAcceptedMorningAsync(WebApplicationFactory<Program> instance, DateOnly date)
    {
        await using var database = _server.NewContext();
        var group = await database.CarpoolGroups.Include(g => g.Members).SingleAsync(g => g.NetworkId == _server.Nord && g.Date == date
            && g.Direction == CommuteDirection.ToWork && g.Status == CarpoolStatus.Proposed && g.Members.Any(m => m.EmployeeId == _server.AlphaOne));
        foreach (var member in group.Members)
        {
            using var client = await _server.ClientAsync(await EmailOfAsync(member.EmployeeId), instance);
            using var accepted = await client.PostAsync($"/api/me/proposals/{group.Id}/accept", null);
            Assert.True(accepted.StatusCode == HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync());
        }
        return group;
    }

    private async Task CancelAsDriverAsync(WebApplicationFactory<Program> instance, CarpoolGroup group, string reason)
    {
        var driver = group.Members.Single(m => m.Role == MemberRole.Driver).EmployeeId;
        using var client = await _server.ClientAsync(await EmailOfAsync(driver), instance);
        using var cancelled = await client.PostAsJsonAsync($"/api/me/proposals/{group.Id}/cancel", new { reason, note = "Batterie à plat" });
        Assert.True(cancelled.StatusCode == HttpStatusCode.OK, await cancelled.Content.ReadAsStringAsync());
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task A_driver_who_cancels_on_the_day_leaves_his_passengers_with_a_seat_in_another_car_at_once()
    {
        var (instance, _) = await _server.InstanceAtAsync(WithMarc.ToDateTime(new TimeOnly(5, 0)));
        await using var dispose = instance;
        var morning = await AnnesAcceptedMorningAsync(instance, WithMarc);
        var driver = morning.Members.Single(m => m.Role == MemberRole.Driver).EmployeeId;
        var anne = new HubListener();
        await using var hub = await _server.HubAsync("anne@test.local", instance);
        anne.Attach(hub);
        await hub.StartAsync();

        await CancelAsDriverAsync(instance, morning, "car-unavailable");

        // Answered before the cancel is: the proposal is stored and pushed, with the other driver.
        var proposal = await anne.NextWhereAsync(m => m.Kind == NetworkRematch.ProposalKind && m.Payload.GetProperty("direction").GetString() == "ToWork");
        await using var database = _server.NewContext();
        var seat = await database.CarpoolGroups.Include(g => g.Members).SingleAsync(g => g.Id == proposal.Payload.GetProperty("groupId").GetInt64());
        Assert.Equal(WithMarc, seat.Date);
        var newDriver = seat.Members.Single(m => m.Role == MemberRole.Driver).EmployeeId;
        Assert.NotEqual(driver, newDriver);
        Assert.Contains(seat.Members, m => m.EmployeeId == _server.AlphaOne && m.Status == CarpoolStatus.Proposed);
        // Every passenger of the cancelled car found a seat: none is left with the fallback.
        Assert.All(morning.Members.Where(m => m.Role == MemberRole.Passenger), p => Assert.True(database.CarpoolMembers.Any(m => m.EmployeeId == p.EmployeeId
            && m.CarpoolGroup!.Date == WithMarc && m.CarpoolGroup.Direction == CommuteDirection.ToWork && m.CarpoolGroup.Status != CarpoolStatus.Cancelled
            && m.Status == CarpoolStatus.Proposed && m.CarpoolGroup.Members.Any(d => d.EmployeeId == newDriver && d.Role == MemberRole.Driver))));
        Assert.False(await database.RideHomeCases.AnyAsync(c => c.Date == WithMarc));
        // The reason is stored with the decision.
        var change = await database.CarpoolStatusChanges.SingleAsync(c => c.CarpoolGroupId == morning.Id && c.EmployeeId == driver && c.Status == CarpoolStatus.Cancelled);
        Assert.Equal(("car-unavailable", "Batterie à plat"), (change.ReasonCode, change.Note));

        // The re-match the cancel asked for (run here too, so that it surely ran) leaves the seat found on the day as it is,
        // and Anne takes it.
        await instance.Services.GetRequiredService<ProposalEngine>().RecomputeAsync(_server.Nord, WithMarc, new HashSet<long> { driver }, CancellationToken.None);
        using var client = await _server.ClientAsync("anne@test.local", instance);
        using var accepted = await client.PostAsync($"/api/me/proposals/{seat.Id}/accept", null);
        Assert.True(accepted.StatusCode == HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync());
        var mine = await GetAsync(client, $"/api/me/proposals?from={WithMarc:yyyy-MM-dd}");
        Assert.Contains(mine.EnumerateArray(), g => g.GetProperty("groupId").GetInt64() == seat.Id && g.GetProperty("status").GetString() != "Cancelled");
    }

    [Fact]
    public async Task With_no_car_left_each_passenger_gets_their_companys_fallback_and_only_their_HR_sees_the_case()
    {
        var date = new DateOnly(2027, 6, 9);
        await SetFallbackAsync(_server.Alpha, RideHomeKind.Taxi, 1000, 50, "Appelez Taxi Haguenau : 03 88 00 00 00 <b>bold</b>");
        await SetFallbackAsync(_server.Beta, RideHomeKind.Shuttle, null, null, "Navette de 17 h devant la gare");
        var (instance, _) = await _server.InstanceAtAsync(date.ToDateTime(new TimeOnly(5, 0)));
        await using var dispose = instance;
        var morning = await AnnesAcceptedMorningAsync(instance, date);
        Assert.Contains(morning.Members, m => m.EmployeeId == _server.BetaOne);
        await CancelAsDriverAsync(instance, morning, "sick");

        using var anne = await _server.ClientAsync("anne@test.local", instance);
        var offers = await GetAsync(anne, $"/api/me/ride-home?from={date:yyyy-MM-dd}");
        var offer = Assert.Single(offers.EnumerateArray());
        Assert.Equal("ride-home-taxi", offer.GetProperty("code").GetString());
        var allowance = offer.GetProperty("parameters").GetProperty("allowanceEuros").GetDecimal();
        Assert.InRange(allowance, 1, 50);
        Assert.Equal("Appelez Taxi Haguenau : 03 88 00 00 00 <b>bold</b>", offer.GetProperty("instructions").GetString());
        // The offer comes with the cancelled group, pushed, and in her proposals.
        var messages = await GetAsync(anne, "/api/me/notifications");
        Assert.Contains(messages.EnumerateArray(), m => m.GetProperty("kind").GetString() == SameDayRescue.OfferKind
            && m.GetProperty("payload").GetProperty("rideHome").GetProperty("code").GetString() == "ride-home-taxi");
        var proposals = await GetAsync(anne, $"/api/me/proposals?from={date:yyyy-MM-dd}");
        Assert.Contains(proposals.EnumerateArray(), g => g.GetProperty("groupId").GetInt64() == morning.Id
            && g.GetProperty("rideHome").GetProperty("kind").GetString() == "Taxi");

        using var berta = await _server.ClientAsync("berta@test.local", instance);
        var bertas = Assert.Single((await GetAsync(berta, $"/api/me/ride-home?from={date:yyyy-MM-dd}")).EnumerateArray());
        Assert.Equal(("ride-home-shuttle", "Navette de 17 h devant la gare"), (bertas.GetProperty("code").GetString(), bertas.GetProperty("instructions").GetString()));

        using var hrAlpha = await _server.ClientAsync("hr.alpha@test.local");
        var cases = await GetAsync(hrAlpha, $"/api/companies/{_server.Alpha}/ride-home-cases?month=2027-06");
        var only = Assert.Single(cases.GetProperty("cases").EnumerateArray());
        Assert.Equal((_server.AlphaOne, "DriverCancelled", "Taxi"), (only.GetProperty("employeeId").GetInt64(), only.GetProperty("cause").GetString(), only.GetProperty("fallback").GetString()));
        Assert.Equal(allowance, cases.GetProperty("usedEuros").GetDecimal());
        Assert.True(only.GetProperty("estimatedCostEuros").GetDecimal() > 0);
        using var hrBeta = await _server.ClientAsync("hr.beta@test.local");
        Assert.Equal(_server.BetaOne, Assert.Single((await GetAsync(hrBeta, $"/api/companies/{_server.Beta}/ride-home-cases?month=2027-06"))
            .GetProperty("cases").EnumerateArray()).GetProperty("employeeId").GetInt64());
        // Another tenant's cases answer what any foreign or unknown company does.
        using var foreign = await hrBeta.GetAsync($"/api/companies/{_server.Alpha}/ride-home-cases?month=2027-06");
        using var unknown = await hrBeta.GetAsync("/api/companies/987654321/ride-home-cases?month=2027-06");
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(unknown.StatusCode, foreign.StatusCode);
        Assert.DoesNotContain("Anne", await foreign.Content.ReadAsStringAsync());
        using var foreignSettings = await hrBeta.PutAsJsonAsync($"/api/companies/{_server.Alpha}/ride-home", new { kind = "None" });
        Assert.Equal(HttpStatusCode.Forbidden, foreignSettings.StatusCode);
    }

    [Fact]
    public async Task When_the_months_budget_is_spent_the_case_says_so_and_HR_still_sees_it()
    {
        await SetFallbackAsync(_server.Alpha, RideHomeKind.Taxi, 5, 50, "Taxi");
        await SetFallbackAsync(_server.Beta, RideHomeKind.None, null, null, null);
        var codes = new List<string>();
        foreach (var date in new[] { new DateOnly(2027, 7, 7), new DateOnly(2027, 7, 8) })
        {
            var (instance, _) = await _server.InstanceAtAsync(date.ToDateTime(new TimeOnly(5, 0)));
            await using var dispose = instance;
            await CancelAsDriverAsync(instance, await AnnesAcceptedMorningAsync(instance, date), "other");
            using var anne = await _server.ClientAsync("anne@test.local", instance);
            var offer = Assert.Single((await GetAsync(anne, $"/api/me/ride-home?from={date:yyyy-MM-dd}")).EnumerateArray(),
                o => o.GetProperty("date").GetString() == $"{date:yyyy-MM-dd}");
            codes.Add($"{offer.GetProperty("code").GetString()} {offer.GetProperty("parameters").GetProperty("allowanceEuros").GetDecimal():0.##}");
        }
        // The first ride takes what is left of the 5 €; the second finds nothing left.
        Assert.Equal(["ride-home-taxi 5", "ride-home-budget-exhausted 0"], codes);
        using var hrAlpha = await _server.ClientAsync("hr.alpha@test.local");
        var cases = await GetAsync(hrAlpha, $"/api/companies/{_server.Alpha}/ride-home-cases?month=2027-07");
        Assert.Equal([false, true], cases.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("budgetExhausted").GetBoolean()));
        Assert.Equal(5m, cases.GetProperty("usedEuros").GetDecimal());
        // Berta's company offers nothing: she is still answered, and her HR told.
        using var hrBeta = await _server.ClientAsync("hr.beta@test.local");
        Assert.All((await GetAsync(hrBeta, $"/api/companies/{_server.Beta}/ride-home-cases?month=2027-07")).GetProperty("cases").EnumerateArray(),
            c => Assert.Equal("None", c.GetProperty("fallback").GetString()));
    }

    [Fact]
    public async Task A_reason_outside_the_list_or_a_long_note_is_refused_with_a_code_and_a_valid_one_is_stored_as_text()
    {
        var group = await _server.ProposeAsync(3, _server.AlphaTwo, _server.AlphaOne);
        using var anne = await _server.ClientAsync("anne@test.local");
        foreach (var (body, field, code) in new (object, string, string)[]
                 { (new { reason = "bored" }, "reason", "unknown-choice"), (new { reason = "other", note = new string('x', 281) }, "note", "text-too-long") })
        {
            using var refused = await anne.PostAsJsonAsync($"/api/me/proposals/{group}/decline", body);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("invalid-fields", problem.GetProperty("code").GetString());
            Assert.Equal(code, problem.GetProperty("fieldCodes").GetProperty(field)[0].GetProperty("code").GetString());
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        }
        await using (var database = _server.NewContext())
            Assert.Equal(CarpoolStatus.Proposed, (await database.CarpoolMembers.SingleAsync(m => m.CarpoolGroupId == group && m.EmployeeId == _server.AlphaOne)).Status);

        const string note = "<script>alert(1)</script> horaires changés";
        using var declined = await anne.PostAsJsonAsync($"/api/me/proposals/{group}/decline", new { reason = "schedule-changed", note });
        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        await using var read = _server.NewContext();
        var change = await read.CarpoolStatusChanges.SingleAsync(c => c.CarpoolGroupId == group && c.EmployeeId == _server.AlphaOne);
        Assert.Equal(("schedule-changed", note, CarpoolStatus.Declined), (change.ReasonCode, change.Note, change.Status));
        // The note is the decider's own: the driver's view of the group does not carry it.
        using var paul = await _server.ClientAsync("paul@test.local");
        Assert.DoesNotContain("script", await (await paul.GetAsync("/api/me/proposals?from=2026-11-01")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_morning_proposal_says_when_a_passenger_has_no_group_home_and_what_their_company_offers()
    {
        var date = new DateOnly(2027, 9, 15);
        await SetFallbackAsync(_server.Alpha, RideHomeKind.Shuttle, null, null, "Navette");
        await using (var database = _server.NewContext())
        {
            // Anne works a half day: Paul takes her in, but nobody leaves at noon.
            database.ShiftExceptions.Add(new ShiftException { EmployeeId = _server.AlphaOne, Date = date, Kind = ShiftExceptionKind.ExtraShift,
                Start = new TimeOnly(8, 0), End = new TimeOnly(12, 0) });
            await database.SaveChangesAsync();
        }
        await _server.Factory.Services.GetRequiredService<ProposalEngine>().RecomputeAsync(_server.Nord, date, null, CancellationToken.None);

        JsonElement MorningOf(JsonElement proposals) => proposals.EnumerateArray().Single(g => g.GetProperty("date").GetString() == $"{date:yyyy-MM-dd}"
            && g.GetProperty("direction").GetString() == "ToWork" && g.GetProperty("status").GetString() == "Proposed");
        using var anne = await _server.ClientAsync("anne@test.local");
        var annes = MorningOf(await GetAsync(anne, $"/api/me/proposals?from={date:yyyy-MM-dd}")).GetProperty("mine").GetProperty("returnHome");
        Assert.Equal(StoredExplanation.NoReturnRide, annes.GetProperty("code").GetString());
        Assert.Equal("Shuttle", annes.GetProperty("parameters").GetProperty("fallback").GetString());
        using var berta = await _server.ClientAsync("berta@test.local");
        var bertas = MorningOf(await GetAsync(berta, $"/api/me/proposals?from={date:yyyy-MM-dd}")).GetProperty("mine");
        Assert.Equal(JsonValueKind.Null, bertas.GetProperty("returnHome").ValueKind);

        // A re-match of the unchanged date keeps the proposals: the check is part of what is compared.
        var again = await _server.Factory.Services.GetRequiredService<ProposalEngine>().RecomputeAsync(_server.Nord, date, null, CancellationToken.None);
        Assert.Equal(0, again.Proposed);
    }
}
