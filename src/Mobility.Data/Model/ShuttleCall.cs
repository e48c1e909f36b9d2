namespace Mobility.Data.Model;

/// <summary>A stored trip's timed call at a site, in its weekly timetable (the place itself is a <see cref="Site"/>).</summary>
public class ShuttleCall
{
    public long Id { get; set; }
    public long ShuttleTripId { get; set; }
    public ShuttleTrip? Trip { get; set; }
    public int Sequence { get; set; }
    public long SiteId { get; set; }
    public Site? Site { get; set; }
    /// <summary>Local times of the timetable.</summary>
    public TimeOnly Arrival { get; set; }
    public TimeOnly Departure { get; set; }
    public int Boarding { get; set; }
    public int Alighting { get; set; }
    /// <summary>Passengers on board when the vehicle leaves.</summary>
    public int LoadAfter { get; set; }
}
