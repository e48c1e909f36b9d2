namespace Mobility.Data.Model;

public class ShuttleVehicle
{
    public long Id { get; set; }
    public long ShuttlePlanId { get; set; }
    public ShuttlePlan? ShuttlePlan { get; set; }
    public required string Name { get; set; }
    public int Capacity { get; set; }
    public decimal CostPerKilometre { get; set; }
    public decimal CostPerHour { get; set; }
    public long? DepotSiteId { get; set; }
    public Site? DepotSite { get; set; }
}
