using Mobility.Planning.Carpools;
using Mobility.Planning.TravelTimes;
using Mobility.Routing;

namespace Mobility.TestSupport;

/// <summary>
/// Random but realistic commutes for tests and benchmarks: plants within a 25 km region, homes around them (most within
/// 10 km), 8-hour shifts starting at 5:00, 13:00, 21:00 (3x8) or 8:00 (day), the role mix of the demo network.
/// Deterministic for a seed.
/// </summary>
public static class SyntheticCarpools
{
    private static readonly double[] AllShiftStartsHours = [5, 13, 21, 8];
    private const double ShiftHours = 8;

    /// <summary>The trips to work.</summary>
    public static List<CarpoolParticipant> Generate(int employees, int sites, int seed, double flexibilityMinutes = 20, double marginMinutes = 5,
        int shiftStarts = 4) =>
        GenerateDay(employees, sites, seed, flexibilityMinutes, marginMinutes, shiftStarts).ToWork;

    /// <summary>Both directions: the trip home of each employee leaves within [end + margin, end + margin + flexibility].</summary>
    /// <param name="shiftStarts">How many of 5:00, 13:00, 21:00 and 8:00 are used (3 for a pure 3x8 network).</param>
    public static (List<CarpoolParticipant> ToWork, List<CarpoolParticipant> ToHome) GenerateDay(int employees, int sites, int seed,
        double flexibilityMinutes = 20, double marginMinutes = 5, int shiftStarts = 4)
    {
        if (shiftStarts is < 1 or > 4) throw new ArgumentOutOfRangeException(nameof(shiftStarts), "Between 1 and 4 shift starts.");
        var random = new Random(seed);
        var centre = new GeoPoint(48.80, 7.80);
        var plants = Enumerable.Range(0, sites).Select(_ => Offset(centre, random.NextDouble() * 12_000, random.NextDouble() * 2 * Math.PI)).ToList();
        var toWork = new List<CarpoolParticipant>(employees);
        var toHome = new List<CarpoolParticipant>(employees);
        for (var i = 0; i < employees; i++)
        {
            var site = random.Next(sites);
            var home = Offset(plants[site], -5_000 * Math.Log(1 - random.NextDouble() * 0.95), random.NextDouble() * 2 * Math.PI);
            var roll = random.NextDouble();
            var role = roll < 0.35 ? CarpoolRole.Driver : roll < 0.55 ? CarpoolRole.Passenger : CarpoolRole.Either;
            var start = AllShiftStartsHours[random.Next(shiftStarts)] * 3600;
            var latest = start - marginMinutes * 60;
            var morning = new CarpoolParticipant($"E{i:D5}", $"C{site % 7}", home, $"S{site}", plants[site], role,
                role == CarpoolRole.Passenger ? 0 : 3, 15, 1.5, latest - flexibilityMinutes * 60, latest);
            var leave = start + ShiftHours * 3600 + marginMinutes * 60;
            toWork.Add(morning);
            toHome.Add(morning with { Earliest = leave, Latest = leave + flexibilityMinutes * 60 });
        }
        return (toWork, toHome);
    }

    private static GeoPoint Offset(GeoPoint from, double metres, double bearing) => new(
        from.Latitude + metres * Math.Cos(bearing) / 111_195,
        from.Longitude + metres * Math.Sin(bearing) / (111_195 * Math.Cos(from.Latitude * Math.PI / 180)));
}
