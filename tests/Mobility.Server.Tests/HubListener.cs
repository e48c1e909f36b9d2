using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR.Client;
using Mobility.Server.Carpools;

namespace Mobility.Server.Tests;

/// <summary>Collects the messages a hub connection receives, in order.</summary>
internal sealed class HubListener
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    public ConcurrentQueue<NotificationMessage> Received { get; } = new();
    private SemaphoreSlim Arrived { get; } = new(0);

    public void Attach(HubConnection hub) => hub.On<NotificationMessage>(CommuteHub.NotificationMethod, message =>
    {
        Received.Enqueue(message);
        Arrived.Release();
    });

    public async Task<NotificationMessage> NextAsync()
    {
        Assert.True(await Arrived.WaitAsync(Patience), "no message arrived");
        Assert.True(Received.TryDequeue(out var message));
        return message;
    }

    /// <summary>Skips messages until one matches.</summary>
    public async Task<NotificationMessage> NextWhereAsync(Func<NotificationMessage, bool> wanted)
    {
        while (true)
        {
            var message = await NextAsync();
            if (wanted(message)) return message;
        }
    }
}
