namespace Mobility.Data;

/// <summary>
/// What any text from outside (a JSON body, a CSV cell) must be before it reaches the database: PostgreSQL refuses the NUL
/// character in text, and a unique index refuses a key over about 2,700 bytes, so both are refused where they arrive, with
/// the field, instead of as a failed statement.
/// </summary>
public static class TextRules
{
    /// <summary>Far above any name, identifier or token the product takes (bearer tokens are under 1,000 characters).</summary>
    public const int MaximumLength = 4000;

    /// <summary>Why the text is refused, in English (import reports are), or null when it is fine.</summary>
    public static string? Problem(string text) =>
        text.Contains('\0') ? "contains a NUL character (\\0), which cannot be stored"
        : text.Length > MaximumLength ? $"is longer than {MaximumLength} characters"
        : null;
}
