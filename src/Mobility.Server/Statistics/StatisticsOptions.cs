namespace Mobility.Server.Statistics;

/// <summary>Configuration <c>Statistics:…</c>: the daily activity snapshot and the cost figure of the dashboard.</summary>
public sealed class StatisticsOptions
{
    public const string Section = "Statistics";
    /// <summary>Whether the server takes the daily snapshots itself (<see cref="ActivitySnapshotService"/>).</summary>
    public bool SnapshotsEnabled { get; set; } = true;
    /// <summary>The local hour (network time zone) from which yesterday's snapshot is taken: late enough that the night's
    /// trips home are decided.</summary>
    public int SnapshotHour { get; set; } = 3;
    /// <summary>How many past days without a snapshot are taken when the service finds them missing (after a stop).</summary>
    public int CatchUpDays { get; set; } = 7;
    /// <summary>How often the service looks for a snapshot to take.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(30);
    /// <summary>What a kilometre not driven saves its driver: fuel, tyres and upkeep of an average car (the fiscal
    /// barème's 0.6 €/km also counts the car's depreciation, which sharing a few trips does not save).</summary>
    public double EurosPerKilometre { get; set; } = 0.32;
}
