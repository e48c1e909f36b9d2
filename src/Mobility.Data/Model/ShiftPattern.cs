namespace Mobility.Data.Model;

/// <summary>
/// A named shift roster, e.g. "3x8": rotation week 0 mornings 5-13, week 1 afternoons 13-21, week 2 nights 21-5.
/// Times are local to the network's time zone.
/// </summary>
public class ShiftPattern
{
    public long Id { get; set; }
    public long NetworkId { get; set; }
    public Network? Network { get; set; }
    public required string ExternalId { get; set; }
    public required string Name { get; set; }
    /// <summary>How many weeks the rotation lasts before it repeats (1 for a fixed schedule).</summary>
    public int RotationWeeks { get; set; } = 1;
    public List<ShiftSlot> Slots { get; set; } = [];
    /// <summary>The company whose HR created it and may change or remove it; null for a roster an administrator or a
    /// network import brought in, which only administrators change.</summary>
    public long? OwnerCompanyId { get; set; }
    public Company? OwnerCompany { get; set; }
}
