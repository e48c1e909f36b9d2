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
}
