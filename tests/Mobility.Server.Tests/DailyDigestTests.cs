using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using MimeKit;
using Mobility.Data.Accounts;
using Mobility.Data.Model;
using NetTopologySuite.Geometries;

namespace Mobility.Server.Tests;

/// <summary>
/// The daily digest through a real SMTP server on loopback: mailed to the employees nothing else reaches (no push device,
/// consent given, the digest left on) who have carpools on the next day, once per date however often it runs, in each
/// one's language, with every name encoded in the HTML part.
/// </summary>
public sealed class DailyDigestTests(TwoNetworkServer server) : IClassFixture<TwoNetworkServer>, IDisposable
{
    private const string Hostile = "<img src=x onerror=alert(1)>";
    /// <summary>The run's date: the fixture's proposals (<see cref="TwoNetworkServer.ProposeAsync"/>) are on the day after.</summary>
    private static readonly DateOnly RunDate = new(2026, 11, 9);
    private readonly SmtpSink _mail = new();

    private WebApplicationFactory<Program> WithMail() => server.Instance(("Mail:SmtpHost", "127.0.0.1"), ("Mail:SmtpPort", _mail.Port.ToString()),
        ("Mail:PublicUrl", "https://mobilite.example.org"), ("Proposals:RecomputeOnStart", "false"), ("Digest:Enabled", "false"));

    private async Task<long> EmployeeWithAccountAsync(string first, string email, bool consent = true, bool digest = true)
    {
        await using var database = server.NewContext();
        var person = new Employee
        {
            CompanyId = server.Alpha, MainSiteId = server.AlphaPlant, ExternalId = "D-" + first, FirstName = first, LastName = "Digest",
            Home = new GeometryFactory(new PrecisionModel(), 4326).CreatePoint(new Coordinate(7.72, 48.86)), ConsentToMatching = consent, DigestByMail = digest,
        };
        database.Employees.Add(person);
        await database.SaveChangesAsync();
        database.Users.Add(AccountFactory.Create(email, TwoNetworkServer.Password, AccountRole.Employee, employeeId: person.Id));
        await database.SaveChangesAsync();
        return person.Id;
    }

    private static async Task<JsonElement> RunAsync(HttpClient admin, long network)
    {
        using var response = await admin.PostAsync($"/api/networks/{network}/digest-runs?date={RunDate:yyyy-MM-dd}", null);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static MimeMessage Parse(string raw) => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(raw)));

    [Fact]
    public async Task The_digest_reaches_the_right_people_once_in_their_language_with_names_encoded()
    {
        await using (var database = server.NewContext())
        {
            var paul = database.Employees.Single(e => e.Id == server.AlphaTwo);
            paul.FirstName = Hostile; // the driver everyone rides with: a co-member in every mail
            database.Employees.Single(e => e.Id == server.BetaOne).PreferredLanguage = "en";
            await database.SaveChangesAsync();
        }
        var noConsent = await EmployeeWithAccountAsync("Claire", "claire@test.local", consent: false);
        var optedOut = await EmployeeWithAccountAsync("Denis", "denis@test.local", digest: false);
        var withPush = await EmployeeWithAccountAsync("Emma", "emma@test.local");
        await using (var database = server.NewContext())
        {
            var emma = database.Users.Single(u => u.Email == "emma@test.local");
            database.PushSubscriptions.Add(new PushSubscription
            {
                AccountId = emma.Id, Endpoint = "https://fcm.googleapis.com/fcm/send/emma", P256dh = "x", Auth = "y", CreatedAt = DateTimeOffset.UtcNow,
            });
            await database.SaveChangesAsync();
        }
        await server.ProposeAsync(3, server.AlphaTwo, server.AlphaOne, server.BetaOne);
        await server.ProposeAsync(3, server.AlphaTwo, noConsent, optedOut, withPush);
        await using var instance = WithMail();
        using var admin = instance.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await server.TokenAsync("admin@test.local", instance));

        var run = await RunAsync(admin, server.Nord);

        Assert.Equal(2, run.GetProperty("sent").GetInt32());
        var anne = Parse(await _mail.MailToAsync("anne@test.local"));
        var berta = Parse(await _mail.MailToAsync("berta@test.local"));
        foreach (var nobody in new[] { "claire@test.local", "denis@test.local", "emma@test.local" }) Assert.Empty(_mail.MailsTo(nobody));

        Assert.Equal("Vos covoiturages du mardi 10 novembre", anne.Subject);
        Assert.Contains("Bonjour Anne,", anne.TextBody);
        // Her own pickup to the minute, in network time (04:25 UTC).
        Assert.Contains("Aller (Usine Alpha) : vous êtes passager·e, prise en charge à 05:25, proposé, à accepter.", anne.TextBody);
        Assert.Contains("To work (Usine Alpha): you ride, pickup at 05:30, proposed, to accept.", berta.TextBody);
        Assert.Equal("Your carpools for Tuesday 10 November", berta.Subject);
        Assert.Contains("Hello Berta,", berta.TextBody);
        foreach (var mail in new[] { anne, berta })
        {
            Assert.Contains("&lt;img src=x onerror=alert(1)&gt; (Alpha Plasturgie)", mail.HtmlBody);
            Assert.DoesNotContain("<img", mail.HtmlBody, StringComparison.OrdinalIgnoreCase);
            Assert.Contains(Hostile, mail.TextBody); // plain text is shown as text
            // Co-members as a proposal shows them: first name and company, never a family name.
            Assert.DoesNotContain("SECRET-COLLEAGUE", mail.TextBody + mail.HtmlBody);
            Assert.DoesNotContain("SECRET-BETA-PERSON", mail.TextBody + mail.HtmlBody);
            Assert.Contains("https://mobilite.example.org/#settings/digest", mail.TextBody);
            Assert.Contains("href=\"https://mobilite.example.org/#settings/digest\"", mail.HtmlBody);
            Assert.Equal("<https://mobilite.example.org/#settings/digest>", mail.Headers["List-Unsubscribe"]);
        }

        // Run again, as a second instance or a restart would: nobody gets that date's digest twice.
        var again = await RunAsync(admin, server.Nord);
        Assert.Equal(0, again.GetProperty("sent").GetInt32());
        await Task.Delay(300);
        Assert.Single(_mail.MailsTo("anne@test.local"));
        Assert.Single(_mail.MailsTo("berta@test.local"));
    }

    [Fact]
    public async Task Only_administrators_run_a_digest_and_an_unknown_network_is_not_found()
    {
        await using var instance = WithMail();
        using var hr = instance.CreateClient();
        hr.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await server.TokenAsync("hr.alpha@test.local", instance));
        Assert.Equal(HttpStatusCode.Forbidden, (await hr.PostAsync($"/api/networks/{server.Nord}/digest-runs", null)).StatusCode);
        using var admin = instance.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await server.TokenAsync("admin@test.local", instance));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/api/networks/987654/digest-runs", null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync($"/api/networks/{server.Nord}/digest-runs?date=2026-13-01", null)).StatusCode);
    }

    public void Dispose() => _mail.Dispose();
}
