namespace Mobility.Planning.Shuttles;

/// <summary>A rider's one-way move around a shift change: to the site before the start, or home after the end.</summary>
internal sealed record ShuttleMove(ShuttleRider Rider, CommuteDirection Direction, DateTimeOffset Instant, int From, int To);
