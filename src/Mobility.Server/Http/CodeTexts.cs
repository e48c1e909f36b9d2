using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Mobility.Server.Http;

/// <summary>
/// The server's words for its codes (<see cref="Data.Codes"/>), French and English, for API users and scripts reading a
/// raw answer: problem titles and details, field messages, decision answers, each in one language
/// (<see cref="RequestLanguage"/>). The catalog is <c>CodeTexts.json</c> beside this file (the web app's tests read it
/// too); the client has words of its own for every code.
/// </summary>
public static partial class CodeTexts
{
    private sealed record ProblemWords(string Title, string? Detail);

    private sealed record Catalog(
        Dictionary<string, Dictionary<string, ProblemWords>> Problems,
        Dictionary<string, Dictionary<string, string>> Fields,
        Dictionary<string, Dictionary<string, string>> Decisions);

    private static readonly Catalog Texts = Load();

    internal static IReadOnlyCollection<string> ProblemCodes => Texts.Problems.Keys;
    internal static IReadOnlyCollection<string> FieldCodes => Texts.Fields.Keys;
    internal static IReadOnlyCollection<string> DecisionCodes => Texts.Decisions.Keys;

    public static bool HasProblem(string code) => Texts.Problems.ContainsKey(code);

    /// <summary>A problem's title and detail (null when the title says it all) in <paramref name="language"/>.</summary>
    public static (string Title, string? Detail) Problem(string code, string language, IReadOnlyDictionary<string, object?>? parameters = null)
    {
        var words = In(Texts.Problems[code], language);
        return (Fill(words.Title, parameters, language), words.Detail is null ? null : Fill(words.Detail, parameters, language));
    }

    /// <summary>A field error's message; the code itself for one without words (never the case for codes of <see cref="Data.Codes"/>).</summary>
    public static string Field(string code, string language, IReadOnlyDictionary<string, object?>? parameters = null) =>
        Texts.Fields.TryGetValue(code, out var words) ? Fill(In(words, language), parameters, language) : code;

    /// <summary>What a decision did; a refused one is said as its problem is.</summary>
    public static string Decision(string code, string language)
    {
        if (Texts.Decisions.TryGetValue(code, out var words)) return In(words, language);
        if (!HasProblem(code)) return code;
        var (title, detail) = Problem(code, language);
        return detail ?? title;
    }

    /// <summary>The placeholders of a text, <c>{name}</c>.</summary>
    internal static IEnumerable<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Groups[1].Value);

    private static T In<T>(Dictionary<string, T> words, string language) =>
        words.TryGetValue(language, out var found) ? found : words[RequestLanguage.French];

    /// <summary>Fills <c>{name}</c> from the parameters, numbers written the language's way; a placeholder without its
    /// parameter stays as it is, visible.</summary>
    private static string Fill(string text, IReadOnlyDictionary<string, object?>? parameters, string language)
    {
        if (parameters is null || parameters.Count == 0) return text;
        var culture = CultureInfo.GetCultureInfo(language == RequestLanguage.English ? "en-GB" : "fr-FR");
        return Placeholder().Replace(text, match =>
            parameters.TryGetValue(match.Groups[1].Value, out var value) ? Written(value, culture) : match.Value);
    }

    private static string Written(object? value, CultureInfo culture) => value switch
    {
        null => "",
        string text => text,
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        int or long or short or byte or double or float or decimal => Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("#,0.######", culture),
        JsonElement { ValueKind: JsonValueKind.Number } number => number.GetDouble().ToString("#,0.######", culture),
        JsonElement { ValueKind: JsonValueKind.String } text => text.GetString() ?? "",
        JsonElement { ValueKind: JsonValueKind.Array } list => string.Join(", ", list.EnumerateArray().Select(item => Written(item, culture))),
        JsonElement other => other.ToString(),
        IEnumerable list => string.Join(", ", list.Cast<object?>().Select(item => Written(item, culture))),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static Catalog Load()
    {
        using var stream = typeof(CodeTexts).Assembly.GetManifestResourceStream("CodeTexts.json")
                           ?? throw new InvalidOperationException("CodeTexts.json is not embedded in the server.");
        return JsonSerializer.Deserialize<Catalog>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))
               ?? throw new InvalidOperationException("CodeTexts.json is empty.");
    }

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();
}
