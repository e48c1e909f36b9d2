using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Mobility.Data;

namespace Mobility.Server.Http;

/// <summary>
/// A problem answer (RFC 9457) with a stable kebab-case <c>code</c> of <see cref="Codes.Problem"/> and its
/// <c>parameters</c> (the client words it); its title and detail are added as it is written, in the requester's language
/// (<see cref="ProblemWording"/>).
/// </summary>
public sealed class CodedProblem(ProblemDetails problem) : IResult
{
    public static IResult Create(int statusCode, string code, IReadOnlyDictionary<string, object?>? parameters = null) =>
        new CodedProblem(Details(statusCode, code, parameters));

    public static ProblemDetails Details(int statusCode, string code, IReadOnlyDictionary<string, object?>? parameters = null) => new()
    {
        Status = statusCode,
        Extensions = { ["code"] = code, ["parameters"] = parameters ?? new Dictionary<string, object?>() },
    };

    public async Task ExecuteAsync(HttpContext http)
    {
        http.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        if (await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem })) return;
        // The problem writer only answers clients that accept JSON; one asking for something else (a calendar app
        // fetching an .ics) still gets the problem, worded the same way.
        ProblemWording.Apply(http, problem);
        var json = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        await http.Response.WriteAsJsonAsync(problem, problem.GetType(), json, "application/problem+json");
    }
}
