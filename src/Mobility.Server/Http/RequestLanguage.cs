using Microsoft.Extensions.Primitives;

namespace Mobility.Server.Http;

/// <summary>
/// The one language of the words the server still sends beside its codes (problem titles and details, field messages,
/// decision answers), for API users and scripts: the signed-in employee's saved language, else the request's
/// Accept-Language (French or English), else French.
/// </summary>
public static class RequestLanguage
{
    public const string French = "fr";
    public const string English = "en";

    /// <summary>The language the signed-in person saved in their profile, put on the request by the one query that checks
    /// their session (<c>SessionValidation</c>), so that choosing the words costs no query of its own.</summary>
    public sealed record Saved(string Language);

    public static string Of(HttpContext? http)
    {
        if (http is null) return French;
        if (http.Features.Get<Saved>() is { Language: French or English } saved) return saved.Language;
        // Highest quality first; the sort is stable, so equal qualities keep the client's order.
        foreach (var range in http.Request.GetTypedHeaders().AcceptLanguage.Where(r => r.Quality is not 0).OrderByDescending(r => r.Quality ?? 1))
        {
            if (Names(range.Value, French)) return French;
            if (Names(range.Value, English)) return English;
        }
        return French;
    }

    /// <summary>"en" and "en-GB" name English; "eng" does not.</summary>
    private static bool Names(StringSegment tag, string language) =>
        tag.Equals(language, StringComparison.OrdinalIgnoreCase)
        || (tag.StartsWith(language, StringComparison.OrdinalIgnoreCase) && tag.Length > language.Length && tag[language.Length] == '-');
}
