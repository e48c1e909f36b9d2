using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Mobility.Server.Tests;

/// <summary>
/// HR creates an employee's account but never holds a way into it: the employee gets a one-time link by e-mail (to a
/// real SMTP server on loopback) and chooses the password. Removing and re-creating the account hands HR nothing either.
/// </summary>
public sealed partial class InvitationTests(TwoNetworkServer server) : IClassFixture<TwoNetworkServer>, IDisposable
{
    private readonly SmtpSink _mail = new();

    [GeneratedRegex(@"#invitation=([A-Za-z0-9_-]+)")]
    private static partial Regex Link();

    private WebApplicationFactory<Program> WithMail() =>
        server.Instance(("Mail:SmtpHost", "127.0.0.1"), ("Mail:SmtpPort", _mail.Port.ToString()), ("Proposals:RecomputeOnStart", "false"));

    private static async Task<HttpStatusCode> SignInAsync(HttpClient client, string email, string password) =>
        (await client.PostAsJsonAsync("/api/auth/login", new { email, password })).StatusCode;

    [Fact]
    public async Task An_employee_chooses_the_password_through_the_link_mailed_to_them_and_HR_learns_none()
    {
        await using var instance = WithMail();
        using var hr = instance.CreateClient();
        hr.DefaultRequestHeaders.Authorization = new("Bearer", await server.TokenAsync("hr.alpha@test.local", instance));
        using var created = await hr.PostAsJsonAsync("/api/accounts", new { email = "paul@test.local", role = "Employee", employeeId = server.AlphaTwo });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using (var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync()))
        {
            Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("temporaryPassword").ValueKind);
            Assert.True(body.RootElement.GetProperty("invitationSent").GetBoolean());
        }
        using var anonymous = instance.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync(anonymous, "paul@test.local", ""));

        var mail = await _mail.MailToAsync("paul@test.local");
        Assert.Contains("Choisissez votre mot de passe", mail); // Paul's language is French
        var token = Link().Match(mail).Groups[1].Value;
        Assert.NotEmpty(token);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.PostAsJsonAsync("/api/auth/invitation", new { token = token + "x", password = "paul-a-choisi-2027" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.PostAsJsonAsync("/api/auth/invitation", new { token, password = "court" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await anonymous.PostAsJsonAsync("/api/auth/invitation", new { token, password = "paul-a-choisi-2027" })).StatusCode);
        // Once only.
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.PostAsJsonAsync("/api/auth/invitation", new { token, password = "quelqu-un-d-autre" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(anonymous, "paul@test.local", "paul-a-choisi-2027"));
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync(anonymous, "paul@test.local", "quelqu-un-d-autre"));
    }

    [Fact]
    public async Task Removing_and_re_creating_an_employee_account_gives_HR_no_working_sign_in()
    {
        await using var instance = WithMail();
        using var hr = instance.CreateClient();
        hr.DefaultRequestHeaders.Authorization = new("Bearer", await server.TokenAsync("hr.alpha@test.local", instance));
        long anneAccount;
        await using (var database = server.NewContext()) anneAccount = database.Users.Single(u => u.Email == "anne@test.local").Id;
        Assert.Equal(HttpStatusCode.NoContent, (await hr.DeleteAsync($"/api/accounts/{anneAccount}")).StatusCode);
        using var created = await hr.PostAsJsonAsync("/api/accounts", new { email = "anne@test.local", role = "Employee", employeeId = server.AlphaOne });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.DoesNotContain("\"temporaryPassword\":\"", await created.Content.ReadAsStringAsync());
        using var anonymous = instance.CreateClient();
        // Neither her old password nor any HR could know works; the link went to Anne.
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync(anonymous, "anne@test.local", TwoNetworkServer.Password));
        Assert.Matches(Link(), await _mail.MailToAsync("anne@test.local"));
    }

    [Fact]
    public async Task On_a_phone_the_link_opens_a_form_to_choose_the_password_then_the_employee_signs_in()
    {
        await using var instance = WithMail();
        var address = RealServer.Serve(instance);
        using var hr = instance.CreateClient();
        hr.DefaultRequestHeaders.Authorization = new("Bearer", await server.TokenAsync("hr.beta@test.local", instance));
        long bertaAccount;
        await using (var database = server.NewContext()) bertaAccount = database.Users.Single(u => u.Email == "berta@test.local").Id;
        Assert.Equal(HttpStatusCode.NoContent, (await hr.PostAsync($"/api/accounts/{bertaAccount}/invitation", null)).StatusCode);
        var link = Link().Match(await _mail.MailToAsync("berta@test.local")).Value;

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(address + "/" + link);
        await page.WaitForSelectorAsync("#choose-password-form input[name=newPassword]", new() { State = WaitForSelectorState.Visible });
        Assert.False(await page.IsVisibleAsync("#current-password"), "an invitation asks for no current password");
        Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "invitation-390.png"), FullPage = true });
        await page.FillAsync("#choose-password-form input[name=newPassword]", "berta-choisit-2027");
        await page.ClickAsync("#choose-password-form button[type=submit]");
        await page.WaitForSelectorAsync("#sign-in-form", new() { State = WaitForSelectorState.Visible });
        Assert.Contains("Mot de passe enregistré", await page.TextContentAsync("#message"));

        await page.FillAsync("#sign-in-form input[name=email]", "berta@test.local");
        await page.FillAsync("#sign-in-form input[name=password]", "berta-choisit-2027");
        await page.ClickAsync("#sign-in-form button[type=submit]");
        await page.WaitForSelectorAsync("#employee", new() { State = WaitForSelectorState.Visible });
        Assert.Empty(errors);
    }

    public void Dispose() => _mail.Dispose();
}
