using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Mobility.Data;
using Mobility.Server.Http;

namespace Mobility.Server;

/// <summary>
/// A body or parameter the server cannot read (malformed JSON, a number that is not one) becomes a 400 problem with the
/// reason, in every environment; nothing has been written at that point, since binding comes before the handler.
/// </summary>
public sealed partial class BadRequests : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellation)
    {
        if (exception is not BadHttpRequestException bad) return false;
        var errors = new FieldErrors();
        if (bad.InnerException is RefusedValueException refused) errors.Add(refused.Field, refused.Code, refused.Parameters);
        // A field of the wrong type (an emptied number field sends "") is named, so that the form shows it next to the field.
        else if (bad.InnerException is JsonException { Path: { Length: > 2 } path } wrongType && path.StartsWith("$.", StringComparison.Ordinal))
            errors.Add(path[2..], Expected($"{wrongType.Message} {wrongType.InnerException?.Message}"));
        await new CodedProblem(errors.Any ? errors.ToProblemDetails(bad.StatusCode) : Unreadable(bad)).ExecuteAsync(http);
        return true;
    }

    /// <summary>Where the JSON broke, when it is JSON that broke; the parser's own message names .NET types, so it stays in the log.</summary>
    private static Microsoft.AspNetCore.Mvc.ProblemDetails Unreadable(BadHttpRequestException bad) =>
        CodedProblem.Details(bad.StatusCode, Codes.Problem.UnreadableRequest, bad.InnerException is JsonException { LineNumber: { } line } json
            ? new Dictionary<string, object?> { ["line"] = line + 1, ["position"] = (json.BytePositionInLine ?? 0) + 1 }
            : null);

    /// <summary>What the field takes, read from the serializer's messages: they name the type it could not convert to
    /// ("System.Int32", or "for an Int32" in the inner one when a record's constructor takes the value).</summary>
    private static string Expected(string messages) =>
        WholeNumber().IsMatch(messages) ? Codes.Field.WholeNumberExpected
        : Number().IsMatch(messages) ? Codes.Field.NumberExpected
        : Codes.Field.UnreadableValue;

    [GeneratedRegex(@"\b(System\.)?U?Int(16|32|64)\b")]
    private static partial Regex WholeNumber();

    [GeneratedRegex(@"\b(System\.)?(Double|Single|Decimal)\b")]
    private static partial Regex Number();
}
