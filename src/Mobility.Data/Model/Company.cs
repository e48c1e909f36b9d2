namespace Mobility.Data.Model;

public class Company
{
    public long Id { get; set; }
    public long NetworkId { get; set; }
    public Network? Network { get; set; }
    public required string ExternalId { get; set; }
    public required string Name { get; set; }
    /// <summary>The guaranteed ride home: what the company offers when no car is left on the day (HR sets it).</summary>
    public RideHomeKind RideHomeKind { get; set; } = RideHomeKind.None;
    /// <summary>Taxi allowances of a calendar month may add up to this; null: no monthly limit.</summary>
    public decimal? RideHomeMonthlyBudgetEuros { get; set; }
    /// <summary>At most this per ride; null: no per-ride limit.</summary>
    public decimal? RideHomeMaxPerRideEuros { get; set; }
    /// <summary>How to get the shuttle or the taxi, as HR wrote it (shown as text, never as HTML).</summary>
    public string? RideHomeInstructions { get; set; }
    public List<Site> Sites { get; set; } = [];
    public List<Employee> Employees { get; set; } = [];
}
