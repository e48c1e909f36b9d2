using Microsoft.AspNetCore.Mvc;
using Mobility.Data;

namespace Mobility.Server.Http;

/// <summary>
/// The one place a problem answer gets its words, whoever wrote it (an endpoint, an exception handler, a bare status
/// turned into a problem by the status-code pages): its <c>code</c> (one from the status when it had none), and its
/// title, detail and field messages from <see cref="CodeTexts"/> in the requester's language (<see cref="RequestLanguage"/>).
/// </summary>
public static class ProblemWording
{
    public static void Apply(ProblemDetailsContext context) => Apply(context.HttpContext, context.ProblemDetails);

    public static void Apply(HttpContext http, ProblemDetails problem)
    {
        var code = problem.Extensions.TryGetValue("code", out var given) ? given as string : null;
        if (code is null)
        {
            code = ForStatus(problem.Status ?? http.Response.StatusCode);
            problem.Extensions["code"] = code;
            // A problem that came with words of its own and no code is one whose producer still words it (the imports'):
            // it gets a code, and keeps its words.
            if (problem.Detail is not null) return;
        }
        // Likewise a code of another catalog than ours.
        if (!CodeTexts.HasProblem(code)) return;
        var language = RequestLanguage.Of(http);
        (problem.Title, problem.Detail) = CodeTexts.Problem(code, language,
            problem.Extensions.TryGetValue("parameters", out var parameters) ? parameters as IReadOnlyDictionary<string, object?> : null);
        if (problem is HttpValidationProblemDetails validation
            && problem.Extensions.TryGetValue("fieldCodes", out var fields) && fields is IReadOnlyDictionary<string, FieldErrors.FieldCode[]> codes)
            foreach (var (field, fieldCodes) in codes)
                validation.Errors[field] = fieldCodes.Select(c => CodeTexts.Field(c.Code, language, c.Parameters)).ToArray();
    }

    /// <summary>The code of a bare status, with nothing more precise to say.</summary>
    public static string ForStatus(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => Codes.Problem.Unauthorized,
        StatusCodes.Status403Forbidden => Codes.Problem.Forbidden,
        StatusCodes.Status404NotFound => Codes.Problem.NotFound,
        StatusCodes.Status405MethodNotAllowed => Codes.Problem.MethodNotAllowed,
        StatusCodes.Status409Conflict => Codes.Problem.Conflict,
        StatusCodes.Status413PayloadTooLarge => Codes.Problem.PayloadTooLarge,
        StatusCodes.Status415UnsupportedMediaType => Codes.Problem.UnsupportedMediaType,
        StatusCodes.Status429TooManyRequests => Codes.Problem.RateLimited,
        StatusCodes.Status503ServiceUnavailable => Codes.Problem.ServiceUnavailable,
        >= 500 => Codes.Problem.ServerError,
        _ => Codes.Problem.BadRequest,
    };
}
