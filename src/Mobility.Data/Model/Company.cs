namespace Mobility.Data.Model;

public class Company
{
    public long Id { get; set; }
    public long NetworkId { get; set; }
    public Network? Network { get; set; }
    public required string ExternalId { get; set; }
    public required string Name { get; set; }
    public List<Site> Sites { get; set; } = [];
    public List<Employee> Employees { get; set; } = [];
}
