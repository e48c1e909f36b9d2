namespace Mobility.Data.Model;

public enum CommuteRole
{
    Driver,
    Passenger,
    /// <summary>Drives or rides: matching decides.</summary>
    Either,
}
