namespace Mobility.Planning.Shuttles;

/// <summary>Everything a shuttle plan needs: depots and stops (one list, by id), the fleet, the riders of every shift, the settings.</summary>
public sealed record ShuttleCase(IReadOnlyList<ShuttleStop> Stops, IReadOnlyList<FleetEntry> Fleet, IReadOnlyList<ShuttleRider> Riders, ShuttleSettings Settings)
{
    /// <summary>Throws with a message naming the first unknown stop or inconsistent entry.</summary>
    public ShuttleCase Validated()
    {
        var ids = new HashSet<string>();
        foreach (var stop in Stops)
            if (!ids.Add(stop.Id)) throw new ArgumentException($"Stop id '{stop.Id}' appears twice.");
        foreach (var entry in Fleet)
        {
            if (!ids.Contains(entry.DepotId)) throw new ArgumentException($"Fleet of {entry.Type.Name}: no depot '{entry.DepotId}'.");
            if (entry.Count < 0 || entry.Type.Capacity < 1) throw new ArgumentException($"Fleet of {entry.Type.Name}: count and capacity must be positive.");
        }
        foreach (var rider in Riders)
        {
            if (!ids.Contains(rider.OriginStopId)) throw new ArgumentException($"Rider {rider.Id}: no stop '{rider.OriginStopId}'.");
            if (!ids.Contains(rider.SiteStopId)) throw new ArgumentException($"Rider {rider.Id}: no site '{rider.SiteStopId}'.");
            if (rider.Count < 1) throw new ArgumentException($"Rider {rider.Id}: the count must be at least 1.");
        }
        return this;
    }
}
