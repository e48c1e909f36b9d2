namespace Mobility.Routing.Addresses;

/// <summary>What an address source gave: the records, and how many of its entries could not be used (an OSM object with a
/// number but no street, neither <c>addr:street</c>, <c>addr:place</c> nor an associatedStreet relation; a BAN row without
/// a street or a position).</summary>
public sealed record AddressSource(IReadOnlyList<AddressRecord> Records, int Skipped)
{
    public int Houses => Records.Count(r => r.IsHouse);
    public int Streets => Records.Count(r => !r.IsHouse);
}
