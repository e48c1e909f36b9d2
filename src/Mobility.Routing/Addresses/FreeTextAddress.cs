namespace Mobility.Routing.Addresses;

/// <summary>
/// Free text cut into the parts of an address, in every way that could be meant: the house number before the street
/// (French, "12 r. du Rhin") or after it (German, "Hauptstr. 12a"), a postcode of five digits (or four, as in
/// Liechtenstein, tried with and without), the commune after the postcode or after a comma, or at the end of the street
/// when it names a commune the index knows ("12 rue du Rhin Mulhouse"). The index matches each reading and keeps the best.
/// </summary>
internal static class FreeTextAddress
{
    private const string Separator = ",";
    private static readonly HashSet<string> Countries =
        ["france", "deutschland", "germany", "allemagne", "liechtenstein", "schweiz", "suisse", "switzerland", "osterreich", "austria"];
    /// <summary>Country letters written before a postcode: "F-68100", "D-69117", "FL-9490".</summary>
    private static readonly HashSet<string> CountryPrefixes = ["f", "d", "fl", "ch", "a", "l"];
    /// <summary>"n° 12", "Nr. 12".</summary>
    private static readonly HashSet<string> NumberWords = ["n", "no", "nr", "num"];
    private static readonly HashSet<string> SuffixWords = ["bis", "ter", "quater", "quinquies"];

    /// <param name="isCommune">Whether words (as typed) name a commune of the index.</param>
    public static List<PostalAddress> Readings(string text, Func<string, bool> isCommune)
    {
        var tokens = Tokens(text);
        while (tokens.Count > 0 && (tokens[^1] == Separator || Countries.Contains(tokens[^1]))) tokens.RemoveAt(tokens.Count - 1);
        var readings = new List<PostalAddress>();
        var postcodes = PostcodePositions(tokens);
        foreach (var postcode in postcodes) ReadAround(tokens, postcode, isCommune, readings);
        return readings.Distinct().ToList();
    }

    /// <summary>A street line with its number at either end ("12 rue du Rhin", "Hauptstraße 12"), as HR files often
    /// write it in one column: the number and the street, or null when the line has no number at an end.</summary>
    public static (string Number, string Street)? SplitNumber(string? line)
    {
        var words = Tokens(line ?? "").Where(t => t != Separator).ToList();
        var (number, street, _) = Number(words);
        return number is null || street.Count == 0 ? null : (number, string.Join(' ', street));
    }

    /// <summary>Where the postcode may be: the last five-digit number past the first word; else the last four-digit one,
    /// and also no postcode at all (it may be a year in a street's name: "avenue du 8 mai 1945").</summary>
    private static List<int> PostcodePositions(List<string> tokens)
    {
        for (var i = tokens.Count - 1; i > 0; i--)
            if (tokens[i].Length == 5 && tokens[i].All(char.IsAsciiDigit)) return [i];
        for (var i = tokens.Count - 1; i > 0; i--)
            if (tokens[i].Length == 4 && tokens[i].All(char.IsAsciiDigit)) return [i, -1];
        return [-1];
    }

    private static void ReadAround(List<string> tokens, int postcodeAt, Func<string, bool> isCommune, List<PostalAddress> readings)
    {
        string? postcode = null;
        var before = tokens;
        List<string>? city = null;
        if (postcodeAt >= 0)
        {
            postcode = tokens[postcodeAt];
            before = tokens[..postcodeAt];
            if (before.Count > 0 && CountryPrefixes.Contains(before[^1])) before = before[..^1];
            var after = tokens[(postcodeAt + 1)..].TakeWhile(t => t != Separator).ToList();
            if (after.Count > 0) city = after;
        }
        var segments = Segments(before);
        if (segments.Count == 0) return;
        // "17, avenue du Président Kennedy": a number alone before a comma belongs to the street after it.
        for (var i = segments.Count - 2; i >= 0; i--)
            if (segments[i].Count <= 2 && IsNumberWord(segments[i][0]) && segments[i].Skip(1).All(w => SuffixWords.Contains(w) || IsSuffixLetter(w)))
            {
                segments[i].AddRange(segments[i + 1]);
                segments.RemoveAt(i + 1);
            }
        // Without a commune after the postcode, a last part after a comma that holds no number is the commune.
        var cityReadings = new List<List<string>?>();
        if (city is not null) cityReadings.Add(city);
        else if (segments.Count > 1 && !segments[^1].Any(IsNumberWord))
        {
            cityReadings.Add(segments[^1]);
            segments.RemoveAt(segments.Count - 1);
        }
        else cityReadings.Add(null);
        var line = segments.FirstOrDefault(s => s.Any(IsNumberWord)) ?? segments[0];
        var (number, street, trailing) = Number(line);
        if (street.Count == 0) return;
        foreach (var cityWords in cityReadings)
        {
            var commune = cityWords ?? (trailing.Count > 0 ? trailing : null);
            readings.Add(Reading(number, street, postcode, commune));
            // "12 rue du Rhin Mulhouse": the street's last words may be the commune.
            if (commune is null)
                for (var k = 1; k <= 3 && k < street.Count; k++)
                    if (isCommune(string.Join(' ', street[^k..])))
                        readings.Add(Reading(number, street[..^k], postcode, street[^k..]));
        }
    }

