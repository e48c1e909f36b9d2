using Microsoft.AspNetCore.SignalR;
using Mobility.Server.Live;

namespace Mobility.Server.Carpools;

/// <summary>Sends stored messages to their employee's connections (on every server instance, through the backplane when on),
/// then hands them to the relays that reach people whose app is closed (<see cref="INotificationRelay"/>).</summary>
public sealed class NotificationPusher(IHubContext<CommuteHub> hub, IEnumerable<INotificationRelay> relays, ILogger<NotificationPusher> log)
{
    /// <summary>Pushes after the commit; a client that misses it (offline, a dropped connection) gets it from <see cref="CommuteHub.Replay"/>.</summary>
    /// <param name="causedBy">The employee whose decision caused the messages: their open app shows it, no Web Push about it.</param>
    public async Task PushAsync(IReadOnlyList<(long EmployeeId, NotificationMessage Message)> messages, CancellationToken cancellation, long? causedBy = null)
    {
        foreach (var relay in relays) relay.Relay(messages, causedBy);
        foreach (var (employeeId, message) in messages)
        {
            try
            {
                await hub.Clients.Group(CommuteHub.GroupOf(employeeId)).SendAsync(CommuteHub.NotificationMethod, message, cancellation);
                LiveMetrics.NotificationsPushed.Add(1);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // Stored already: the client will replay it. Losing a push must not undo a decision.
                log.LogWarning(error, "Push of notification {Sequence} to employee {Employee} failed", message.Sequence, employeeId);
            }
        }
    }
}
