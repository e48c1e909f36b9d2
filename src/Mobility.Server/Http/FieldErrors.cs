namespace Mobility.Server.Http;

/// <summary>
/// Field-level validation messages, French first then English, returned as an RFC 9457 validation problem
/// (`errors`: field → messages) so that a form can show each message next to its field. A message added with a code also
/// goes to `fieldCodes` (field → [{code, parameters}]), so that a client that owns the words shows its own; the problem
/// then carries `code` "invalid-data" too.
/// </summary>
public sealed class FieldErrors
{
    public const string Title = "Données invalides / Invalid data";

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

    /// <summary>A message with its stable code (kebab-case) and the values the client's words need.</summary>
    public void Add(string field, string message, string code, IReadOnlyDictionary<string, object?>? parameters = null)
    {
        Add(field, message);
        if (!_codes.TryGetValue(field, out var codes)) _codes[field] = codes = [];
        codes.Add(new FieldCode(code, parameters ?? new Dictionary<string, object?>()));
    }

    /// <param name="statusCode">400, or 409 when the data is fine but clashes with what is stored.</param>
    public IResult Problem(int statusCode = StatusCodes.Status400BadRequest) => Results.ValidationProblem(
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray()),
        title: Title, statusCode: statusCode,
        extensions: _codes.Count == 0 ? null : new Dictionary<string, object?>
        {
            ["code"] = Code,
            ["fieldCodes"] = _codes.ToDictionary(c => c.Key, c => c.Value.ToArray()),
        });
}

/// <summary>One field problem as a client translates it.</summary>
public sealed record FieldCode(string Code, IReadOnlyDictionary<string, object?> Parameters);
