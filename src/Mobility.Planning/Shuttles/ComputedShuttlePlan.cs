namespace Mobility.Planning.Shuttles;

/// <summary>The waves of a roster, in time order, with totals, as the planner computed them (stored under a name and a
/// validity period, a plan becomes Data's <c>ShuttlePlan</c>).</summary>
public sealed record ComputedShuttlePlan(IReadOnlyList<ShuttleWave> Waves)
{
    public double Kilometres => Waves.Sum(w => w.Kilometres);
    public double Hours => Waves.Sum(w => w.Hours);
    public double Cost => Waves.Sum(w => w.Cost);
    public double KilogramsCo2 => Waves.Sum(w => w.KilogramsCo2);
    public int UnservedCount => Waves.Sum(w => w.UnservedCount);
    public double DriveAloneKilometres => Waves.Sum(w => w.DriveAloneKilometres);
    public double DriveAloneKilogramsCo2 => Waves.Sum(w => w.DriveAloneKilogramsCo2);
    public double WithShuttlesKilogramsCo2 => Waves.Sum(w => w.WithShuttlesKilogramsCo2);
}
