using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mobility.Data;
using Mobility.Data.Model;
using Mobility.Server.Http;

namespace Mobility.Server.Tests;

/// <summary>
/// The server answers codes and parameters, and the client owns the words: a walk through every endpoint group with bad
/// input, signed out and as each role, checks that each refusal carries its code (and each field error its field code), that
/// the words it still sends are in one language only, and that this language is the signed-in employee's saved one, else the
/// request's Accept-Language, else French.
/// </summary>
public sealed class ProblemCodeWalkTests(TwoNetworkServer server) : IClassFixture<TwoNetworkServer>
{
    private const string Anonymous = "", Anne = "anne@test.local", Hr = "hr.alpha@test.local", Admin = "admin@test.local", WorkingGroup = "wg.nord@test.local";

    /// <summary>A request that must be refused with <paramref name="Code"/> (any of them, separated by |), and, when given,
    /// <paramref name="FieldCode"/> among the codes of <paramref name="Field"/>.</summary>
    private sealed record Call(string Who, string Method, string Path, string? Json, string Code, string? Field = null, string? FieldCode = null,
        string? Accept = null);

    private sealed record Fixture(long Group, long RosterInUse, long Erased, long FailedJob);

    [Fact]
    public async Task Every_refusal_carries_its_code_and_words_in_one_language_the_requester_s()
    {
        var fixture = await ArrangeAsync();
        var calls = Calls(fixture);
        var clients = new Dictionary<string, HttpClient> { [Anonymous] = server.Factory.CreateClient() };
        foreach (var who in new[] { Anne, Hr, Admin, WorkingGroup }) clients[who] = await server.ClientAsync(who);

        // Anne's profile says French at first: the header does not change her words, only those of the others.
        foreach (var (acceptLanguage, anneSaid) in new[] { ((string?)null, "fr"), ("en-GB,en;q=0.8,fr;q=0.5", "fr") })
            foreach (var call in calls)
                await CheckAsync(clients[call.Who], call, acceptLanguage,
                    call.Who == Anne ? anneSaid : acceptLanguage is null ? RequestLanguage.French : RequestLanguage.English);

        // Once she chooses English, she reads English whatever her browser says.
        using (var english = await clients[Anne].PutAsJsonAsync("/api/me/employee", new { preferredLanguage = "en" }))
            Assert.Equal(HttpStatusCode.OK, english.StatusCode);
        foreach (var call in calls.Where(c => c.Who == Anne))
            await CheckAsync(clients[Anne], call, "fr-FR", RequestLanguage.English);

        // A failed job is no refusal, but its error is worded the same way.
        foreach (var (acceptLanguage, language) in new[] { ((string?)null, RequestLanguage.French), ("en", RequestLanguage.English) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/jobs/{fixture.FailedJob}");
            if (acceptLanguage is not null) request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
            using var response = await clients[Hr].SendAsync(request);
            var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
            Assert.Equal(Codes.Problem.NobodyToCarry, error.GetProperty("code").GetString());
            Assert.Equal(CodeTexts.Problem(Codes.Problem.NobodyToCarry, language).Title, error.GetProperty("title").GetString());
            Assert.Contains("5 km", error.GetProperty("detail").GetString());
        }

        foreach (var client in clients.Values) client.Dispose();
    }

    /// <summary>Sends the call and checks its answer, worded in <paramref name="language"/>.</summary>
    private static async Task CheckAsync(HttpClient client, Call call, string? acceptLanguage, string language)
    {
        using var request = new HttpRequestMessage(new HttpMethod(call.Method), call.Path);
        if (call.Json is not null) request.Content = new StringContent(call.Json, Encoding.UTF8, "application/json");
        if (acceptLanguage is not null) request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        if (call.Accept is not null) request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(call.Accept));
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var what = $"{call.Who} {call.Method} {call.Path} ({acceptLanguage ?? "no Accept-Language"}): {(int)response.StatusCode} {body}";
        Assert.True((int)response.StatusCode >= 400, what);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;

        var code = problem.TryGetProperty("code", out var given) ? given.GetString()! : "";
        Assert.True(call.Code.Split('|').Contains(code), $"code {code}, expected {call.Code}: {what}");
        Assert.True(CodeTexts.HasProblem(code), what);
        Assert.Equal(CodeTexts.Problem(code, language, Parameters(problem)).Title, problem.GetProperty("title").GetString());
        Assert.All(Strings(problem), text => Assert.DoesNotMatch(BilingualSentence.Pattern, text));

        var errors = problem.TryGetProperty("errors", out var found) ? found.EnumerateObject().ToList() : [];
        Assert.Equal(code == Codes.Problem.InvalidFields, errors.Count > 0);
        foreach (var field in errors)
        {
            Assert.True(problem.GetProperty("fieldCodes").TryGetProperty(field.Name, out var fieldCodes), $"no fieldCodes for {field.Name}: {what}");
            var messages = field.Value.EnumerateArray().Select(m => m.GetString()).ToList();
            var codes = fieldCodes.EnumerateArray().ToList();
            Assert.Equal(codes.Count, messages.Count);
            for (var i = 0; i < codes.Count; i++)
            {
                var fieldCode = codes[i].GetProperty("code").GetString()!;
                Assert.Contains(fieldCode, CodeTexts.FieldCodes);
                Assert.Equal(CodeTexts.Field(fieldCode, language, Parameters(codes[i])), messages[i]);
            }
        }
        Assert.Equal(errors.Count, problem.TryGetProperty("fieldCodes", out var all) ? all.EnumerateObject().Count() : 0);
        if (call.Field is not null)
            Assert.True(problem.GetProperty("fieldCodes").TryGetProperty(call.Field, out var codesOfField)
                        && codesOfField.EnumerateArray().Any(c => c.GetProperty("code").GetString() == call.FieldCode), $"{call.Field} {call.FieldCode}: {what}");
    }

