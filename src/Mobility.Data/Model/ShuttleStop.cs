namespace Mobility.Data.Model;

public class ShuttleStop
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
    /// <summary>Passengers on board when the vehicle leaves the stop.</summary>
    public int LoadAfter { get; set; }
}
