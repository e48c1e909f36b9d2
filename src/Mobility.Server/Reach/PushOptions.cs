namespace Mobility.Server.Reach;

/// <summary>Configuration `Push:…` (Web Push with VAPID). Without keys, the server makes a pair once and keeps it in the
/// database (<see cref="VapidKeys"/>), so every instance signs with the same one.</summary>
public sealed class PushOptions
{
    public const string Section = "Push";

    /// <summary>VAPID public key: an uncompressed P-256 point, base64url (65 bytes). Set with <see cref="PrivateKey"/>, or neither.</summary>
    public string? PublicKey { get; set; }
    /// <summary>VAPID private key: the P-256 scalar, base64url (32 bytes).</summary>
    public string? PrivateKey { get; set; }
    /// <summary>Who push services may contact about our pushes: a mailto: or https: URL. Empty: mailto: and `Mail:From`.</summary>
    public string? Subject { get; set; }
    /// <summary>At most one push per employee in this span; what arrives meanwhile is sent as one push at its end (the latest).</summary>
    public TimeSpan MinimumInterval { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>How long a push service keeps a push for a device that is offline (the TTL header).</summary>
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromHours(12);
    /// <summary>Tries per push when the push service fails (5xx, 429, no answer); a 404 or 410 deletes the subscription instead.</summary>
    public int Attempts { get; set; } = 3;
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);
    /// <summary>Hosts a subscription's endpoint may name (a host or a parent domain). Empty: the browsers' push services
    /// (<see cref="BrowserPushHosts"/>). The server posts to these addresses: any other host would let a user make it call
    /// any address, inside the network included.</summary>
    public string[]? EndpointHosts { get; set; }
    /// <summary>Also accept http:// endpoints (tests, whose push service is a listener on loopback); never in production.</summary>
    public bool AllowHttpEndpoints { get; set; }
    /// <summary>Devices one account may register.</summary>
    public int MaximumDevices { get; set; } = 10;

    /// <summary>Chrome and Edge (FCM), Firefox (Mozilla autopush), Safari (Apple), legacy Edge (WNS).</summary>
    public static readonly string[] BrowserPushHosts =
        ["fcm.googleapis.com", "push.services.mozilla.com", "push.apple.com", "notify.windows.com"];

    public IReadOnlyList<string> AllowedHosts => EndpointHosts is { Length: > 0 } hosts ? hosts : BrowserPushHosts;
}
