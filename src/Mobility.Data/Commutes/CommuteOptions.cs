namespace Mobility.Data.Commutes;

/// <summary>How shifts become commute windows.</summary>
/// <param name="Margin">Between the car park and the workstation (changing, clocking in or out).</param>
/// <param name="HomeFlexibilityMinutes">How long after the shift end (plus margin) the trip home may start; the way to
/// work uses each employee's own flexibility.</param>
/// <param name="MaxRideFactor">A passenger's longest ride over their direct trip.</param>
public sealed record CommuteOptions(TimeSpan Margin, int HomeFlexibilityMinutes = 20, double MaxRideFactor = 1.5)
{
    public static CommuteOptions Default { get; } = new(TimeSpan.FromMinutes(5));
}
