using System.Threading.Channels;

namespace Mobility.Server.Proposals;

/// <summary>
/// Networks whose proposals must be recomputed, with why. Writers never wait; the proposal engine reads it, waits for
/// a quiet moment (debounce) and recomputes each network once for all the requests that came meanwhile.
/// </summary>
public sealed class RecomputeQueue
{
    private readonly Channel<(long NetworkId, string Reason)> _requests =
        Channel.CreateUnbounded<(long, string)>(new UnboundedChannelOptions { SingleReader = true });

    public void Request(long networkId, string reason) => _requests.Writer.TryWrite((networkId, reason));

    public ChannelReader<(long NetworkId, string Reason)> Reader => _requests.Reader;
}