    private static Dictionary<string, object?>? Parameters(JsonElement element) =>
        element.TryGetProperty("parameters", out var parameters) && parameters.ValueKind == JsonValueKind.Object
            ? parameters.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value)
            : null;

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        _ => [],
    };

    private static string Json(object value) => JsonSerializer.Serialize(value);

    private List<Call> Calls(Fixture f)
    {
        var point = (double longitude, double latitude) => new { type = "Point", coordinates = new[] { longitude, latitude } };
        var invalid = Codes.Problem.InvalidFields;
        return
        [
            // Signing in, and what needs it.
            new(Anonymous, "POST", "/api/auth/login", Json(new { email = Anne, password = "not-the-password" }), Codes.Problem.SignInRefused),
            new(Anonymous, "POST", "/api/auth/login", "not json", Codes.Problem.UnreadableRequest),
            new(Anonymous, "POST", "/api/auth/refresh", Json(new { refreshToken = "not-a-token" }), Codes.Problem.SessionExpired),
            new(Anonymous, "POST", "/api/auth/invitation", Json(new { token = "not-a-token", password = "a-long-enough-password" }), invalid, "token", Codes.Field.InvitationInvalid),
            new(Anonymous, "GET", "/api/me/employee", null, Codes.Problem.Unauthorized),
            new(Anne, "POST", "/api/auth/password", Json(new { currentPassword = "wrong", newPassword = "short" }), invalid, "newPassword", Codes.Field.TextTooShort),
            // My profile, week and data.
            new(Anne, "PUT", "/api/me/employee", Json(new { seatsOffered = 99, preferredLanguage = "de" }), invalid, "seatsOffered", Codes.Field.OutOfRange),
            new(Anne, "PUT", "/api/me/employee", Json(new { seatsOffered = 99, preferredLanguage = "de" }), invalid, "preferredLanguage", Codes.Field.UnknownChoice),
            new(Anne, "PUT", "/api/me/employee", "{\"maxDetourRatio\":\"\"}", invalid, "maxDetourRatio", Codes.Field.NumberExpected),
            new(Anne, "PUT", "/api/me/employee", Json(new { home = point(0, 0) }), invalid, "home", Codes.Field.CoordinatesUnset),
            new(Anne, "PUT", "/api/me/employee", Json(new { home = point(48.85, 7.70) }), invalid, "home", Codes.Field.CoordinatesSwapped),
            new(Anne, "PUT", "/api/me/employee", Json(new { home = point(2.35, 48.85) }), invalid, "home", Codes.Field.TooFarFromPlant),
            new(Anne, "PUT", "/api/me/employee", Json(new { preferredMeetingPointId = 999_999 }), invalid, "preferredMeetingPointId", Codes.Field.UnknownReference),
            new(Anne, "GET", "/api/me/export?format=xml", null, invalid, "format", Codes.Field.UnknownChoice),
            new(Anne, "GET", "/api/me/week?days=99", null, invalid, "days", Codes.Field.OutOfRange),
            new(Anne, "GET", "/api/me/week?from=2027-13-01", null, invalid, "from", Codes.Field.DateUnreadable),
            new(Anne, "GET", "/api/me/ride-home?from=1999-01-01", null, invalid, "from", Codes.Field.OutOfRange),
            new(Anne, "POST", "/api/me/push-subscriptions", "{}", invalid, "endpoint", Codes.Field.Required),
            new(Anne, "DELETE", "/api/me/push-subscriptions", null, invalid, "endpoint", Codes.Field.Required),
            new(Anne, "DELETE", "/api/me/week", null, Codes.Problem.MethodNotAllowed),
            // Proposals, decisions and the crew's thread.
            new(Anne, "GET", "/api/me/proposals?from=1999-01-01", null, invalid, "from", Codes.Field.OutOfRange),
            new(Anne, "POST", $"/api/me/proposals/{f.Group}/accept", null, Codes.Problem.ProposalClosed),
            new(Anne, "POST", $"/api/me/proposals/{f.Group}/cancel", "{}", Codes.Problem.NothingToDo),
            new(Anne, "POST", $"/api/me/proposals/{f.Group}/decline", Json(new { reason = "bored" }), invalid, "reason", Codes.Field.UnknownChoice),
            new(Anne, "POST", $"/api/me/proposals/{f.Group}/decline", Json(new { note = new string('x', 281) }), invalid, "note", Codes.Field.TextTooLong),
            new(Anne, "GET", $"/api/me/proposals/{f.Group}/route", null, Codes.Problem.RouteNotConfirmed),
            new(Anne, "POST", $"/api/me/proposals/{f.Group}/crew-messages", Json(new { text = "  " }), invalid, "text", Codes.Field.Required),
            new(Anne, "POST", $"/api/me/proposals/{f.Group}/crew-messages", Json(new { text = "Là", quickMessage = "on-my-way" }), invalid, "quickMessage", Codes.Field.TextAndQuickMessage),
            new(Anne, "GET", $"/api/me/proposals/{f.Group}/crew-messages?limit=0&before=0", null, invalid, "limit", Codes.Field.OutOfRange),
            new(Anne, "GET", $"/api/me/proposals/{server.BetaGroup}/crew-messages", null, $"{Codes.Problem.CarpoolUnknown}|{Codes.Problem.Forbidden}|{Codes.Problem.NotFound}"),
            // Companies, sites, employees, rosters, assignments and exceptions (HR).
            new(Hr, "POST", $"/api/companies/{server.Alpha}/sites", "{}", invalid, "externalId", Codes.Field.Required),
            new(Hr, "POST", $"/api/companies/{server.Alpha}/sites", Json(new { externalId = "Z-0", name = "Zéro", kind = "Plant", location = point(0, 0) }), invalid, "location", Codes.Field.CoordinatesUnset),
            new(Hr, "POST", $"/api/companies/{server.Alpha}/sites", Json(new { externalId = "Z-1", name = "Loin", kind = "Plant", location = point(2.35, 48.85) }), invalid, "location", Codes.Field.TooFarFromSites),
            new(Hr, "POST", $"/api/companies/{server.Alpha}/sites", Json(new { externalId = "Z-2", name = "Lune", kind = "Plant", location = point(7.8, 95) }), invalid, "location", Codes.Field.CoordinatesOutOfRange),
            new(Hr, "POST", $"/api/companies/{server.Alpha}/sites", Json(new { externalId = "Z-3", name = "x", kind = 99, location = point(7.8, 48.81) }), invalid, "kind", Codes.Field.UnknownChoice),
            new(Hr, "POST", $"/api/companies/{server.Alpha}/sites", Json(new { externalId = "ALP-1", name = "Doublon", kind = "Plant", location = point(7.8, 48.81) }), invalid, "externalId", Codes.Field.AlreadyExists),
            new(Hr, "POST", $"/api/companies/{server.Alpha}/sites", Json(new { externalId = "Z-4\u0000", name = "Nul", kind = "Plant", location = point(7.8, 48.81) }), invalid, "externalId", Codes.Field.NulCharacter),
            new(Hr, "POST", $"/api/companies/{server.Alpha}/sites", "{not json", Codes.Problem.UnreadableRequest),
            new(Hr, "DELETE", $"/api/sites/{server.AlphaPlant}", null, Codes.Problem.SiteInUse),
            new(Hr, "GET", "/api/sites?kind=99", null, invalid, "kind", Codes.Field.UnknownChoice),
            new(Hr, "GET", $"/api/companies/{server.Alpha}/employees?page=0&pageSize=501", null, invalid, "pageSize", Codes.Field.OutOfRange),
            new(Hr, "GET", $"/api/companies/{server.Alpha}/employees?page=0", null, invalid, "page", Codes.Field.AtLeast),
            new(Hr, "GET", $"/api/companies/{server.Alpha}/employees?search=%00", null, invalid, "search", Codes.Field.NulCharacter),
            new(Hr, "POST", $"/api/companies/{server.Alpha}/employees", "{}", invalid, "mainSiteId", Codes.Field.UnknownReference),
            new(Hr, "POST", $"/api/companies/{server.Alpha}/employees",
                Json(new { externalId = "A1", mainSiteId = server.AlphaPlant, commute = new { home = point(7.75, 48.84) } }), invalid, "externalId", Codes.Field.AlreadyExists),
            new(Hr, "PUT", $"/api/employees/{f.Erased}", "{}", Codes.Problem.EmployeeErased),
            new(Hr, "POST", $"/api/companies/{server.Alpha}/shift-patterns",
                Json(new { externalId = "W-1", name = "x", rotationWeeks = 1, slots = new[] { new { week = 0, days = "Monday", start = "08:00", end = "08:00" } } }),
                invalid, "slots[0].end", Codes.Field.ShiftZeroLength),
            new(Hr, "POST", $"/api/companies/{server.Alpha}/shift-patterns",
                Json(new { externalId = "W-2", name = "x", rotationWeeks = 1, slots = new[] { new { week = 0, days = "Monday", start = "22:00", end = "06:00" } } }),
                invalid, "slots[0].end", Codes.Field.ShiftEndsBeforeStart),
            new(Hr, "POST", $"/api/companies/{server.Alpha}/shift-patterns",
                Json(new { externalId = "W-3", name = "x", rotationWeeks = 60, slots = new[] { new { week = 0, days = "Monday", start = "08:00", end = "16:00" } } }),
                invalid, "rotationWeeks", Codes.Field.OutOfRange),
            new(Hr, "POST", $"/api/companies/{server.Alpha}/shift-patterns",
                Json(new { externalId = "W-4", name = "x", rotationWeeks = 1, slots = new[] { new { week = 0, days = "Funday", start = "08:00", end = "16:00" } } }),
                invalid, "slots[0].days", Codes.Field.UnknownCombination),
            new(Hr, "DELETE", $"/api/shift-patterns/{f.RosterInUse}", null, Codes.Problem.RosterInUse),
            new(Hr, "PUT", $"/api/employees/{server.AlphaOne}/shift-assignment",
                Json(new { shiftPatternId = 999_999, rotationAnchor = "2026-11-03", validFrom = "2026-11-10", validTo = "2026-11-01" }), invalid, "rotationAnchor", Codes.Field.NotAMonday),
            new(Hr, "PUT", $"/api/employees/{server.AlphaOne}/shift-assignment",
                Json(new { shiftPatternId = 999_999, rotationAnchor = "2026-11-02", validFrom = "2026-11-10", validTo = "2026-11-01" }), invalid, "validTo", Codes.Field.EndsBeforeStart),
            new(Hr, "POST", $"/api/employees/{server.AlphaOne}/shift-exceptions", Json(new { kind = "Leave" }), invalid, "date", Codes.Field.Required),
            new(Hr, "POST", $"/api/employees/{server.AlphaOne}/shift-exceptions", Json(new { date = "2027-05-03", kind = "Leave" }), invalid, "date", Codes.Field.AlreadyExists),
            new(Hr, "PUT", $"/api/companies/{server.Alpha}/ride-home", Json(new { monthlyBudgetEuros = -1 }), invalid, "monthlyBudgetEuros", Codes.Field.OutOfRange),
            new(Hr, "GET", $"/api/companies/{server.Alpha}/ride-home-cases?month=2027-13", null, invalid, "month", Codes.Field.MonthUnreadable),
            new(Hr, "POST", "/api/accounts", Json(new { email = "new.hr@test.local", role = "HrManager", companyId = server.Alpha }), Codes.Problem.EmployeeAccountsOnly),
            new(Hr, "POST", "/api/networks", Json(new { name = "Ouest" }), $"{Codes.Problem.AdministratorsOnly}|{Codes.Problem.Forbidden}"),
            // Shuttles and jobs.
            new(Hr, "POST", $"/api/companies/{server.Alpha}/shuttle-plans", Json(new { name = "", days = 9, minibuses = 0, coaches = 0 }), invalid, "days", Codes.Field.OutOfRange),
            new(Hr, "POST", $"/api/companies/{server.Alpha}/shuttle-plans", Json(new { name = "", days = 9, minibuses = 0, coaches = 0 }), invalid, "date", Codes.Field.Required),
            new(Hr, "POST", $"/api/companies/{server.Alpha}/shuttle-plans", Json(new { name = "Personne", date = "2031-01-06", days = 1 }), Codes.Problem.NobodyToCarry),
            new(Hr, "GET", $"/api/jobs/{server.SudJob}", null, $"{Codes.Problem.Forbidden}|{Codes.Problem.NotFound}"),
            new(Hr, "GET", "/api/jobs/999999999", null, $"{Codes.Problem.Forbidden}|{Codes.Problem.NotFound}"),
            new(Hr, "GET", "/api/no-such-thing", null, Codes.Problem.NotFound),
            // Administrators and the working group.
            new(Admin, "POST", "/api/networks", Json(new { name = "Nord", timeZone = "Mars/Olympus" }), invalid, "name", Codes.Field.AlreadyExists),
            new(Admin, "POST", "/api/networks", Json(new { name = "Nord", timeZone = "Mars/Olympus" }), invalid, "timeZone", Codes.Field.UnknownTimeZone),
            new(Admin, "POST", $"/api/networks/{server.Nord}/companies", Json(new { externalId = "ALP", name = "" }), invalid, "externalId", Codes.Field.AlreadyExists),
            new(Admin, "POST", "/api/accounts", Json(new { email = "no-at-sign" }), invalid, "email", Codes.Field.InvalidEmail),
            new(Admin, "POST", "/api/accounts", Json(new { email = Anne, role = "Employee", employeeId = server.AlphaOne }), invalid, "email", Codes.Field.AlreadyExists),
            new(Admin, "PUT", $"/api/accounts/{server.BertaAccount}/disabled", "{}", invalid, "disabled", Codes.Field.Required),
            new(Admin, "POST", $"/api/networks/{server.Nord}/planning-runs?date=1999-01-01", null, invalid, "date", Codes.Field.OutOfRange),
            new(WorkingGroup, "GET", $"/api/networks/{server.Nord}/statistics/homes?cellMetres=500", null, invalid, "cellMetres", Codes.Field.UnknownChoice),
            new(WorkingGroup, "GET", $"/api/networks/{server.Nord}/statistics/shifts", null, invalid, "date", Codes.Field.Required),
            new(WorkingGroup, "GET", $"/api/networks/{server.Sud}/statistics/shifts?date=2027-01-04", null, $"{Codes.Problem.Forbidden}|{Codes.Problem.NotFound}"),
            // Without signing in: the calendar feed (asked for as a calendar app does) and the basemap.
            new(Anonymous, "GET", "/calendar/not-a-token.ics", null, Codes.Problem.CalendarFeedUnknown, Accept: "text/calendar"),
            new(Anonymous, "GET", "/tiles/99/0/0.pbf", null, Codes.Problem.TileOutOfRange),
        ];
    }

    private async Task<Fixture> ArrangeAsync()
    {
        var group = await server.ProposeAsync(3, server.AlphaTwo, server.AlphaOne);
        await using var database = server.NewContext();
        // Anne declined her seat: accepting it now is too late, and there is nothing of hers to cancel.
        (await database.CarpoolMembers.SingleAsync(m => m.CarpoolGroupId == group && m.EmployeeId == server.AlphaOne)).Status = CarpoolStatus.Declined;
        var roster = TwoNetworkServer.EveryDay(server.Nord, "WALK-IN-USE", new TimeOnly(6, 0), new TimeOnly(14, 0));
        roster.OwnerCompanyId = server.Alpha;
        database.Add(roster);
        database.Add(new ShiftAssignment { EmployeeId = server.AlphaTwo, ShiftPattern = roster, RotationAnchor = new DateOnly(2026, 11, 2), ValidFrom = new DateOnly(2026, 11, 2) });
        database.Add(new ShiftException { EmployeeId = server.AlphaOne, Date = new DateOnly(2027, 5, 3), Kind = ShiftExceptionKind.Leave });
        var erased = new Employee { CompanyId = server.Alpha, MainSiteId = server.AlphaPlant, ExternalId = "WALK-ERASED", ErasedAt = DateTimeOffset.UtcNow };
        database.Add(erased);
        var job = new Job
        {
            Kind = "shuttle-plan", NetworkId = server.Nord, CompanyId = server.Alpha, State = JobState.Failed, CreatedAt = DateTimeOffset.UtcNow,
            RequestedById = await database.Users.Where(u => u.Email == Hr).Select(u => u.Id).SingleAsync(), Input = "{}",
            ErrorCode = Codes.Problem.NobodyToCarry, ErrorParameters = "{\"minDistanceKm\":5}",
        };
        database.Add(job);
        await database.SaveChangesAsync();
        return new Fixture(group, roster.Id, erased.Id, job.Id);
    }
}
