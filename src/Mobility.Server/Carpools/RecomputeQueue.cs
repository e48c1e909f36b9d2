using System.Threading.Channels;

namespace Mobility.Server.Carpools;

/// <summary>A network to re-match, why, who changed (null: anyone may have) and for which date (null: every date the
/// engine keeps).</summary>
public sealed record RecomputeRequest(long NetworkId, string Reason, IReadOnlyList<long>? Employees, DateOnly? Date = null);

/// <summary>
/// Networks whose proposals must be recomputed, with why. Writers never wait; the proposal engine reads it, waits for
/// a quiet moment (debounce) and recomputes each network once for all the requests that came meanwhile.
/// </summary>
public sealed class RecomputeQueue
{
    private readonly Channel<RecomputeRequest> _requests =
        Channel.CreateUnbounded<RecomputeRequest>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Everyone in the network may be affected (server start, an HR import, a planning run).</summary>
    public void Request(long networkId, string reason) => _requests.Writer.TryWrite(new RecomputeRequest(networkId, reason, null));

    /// <summary>These employees changed (a decline, a new shift): the re-match keeps what does not involve them.</summary>
    public void Request(long networkId, string reason, params long[] employees) =>
        _requests.Writer.TryWrite(new RecomputeRequest(networkId, reason, employees));

    /// <summary>These employees changed on one date only (a decline or a cancellation of that date's group): the other
    /// dates cannot change, so they are not re-matched.</summary>
    public void RequestForDate(long networkId, DateOnly date, string reason, params long[] employees) =>
        _requests.Writer.TryWrite(new RecomputeRequest(networkId, reason, employees, date));

    public ChannelReader<RecomputeRequest> Reader => _requests.Reader;
}
