using System.Text;
using AnyAscii;

namespace Mobility.Routing.Addresses;

/// <summary>
/// How the index compares street and commune names: folded to lower-case ASCII (AnyAscii: "Straße" is "strasse", "É" is
/// "e", "Œ" is "oe"), hyphens, apostrophes and dots as spaces, the usual French and German abbreviations written out,
/// then the words joined into one key ("Friedrich-Ebert-Str." and "Friedrich Ebert Straße" are both
/// "friedrichebertstrasse", "St-Louis" and "Saint Louis" both "saintlouis"). The same folding applies to the index and to
/// what is asked, so an abbreviation only has to be consistent, not linguistically right ("Dr." is "docteur" in German too).
/// </summary>
public static class AddressText
{
    /// <summary>Abbreviations as words of their own ("r. du Rhin", "Av. Foch", "Bd", "Str." after a hyphen).</summary>
    private static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal)
    {
        // French street kinds.
        ["r"] = "rue", ["av"] = "avenue", ["ave"] = "avenue", ["aven"] = "avenue", ["bd"] = "boulevard", ["bld"] = "boulevard",
        ["blvd"] = "boulevard", ["boul"] = "boulevard", ["bvd"] = "boulevard", ["pl"] = "place", ["imp"] = "impasse",
        ["ch"] = "chemin", ["chem"] = "chemin", ["che"] = "chemin", ["rte"] = "route", ["fg"] = "faubourg", ["fbg"] = "faubourg",
        ["faub"] = "faubourg", ["all"] = "allee", ["sq"] = "square", ["qu"] = "quai", ["pass"] = "passage", ["crs"] = "cours",
        ["res"] = "residence", ["sent"] = "sentier", ["prom"] = "promenade", ["mte"] = "montee",
        ["rpt"] = "rondpoint", ["hle"] = "halle", ["zi"] = "zoneindustrielle", ["za"] = "zoneactivite",
        // Titles in street names, French and German.
        ["st"] = "saint", ["ste"] = "sainte", ["sankt"] = "saint", ["gal"] = "general", ["gen"] = "general",
        ["mal"] = "marechal", ["mar"] = "marechal", ["pdt"] = "president", ["pres"] = "president", ["dr"] = "docteur",
        ["doktor"] = "docteur", ["mgr"] = "monseigneur", ["prof"] = "professeur", ["cdt"] = "commandant", ["lt"] = "lieutenant",
        ["cne"] = "capitaine",
        // German.
        ["str"] = "strasse", ["strasze"] = "strasse", ["pf"] = "pfad",
    };

    private static readonly HashSet<string> Articles =
        ["de", "du", "des", "la", "le", "les", "l", "d", "der", "die", "das", "dem", "den", "am", "im", "an", "zum", "zur"];

    /// <summary>Words of a commune's name that say how mail is delivered, not where: "Mulhouse Cedex 1" is Mulhouse.</summary>
    private static readonly HashSet<string> DeliveryWords = ["cedex", "bp", "cs", "tsa"];

    /// <summary>Lower-case ASCII words: letters and digits, everything else a separator.</summary>
    public static List<string> Split(string? text)
    {
        var words = new List<string>();
        if (string.IsNullOrWhiteSpace(text)) return words;
        var folded = Fold(text);
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var isWordCharacter = i < folded.Length && char.IsAsciiLetterOrDigit(folded[i]);
            if (isWordCharacter && start < 0) start = i;
            else if (!isWordCharacter && start >= 0)
            {
                words.Add(folded[start..i]);
                start = -1;
            }
        }
        return words;
    }

    /// <summary>Lower-case ASCII; "n°" keeps no "deg" of its degree sign.</summary>
    public static string Fold(string text)
    {
        var ascii = IsPlainAscii(text) ? text : text.Replace('°', ' ').Replace('º', ' ').Transliterate();
        return ascii.ToLowerInvariant();
    }

    /// <summary>The street's key: its words with abbreviations written out, joined ("ruedurhin", "hauptstrasse").</summary>
    public static string StreetKey(string? street)
    {
        var key = new StringBuilder();
        foreach (var word in Split(street)) key.Append(StreetWord(word));
        return key.ToString();
    }

    /// <summary>The street's key without its articles ("avenuepresidentkennedy" for "Avenue du Président Kennedy",
    /// "neuenheimerfeld" for "Im Neuenheimer Feld"), which files often drop: the index takes a match of it as one typo.</summary>
    public static string StreetCore(string? street)
    {
        var key = new StringBuilder();
        foreach (var word in Split(street))
            if (!Articles.Contains(word)) key.Append(StreetWord(word));
        return key.ToString();
    }

    /// <summary>The commune's key: "St-Louis", "SAINT LOUIS" and "Saint-Louis Cedex" are all "saintlouis".</summary>
    public static string CommuneKey(string? commune)
    {
        var key = new StringBuilder();
        foreach (var word in Split(commune))
        {
            if (DeliveryWords.Contains(word)) break;
            key.Append(Words.TryGetValue(word, out var full) && full is "saint" or "sainte" ? full : word);
        }
        return key.ToString();
    }

    /// <summary>A postcode's digits ("F-68100" is 68100), or null when it has none.</summary>
    public static string? PostcodeKey(string? postcode)
    {
        if (string.IsNullOrWhiteSpace(postcode)) return null;
        var digits = new StringBuilder();
        foreach (var c in postcode) if (char.IsAsciiDigit(c)) digits.Append(c);
        return digits.Length == 0 ? null : digits.ToString();
    }

    /// <summary>One word of a street name written out: an abbreviation of its own, or a German compound cut short
    /// ("Hauptstr." is "hauptstrasse", "Bismarckpl." is "bismarckplatz").</summary>
    internal static string StreetWord(string word)
    {
        if (Words.TryGetValue(word, out var full)) return full;
        if (word.Length > 3 && word.EndsWith("str", StringComparison.Ordinal)) return word + "asse";
        if (word.Length > 4 && word.EndsWith("pl", StringComparison.Ordinal)) return word + "atz";
        return word;
    }

    /// <summary>A key with ae, oe, ue as a, o, u: German writes ä, ö, ü so without umlauts ("Muehlweg"), where AnyAscii
    /// folds "Mühlweg" to "muhlweg". Not part of the key itself, where it would turn every typo in a French "rue" into two.</summary>
    public static string WithoutUmlautVowels(string key) => key.Replace("ae", "a").Replace("oe", "o").Replace("ue", "u");

    private static bool IsPlainAscii(string text)
    {
        foreach (var c in text) if (c > 127) return false;
        return true;
    }
}
