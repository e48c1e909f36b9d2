using Microsoft.AspNetCore.Diagnostics;
using Mobility.Server.Http;

namespace Mobility.Server;

/// <summary>
/// A body or parameter the server cannot read (malformed JSON, a number that is not one) becomes a 400 problem with the
/// reason, in every environment; nothing has been written at that point, since binding comes before the handler.
/// </summary>
public sealed class BadRequests(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellation)
    {
        if (exception is not BadHttpRequestException bad) return false;
        http.Response.StatusCode = bad.StatusCode;
        if (bad.InnerException is RefusedValueException refused)
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [refused.Field] = [refused.Reason] })
                {
                    Status = bad.StatusCode, Title = FieldErrors.Title,
                },
                Exception = exception,
            });
        // A field of the wrong type (an emptied number field sends "") is named, so that the form shows it next to the field.
        if (bad.InnerException is System.Text.Json.JsonException { Path: { Length: > 2 } path } wrongType && path.StartsWith("$.", StringComparison.Ordinal))
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [path[2..]] = [Expected(wrongType.Message)] })
                {
                    Status = bad.StatusCode, Title = FieldErrors.Title,
                },
                Exception = exception,
            });
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = bad.StatusCode, Title = "Requête illisible / Unreadable request",
                Detail = bad.InnerException is System.Text.Json.JsonException json ? $"JSON: {json.Message}" : bad.Message,
            },
            Exception = exception,
        });
    }

    /// <summary>What the field takes, read from the serializer's message (it names the type it could not convert to).</summary>
    private static string Expected(string message) =>
        message.Contains("System.Int", StringComparison.Ordinal) ? "Un nombre entier est attendu. / A whole number is expected."
        : message.Contains("System.Double", StringComparison.Ordinal) ? "Un nombre est attendu. / A number is expected."
        : "Valeur illisible pour ce champ. / Unreadable value for this field.";
}
