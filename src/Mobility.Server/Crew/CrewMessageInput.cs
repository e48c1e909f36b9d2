using Mobility.Data.Model;
using Mobility.Server.Http;

namespace Mobility.Server.Crew;

/// <summary>A message to a group: a free <paramref name="Text"/> or a <paramref name="QuickMessage"/> code, exactly one.</summary>
public sealed record CrewMessageInput(string? Text, string? QuickMessage)
{
    /// <summary>The text as stored (trimmed) or the quick message, or null with the reasons in <paramref name="errors"/>.</summary>
    public (string? Text, string? QuickMessage)? Check(FieldErrors errors)
    {
        var text = Text?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (QuickMessage is not null)
        {
            if (!string.IsNullOrEmpty(text))
                errors.Add("quickMessage", "chat-text-and-quick-message", "Un texte ou un message rapide, pas les deux. / A text or a quick message, not both.");
            else if (!QuickMessages.IsKnown(QuickMessage))
                errors.Add("quickMessage", "chat-quick-message-unknown",
                    $"Une de ces valeurs : {string.Join(", ", QuickMessages.Codes)}. / One of: {string.Join(", ", QuickMessages.Codes)}.",
                    new Dictionary<string, object?> { ["allowed"] = QuickMessages.Codes });
            return errors.Any ? null : (null, QuickMessage);
        }
        if (string.IsNullOrEmpty(text))
            errors.Add("text", "chat-text-required", "Écrivez un message. / Write a message.");
        else if (text.EnumerateRunes().Count() > CrewMessage.TextLength)
            errors.Add("text", "chat-text-too-long",
                $"Au plus {CrewMessage.TextLength} caractères. / At most {CrewMessage.TextLength} characters.", new Dictionary<string, object?> { ["maximum"] = CrewMessage.TextLength });
        else if (!IsPlain(text))
            errors.Add("text", "chat-text-control-characters", "Caractères de contrôle refusés. / Control characters are not accepted.");
        return errors.Any ? null : (text, null);
    }

    /// <summary>No control character but the line feed, and no direction override, which makes a text read other than it is
    /// stored. (Half a surrogate pair, which PostgreSQL cannot store, never gets here: the JSON reader refuses it.)</summary>
    private static bool IsPlain(string text) =>
        !text.Any(c => (char.IsControl(c) && c != '\n') || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069');
}
