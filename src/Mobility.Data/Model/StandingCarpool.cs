using Mobility.Planning;

namespace Mobility.Data.Model;

/// <summary>
/// A carpool its people chose to repeat: the same driver, pickups and plants, one way, on every date their shifts make it
/// fit again (a rotation's weeks together, not the weeks apart). Each person of the plan opts in
/// (<see cref="StandingCarpoolPerson.JoinedAt"/>); once all have, the engine stores the group, confirmed, on each date it
/// holds; before, it accepts it for those who did when it proposes it again. It goes with an erased person.
/// </summary>
public class StandingCarpool
{
    public long Id { get; set; }
    public long NetworkId { get; set; }
    public Network? Network { get; set; }
    public CommuteDirection Direction { get; set; }
    /// <summary>The matcher's plan (driver, pickups and drop sites by id), as the groups it repeats store it.</summary>
    public required GroupPlan Plan { get; set; }
    /// <summary><see cref="GroupPlan.Signature"/>: to find the groups it repeats, and to keep one per plan.</summary>
    public required string Signature { get; set; }
    /// <summary>The date of the group it was chosen on: the engine repeats it after.</summary>
    public DateOnly FirstDate { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<StandingCarpoolPerson> People { get; set; } = [];

    /// <summary>Every person of the plan opted in.</summary>
    public bool Complete => People.Count > 0 && People.All(p => p.JoinedAt is not null);

}

/// <summary>One person of a standing carpool's plan, and whether (since when) they chose to repeat it.</summary>
public class StandingCarpoolPerson
{
    public long Id { get; set; }
    public long StandingCarpoolId { get; set; }
    public StandingCarpool? StandingCarpool { get; set; }
    public long EmployeeId { get; set; }
    public Employee? Employee { get; set; }
    public DateTimeOffset? JoinedAt { get; set; }
}
