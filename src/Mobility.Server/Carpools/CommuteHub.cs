using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Mobility.Data;
using Mobility.Server.Accounts;
using Mobility.Server.Http;
using Mobility.Server.Live;

namespace Mobility.Server.Carpools;

/// <summary>
/// The employee's live channel at /hubs/commute. The server calls <c>notification</c> (a <see cref="NotificationMessage"/>)
/// on the employee's own connections only; clients call <see cref="Replay"/> after each (re)connection with the last
/// sequence number they saw, and decide on proposals with <see cref="Accept"/>, <see cref="Decline"/>, <see cref="Cancel"/>.
/// </summary>
[Authorize(Policy = AccountsSetup.EmployeeOnly)]
public sealed class CommuteHub(NotificationStore notifications, CarpoolDecisions decisions) : Hub
{
    public const string Path = "/hubs/commute";
    public const string NotificationMethod = "notification";

    public static string GroupOf(long employeeId) => $"employee-{employeeId}";

    private long EmployeeId => CurrentUser.From(Context.User!)?.EmployeeId
                               ?? throw new HubException(Codes.Problem.EmployeesOnly);

    public override async Task OnConnectedAsync()
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(EmployeeId));
        LiveMetrics.ConnectedClients.Add(1);
        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        LiveMetrics.ConnectedClients.Add(-1);
        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>The messages after <paramref name="afterSequence"/> (at most 500; call again with the last one for more).</summary>
    public Task<IReadOnlyList<NotificationMessage>> Replay(long afterSequence) =>
        notifications.SinceAsync(EmployeeId, afterSequence, 500, Context.ConnectionAborted);

    public Task<DecisionAnswer> Accept(long groupId) => DecideAsync(groupId, Decision.Accept);
    public Task<DecisionAnswer> Decline(long groupId) => DecideAsync(groupId, Decision.Decline);
    public Task<DecisionAnswer> Cancel(long groupId) => DecideAsync(groupId, Decision.Cancel);

    private async Task<DecisionAnswer> DecideAsync(long groupId, Decision decision) => DecisionAnswer.For(
        await decisions.DecideAsync(EmployeeId, groupId, decision, Context.ConnectionAborted), RequestLanguage.Of(Context.GetHttpContext()));
}
