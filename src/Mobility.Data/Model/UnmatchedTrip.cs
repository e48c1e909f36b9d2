using Mobility.Planning;
using Mobility.Planning.Carpools;

namespace Mobility.Data.Model;

/// <summary>A trip matching left without a group, and why (the matcher's <see cref="NoRideReason"/>): written with the
/// date's proposals, replaced at each re-match of that date, so that the employee can be told why there is no proposal.</summary>
public class UnmatchedTrip
{
    public long EmployeeId { get; set; }
    public Employee? Employee { get; set; }
    public DateOnly Date { get; set; }
    public CommuteDirection Direction { get; set; }
    /// <summary>The network re-matched, so that a re-match replaces its date's rows in one statement.</summary>
    public long NetworkId { get; set; }
    public NoRideReason Reason { get; set; }
}
