namespace Mobility.Planning.Shuttles;

/// <summary>A kind of vehicle: seats, what it costs per kilometre and per hour in service, and what it emits per kilometre.</summary>
public sealed record VehicleType(string Id, string Name, int Capacity, double CostPerKilometre, double CostPerHour, double GramsCo2PerKilometre)
{
    public static VehicleType Minibus { get; } = new("minibus", "Minibus 8 places", 8, 0.45, 32, 230);
    public static VehicleType Coach { get; } = new("coach", "Autocar 50 places", 50, 1.30, 48, 850);
}
