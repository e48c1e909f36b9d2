using Mobility.Planning;

namespace Mobility.Data.Model;

public enum RideHomeCause
{
    /// <summary>The driver left the group on its day (a cancel, or a decline of what the passenger had accepted) and no
    /// other car had a seat that fits.</summary>
    DriverCancelled,
}

public enum RideHomeCaseState
{
    /// <summary>Offered; the passenger may use it.</summary>
    Open,
    /// <summary>The passenger used the fallback.</summary>
    Used,
    /// <summary>Not needed or settled: it no longer counts against the budget.</summary>
    Closed,
}

/// <summary>
/// The guaranteed ride home applied to one employee for one trip: the company's fallback offered when no car was left,
/// what it is estimated to cost (road distance × the taxi rate per kilometre) and how much of the month's budget it takes.
/// HR of the company follows it; the employee sees it as their offer.
/// </summary>
public class RideHomeCase
{
    public long Id { get; set; }
    public long CompanyId { get; set; }
    public Company? Company { get; set; }
    public long EmployeeId { get; set; }
    public Employee? Employee { get; set; }
    /// <summary>The group whose driver left (the case is shown with it in the employee's proposals).</summary>
    public long? CarpoolGroupId { get; set; }
    public CarpoolGroup? CarpoolGroup { get; set; }
    public DateOnly Date { get; set; }
    public CommuteDirection Direction { get; set; }
    public RideHomeCause Cause { get; set; }
    /// <summary>The company's fallback at the time of the case.</summary>
    public RideHomeKind Fallback { get; set; }
    /// <summary>The trip alone on the roads (straight line when the roads could not place it).</summary>
    public double Kilometres { get; set; }
    public decimal EstimatedCostEuros { get; set; }
    /// <summary>What the company pays at most for this ride (taxi only): the estimate, capped by the per-ride limit and the
    /// month's budget left; 0 when the budget is spent.</summary>
    public decimal AllowanceEuros { get; set; }
    /// <summary>The month's taxi budget was spent before this case: no allowance, HR decides.</summary>
    public bool BudgetExhausted { get; set; }
    public RideHomeCaseState State { get; set; } = RideHomeCaseState.Open;
    public DateTimeOffset CreatedAt { get; set; }
}
