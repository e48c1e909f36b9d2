using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Mobility.Routing.Addresses;

namespace Mobility.TestSupport;

/// <summary>How an address of the index was written the way real files write them.</summary>
public enum AddressPerturbation
{
    /// <summary>As the source spells it.</summary>
    None,
    /// <summary>All upper-case or all lower-case.</summary>
    Case,
    /// <summary>Accents dropped, ß as ss.</summary>
    Accents,
    /// <summary>rue → r., avenue → av., Saint → St, Straße → Str., Hauptstraße → Hauptstr.…</summary>
    Abbreviation,
    /// <summary>One letter of the street replaced, added, removed, or two swapped.</summary>
    Typo,
    /// <summary>The postcode left out.</summary>
    NoPostcode,
    /// <summary>Saint-Louis as St Louis, hyphens as spaces (or the reverse), "Cedex" added, or upper-case.</summary>
    CommuneRespelled,
    /// <summary>20B as "20 b", "12 bis" as "12bis".</summary>
    NumberFormat,
    /// <summary>Two or three of the above at once.</summary>
    Combined,
}

/// <param name="Truth">The indexed address, whose position is the right answer.</param>
/// <param name="AsFreeText">Whether to ask with <see cref="FreeText"/> (one line) rather than <see cref="Address"/> (parts).</param>
public sealed record PerturbedAddress(AddressRecord Truth, AddressPerturbation Kind, PostalAddress Address, string FreeText, bool AsFreeText);

/// <summary>
/// Addresses of an index written as HR files and people write them (<see cref="AddressPerturbation"/>), each once per
/// kind of change that alters it, half of them as parts and half as one line of text ("12 r. du Rhin 68100 Mulhouse",
/// "Hauptstr. 5, 69117 Heidelberg"). What the address benchmark and the matcher's tests measure on.
/// </summary>
public static class PerturbedAddresses
{
    private static readonly (string Full, string Short)[] FrenchWords =
    [
        ("rue", "r."), ("avenue", "av."), ("boulevard", "bd"), ("place", "pl."), ("impasse", "imp."), ("chemin", "chem."),
        ("route", "rte"), ("allée", "all."), ("faubourg", "fbg"), ("saint", "St"), ("sainte", "Ste"), ("général", "Gal"),
        ("docteur", "Dr"), ("sankt", "St."), ("straße", "Str."), ("strasse", "Str."), ("doktor", "Dr."),
    ];

    private static readonly AddressPerturbation[] Combinable =
    [
        AddressPerturbation.Case, AddressPerturbation.Accents, AddressPerturbation.Abbreviation, AddressPerturbation.Typo,
        AddressPerturbation.NoPostcode, AddressPerturbation.CommuneRespelled,
    ];

    public static List<PerturbedAddress> Of(IEnumerable<AddressRecord> houses, int seed)
    {
        var random = new Random(seed);
        var variants = new List<PerturbedAddress>();
        foreach (var house in houses.Where(h => h.IsHouse))
            foreach (var kind in Enum.GetValues<AddressPerturbation>())
            {
                var original = new PostalAddress(house.HouseNumber, house.Street, house.Postcode, house.City);
                var changed = kind == AddressPerturbation.Combined
                    ? Combinable.OrderBy(_ => random.Next()).Take(random.Next(2, 4)).Aggregate(original, (a, k) => Apply(k, a, random))
                    : Apply(kind, original, random);
                if (kind != AddressPerturbation.None && changed == original) continue;
                variants.Add(new PerturbedAddress(house, kind, changed, Line(changed, random), random.Next(2) == 0));
            }
        return variants;
    }

    public static PostalAddress Apply(AddressPerturbation kind, PostalAddress address, Random random) => kind switch
    {
        AddressPerturbation.Case => random.Next(2) == 0
            ? address with { Street = address.Street?.ToUpperInvariant(), City = address.City?.ToUpperInvariant() }
            : address with { Street = address.Street?.ToLowerInvariant(), City = address.City?.ToLowerInvariant() },
        AddressPerturbation.Accents => address with { Street = WithoutAccents(address.Street), City = WithoutAccents(address.City) },
        AddressPerturbation.Abbreviation => address with { Street = Abbreviated(address.Street) },
        AddressPerturbation.Typo => address with { Street = OneTypo(address.Street, random) },
        AddressPerturbation.NoPostcode => address with { Postcode = null },
        AddressPerturbation.CommuneRespelled => address with { City = Respelled(address.City, address.Street) },
        AddressPerturbation.NumberFormat => address with { HouseNumber = Reformatted(address.HouseNumber) },
        _ => address,
    };

