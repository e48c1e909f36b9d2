using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Mobility.Data.Model;
using Mobility.Planning;
using Mobility.Planning.Carpools;
using Mobility.Server.Carpools;
using NetTopologySuite.Geometries;

namespace Mobility.Server.Tests;

/// <summary>
/// Berta on her phone, with the real engine: she declines Paul's car and the new proposal (Chloé's) comes at once, without
/// a reload; she accepts it and repeats it, the next date comes accepted for her, and she stops it.
/// </summary>
public sealed class DeclineAndRepeatBrowserTests(TwoNetworkServer server) : IClassFixture<TwoNetworkServer>
{
    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).DateTime);

    /// <summary>Chloé (Beta) lives by Berta and drives on the same day roster, but has not agreed to matching yet.</summary>
    private async Task<long> AddChloeAsync()
    {
        server.PutNordOnADayRoster();
        await using var database = server.NewContext();
        var pattern = await database.ShiftPatterns.SingleAsync(p => p.NetworkId == server.Nord && p.ExternalId == "every-day");
        var chloe = new Employee
        {
            CompanyId = server.Beta, MainSiteId = server.BetaPlant, ExternalId = "B2", FirstName = "Chloé", LastName = "SECRET-CHLOE",
            Home = TwoNetworkServer.Wgs84.CreatePoint(new Coordinate(7.722, 48.871)), Role = CarpoolRole.Driver, SeatsOffered = 2,
            MaxDetourMinutes = 20, MaxDetourRatio = 2.0, ConsentToMatching = false,
        };
        chloe.ShiftAssignments.Add(new ShiftAssignment { ShiftPattern = pattern, RotationAnchor = new DateOnly(2026, 1, 5), ValidFrom = new DateOnly(2026, 1, 5) });
        database.Add(chloe);
        await database.SaveChangesAsync();
        return chloe.Id;
    }

    private async Task<CarpoolMember> BertasMorningAsync(DateOnly date)
    {
        await using var database = server.NewContext();
        return await database.CarpoolMembers.Include(m => m.CarpoolGroup).ThenInclude(g => g!.Members)
            .SingleAsync(m => m.EmployeeId == server.BetaOne && m.CarpoolGroup!.Date == date && m.CarpoolGroup.Direction == CommuteDirection.ToWork
                && m.CarpoolGroup.Status != CarpoolStatus.Cancelled && m.Status != CarpoolStatus.Declined && m.Status != CarpoolStatus.Cancelled);
    }

    [Fact]
    public async Task Berta_declines_and_gets_a_new_proposal_at_once_then_repeats_it_and_stops()
    {
        var chloe = await AddChloeAsync();
        await using var instance = server.Instance(("Proposals:RecomputeOnStart", "false"));
        var address = RealServer.Serve(instance);
        var engine = instance.Services.GetRequiredService<ProposalEngine>();
        var date = Today.AddDays(26);
        await engine.RecomputeAsync(server.Nord, date, null, CancellationToken.None);
        var paulsCar = await BertasMorningAsync(date);
        Assert.Equal(server.AlphaTwo, paulsCar.CarpoolGroup!.Members.Single(m => m.Role == MemberRole.Driver).EmployeeId);
        // Chloé agrees now; nothing re-matches until someone decides.
        await using (var database = server.NewContext())
            await database.Employees.Where(e => e.Id == chloe).ExecuteUpdateAsync(e => e.SetProperty(x => x.ConsentToMatching, true));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var errors = new List<string>();
        var berta = await EmployeeAppBrowserTests.SignedInAsync(browser, address, "berta@test.local", errors);
        var card = berta.Locator($"article.trip[data-group='{paulsCar.CarpoolGroupId}']");
        await Assertions.Expect(card).ToContainTextAsync("Paul");
        await card.GetByRole(AriaRole.Button, new() { Name = "Refuser" }).ClickAsync();
        await Assertions.Expect(berta.Locator("#message")).ToContainTextAsync("vous avez refusé");

        // The engine re-matches her date at once: Chloé's car shows up on her week by itself.
        var chloesCard = berta.Locator("article.trip").Filter(new() { HasText = "Chloé" }).Filter(new() { HasText = "Aller" });
        await Assertions.Expect(chloesCard).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        var chloesCar = await BertasMorningAsync(date);
        Assert.Equal(chloe, chloesCar.CarpoolGroup!.Members.Single(m => m.Role == MemberRole.Driver).EmployeeId);

        // She takes it for good: accepted now, and on every date it fits.
        await chloesCard.GetByRole(AriaRole.Button, new() { Name = "Détails et carte" }).ClickAsync();
        var detail = berta.Locator(".trip-detail");
        await detail.GetByRole(AriaRole.Button, new() { Name = "Accepter et répéter" }).ClickAsync();
        await Assertions.Expect(berta.Locator("#message")).ToContainTextAsync("accepté pour vous à chaque fois");
        await Assertions.Expect(detail.Locator(".card.repeat")).ToContainTextAsync("Covoiturage régulier");
        await EmployeeAppBrowserTests.CheckPhoneLayoutAsync(berta, "trip-repeat");

        // The next date comes already accepted for her, marked as repeating.
        await engine.RecomputeAsync(server.Nord, date.AddDays(1), null, CancellationToken.None);
        var next = await BertasMorningAsync(date.AddDays(1));
        Assert.Equal(CarpoolStatus.Accepted, next.Status);
        await berta.GetByRole(AriaRole.Button, new() { Name = "← Retour à ma semaine" }).ClickAsync();
        var nextCard = berta.Locator($"article.trip[data-group='{next.CarpoolGroupId}']");
        await Assertions.Expect(nextCard.Locator(".chip.repeat")).ToHaveTextAsync("régulier", new() { Timeout = 15_000 });
        await Assertions.Expect(nextCard.Locator(".chip").First).ToHaveTextAsync("Accepté");

        // She stops: that date is a proposal again, hers to answer.
        await nextCard.GetByRole(AriaRole.Button, new() { Name = "Détails et carte" }).ClickAsync();
        await detail.GetByRole(AriaRole.Button, new() { Name = "Ne plus répéter" }).ClickAsync();
        await Assertions.Expect(berta.Locator("#message")).ToContainTextAsync("ne se répète plus");
        await Assertions.Expect(detail.GetByRole(AriaRole.Button, new() { Name = "Accepter et répéter" })).ToBeVisibleAsync();
        Assert.Equal(CarpoolStatus.Proposed, (await BertasMorningAsync(date.AddDays(1))).Status);
        Assert.Empty(errors);
    }
}
