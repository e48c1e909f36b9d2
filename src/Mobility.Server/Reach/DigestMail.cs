using System.Globalization;
using System.Net;
using System.Text;
using MimeKit;
using Mobility.Data.Model;
using Mobility.Planning;
using Mobility.Planning.Carpools;
using Mobility.Server.Carpools;

namespace Mobility.Server.Reach;

/// <summary>
/// The digest mail: a plain-text and an HTML part saying the same, in the employee's language (French unless English).
/// Co-members appear as the proposal shows them (<see cref="ProposalView"/>: first name and company). Every name comes
/// from people or HR, so the HTML part encodes each one; nothing typed by anyone becomes markup.
/// </summary>
public static class DigestMail
{
    /// <summary>The fragment of the app's address that opens the digest setting (the unsubscribe link).</summary>
    public const string SettingFragment = "#settings/digest";

    public static MimeMessage Build(string to, string? firstName, string language, DateOnly day, IReadOnlyList<ProposalView> groups,
        TimeZoneInfo zone, string publicUrl)
    {
        var english = language == "en";
        var culture = CultureInfo.GetCultureInfo(english ? "en-GB" : "fr-FR");
        var app = publicUrl.TrimEnd('/') + "/";
        var unsubscribe = app + SettingFragment;
        var date = day.ToString(english ? "dddd d MMMM" : "dddd d MMMM", culture);
        var greeting = english ? (firstName is null ? "Hello," : $"Hello {firstName},") : (firstName is null ? "Bonjour," : $"Bonjour {firstName},");
        var intro = english ? $"Your carpools for {date}:" : $"Vos covoiturages du {date} :";
        var lines = groups.Select(g => Describe(g, english, zone)).ToList();
        var open = english ? "Open Mobility to accept or decline:" : "Ouvrez Mobility pour accepter ou refuser :";
        var stop = english ? "No more digests by e-mail:" : "Ne plus recevoir ce résumé par e-mail :";

        var text = new StringBuilder();
        text.Append(greeting).Append("\n\n").Append(intro).Append('\n');
        foreach (var line in lines) text.Append("\n- ").Append(line.Trip).Append("\n  ").Append(line.With);
        text.Append("\n\n").Append(open).Append('\n').Append(app).Append("\n\n").Append(stop).Append('\n').Append(unsubscribe).Append('\n');

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"").Append(english ? "en" : "fr").Append("\"><body><p>").Append(Encode(greeting)).Append("</p><p>")
            .Append(Encode(intro)).Append("</p><ul>");
        foreach (var line in lines) html.Append("<li>").Append(Encode(line.Trip)).Append("<br>").Append(Encode(line.With)).Append("</li>");
        html.Append("</ul><p><a href=\"").Append(Encode(app)).Append("\">").Append(Encode(open.TrimEnd(':', ' '))).Append("</a></p>")
            .Append("<p><small><a href=\"").Append(Encode(unsubscribe)).Append("\">").Append(Encode(stop.TrimEnd(':', ' '))).Append("</a></small></p></body></html>");

        var message = new MimeMessage { Subject = english ? $"Your carpools for {date}" : $"Vos covoiturages du {date}" };
        message.To.Add(MailboxAddress.Parse(to));
        message.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
        message.Body = new BodyBuilder { TextBody = text.ToString(), HtmlBody = html.ToString() }.ToMessageBody();
        return message;
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static (string Trip, string With) Describe(ProposalView group, bool english, TimeZoneInfo zone)
    {
        var me = group.Members.Single(m => m.IsMe);
        var way = group.Direction == CommuteDirection.ToWork ? (english ? "To work" : "Aller") : (english ? "Home" : "Retour");
        var role = me.Role == MemberRole.Driver ? (english ? "you drive" : "vous conduisez") : (english ? "you ride" : "vous êtes passager·e");
        var state = me.Status switch
        {
            CarpoolStatus.Confirmed => english ? "confirmed" : "confirmé",
            CarpoolStatus.Accepted => english ? "accepted, waiting for the others" : "accepté, en attente des autres",
            _ => english ? "proposed, to accept" : "proposé, à accepter",
        };
        var pickup = me.PickupTime is { } time
            ? (english ? $", pickup at {TimeZoneInfo.ConvertTime(time, zone):HH:mm}" : $", prise en charge à {TimeZoneInfo.ConvertTime(time, zone):HH:mm}")
            : "";
        var trip = $"{way} ({me.DropOff}): {role}{pickup}, {state}.";
        if (!english) trip = trip.Replace("):", ") :", StringComparison.Ordinal);
        var others = group.Members.Where(m => !m.IsMe).Select(m => $"{m.FirstName ?? "?"} ({m.Company})").ToList();
        var with = others.Count == 0 ? (english ? "Nobody else yet." : "Personne d'autre pour l'instant.")
            : (english ? "With " : "Avec ") + string.Join(", ", others) + ".";
        return (trip, with);
    }
}
