using System.Threading.Channels;

namespace Mobility.Server.Proposals;

/// <summary>A network to re-match, why, and who changed (null: anyone may have).</summary>
public sealed record RecomputeRequest(long NetworkId, string Reason, IReadOnlyList<long>? Employees);

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

    public ChannelReader<RecomputeRequest> Reader => _requests.Reader;
}
