namespace Mobility.Data.Model;

/// <summary>A company's (or the network's) shuttle plan for a period: services, vehicles and trips.</summary>
public class ShuttlePlan
{
    public long Id { get; set; }
    public long NetworkId { get; set; }
    public Network? Network { get; set; }
    /// <summary>The planning company; null for a network-wide plan.</summary>
    public long? CompanyId { get; set; }
    public Company? Company { get; set; }
    public required string Name { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<ShuttleVehicle> Vehicles { get; set; } = [];
    public List<ShuttleTrip> Trips { get; set; } = [];
}
