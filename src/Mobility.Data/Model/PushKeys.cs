namespace Mobility.Data.Model;

/// <summary>
/// The server's VAPID key pair when the configuration gives none: made once by the first instance that needs it and read
/// by all others, since browsers bind each subscription to the public key it was made with. A single row (id 1).
/// </summary>
public class PushKeys
{
    public int Id { get; set; }
    /// <summary>P-256 public key, uncompressed, base64url.</summary>
    public required string PublicKey { get; set; }
    /// <summary>P-256 private scalar, base64url.</summary>
    public required string PrivateKey { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
