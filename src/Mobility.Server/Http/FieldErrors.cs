namespace Mobility.Server.Http;

/// <summary>
/// Field-level validation messages, French first then English, returned as an RFC 9457 validation problem
/// (`errors`: field → messages) so that a form can show each message next to its field. A message may also carry a
/// stable code and its parameters, for a client that words errors itself: they are answered beside `errors`, as
/// `code` <see cref="Code"/> and `fields` (field → [{code, parameters}]), so clients that read `errors` only are unchanged.
/// </summary>
public sealed class FieldErrors
{
    public const string Title = "Données invalides / Invalid data";
    /// <summary>The problem's own code whenever some field carries one.</summary>
    public const string Code = "invalid-fields";

    /// <summary>A field's error as a client translates it.</summary>
    public sealed record FieldCode(string Code, IReadOnlyDictionary<string, object?> Parameters);

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

    /// <summary>A message with its code (kebab-case, e.g. <c>chat-text-too-long</c>) and the values its wording needs.</summary>
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
            ["fields"] = _codes.ToDictionary(c => c.Key, c => c.Value),
        });
}
