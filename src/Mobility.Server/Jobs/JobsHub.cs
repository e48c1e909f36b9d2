using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Mobility.Data;
using Mobility.Server.Accounts;

namespace Mobility.Server.Jobs;

/// <summary>A job's state as pushed to its requester: enough to draw a progress bar; the result is read once it ends.</summary>
public sealed record JobUpdate(long Id, string Kind, string State, double Progress, string? ProgressMessage);

/// <summary>
/// The requester's live view of their jobs at /hubs/jobs, for every role (HR's imports and plans): the server calls
/// <c>job</c> (a <see cref="JobUpdate"/>) on the requester's own connections as the job progresses and when it ends.
/// A client that misses one (a dropped connection) reads the job with <c>GET /api/jobs/{jobId}</c>.
/// </summary>
[Authorize]
public sealed class JobsHub : Hub
{
    public const string Path = "/hubs/jobs";
    public const string UpdateMethod = "job";

    public static string GroupOf(long accountId) => $"account-{accountId}";

    public override async Task OnConnectedAsync()
    {
        var user = CurrentUser.From(Context.User!) ?? throw new HubException(Codes.Problem.Unauthorized);
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(user.AccountId));
        await base.OnConnectedAsync();
    }
}

/// <summary>Sends job updates to their requester's connections, on any instance through the backplane when it is on.</summary>
public sealed class JobPusher(IHubContext<JobsHub> hub, ILogger<JobPusher> log)
{
    public async Task PushAsync(long requesterId, JobUpdate update)
    {
        try { await hub.Clients.Group(JobsHub.GroupOf(requesterId)).SendAsync(JobsHub.UpdateMethod, update); }
        catch (Exception error)
        {
            // The job's row is the truth: a lost push costs the page one poll, never the job.
            log.LogWarning(error, "Push of job {Job} to account {Account} failed", update.Id, requesterId);
        }
    }
}
