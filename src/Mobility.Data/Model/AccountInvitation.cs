namespace Mobility.Data.Model;

/// <summary>
/// A one-time link by which a person chooses the password of an account someone else created for them: whoever created
/// it never learns a password. Only the token's SHA-256 is kept; the link itself goes to the person's e-mail address.
/// </summary>
public class AccountInvitation
{
    public long Id { get; set; }
    public long AccountId { get; set; }
    public UserAccount? Account { get; set; }
    public required string TokenHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
}
