using Mobility.Data.Model;
using Mobility.Data;
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
                errors.Add("quickMessage", Codes.Field.TextAndQuickMessage);
            else if (!QuickMessages.IsKnown(QuickMessage))
                errors.Add("quickMessage", Codes.Field.UnknownChoice, CodeParameters.Allowed(QuickMessages.Codes));
            return errors.Any ? null : (null, QuickMessage);
        }
        if (string.IsNullOrEmpty(text))
            errors.Add("text", Codes.Field.Required);
        else if (text.EnumerateRunes().Count() > CrewMessage.TextLength)
            errors.Add("text", Codes.Field.TextTooLong, CodeParameters.Maximum(CrewMessage.TextLength));
        else if (!IsPlain(text))
            errors.Add("text", Codes.Field.ControlCharacters);
        return errors.Any ? null : (text, null);
    }

    /// <summary>No control character but the line feed, and no direction override, which makes a text read other than it is
    /// stored. (Half a surrogate pair, which PostgreSQL cannot store, never gets here: the JSON reader refuses it.)</summary>
    private static bool IsPlain(string text) =>
        !text.Any(c => (char.IsControl(c) && c != '\n') || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069');
}
