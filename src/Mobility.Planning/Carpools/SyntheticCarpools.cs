using Mobility.Planning.TravelTimes;

namespace Mobility.Planning.Carpools;

/// <summary>
/// Random but realistic morning commutes for tests and benchmarks: plants within a 25 km region, homes around them
/// (most within 10 km), a 3x8 and a day roster, the role mix of the demo network. Deterministic for a seed.
/// </summary>
public static class SyntheticCarpools
{
    private static readonly double[] ShiftStartsHours = [5, 13, 21, 8];

    public static List<CarpoolParticipant> Generate(int employees, int sites, int seed, double flexibilityMinutes = 20, double marginMinutes = 5)
    {
        var random = new Random(seed);
        var centre = new GeoPoint(48.80, 7.80);
        var plants = Enumerable.Range(0, sites).Select(_ => Offset(centre, random.NextDouble() * 12_000, random.NextDouble() * 2 * Math.PI)).ToList();
        var people = new List<CarpoolParticipant>(employees);
        for (var i = 0; i < employees; i++)
        {
            var site = random.Next(sites);
            var home = Offset(plants[site], -5_000 * Math.Log(1 - random.NextDouble() * 0.95), random.NextDouble() * 2 * Math.PI);
            var roll = random.NextDouble();
            var role = roll < 0.35 ? CarpoolRole.Driver : roll < 0.55 ? CarpoolRole.Passenger : CarpoolRole.Either;
            var start = ShiftStartsHours[random.Next(ShiftStartsHours.Length)] * 3600;
            var latest = start - marginMinutes * 60;
            people.Add(new CarpoolParticipant($"E{i:D5}", $"C{site % 7}", home, $"S{site}", plants[site], role,
                role == CarpoolRole.Passenger ? 0 : 3, 15, 1.5, latest - flexibilityMinutes * 60, latest));
        }
        return people;
    }

    private static GeoPoint Offset(GeoPoint from, double metres, double bearing) => new(
        from.Latitude + metres * Math.Cos(bearing) / 111_195,
        from.Longitude + metres * Math.Sin(bearing) / (111_195 * Math.Cos(from.Latitude * Math.PI / 180)));
}