    /// <summary>One line as people type it: the number first for French streets, after the street for German ones.</summary>
    private static string Line(PostalAddress address, Random random)
    {
        var french = IsFrench(address.Street);
        var street = address.HouseNumber is null ? address.Street : french ? $"{address.HouseNumber} {address.Street}" : $"{address.Street} {address.HouseNumber}";
        var place = string.Join(' ', new[] { address.Postcode, address.City }.Where(p => !string.IsNullOrWhiteSpace(p)));
        return place.Length == 0 ? street! : $"{street}{(random.Next(2) == 0 ? ", " : " ")}{place}";
    }

    private static bool IsFrench(string? street) =>
        AddressText.Split(street) is [var first, ..] && first is "rue" or "r" or "avenue" or "av" or "boulevard" or "bd" or "place" or "pl"
            or "impasse" or "imp" or "chemin" or "chem" or "route" or "rte" or "allee" or "all" or "quai" or "passage" or "faubourg" or "fbg";

    private static string? WithoutAccents(string? text)
    {
        if (text is null) return null;
        var plain = new StringBuilder();
        foreach (var c in text.Replace("ß", "ss").Normalize(NormalizationForm.FormD))
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) plain.Append(c);
        return plain.ToString().Normalize(NormalizationForm.FormC);
    }

    private static string? Abbreviated(string? street)
    {
        if (street is null) return null;
        var words = Regex.Split(street, "([ -])");
        for (var i = 0; i < words.Length; i++)
        {
            foreach (var (full, shortened) in FrenchWords)
                if (string.Equals(words[i], full, StringComparison.OrdinalIgnoreCase)) { words[i] = shortened; break; }
            // German compounds: Hauptstraße → Hauptstr., Bismarckplatz → Bismarckpl.
            foreach (var ending in new[] { "straße", "strasse" })
                if (words[i].Length > ending.Length && words[i].EndsWith(ending, StringComparison.OrdinalIgnoreCase))
                    words[i] = words[i][..^ending.Length] + "str.";
            if (words[i].Length > 5 && words[i].EndsWith("platz", StringComparison.OrdinalIgnoreCase)) words[i] = words[i][..^5] + "pl.";
        }
        return string.Concat(words);
    }

    private static string? OneTypo(string? street, Random random)
    {
        if (street is null) return null;
        var letters = Enumerable.Range(0, street.Length).Where(i => char.IsLetter(street[i])).ToList();
        if (letters.Count < 2) return street;
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var at = letters[random.Next(letters.Count)];
            var letter = (char)('a' + random.Next(26));
            var typo = random.Next(4) switch
            {
                0 => street[..at] + letter + street[(at + 1)..],
                1 => street[..at] + letter + street[at..],
                2 => street[..at] + street[(at + 1)..],
                _ => at + 1 < street.Length && char.IsLetter(street[at + 1]) ? street[..at] + street[at + 1] + street[at] + street[(at + 2)..] : street,
            };
            if (!string.Equals(typo, street, StringComparison.OrdinalIgnoreCase)) return typo;
        }
        return street;
    }

    private static string? Respelled(string? city, string? street)
    {
        if (string.IsNullOrWhiteSpace(city)) return city;
        var saint = Regex.Match(city, @"\b(Saint|Sainte|St|Ste|Sankt)\b([ -])", RegexOptions.IgnoreCase);
        if (saint.Success)
        {
            var word = saint.Groups[1].Value.ToLowerInvariant() switch { "saint" => "St", "sainte" => "Ste", "st" => "Saint", "ste" => "Sainte", _ => "St." };
            return city[..saint.Index] + word + (saint.Groups[2].Value == "-" ? " " : "-") + city[(saint.Index + saint.Length)..];
        }
        if (city.Contains('-')) return city.Replace('-', ' ');
        if (city.Contains(' ')) return city.Replace(' ', '-');
        return IsFrench(street) ? city + " Cedex" : city.ToUpperInvariant();
    }

    private static string? Reformatted(string? number)
    {
        if (number is null) return null;
        var match = Regex.Match(number, @"^(\d+)\s*([A-Za-z]+)$");
        if (!match.Success) return number;
        return number.Contains(' ') ? match.Groups[1].Value + match.Groups[2].Value : $"{match.Groups[1].Value} {match.Groups[2].Value.ToLowerInvariant()}";
    }
}
