namespace Mobility.Server.Http;

/// <summary>
/// A problem the front end translates: a stable kebab-case <c>code</c> and its <c>parameters</c> in the problem's
/// extensions, beside a French-then-English title for anyone reading the raw answer.
/// </summary>
public static class CodedProblem
{
    public static IResult Create(int statusCode, string title, string code, IReadOnlyDictionary<string, object?>? parameters = null) =>
        Results.Problem(statusCode: statusCode, title: title, extensions: new Dictionary<string, object?>
        {
            ["code"] = code,
            ["parameters"] = parameters ?? new Dictionary<string, object?>(),
        });
}
