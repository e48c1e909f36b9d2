namespace Mobility.Data.Model;

/// <summary>Which roster an employee works, where in its rotation, and over which dates.</summary>
public class ShiftAssignment
{
    public long Id { get; set; }
    public long EmployeeId { get; set; }
    public Employee? Employee { get; set; }
    public long ShiftPatternId { get; set; }
    public ShiftPattern? ShiftPattern { get; set; }
    /// <summary>A Monday from which rotation week 0 is counted.</summary>
    public DateOnly RotationAnchor { get; set; }
    /// <summary>Shifts the rotation for this employee: offset 1 works week 1 when the anchor says week 0.</summary>
    public int RotationOffsetWeeks { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
}
