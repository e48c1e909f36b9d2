using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Mobility.Data;
using Mobility.Data.Model;
using Mobility.Server.Accounts;
using Mobility.Server.Carpools;

namespace Mobility.Server.Reach;

/// <summary>Configuration `Digest:…`.</summary>
public sealed class DigestOptions
{
    public const string Section = "Digest";
    public bool Enabled { get; set; } = true;
    /// <summary>The hour (network time) from which the day's digest goes out.</summary>
    public int Hour { get; set; } = 18;
    /// <summary>The digest tells of the first of the next days with carpools, up to this many days ahead (Friday: Monday).</summary>
    public int DaysAhead { get; set; } = 3;
    /// <summary>How often the service looks whether a network's hour has come.</summary>
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// Once a day, from `Digest:Hour` in each network's time zone, mails the employees whom nothing else reaches: an account
/// with an e-mail, consent to matching, the digest not turned off, no device taking Web Push, and carpools on one of the next
/// days (their live proposals and accepted or confirmed groups of the first such day). Each send is claimed first in
/// <c>digest_sends</c> (employee, date): of several instances, or of two runs, only one mails a person on a date.
/// </summary>
public sealed class DailyDigest(IServiceScopeFactory scopes, MailSender mail, IOptions<DigestOptions> options, TimeProvider clock,
    ILogger<DailyDigest> log) : BackgroundService
{
    private static readonly CarpoolStatus[] Live = [CarpoolStatus.Proposed, CarpoolStatus.Accepted, CarpoolStatus.Confirmed];
    private readonly Dictionary<long, DateOnly> _done = [];

    public sealed record RunOutcome(long NetworkId, DateOnly Date, int Sent, int Failed);

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        if (!options.Value.Enabled) return;
        using var timer = new PeriodicTimer(options.Value.CheckEvery, clock);
        do
        {
            try
            {
                List<(long Id, string TimeZone)> networks;
                await using (var scope = scopes.CreateAsyncScope())
                    networks = (await scope.ServiceProvider.GetRequiredService<MobilityDbContext>().Networks.AsNoTracking()
                        .Select(n => new { n.Id, n.TimeZone }).ToListAsync(stopping)).Select(n => (n.Id, n.TimeZone)).ToList();
                foreach (var (id, zone) in networks)
                {
                    var local = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(zone));
                    var today = DateOnly.FromDateTime(local.DateTime);
                    if (local.Hour < options.Value.Hour || _done.GetValueOrDefault(id) == today) continue;
                    await RunAsync(id, today, stopping);
                    _done[id] = today;
                }
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // The claims keep what was sent; the next tick tries the rest again.
                log.LogError(error, "The daily digest failed");
            }
        } while (await timer.WaitForNextTickAsync(stopping));
    }

    /// <summary>The digest of one network for the local date <paramref name="date"/> (it tells of the days after it): for the
    /// hourly service, and for operators and tests through the administrators' endpoint.</summary>
    public async Task<RunOutcome> RunAsync(long networkId, DateOnly date, CancellationToken cancellation)
    {
        await using var scope = scopes.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<MobilityDbContext>();
        var network = await database.Networks.AsNoTracking().SingleAsync(n => n.Id == networkId, cancellation);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(network.TimeZone);
        var readers = await database.Users.AsNoTracking()
            .Where(a => a.Email != null && a.Employee != null && a.Employee.ErasedAt == null && a.Employee.ConsentToMatching && a.Employee.DigestByMail
                        && a.Employee.Company!.NetworkId == networkId && !database.PushSubscriptions.Any(s => s.AccountId == a.Id))
            .Select(a => new { Email = a.Email!, EmployeeId = a.EmployeeId!.Value, a.Employee!.FirstName, a.Employee.PreferredLanguage })
            .ToListAsync(cancellation);
        var ids = readers.Select(r => r.EmployeeId).ToList();
        var (first, last) = (date.AddDays(1), date.AddDays(options.Value.DaysAhead));
        var groups = await ProposalView.WithMembers(database.CarpoolGroups.AsNoTracking())
            .Where(g => g.NetworkId == networkId && g.Date >= first && g.Date <= last && Live.Contains(g.Status)
                        && g.Members.Any(m => ids.Contains(m.EmployeeId) && Live.Contains(m.Status)))
            .AsSplitQuery().ToListAsync(cancellation);
        var byEmployee = groups.SelectMany(g => g.Members.Where(m => Live.Contains(m.Status)).Select(m => (m.EmployeeId, Group: g)))
            .ToLookup(x => x.EmployeeId, x => x.Group);

        var (sent, failed) = (0, 0);
        MailSender.Batch? batch = null;
        try
        {
        foreach (var reader in readers)
        {
            var theirs = byEmployee[reader.EmployeeId].ToList();
            if (theirs.Count == 0) continue;
            var day = theirs.Min(g => g.Date);
            if (!await ClaimAsync(database, reader.EmployeeId, date, cancellation)) continue;
            var views = theirs.Where(g => g.Date == day).OrderBy(g => g.Direction).Select(g => ProposalView.For(g, reader.EmployeeId)).ToList();
            try
            {
                batch ??= await mail.OpenAsync(cancellation);
                await batch.SendAsync(DigestMail.Build(reader.Email, reader.FirstName, reader.PreferredLanguage, day, views, zone, mail.Options.PublicUrl), cancellation);
                sent++;
                ReachMetrics.DigestsSent.Add(1);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // Released, so that a later run (or another instance) tries again.
                await database.DigestSends.Where(s => s.EmployeeId == reader.EmployeeId && s.Date == date).ExecuteDeleteAsync(CancellationToken.None);
                failed++;
                ReachMetrics.DigestsFailed.Add(1);
                log.LogWarning(error, "The digest of {Date} to employee {Employee} could not be sent", date, reader.EmployeeId);
            }
        }
        }
        finally { if (batch is not null) await batch.DisposeAsync(); }
        log.LogInformation("Digest of network {Network} for {Date}: {Sent} sent, {Failed} failed", networkId, date, sent, failed);
        return new RunOutcome(networkId, date, sent, failed);
    }

    private async Task<bool> ClaimAsync(MobilityDbContext database, long employeeId, DateOnly date, CancellationToken cancellation) =>
        await database.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO digest_sends (employee_id, date, claimed_at) VALUES ({employeeId}, {date}, {clock.GetUtcNow()})
            ON CONFLICT DO NOTHING
            """, cancellation) == 1;
}
