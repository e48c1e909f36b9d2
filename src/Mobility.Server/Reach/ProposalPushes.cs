using System.Text.Json;
using Mobility.Planning;
using Mobility.Server.Carpools;

namespace Mobility.Server.Reach;

/// <summary>New, withdrawn and changed proposals as Web Push: the message's kind, its group and trip, nothing of the other
/// members. The person whose decision caused a change gets no push about it (they are looking at it).</summary>
public sealed class ProposalPushes(PersonalPush push) : INotificationRelay
{
    public void Relay(IReadOnlyList<(long EmployeeId, NotificationMessage Message)> messages, long? causedBy)
    {
        foreach (var (employeeId, message) in messages)
            if (employeeId != causedBy) push.Notify([employeeId], PayloadOf(message));
    }

    /// <summary>The message's payload is the group as its member sees it (<see cref="ProposalView"/>): only its trip is kept.</summary>
    public static PushPayload PayloadOf(NotificationMessage message)
    {
        var view = message.Payload;
        long? group = view.TryGetProperty("groupId", out var id) && id.TryGetInt64(out var number) ? number : null;
        DateOnly? date = view.TryGetProperty("date", out var day) && DateOnly.TryParse(day.GetString(), System.Globalization.CultureInfo.InvariantCulture, out var parsed)
            ? parsed : null;
        CommuteDirection? direction = view.TryGetProperty("direction", out var way) && Enum.TryParse<CommuteDirection>(way.GetString(), out var d) ? d : null;
        return new PushPayload(message.Kind, group, date, direction);
    }
}
