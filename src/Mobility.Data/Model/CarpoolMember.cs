using Mobility.Planning.Carpools;
using NetTopologySuite.Geometries;

namespace Mobility.Data.Model;

public class CarpoolMember
{
    public long Id { get; set; }
    public long CarpoolGroupId { get; set; }
    public CarpoolGroup? CarpoolGroup { get; set; }
    public long EmployeeId { get; set; }
    public Employee? Employee { get; set; }
    public MemberRole Role { get; set; }
    /// <summary>Order of the pickup in the driver's route (0 for the driver).</summary>
    public int PickupOrder { get; set; }
    public DateTimeOffset PickupTime { get; set; }
    /// <summary>Exact pickup point (a home or a meeting point): personal until both sides accept.</summary>
    public Point? PickupLocation { get; set; }
    public long? MeetingPointSiteId { get; set; }
    public Site? MeetingPointSite { get; set; }
    public long DropOffSiteId { get; set; }
    public Site? DropOffSite { get; set; }
    public CarpoolStatus Status { get; set; } = CarpoolStatus.Proposed;
}
