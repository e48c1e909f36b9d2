namespace Mobility.Data.Model;

/// <summary>
/// A browser or phone that asked for Web Push for an account (one row per endpoint: the push service's address for that
/// device). The keys are the device's: the server encrypts each message for them, so the push service reads nothing.
/// </summary>
public class PushSubscription
{
    public const int EndpointLength = 1000;
    public const int DeviceLabelLength = 80;

    public long Id { get; set; }
    public long AccountId { get; set; }
    public UserAccount? Account { get; set; }
    public required string Endpoint { get; set; }
    /// <summary>The device's P-256 public key, base64url (65 bytes).</summary>
    public required string P256dh { get; set; }
    /// <summary>The device's authentication secret, base64url (16 bytes).</summary>
    public required string Auth { get; set; }
    /// <summary>What the person calls the device ("phone"), typed by them: shown to them only.</summary>
    public string? DeviceLabel { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastSuccessAt { get; set; }
}
