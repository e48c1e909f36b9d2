using Mobility.Planning;

namespace Mobility.Data.Model;

/// <summary>One run of a vehicle for one shift: an ordered list of timed stops.</summary>
public class ShuttleTrip
{
    public long Id { get; set; }
    public long ShuttlePlanId { get; set; }
    public ShuttlePlan? ShuttlePlan { get; set; }
    public long ShuttleVehicleId { get; set; }
    public ShuttleVehicle? Vehicle { get; set; }
    public long? ShiftPatternId { get; set; }
    public ShiftPattern? ShiftPattern { get; set; }
    public CommuteDirection Direction { get; set; }
    public WorkDays Days { get; set; }
    public double Kilometres { get; set; }
    public List<ShuttleCall> Calls { get; set; } = [];
}
