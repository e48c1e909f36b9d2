namespace Mobility.Server.Http;

/// <summary>
/// Field-level validation messages, French first then English, returned as an RFC 9457 validation problem
/// (`errors`: field → messages) so that a form can show each message next to its field. A message given with a code
/// (<see cref="Add(string, string, string, IReadOnlyDictionary{string, object?}?)"/>) is also listed under `fieldCodes`
/// (field → [{ code, parameters }]) and the problem carries `code` <see cref="Code"/>, so that a client that owns its
/// words translates it; `errors` stays as it was for the others.
/// </summary>
public sealed class FieldErrors
{
    public const string Title = "Données invalides / Invalid data";
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

    /// <param name="code">Stable, kebab-case (e.g. <c>unknown-reason</c>).</param>
    public void Add(string field, string code, string message, IReadOnlyDictionary<string, object?>? parameters = null)
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
