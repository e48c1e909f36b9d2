using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR.Client;
using Mobility.Server.Carpools;

namespace Mobility.Server.Tests;

/// <summary>Collects what a hub connection receives by one method, in order.</summary>
internal class HubListener<T>(string method)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    public ConcurrentQueue<T> Received { get; } = new();
    private SemaphoreSlim Arrived { get; } = new(0);

    public void Attach(HubConnection hub) => hub.On<T>(method, message =>
    {
        Received.Enqueue(message);
        Arrived.Release();
    });

    public async Task<T> NextAsync()
    {
        Assert.True(await Arrived.WaitAsync(Patience), $"no {method} arrived");
        Assert.True(Received.TryDequeue(out var message));
        return message;
    }

    /// <summary>Skips messages until one matches.</summary>
    public async Task<T> NextWhereAsync(Func<T, bool> wanted)
    {
        while (true)
        {
            var message = await NextAsync();
            if (wanted(message)) return message;
        }
    }
}

/// <summary>The employee's notifications (<see cref="CommuteHub.NotificationMethod"/>).</summary>
internal sealed class HubListener() : HubListener<NotificationMessage>(CommuteHub.NotificationMethod);
