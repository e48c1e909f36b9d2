namespace Mobility.Server.Http;

/// <summary>
/// Field-level validation messages, French first then English, returned as an RFC 9457 validation problem
/// (`errors`: field → messages) so that a form can show each message next to its field.
/// </summary>
public sealed class FieldErrors
{
    public const string Title = "Données invalides / Invalid data";

    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.OrdinalIgnoreCase);

    public bool Any => _errors.Count > 0;
    /// <summary>How many messages so far, to tell whether a check added any.</summary>
    public int Count => _errors.Values.Sum(m => m.Count);

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages)) _errors[field] = messages = [];
        messages.Add(message);
    }

    /// <param name="statusCode">400, or 409 when the data is fine but clashes with what is stored.</param>
    public IResult Problem(int statusCode = StatusCodes.Status400BadRequest) => Results.ValidationProblem(
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray()),
        title: Title, statusCode: statusCode);
}
