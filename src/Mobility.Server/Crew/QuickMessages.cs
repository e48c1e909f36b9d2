namespace Mobility.Server.Crew;

/// <summary>The messages a member sends with one tap; the client words each code in the reader's language.</summary>
public static class QuickMessages
{
    public static readonly IReadOnlyList<string> Codes = ["running-late-5", "running-late-10", "on-my-way", "at-pickup", "cannot-come"];

    public static bool IsKnown(string code) => Codes.Contains(code, StringComparer.Ordinal);
}
