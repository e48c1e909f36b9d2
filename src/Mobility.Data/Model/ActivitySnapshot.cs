using Mobility.Planning;
using Mobility.Planning.Carpools;

namespace Mobility.Data.Model;

/// <summary>The carpools that really ran on one date of a network, taken once the date is over: only groups accepted or
/// confirmed, and in them only members who accepted or confirmed (a proposal nobody accepted saves nothing). Kept as
/// history, so the working group sees trends even after the groups themselves are cleared or re-matched.</summary>
public class ActivitySnapshot
{
    public long Id { get; set; }
    public long NetworkId { get; set; }
    public Network? Network { get; set; }
    public DateOnly Date { get; set; }
    public DateTimeOffset TakenAt { get; set; }
    public List<ActivityTrip> Trips { get; set; } = [];
}

/// <summary>One person's trip in a carpool of a snapshot: who (for the rounding's coin and erasure), their company, plant
/// and roster (for the filters), and the kilometres: their own trip alone, and their share of the car's route.</summary>
public class ActivityTrip
{
    public long Id { get; set; }
    public long ActivitySnapshotId { get; set; }
    public ActivitySnapshot? Snapshot { get; set; }
    /// <summary>The group the trip was in (no foreign key: history outlives the groups).</summary>
    public long CarpoolGroupId { get; set; }
    public long EmployeeId { get; set; }
    public long CompanyId { get; set; }
    public long SiteId { get; set; }
    public long? ShiftPatternId { get; set; }
    public CommuteDirection Direction { get; set; }
    public MemberRole Role { get; set; }
    /// <summary>The member's own trip driving alone, when the group's explanation recorded it.</summary>
    public double? AloneKilometres { get; set; }
    /// <summary>The group's route divided among its members who rode.</summary>
    public double RouteKilometres { get; set; }
}
