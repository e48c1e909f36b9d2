using System.Net;
using System.Text.Json;
using System.Threading.Channels;
using Lib.Net.Http.WebPush;
using Lib.Net.Http.WebPush.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Mobility.Data;
using Mobility.Server.Carpools;

namespace Mobility.Server.Reach;

/// <summary>
/// Web Push to employees' devices, off the request path: <see cref="Notify"/> only queues; a background loop sends at most
/// one push per employee per `Push:MinimumInterval` (what comes meanwhile is coalesced into one push, the latest, at the end
/// of the span), encrypted for each device (aes128gcm, RFC 8291) and signed with the server's VAPID key. A 404 or 410 from
/// the push service means the device unsubscribed: its row is deleted. Other failures are tried a few times, then logged.
/// </summary>
public sealed class PersonalPush(IServiceScopeFactory scopes, VapidKeys keys, IHttpClientFactory http, IOptions<PushOptions> options,
    TimeProvider clock, ILogger<PersonalPush> log) : BackgroundService
{
    public const string HttpClientName = "web-push";

    /// <summary>Bounded so that a push service that is down cannot fill the memory; the oldest pushes go first, being the stalest.</summary>
    private readonly Channel<(long EmployeeId, PushPayload Payload)> _queue =
        Channel.CreateBounded<(long, PushPayload)>(new BoundedChannelOptions(100_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
    private readonly SemaphoreSlim _sending = new(8, 8);

    /// <summary>Queues a push to every device of these employees; returns at once.</summary>
    public void Notify(IEnumerable<long> employeeIds, PushPayload payload)
    {
        foreach (var employee in employeeIds.Distinct()) _queue.Writer.TryWrite((employee, payload));
    }

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        var interval = options.Value.MinimumInterval;
        var lastSent = new Dictionary<long, DateTimeOffset>();
        var waiting = new Dictionary<long, PushPayload>();
        var due = new PriorityQueue<long, DateTimeOffset>();
        while (!stopping.IsCancellationRequested)
        {
            var items = await NextAsync(due, stopping);
            var now = clock.GetUtcNow();
            foreach (var (employee, payload) in await WithDevicesAsync(items, stopping))
            {
                if (lastSent.TryGetValue(employee, out var last) && now - last < interval)
                {
                    if (!waiting.ContainsKey(employee)) due.Enqueue(employee, last + interval);
                    waiting[employee] = payload;
                }
                else Send(employee, payload, lastSent, now, stopping);
            }
            while (due.TryPeek(out var next, out var at) && at <= now)
            {
                due.Dequeue();
                if (waiting.Remove(next, out var latest)) Send(next, latest, lastSent, now, stopping);
            }
            // Only the spans still running matter: forget the rest, so the dictionary stays the size of the last minute's pushes.
            if (lastSent.Count > 10_000)
                foreach (var old in lastSent.Where(e => now - e.Value >= interval).Select(e => e.Key).ToList()) lastSent.Remove(old);
        }
    }

    /// <summary>The queued pushes (as many as are there, up to a batch), or none when a coalesced one is due first.</summary>
    private async Task<List<(long EmployeeId, PushPayload Payload)>> NextAsync(PriorityQueue<long, DateTimeOffset> due, CancellationToken stopping)
    {
        var items = new List<(long, PushPayload)>();
        if (!_queue.Reader.TryRead(out var first))
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            if (due.TryPeek(out _, out var at))
            {
                var delay = at - clock.GetUtcNow();
                if (delay <= TimeSpan.Zero) return items;
                wait.CancelAfter(delay);
            }
            try { first = await _queue.Reader.ReadAsync(wait.Token); }
            catch (OperationCanceledException) when (!stopping.IsCancellationRequested) { return items; }
        }
        items.Add(first);
        while (items.Count < 1000 && _queue.Reader.TryRead(out var more)) items.Add(more);
        return items;
    }

    /// <summary>The pushes whose employee has a device: a re-match tells thousands of people, most of whom have none, so one
    /// query sorts them out rather than one per person.</summary>
    private async Task<IEnumerable<(long EmployeeId, PushPayload Payload)>> WithDevicesAsync(List<(long EmployeeId, PushPayload Payload)> items,
        CancellationToken stopping)
    {
        if (items.Count == 0) return items;
        try
        {
            var employees = items.Select(i => i.EmployeeId).Distinct().ToList();
            await using var scope = scopes.CreateAsyncScope();
            var reachable = (await scope.ServiceProvider.GetRequiredService<MobilityDbContext>().PushSubscriptions.AsNoTracking()
                .Where(s => employees.Contains(s.Account!.EmployeeId!.Value)).Select(s => s.Account!.EmployeeId!.Value).Distinct()
                .ToListAsync(stopping)).ToHashSet();
            return items.Where(i => reachable.Contains(i.EmployeeId));
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // Each send reads the devices again, and logs if the database is still away.
            log.LogWarning(error, "Could not tell which of {Count} employees have push devices", items.Count);
            return items;
        }
    }

    private void Send(long employeeId, PushPayload payload, Dictionary<long, DateTimeOffset> lastSent, DateTimeOffset now, CancellationToken stopping)
    {
        lastSent[employeeId] = now;
        _ = Task.Run(async () =>
        {
            await _sending.WaitAsync(stopping);
            try { await SendToDevicesAsync(employeeId, payload, stopping); }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                log.LogWarning(error, "Web Push to employee {Employee} failed", employeeId);
            }
            finally { _sending.Release(); }
        }, stopping);
    }

    private async Task SendToDevicesAsync(long employeeId, PushPayload payload, CancellationToken cancellation)
    {
        await using var scope = scopes.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<MobilityDbContext>();
        var devices = await database.PushSubscriptions.AsNoTracking().Where(s => s.Account!.EmployeeId == employeeId).ToListAsync(cancellation);
        if (devices.Count == 0) return;
        var pair = await keys.GetAsync(cancellation);
        using var vapid = new VapidAuthentication(pair.PublicKey, pair.PrivateKey) { Subject = pair.Subject };
        var client = new PushServiceClient(http.CreateClient(HttpClientName)) { DefaultAuthenticationScheme = VapidAuthenticationScheme.Vapid };
        var content = JsonSerializer.Serialize(payload, NotificationStore.JsonOptions);
        foreach (var device in devices)
        {
            var outcome = await DeliverAsync(client, vapid, device, content, payload, cancellation);
            var at = clock.GetUtcNow();
            if (outcome == Outcome.Sent)
                await database.PushSubscriptions.Where(s => s.Id == device.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSuccessAt, at), cancellation);
            else if (outcome == Outcome.Gone)
                await database.PushSubscriptions.Where(s => s.Id == device.Id).ExecuteDeleteAsync(cancellation);
        }
    }

    private enum Outcome { Sent, Gone, Failed }

    private async Task<Outcome> DeliverAsync(PushServiceClient client, VapidAuthentication vapid, Data.Model.PushSubscription device, string content,
        PushPayload payload, CancellationToken cancellation)
    {
        var settings = options.Value;
        var subscription = new PushSubscription { Endpoint = device.Endpoint };
        subscription.SetKey(PushEncryptionKeyName.P256DH, device.P256dh);
        subscription.SetKey(PushEncryptionKeyName.Auth, device.Auth);
        for (var attempt = 1; ; attempt++)
        {
            var message = new PushMessage(content)
            {
                TimeToLive = (int)(payload.TimeToLive ?? settings.TimeToLive).TotalSeconds,
                Urgency = payload.Urgency switch
                {
                    PushUrgency.VeryLow => PushMessageUrgency.VeryLow, PushUrgency.Low => PushMessageUrgency.Low,
                    PushUrgency.High => PushMessageUrgency.High, _ => PushMessageUrgency.Normal,
                },
            };
            string reason;
            try
            {
                await client.RequestPushMessageDeliveryAsync(subscription, message, vapid, cancellation);
                ReachMetrics.PushSent.Add(1);
                return Outcome.Sent;
            }
            catch (PushServiceClientException refused) when (refused.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
            {
                log.LogInformation("Push service answered {Status} for a device of account {Account}: subscription deleted", (int)refused.StatusCode, device.AccountId);
                ReachMetrics.PushFailed.Add(1, new KeyValuePair<string, object?>("reason", "gone"));
                return Outcome.Gone;
            }
            catch (PushServiceClientException refused) when ((int)refused.StatusCode is not (429 or >= 500))
            {
                // 400, 403, 413…: our request is at fault and trying again would not help.
                log.LogWarning("Push service refused a push to a device of account {Account}: {Status} {Body}", device.AccountId, (int)refused.StatusCode, refused.Body);
                ReachMetrics.PushFailed.Add(1, new KeyValuePair<string, object?>("reason", "refused"));
                return Outcome.Failed;
            }
            catch (PushServiceClientException busy) { reason = $"{(int)busy.StatusCode}"; }
            catch (HttpRequestException unreachable) { reason = unreachable.Message; }
            catch (TaskCanceledException) when (!cancellation.IsCancellationRequested) { reason = "timeout"; }
            if (attempt >= settings.Attempts)
            {
                log.LogWarning("Push to a device of account {Account} given up after {Attempts} attempts: {Reason}", device.AccountId, attempt, reason);
                ReachMetrics.PushFailed.Add(1, new KeyValuePair<string, object?>("reason", "unreachable"));
                return Outcome.Failed;
            }
            await Task.Delay(settings.RetryDelay * attempt, clock, cancellation);
        }
    }
}
