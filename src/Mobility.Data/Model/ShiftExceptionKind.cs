namespace Mobility.Data.Model;

public enum ShiftExceptionKind
{
    /// <summary>No commute that day (holiday, sick leave, training elsewhere).</summary>
    Leave,
    /// <summary>A shift that day instead of the rostered one (overtime, swap).</summary>
    ExtraShift,
}
