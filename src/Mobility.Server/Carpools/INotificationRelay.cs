namespace Mobility.Server.Carpools;

/// <summary>
/// Carries stored messages beyond the open app (Web Push, in Reach): told of every message the hub pushed, after the
/// commit. It must return at once (queue the work), since a decision's answer waits for it; it must not throw.
/// </summary>
public interface INotificationRelay
{
    /// <param name="causedBy">The employee whose own action caused the messages (a decision), who needs no push about it.</param>
    void Relay(IReadOnlyList<(long EmployeeId, NotificationMessage Message)> messages, long? causedBy);
}
