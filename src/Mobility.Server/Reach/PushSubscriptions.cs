using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Mobility.Data;
using Mobility.Server.Http;
using StoredSubscription = Mobility.Data.Model.PushSubscription;

namespace Mobility.Server.Reach;

/// <summary>What a browser's <c>PushSubscription.toJSON()</c> gives, with a name the person chooses for the device.</summary>
public sealed record PushSubscriptionInput(string? Endpoint, PushSubscriptionKeys? Keys, string? DeviceLabel);

public sealed record PushSubscriptionKeys(string? P256dh, string? Auth);

/// <summary>One of the person's own devices, as they see it (nobody else sees it).</summary>
public sealed record PushDeviceView(string Endpoint, string? DeviceLabel, DateTimeOffset CreatedAt, DateTimeOffset? LastSuccessAt)
{
    public static PushDeviceView From(StoredSubscription s) => new(s.Endpoint, s.DeviceLabel, s.CreatedAt, s.LastSuccessAt);
}

/// <summary>
/// The devices of an account that take Web Push. One row per endpoint: a browser that subscribes again (new keys, or
/// another person signed in on it) replaces its row, so a device never gets two copies of a push, nor pushes for an
/// account no longer signed in on it.
/// </summary>
public sealed class PushSubscriptions(MobilityDbContext database, IOptions<PushOptions> options, TimeProvider clock)
{
    /// <summary>Stores the device for the account; null (and <paramref name="errors"/> filled) when the input is refused.</summary>
    public async Task<(PushDeviceView? Device, bool OverLimit)> SaveAsync(long accountId, PushSubscriptionInput input, FieldErrors errors,
        CancellationToken cancellation)
    {
        var settings = options.Value;
        var endpoint = CheckEndpoint(input.Endpoint, settings, errors);
        CheckKey("keys.p256dh", input.Keys?.P256dh, 65, errors, mustStartWith: 0x04);
        CheckKey("keys.auth", input.Keys?.Auth, 16, errors);
        var label = string.IsNullOrWhiteSpace(input.DeviceLabel) ? null : input.DeviceLabel.Trim();
        if (label is not null && (label.Length > StoredSubscription.DeviceLabelLength || label.Contains('\0')))
            errors.Add("deviceLabel", Codes.Field.TextTooLong, CodeParameters.Maximum(StoredSubscription.DeviceLabelLength));
        if (errors.Any || endpoint is null) return (null, false);

        var row = await database.PushSubscriptions.SingleOrDefaultAsync(s => s.Endpoint == endpoint, cancellation);
        if (row?.AccountId != accountId
            && await database.PushSubscriptions.CountAsync(s => s.AccountId == accountId, cancellation) >= settings.MaximumDevices)
        {
            errors.Add("endpoint", Codes.Field.PushDeviceLimit, CodeParameters.Maximum(settings.MaximumDevices));
            return (null, true);
        }
        if (row is null) database.PushSubscriptions.Add(row = new StoredSubscription { Endpoint = endpoint, P256dh = "", Auth = "" });
        if (row.AccountId != accountId) (row.AccountId, row.CreatedAt, row.LastSuccessAt) = (accountId, clock.GetUtcNow(), null);
        (row.P256dh, row.Auth, row.DeviceLabel) = (input.Keys!.P256dh!, input.Keys.Auth!, label);
        // Two requests for one new endpoint at once: the unique index refuses the second insert (DatabaseErrors answers 409).
        await database.SaveChangesAsync(cancellation);
        return (PushDeviceView.From(row), false);
    }

    /// <summary>Removes the account's device; false when the account has none at that endpoint (whoever else may have it).</summary>
    public async Task<bool> RemoveAsync(long accountId, string endpoint, CancellationToken cancellation) =>
        await database.PushSubscriptions.Where(s => s.AccountId == accountId && s.Endpoint == endpoint).ExecuteDeleteAsync(cancellation) > 0;

    public async Task<IReadOnlyList<PushDeviceView>> ListAsync(long accountId, CancellationToken cancellation) =>
        (await database.PushSubscriptions.AsNoTracking().Where(s => s.AccountId == accountId).OrderBy(s => s.CreatedAt).ToListAsync(cancellation))
        .Select(PushDeviceView.From).ToList();

    private static string? CheckEndpoint(string? text, PushOptions settings, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add("endpoint", Codes.Field.Required);
            return null;
        }
        if (text.Length > StoredSubscription.EndpointLength)
        {
            errors.Add("endpoint", Codes.Field.TextTooLong, CodeParameters.Maximum(StoredSubscription.EndpointLength));
            return null;
        }
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || !(uri.Scheme == Uri.UriSchemeHttps || (settings.AllowHttpEndpoints && uri.Scheme == Uri.UriSchemeHttp))
            || !string.IsNullOrEmpty(uri.UserInfo))
        {
            errors.Add("endpoint", Codes.Field.PushEndpointInvalid);
            return null;
        }
        var host = uri.IdnHost.ToLowerInvariant();
        if (!settings.AllowedHosts.Any(allowed => host == allowed || host.EndsWith("." + allowed, StringComparison.Ordinal)))
        {
            errors.Add("endpoint", Codes.Field.PushEndpointHostRefused, new Dictionary<string, object?> { ["host"] = host });
            return null;
        }
        return text;
    }

    private static void CheckKey(string field, string? text, int bytes, FieldErrors errors, byte? mustStartWith = null)
    {
        var valid = text is { Length: > 0 and < 200 } && VapidKeys.DecodedLength(text) == bytes
                    && (mustStartWith is null || System.Buffers.Text.Base64Url.DecodeFromChars(text)[0] == mustStartWith);
        if (!valid)
            errors.Add(field, Codes.Field.PushKeyInvalid, new Dictionary<string, object?> { ["bytes"] = bytes });
    }
}
