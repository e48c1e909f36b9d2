using System.Security.Cryptography;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Mobility.Data;
using Mobility.Data.Commutes;
using Mobility.Data.Model;
using Mobility.Planning;
using Mobility.Planning.Carpools;

namespace Mobility.Server.Calendar;

/// <summary>
/// An employee's calendar (RFC 5545, written by Ical.Net): one event per shift and one per carpool pickup they accepted,
/// from <see cref="CalendarOptions.DaysBefore"/> days back to <see cref="CalendarOptions.DaysAhead"/> ahead (dates in the
/// network's time zone), times in UTC so that every calendar shows them in its own zone. Words in the employee's language.
/// Each event's UID depends on the feed, the date and the slot only, so that a calendar replaces a changed shift or a
/// re-matched pickup instead of adding one beside it, and UIDs of one feed say nothing of another's.
/// </summary>
public sealed class CalendarDocument(MobilityDbContext database, IOptions<CalendarOptions> options, TimeProvider clock)
{
    /// <summary>A pickup is shown as a slot of this length: when the ride ends tells where the others live until the whole
    /// group has confirmed (ProposalView), so the feed does not tell it at all.</summary>
    public static readonly TimeSpan PickupLength = TimeSpan.FromMinutes(15);

    public async Task<string> WriteAsync(CalendarFeed feed, CancellationToken cancellation)
    {
        var employee = await database.Employees.AsNoTracking().Include(e => e.Company!.Network).Include(e => e.MainSite)
            .SingleAsync(e => e.Id == feed.EmployeeId, cancellation);
        var words = employee.PreferredLanguage == "en" ? Words.English : Words.French;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(employee.Company!.Network!.TimeZone);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var (first, last) = (today.AddDays(-options.Value.DaysBefore), today.AddDays(options.Value.DaysAhead));
        var key = FeedKey(feed);

        var calendar = new Ical.Net.Calendar { ProductId = "-//Mobility//Mobility//FR" };
        calendar.AddProperty("X-WR-CALNAME", words.CalendarName);
        var shifts = await EmployeeShifts.BetweenAsync(database, employee.Id, first, last, cancellation);
        foreach (var day in shifts.GroupBy(s => s.Date))
            foreach (var (shift, index) in day.Select((s, i) => (s, i)))
                calendar.Events.Add(Event($"shift-{day.Key:yyyyMMdd}-{index}-{key}", words.Shift(employee.MainSite!.Name), employee.MainSite.Name,
                    shift.Start, shift.End, now, confirmed: true));

        var pickups = await database.CarpoolMembers.AsNoTracking()
            .Where(m => m.EmployeeId == employee.Id && (m.Status == CarpoolStatus.Accepted || m.Status == CarpoolStatus.Confirmed)
                        && (m.CarpoolGroup!.Status == CarpoolStatus.Accepted || m.CarpoolGroup.Status == CarpoolStatus.Confirmed)
                        && m.CarpoolGroup.Date >= first && m.CarpoolGroup.Date <= last)
            .Include(m => m.CarpoolGroup).Include(m => m.DropOffSite).Include(m => m.MeetingPointSite)
            .OrderBy(m => m.PickupTime).ToListAsync(cancellation);
        foreach (var pickup in pickups)
        {
            var toWork = pickup.CarpoolGroup!.Direction == CommuteDirection.ToWork;
            var plant = pickup.DropOffSite!.Name;
            // Their own feed: their own pickup place may be named, as "home" rather than an address.
            var place = !toWork ? plant : pickup.MeetingPointSite?.Name ?? words.Home;
            calendar.Events.Add(Event($"pickup-{pickup.CarpoolGroup.Date:yyyyMMdd}-{pickup.CarpoolGroup.Direction}-{key}",
                words.Pickup(toWork, pickup.Role, plant), place, pickup.PickupTime, pickup.PickupTime + PickupLength, now,
                confirmed: pickup.Status == CarpoolStatus.Confirmed));
        }
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    private static CalendarEvent Event(string uid, string summary, string location, DateTimeOffset start, DateTimeOffset end, DateTimeOffset now,
        bool confirmed) => new()
    {
        Uid = uid + "@mobility", Summary = summary, Location = location, Start = Utc(start), End = Utc(end), DtStamp = Utc(now),
        Status = confirmed ? EventStatus.Confirmed : EventStatus.Tentative,
    };

    private static CalDateTime Utc(DateTimeOffset time) => new(time.UtcDateTime);

    /// <summary>A part of the UIDs that stays with the feed (rotating makes a new calendar for the phone anyway) and tells
    /// nothing: not the employee's id, not the token.</summary>
    private static string FeedKey(CalendarFeed feed) =>
        Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("uid|" + feed.TokenHash)))[..16].ToLowerInvariant();

    private sealed record Words(string CalendarName, string Home, Func<string, string> Shift, Func<bool, MemberRole, string, string> Pickup)
    {
        public static readonly Words French = new("Mobility : postes et covoiturages", "Domicile", site => $"Poste — {site}",
            (toWork, role, plant) => (toWork ? $"Covoiturage vers {plant}" : $"Covoiturage retour depuis {plant}")
                                     + (role == MemberRole.Driver ? " (conducteur)" : " (passager)"));

        public static readonly Words English = new("Mobility: shifts and carpools", "Home", site => $"Shift — {site}",
            (toWork, role, plant) => (toWork ? $"Carpool to {plant}" : $"Carpool home from {plant}")
                                     + (role == MemberRole.Driver ? " (driver)" : " (passenger)"));
    }
}