    private static PostalAddress Reading(string? number, List<string> street, string? postcode, List<string>? city) =>
        new(number, string.Join(' ', street), postcode, city is null ? null : string.Join(' ', city));

    /// <summary>The house number at the start ("12 bis rue…", "n° 12 rue…", "12-14 rue…") or, else, the last number of
    /// the line with the street before it and what follows it (a commune, maybe) apart.</summary>
    private static (string? Number, List<string> Street, List<string> Trailing) Number(List<string> words)
    {
        var start = words.Count > 1 && NumberWords.Contains(words[0]) && IsNumberWord(words[1]) ? 1 : 0;
        if (start < words.Count && IsNumberWord(words[start]))
        {
            var (number, next) = NumberAt(words, start);
            return (number, words[next..], []);
        }
        for (var i = words.Count - 1; i > 0; i--)
            if (IsNumberWord(words[i]))
            {
                // "Plöck 31-41": the range's start is the number.
                if (i > 1 && IsDigits(words[i]) && IsDigits(words[i - 1])) i--;
                var (number, next) = NumberAt(words, i);
                var streetEnd = i > 0 && NumberWords.Contains(words[i - 1]) ? i - 1 : i;
                return (number, words[..streetEnd], words[next..]);
            }
        return (null, words, []);
    }

    private static (string Number, int Next) NumberAt(List<string> words, int at)
    {
        var number = words[at];
        var next = at + 1;
        if (next < words.Count && IsDigits(number) && (SuffixWords.Contains(words[next]) || IsSuffixLetter(words[next])))
            number += " " + words[next++];
        // "12-14 rue…": the range's end is part of the number.
        if (next < words.Count && IsDigits(words[next]) && IsDigits(number)) number += "-" + words[next++];
        return (number, next);
    }

    /// <summary>A single letter after a number is its suffix ("12 b rue…") unless it is the start of the street ("12 r du Rhin").</summary>
    private static bool IsSuffixLetter(string word) =>
        word.Length == 1 && char.IsAsciiLetter(word[0]) && AddressText.StreetWord(word) == word;

    private static bool IsDigits(string word) => word.All(char.IsAsciiDigit);

    /// <summary>"12", "12b", "12bis": digits, then at most a suffix.</summary>
    private static bool IsNumberWord(string word)
    {
        if (word.Length == 0 || !char.IsAsciiDigit(word[0])) return false;
        var digits = 0;
        while (digits < word.Length && char.IsAsciiDigit(word[digits])) digits++;
        var suffix = word[digits..];
        return digits <= 5 && (suffix.Length == 0 || (suffix.Length == 1 && char.IsAsciiLetter(suffix[0])) || SuffixWords.Contains(suffix));
    }

    private static List<List<string>> Segments(List<string> tokens)
    {
        var segments = new List<List<string>>();
        var current = new List<string>();
        foreach (var token in tokens)
        {
            if (token != Separator) { current.Add(token); continue; }
            if (current.Count > 0) segments.Add(current);
            current = [];
        }
        if (current.Count > 0) segments.Add(current);
        return segments;
    }

    /// <summary>The folded words of the text, with commas, semicolons and line ends kept as separators.</summary>
    private static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var folded = AddressText.Fold(text);
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var c = i < folded.Length ? folded[i] : ' ';
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (start < 0) start = i;
                continue;
            }
            if (start >= 0) tokens.Add(folded[start..i]);
            start = -1;
            if (c is ',' or ';' or '\n' or '\r' && (tokens.Count == 0 || tokens[^1] != Separator)) tokens.Add(Separator);
        }
        return tokens;
    }
}
