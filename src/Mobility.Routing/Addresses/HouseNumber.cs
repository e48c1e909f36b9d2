namespace Mobility.Routing.Addresses;

/// <summary>
/// A house number as the index compares it: the number, its suffix ("bis", "ter", a letter: "12 bis", "12bis", "12B",
/// "12 b" all read the same way), and the last number of a range or list ("14-18", "2;4") when the source gives one.
/// </summary>
public readonly record struct HouseNumber(int Number, string Suffix, int Last)
{
    /// <summary>Suffixes that are words; a single letter is a suffix too.</summary>
    private static readonly HashSet<string> SuffixWords = ["bis", "ter", "quater", "quinquies"];

    /// <summary>Read from text, or null when it holds no number.</summary>
    public static HouseNumber? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var folded = AddressText.Fold(text);
        var i = 0;
        while (i < folded.Length && !char.IsAsciiDigit(folded[i])) i++;
        if (i == folded.Length) return null;
        var number = ReadNumber(folded, ref i);
        if (number is not { } first) return null;
        while (i < folded.Length && folded[i] == ' ') i++;
        var letters = i;
        while (i < folded.Length && char.IsAsciiLetter(folded[i])) i++;
        var suffix = folded[letters..i];
        if (suffix.Length > 1 && !SuffixWords.Contains(suffix)) suffix = "";
        var last = first;
        while (i < folded.Length && !char.IsAsciiDigit(folded[i]) && folded[i] is ' ' or '-' or ';' or ',' or '/') i++;
        if (i < folded.Length && char.IsAsciiDigit(folded[i]) && ReadNumber(folded, ref i) is { } end && end > first && end - first <= 50)
            last = end;
        return new HouseNumber(first, suffix, last);
    }

    public bool Covers(int number) => number == Number || (number > Number && number <= Last && (number - Number) % 2 == 0);

    /// <summary>How well a number asked for agrees with this one, when both have the same number: 1 for the same suffix,
    /// a little less for "b" against "bis", a missing suffix, or another suffix (a neighbouring door).</summary>
    public double SuffixAgreement(string asked)
    {
        if (asked == Suffix) return 1;
        if (Same(asked, Suffix)) return 0.98;
        if (asked.Length == 0 || Suffix.Length == 0) return 0.93;
        return 0.9;
    }

    private static bool Same(string a, string b) => (a, b) switch
    {
        ("b", "bis") or ("bis", "b") => true,
        ("t", "ter") or ("ter", "t") => true,
        ("q", "quater") or ("quater", "q") => true,
        _ => false,
    };

    private static int? ReadNumber(string text, ref int i)
    {
        var value = 0;
        var digits = 0;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            if (digits++ < 6) value = value * 10 + (text[i] - '0');
            i++;
        }
        return digits is > 0 and <= 6 ? value : null;
    }
}
