using Microsoft.EntityFrameworkCore;
using Mobility.Data;
using Mobility.Data.Model;
using Mobility.Server.Accounts;
using Mobility.Server.Http;

namespace Mobility.Server.Reach;

/// <summary>Web Push devices of the signed-in employee, the server's VAPID public key, and the administrators' digest run.</summary>
public static class ReachEndpoints
{
    public static IEndpointRouteBuilder MapReachEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/push/public-key", ReadPublicKeyAsync).RequireAuthorization(AccountsSetup.TenantPolicy)
            .WithTags("Web Push").WithSummary("The VAPID public key to subscribe with (PushManager.subscribe's applicationServerKey).");

        var devices = endpoints.MapGroup("/api/me/push-subscriptions").WithTags("Web Push")
            .RequireAuthorization(AccountsSetup.TenantPolicy).RequireAuthorization(AccountsSetup.EmployeeOnly);
        devices.MapGet("", ListMyDevicesAsync).WithSummary("My devices that take Web Push.");
        devices.MapPost("", SubscribeAsync).WithSummary("Adds (or renews) this device: a PushSubscription's JSON, with an optional deviceLabel.");
        devices.MapDelete("", UnsubscribeAsync).WithSummary("Removes my device at ?endpoint=.");

        endpoints.MapPost("/api/networks/{networkId:long}/digest-runs", RunDigestAsync)
            .RequireAuthorization(AccountsSetup.TenantPolicy).RequireAuthorization(policy => policy.RequireRole(nameof(AccountRole.Administrator)))
            .WithTags("Web Push").WithSummary("Mails the network's daily digest now, for ?date=YYYY-MM-DD (default: today, network time); nobody gets one date's twice.");
        return endpoints;
    }

    private static async Task<IResult> ReadPublicKeyAsync(VapidKeys keys, CancellationToken cancellation) =>
        Results.Ok(new { publicKey = (await keys.GetAsync(cancellation)).PublicKey });

    private static async Task<IResult> ListMyDevicesAsync(HttpContext http, PushSubscriptions subscriptions, CancellationToken cancellation) =>
        Results.Ok(await subscriptions.ListAsync(CurrentUser.From(http.User)!.AccountId, cancellation));

    private static async Task<IResult> SubscribeAsync(PushSubscriptionInput input, HttpContext http, PushSubscriptions subscriptions, CancellationToken cancellation)
    {
        var errors = new FieldErrors();
        var (device, overLimit) = await subscriptions.SaveAsync(CurrentUser.From(http.User)!.AccountId, input, errors, cancellation);
        if (device is null) return errors.Problem(overLimit ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest);
        return Results.Ok(device);
    }

    private static async Task<IResult> UnsubscribeAsync(string? endpoint, HttpContext http, PushSubscriptions subscriptions, CancellationToken cancellation)
    {
        if (string.IsNullOrEmpty(endpoint))
        {
            var errors = new FieldErrors();
            errors.Add("endpoint", Codes.Field.Required);
            return errors.Problem();
        }
        return await subscriptions.RemoveAsync(CurrentUser.From(http.User)!.AccountId, endpoint, cancellation) ? Results.NoContent() : Results.NotFound();
    }

    private static async Task<IResult> RunDigestAsync(long networkId, DateOnly? date, DailyDigest digest, MobilityDbContext database,
        TimeProvider clock, CancellationToken cancellation)
    {
        if (DateField.Problem("date", date) is { } problem) return problem;
        var zone = await database.Networks.Where(n => n.Id == networkId).Select(n => n.TimeZone).SingleOrDefaultAsync(cancellation);
        if (zone is null) return Results.NotFound();
        var today = date ?? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(zone)).DateTime);
        return Results.Ok(await digest.RunAsync(networkId, today, cancellation));
    }
}
