using System.Globalization;
using Mobility.Planning;
using Mobility.Planning.Carpools;

namespace Mobility.Cli;

/// <summary>Words a <see cref="GroupExplanation"/> in French (the default) or English, times in the network's zone.</summary>
internal static class GroupExplanationText
{
    public static string Render(GroupExplanation group, TimeZoneInfo zone, bool english = false)
    {
        var culture = CultureInfo.GetCultureInfo(english ? "en-GB" : "fr-FR");
        string Time(double seconds) => TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeSeconds((long)Math.Round(seconds)), zone).ToString("HH:mm", culture);
        string Number(double value) => value.ToString("0.#", culture);
        var lines = new List<string>
        {
            english
                ? $"{(group.Direction == CommuteDirection.ToWork ? "To work" : "Home")}: leaves at {Time(group.Departure)}, {Number(group.RouteMinutes)} min " +
                  $"({Number(group.RouteKilometres)} km), detour {Number(group.DetourMinutes)} min (limit {Number(group.DetourLimitMinutes)} min); sites {string.Join(", ", group.Sites)}"
                : $"{(group.Direction == CommuteDirection.ToWork ? "Aller" : "Retour")} : départ à {Time(group.Departure)}, {Number(group.RouteMinutes)} min " +
                  $"({Number(group.RouteKilometres)} km), détour {Number(group.DetourMinutes)} min (limite {Number(group.DetourLimitMinutes)} min) ; sites {string.Join(", ", group.Sites)}",
        };
        foreach (var member in group.Members.OrderBy(m => m.HomeOrder))
        {
            var role = (member.Role, english) switch
            {
                (MemberRole.Driver, true) => "driver",
                (MemberRole.Passenger, true) => $"passenger {member.HomeOrder}",
                (MemberRole.Driver, false) => "conducteur",
                _ => $"passager {member.HomeOrder}",
            };
            var toWork = group.Direction == CommuteDirection.ToWork;
            lines.Add(english
                ? $"  {member.Id} ({member.Company}), {role}: " +
                  (toWork
                      ? $"home {Time(member.AtHome)}, at {member.SiteId} {Time(member.AtSite)} (window {Time(member.WindowEarliest)}–{Time(member.WindowLatest)})"
                      : $"leaves {member.SiteId} {Time(member.AtSite)} (window {Time(member.WindowEarliest)}–{Time(member.WindowLatest)}), home {Time(member.AtHome)}") +
                  $"; ride {Number(member.RideMinutes)} min, " +
                  $"alone {Number(member.DirectMinutes)} min, at most {Number(member.RideLimitMinutes)} min"
                : $"  {member.Id} ({member.Company}), {role} : " +
                  (toWork
                      ? $"domicile {Time(member.AtHome)}, arrivée {member.SiteId} {Time(member.AtSite)} (créneau {Time(member.WindowEarliest)}–{Time(member.WindowLatest)})"
                      : $"quitte {member.SiteId} {Time(member.AtSite)} (créneau {Time(member.WindowEarliest)}–{Time(member.WindowLatest)}), domicile {Time(member.AtHome)}") +
                  $" ; trajet {Number(member.RideMinutes)} min, " +
                  $"seul {Number(member.DirectMinutes)} min, au plus {Number(member.RideLimitMinutes)} min");
        }
        return string.Join(Environment.NewLine, lines);
    }
}
