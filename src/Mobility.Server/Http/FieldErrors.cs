namespace Mobility.Server.Http;

/// <summary>
/// Field-level validation messages, French first then English, returned as an RFC 9457 validation problem
/// (`errors`: field → messages) so that a form can show each message next to its field. A message added with a code also
/// answers it in `fieldCodes` (field → `{code, parameters}`), for a client that words it itself.
/// </summary>
public sealed class FieldErrors
{
    public const string Title = "Données invalides / Invalid data";
    /// <summary>The problem's own code, whatever the fields.</summary>
    public const string Code = "invalid-data";

    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<FieldCode>> _codes = new(StringComparer.OrdinalIgnoreCase);

    public bool Any => _errors.Count > 0;
    /// <summary>How many messages so far, to tell whether a check added any.</summary>
    public int Count => _errors.Values.Sum(m => m.Count);

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages)) _errors[field] = messages = [];
        messages.Add(message);
    }

    /// <param name="code">Stable, kebab-case (e.g. <c>meeting-point-too-far</c>).</param>
    /// <param name="parameters">What the client needs to word it (a limit, a date).</param>
    public void Add(string field, string code, string message, IReadOnlyDictionary<string, object?>? parameters = null)
    {
        Add(field, message);
        if (!_codes.TryGetValue(field, out var codes)) _codes[field] = codes = [];
        codes.Add(new FieldCode(code, parameters ?? new Dictionary<string, object?>()));
    }

    /// <param name="statusCode">400, or 409 when the data is fine but clashes with what is stored.</param>
    public IResult Problem(int statusCode = StatusCodes.Status400BadRequest)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = Code };
        if (_codes.Count > 0) extensions["fieldCodes"] = _codes.ToDictionary(c => c.Key, c => c.Value.ToArray());
        return Results.ValidationProblem(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()),
            title: Title, statusCode: statusCode, extensions: extensions);
    }
}

/// <summary>One field problem as a code and its parameters.</summary>
public sealed record FieldCode(string Code, IReadOnlyDictionary<string, object?> Parameters);
