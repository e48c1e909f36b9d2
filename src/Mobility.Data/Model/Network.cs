namespace Mobility.Data.Model;

/// <summary>An industrial network of a territory: the member companies whose employees share commutes.</summary>
public class Network
{
    public long Id { get; set; }
    public required string Name { get; set; }
    /// <summary>IANA time zone of the network's sites; shift times are local to it.</summary>
    public string TimeZone { get; set; } = "Europe/Paris";
    public List<Company> Companies { get; set; } = [];
    public List<Site> Sites { get; set; } = [];
    public List<ShiftPattern> ShiftPatterns { get; set; } = [];
}
