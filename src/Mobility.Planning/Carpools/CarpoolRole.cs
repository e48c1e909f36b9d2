namespace Mobility.Planning.Carpools;

public enum CarpoolRole
{
    Driver,
    Passenger,
    /// <summary>Drives or rides: matching decides.</summary>
    Either,
}
