using Mobility.Planning;

namespace Mobility.Data.Model;

/// <summary>A driver and passengers sharing one car for one trip direction on one date.</summary>
public class CarpoolGroup
{
    public long Id { get; set; }
    public long NetworkId { get; set; }
    public Network? Network { get; set; }
    public DateOnly Date { get; set; }
    public CommuteDirection Direction { get; set; }
    public CarpoolStatus Status { get; set; } = CarpoolStatus.Proposed;
    /// <summary>Passenger seats of the car. A free seat may be offered to several people: the first to accept it takes it.</summary>
    public int Seats { get; set; }
    /// <summary>Why matching proposed this group (time windows, detour, members) and how to find it again; null for a
    /// group stored without matching.</summary>
    public StoredExplanation? Explanation { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<CarpoolMember> Members { get; set; } = [];
    public List<CarpoolStatusChange> StatusHistory { get; set; } = [];
    /// <summary>The guaranteed ride home offered to passengers of this group when its driver left on the day.</summary>
    public List<RideHomeCase> RideHomeCases { get; set; } = [];
}
