namespace Mobility.Data.Model;

public class ShiftException
{
    public long Id { get; set; }
    public long EmployeeId { get; set; }
    public Employee? Employee { get; set; }
    public DateOnly Date { get; set; }
    public ShiftExceptionKind Kind { get; set; }
    /// <summary>For an extra shift: local start and end (end at or before start crosses midnight).</summary>
    public TimeOnly? Start { get; set; }
    public TimeOnly? End { get; set; }
}
