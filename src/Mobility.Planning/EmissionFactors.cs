namespace Mobility.Planning;

/// <summary>
/// Greenhouse-gas factors per vehicle-kilometre, in one place (docs/emissions.md gives the sources). A car's is ADEME's
/// (Base Empreinte®, passenger car, average engine): what a car emits on the road with its fuel's production, not the
/// type-approval figure (about 120 g/km) that understates it. Buses are counted per vehicle, from their consumption.
/// </summary>
public static class EmissionFactors
{
    /// <summary>A car driven (fuel production and combustion), kg CO₂e per km: ADEME, average engine.</summary>
    public const double CarGramsPerKilometre = 193;
    /// <summary>The same with the car's manufacture spread over its life: for a life-cycle view, not the default.</summary>
    public const double CarWithManufactureGramsPerKilometre = 218;
}
