namespace Mobility.Routing.Addresses;

/// <summary>What of an address was not in its source but guessed from its neighbours, so a mismatch on it weighs less.</summary>
[Flags]
public enum InferredParts : byte
{
    None = 0,
    /// <summary>The commune is the nearest addressed point's, or the nearest village's.</summary>
    City = 1,
    /// <summary>The postcode is the nearest addressed point's of the same commune.</summary>
    Postcode = 2,
}

/// <summary>
/// One entry of the address index as a source gives it (an OSM node or building, a named street, a BAN row): a house
/// when <see cref="HouseNumber"/> is set, else a street (or a place without numbers) at its middle.
/// </summary>
public sealed record AddressRecord(
    string? HouseNumber, string Street, string? Postcode, string? City, GeoPoint Position, InferredParts Inferred = InferredParts.None)
{
    public bool IsHouse => HouseNumber is not null;
}
