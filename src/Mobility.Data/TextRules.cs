namespace Mobility.Data;

/// <summary>
/// What any text from outside (a JSON body, a CSV cell) must be before it reaches the database: PostgreSQL refuses the NUL
/// character in text, and a unique index refuses a key over about 2,700 bytes, so both are refused where they arrive, with
/// the field, instead of as a failed statement. Each field also has its own limit, so that no name stored once (a 25 MB
/// commune) inflates every list and statistic that shows it; the REST inputs and the CSV columns take theirs from here.
/// </summary>
public static class TextRules
{
    /// <summary>Far above any name, identifier or token the product takes (bearer tokens are under 1,000 characters): the limit
    /// of text no field below names.</summary>
    public const int MaximumLength = 4000;

    /// <summary>Codes HR systems give (matricule, site or company code, roster code).</summary>
    public const int ExternalIdLength = 64;
    /// <summary>People's first and family names, and names of sites, companies, networks, rosters, plans and accounts.</summary>
    public const int NameLength = 100;
    public const int CommuneLength = 100;
    public const int AddressLength = 200;
    /// <summary>RFC 5321 allows 254 characters in a path; a little more costs nothing.</summary>
    public const int EmailLength = 256;
    /// <summary>Far above any passphrase, short enough that hashing it costs nothing unusual.</summary>
    public const int PasswordLength = 256;
    /// <summary>IANA zone names ("America/Argentina/ComodRivadavia" is among the longest).</summary>
    public const int TimeZoneLength = 64;
    /// <summary>How an employee gets the company's shuttle or taxi when no car is left (a phone number, a place, a code).</summary>
    public const int RideHomeInstructionsLength = 500;

    /// <summary>Why the text is refused, as a code of <see cref="Codes.Field"/> and its parameters, or null when it is fine.</summary>
    public static (string Code, Dictionary<string, object?> Parameters)? Problem(string text, int maximumLength = MaximumLength) =>
        text.Contains('\0') ? (Codes.Field.NulCharacter, [])
        : text.Length > maximumLength ? (Codes.Field.TextTooLong, CodeParameters.Maximum(maximumLength))
        : null;
}
