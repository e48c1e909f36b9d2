using Mobility.Server.Accounts;
using Mobility.Server.Http;

namespace Mobility.Server.Crew;

/// <summary>A carpool group's thread for its members, under the group's own address.</summary>
public static class CrewEndpoints
{
    public const string RateLimitedCode = "chat-rate-limited";

    public static IEndpointRouteBuilder MapCrewEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var me = endpoints.MapGroup("/api/me").WithTags("My carpools")
            .RequireAuthorization(AccountsSetup.TenantPolicy).RequireAuthorization(AccountsSetup.EmployeeOnly);

        me.MapGet("/proposals/{groupId:long}/crew-messages", ReadCrewMessagesAsync)
            .WithSummary("The group's messages, newest last: the latest page, or the one before a message id (`before`).");
        me.MapPost("/proposals/{groupId:long}/crew-messages", PostCrewMessageAsync)
            .WithSummary("Sends a message to the group (a text of at most 500 characters, or a quick message code), pushed to its members.");
        return endpoints;
    }

    private static async Task<IResult> ReadCrewMessagesAsync(long groupId, long? before, int? limit, HttpContext http, CrewMessages messages,
        CancellationToken cancellation)
    {
        var errors = new FieldErrors();
        if (before is < 1)
            errors.Add("before", "out-of-range", "Un identifiant de message. / A message id.", new Dictionary<string, object?> { ["minimum"] = 1 });
        if (limit is < 1 or > CrewMessages.MaximumPageSize)
            errors.Add("limit", "out-of-range", $"Entre 1 et {CrewMessages.MaximumPageSize}. / Between 1 and {CrewMessages.MaximumPageSize}.",
                new Dictionary<string, object?> { ["minimum"] = 1, ["maximum"] = CrewMessages.MaximumPageSize });
        if (errors.Any) return errors.Problem();
        var page = await messages.ReadAsync(EmployeeOf(http), groupId, before, limit ?? CrewMessages.DefaultPageSize, cancellation);
        return page is null ? UnknownGroup() : Results.Ok(page);
    }

    private static async Task<IResult> PostCrewMessageAsync(long groupId, CrewMessageInput input, HttpContext http, CrewMessages messages,
        CancellationToken cancellation)
    {
        var errors = new FieldErrors();
        if (input.Check(errors) is not { } message) return errors.Problem();
        return await messages.PostAsync(EmployeeOf(http), groupId, message.Text, message.QuickMessage, cancellation) switch
        {
            PostOutcome.Posted posted => Results.Created((string?)null, posted.Message),
            PostOutcome.RateLimited limited => RateLimited(limited, http),
            _ => UnknownGroup(),
        };
    }

    private static long EmployeeOf(HttpContext http) => CurrentUser.From(http.User)!.EmployeeId!.Value;

    private static IResult UnknownGroup() => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Covoiturage inconnu / Unknown carpool",
        detail: "Vous ne faites pas partie de ce covoiturage. / You are not in this carpool.",
        extensions: new Dictionary<string, object?> { ["code"] = "carpool-unknown" });

    private static IResult RateLimited(PostOutcome.RateLimited limited, HttpContext http)
    {
        var seconds = (int)Math.Ceiling(limited.RetryAfter.TotalSeconds);
        http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Trop de messages / Too many messages",
            detail: $"Au plus {limited.Limit} messages par {(limited.Per == "day" ? "jour" : "minute")} ; réessayez dans {seconds} s. / " +
                    $"At most {limited.Limit} messages per {limited.Per}; try again in {seconds} s.",
            extensions: new Dictionary<string, object?>
            {
                ["code"] = RateLimitedCode,
                ["parameters"] = new Dictionary<string, object?> { ["limit"] = limited.Limit, ["per"] = limited.Per, ["retryAfterSeconds"] = seconds },
            });
    }
}
