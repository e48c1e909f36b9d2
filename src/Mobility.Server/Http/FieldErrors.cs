using Mobility.Data;

namespace Mobility.Server.Http;

/// <summary>
/// Field-level validation errors as codes of <see cref="Codes.Field"/> with their parameters, answered as an RFC 9457
/// validation problem (code <see cref="Codes.Problem.InvalidFields"/>): <c>fieldCodes</c> (field → [{ code, parameters }])
/// for a client that owns its words, and <c>errors</c> (field → messages) worded for API users in the requester's
/// language (<see cref="ProblemWording"/>), so that a form can show each next to its field.
/// </summary>
public sealed class FieldErrors
{
    /// <summary>A field's error as a client translates it.</summary>
    public sealed record FieldCode(string Code, IReadOnlyDictionary<string, object?> Parameters);

    private readonly Dictionary<string, List<FieldCode>> _codes = new(StringComparer.OrdinalIgnoreCase);

    public bool Any => _codes.Count > 0;
    /// <summary>How many errors so far, to tell whether a check added any.</summary>
    public int Count => _codes.Values.Sum(c => c.Count);

    /// <param name="code">Stable, kebab-case, one of <see cref="Codes.Field"/> (e.g. <c>out-of-range</c>).</param>
    /// <param name="parameters">The numbers and names the words need (e.g. <c>minimum</c>, <c>maximum</c>).</param>
    public void Add(string field, string code, IReadOnlyDictionary<string, object?>? parameters = null)
    {
        if (!_codes.TryGetValue(field, out var codes)) _codes[field] = codes = [];
        codes.Add(new FieldCode(code, parameters ?? new Dictionary<string, object?>()));
    }

    /// <param name="statusCode">400, or 409 when the data is fine but clashes with what is stored.</param>
    public IResult Problem(int statusCode = StatusCodes.Status400BadRequest) => new CodedProblem(ToProblemDetails(statusCode));

    /// <summary>The problem, its messages still the codes until it is worded as it is written.</summary>
    public HttpValidationProblemDetails ToProblemDetails(int statusCode = StatusCodes.Status400BadRequest) =>
        new(_codes.ToDictionary(c => c.Key, c => c.Value.Select(v => v.Code).ToArray()))
        {
            Status = statusCode,
            Extensions =
            {
                ["code"] = Codes.Problem.InvalidFields,
                ["fieldCodes"] = _codes.ToDictionary(c => c.Key, c => c.Value.ToArray(), StringComparer.OrdinalIgnoreCase),
            },
        };
}
