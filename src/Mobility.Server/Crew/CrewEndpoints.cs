using Mobility.Data;
using Mobility.Server.Accounts;
using Mobility.Server.Http;

namespace Mobility.Server.Crew;

/// <summary>A carpool group's thread for its members, under the group's own address.</summary>
public static class CrewEndpoints
{
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
            errors.Add("before", Codes.Field.AtLeast, CodeParameters.Minimum(1));
        if (limit is < 1 or > CrewMessages.MaximumPageSize)
            errors.Add("limit", Codes.Field.OutOfRange, CodeParameters.Range(1, CrewMessages.MaximumPageSize));
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

    private static IResult UnknownGroup() => CodedProblem.Create(StatusCodes.Status404NotFound, Codes.Problem.CarpoolUnknown);

    private static IResult RateLimited(PostOutcome.RateLimited limited, HttpContext http)
    {
        var seconds = (int)Math.Ceiling(limited.RetryAfter.TotalSeconds);
        http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return CodedProblem.Create(StatusCodes.Status429TooManyRequests, Codes.Problem.ChatRateLimited,
            new Dictionary<string, object?> { ["limit"] = limited.Limit, ["per"] = limited.Per, ["retryAfterSeconds"] = seconds });
    }
}
