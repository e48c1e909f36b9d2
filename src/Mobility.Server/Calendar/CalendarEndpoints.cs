using Microsoft.Extensions.Options;
using Mobility.Data;
using Mobility.Server.Http;
using Mobility.Server.Accounts;

namespace Mobility.Server.Calendar;

/// <summary>The employee's calendar address (made, asked about, revoked while signed in) and the feed itself, opened by
/// the secret in its address alone, as phones' calendars subscribe.</summary>
public static class CalendarEndpoints
{
    public const string FeedPolicy = "calendar-feed";

    public static IEndpointRouteBuilder MapCalendarEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var me = endpoints.MapGroup("/api/me").WithTags("My data")
            .RequireAuthorization(AccountsSetup.TenantPolicy).RequireAuthorization(AccountsSetup.EmployeeOnly);
        me.MapGet("/calendar-feed", ReadMyCalendarFeedAsync).WithSummary("Whether I have a calendar address, and since when (never the address again).");
        me.MapPost("/calendar-feed", MakeMyCalendarFeedAsync)
            .WithSummary("Makes my secret calendar address (shifts and pickups, iCalendar), ending any previous one; answered once.");
        me.MapDelete("/calendar-feed", RevokeMyCalendarFeedAsync).WithSummary("Ends my calendar address.");

        endpoints.MapGet("/calendar/{token}.ics", ReadCalendarAsync).AllowAnonymous().RequireRateLimiting(FeedPolicy).WithTags("Calendar")
            .WithSummary("An employee's shifts and accepted pickups as iCalendar; the secret address is the only key.");
        return endpoints;
    }

    private static long EmployeeOf(HttpContext http) => CurrentUser.From(http.User)!.EmployeeId!.Value;

    private static async Task<IResult> ReadMyCalendarFeedAsync(HttpContext http, CalendarFeeds feeds, CancellationToken cancellation) =>
        Results.Ok(await feeds.CreatedAtAsync(EmployeeOf(http), cancellation) is { } createdAt
            ? new { exists = true, createdAt = (DateTimeOffset?)createdAt }
            : new { exists = false, createdAt = (DateTimeOffset?)null });

    private static async Task<IResult> MakeMyCalendarFeedAsync(HttpContext http, CalendarFeeds feeds, IConfiguration configuration,
        CancellationToken cancellation)
    {
        var (token, createdAt) = await feeds.RotateAsync(EmployeeOf(http), cancellation);
        // The address people reach the service by when it is configured, else the one this request came to.
        var site = configuration[$"{MailOptions.Section}:{nameof(MailOptions.PublicUrl)}"] is { Length: > 0 } configured
            ? configured : $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
        return Results.Ok(new { url = $"{site.TrimEnd('/')}/calendar/{token}.ics", createdAt });
    }

    private static async Task<IResult> RevokeMyCalendarFeedAsync(HttpContext http, CalendarFeeds feeds, CancellationToken cancellation)
    {
        await feeds.RevokeAsync(EmployeeOf(http), cancellation);
        return Results.NoContent();
    }

    private static async Task<IResult> ReadCalendarAsync(string token, HttpContext http, CalendarFeeds feeds, CalendarDocument document,
        CancellationToken cancellation)
    {
        if (await feeds.OpenAsync(token, cancellation) is not { } feed)
            return CodedProblem.Create(StatusCodes.Status404NotFound, Codes.Problem.CalendarFeedUnknown);
        // Personal data at a secret address: no shared cache keeps a copy.
        http.Response.Headers.CacheControl = "private, no-store";
        return Results.Text(await document.WriteAsync(feed, cancellation), "text/calendar; charset=utf-8");
    }

    /// <summary>The request limit per address on feeds, beside sign-in's (whose rejection answer it shares).</summary>
    public static void AddPolicy(Microsoft.AspNetCore.RateLimiting.RateLimiterOptions limiter) =>
        limiter.AddPolicy(FeedPolicy, http =>
        {
            var perMinute = http.RequestServices.GetRequiredService<IOptions<CalendarOptions>>().Value.RequestsPerAddressPerMinute;
            return System.Threading.RateLimiting.RateLimitPartition.GetFixedWindowLimiter(SignInLimits.AddressOf(http),
                _ => new System.Threading.RateLimiting.FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
        });
}
