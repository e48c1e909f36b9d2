using System.Text.Json.Serialization;
using Mobility.Planning;

namespace Mobility.Server.Reach;

/// <summary>How soon a device should wake for a push (the Urgency header of RFC 8030).</summary>
public enum PushUrgency { VeryLow, Low, Normal, High }

/// <summary>
/// What a push tells a device: a kind and its parameters, never prose (the app owns the words) and never anything of
/// other people, since it travels through the browser vendor's push service (encrypted, but kept there until delivered).
/// The app opens and replays its messages for the rest. Kinds: those of the hub's messages (<c>proposal</c>,
/// <c>proposal-withdrawn</c>, <c>group-changed</c>) and whatever other features add (e.g. a crew message).
/// </summary>
public sealed record PushPayload(string Kind, long? GroupId = null, DateOnly? Date = null, CommuteDirection? Direction = null)
{
    [JsonIgnore] public PushUrgency Urgency { get; init; } = PushUrgency.Normal;
    /// <summary>How long the push service keeps it for an offline device; null: `Push:TimeToLive`.</summary>
    [JsonIgnore] public TimeSpan? TimeToLive { get; init; }
}
