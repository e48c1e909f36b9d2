namespace Mobility.Data.Model;

/// <summary>
/// One sign-in and the chain of refresh tokens that continues it. Each refresh moves <see cref="Generation"/> on, and
/// only a token of the current generation may refresh: a token used twice was copied, so the whole chain is revoked.
/// Every request checks that its session is not revoked, so logging out or disabling an account ends it at once.
/// </summary>
public class AccountSession
{
    public Guid Id { get; set; }
    public long AccountId { get; set; }
    public UserAccount? Account { get; set; }
    public int Generation { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RefreshedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    /// <summary>Why it ended: logout, refresh-token reuse, password change, account disabled.</summary>
    public string? RevokedReason { get; set; }
}
