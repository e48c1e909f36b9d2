namespace Mobility.Routing.Addresses;

/// <summary>
/// An address as people and HR files write it, in parts; any part may be missing or misspelt. <see cref="Street"/> may
/// also be an <c>addr:place</c> (a hamlet, a lieu-dit) for addresses that have no street.
/// </summary>
public sealed record PostalAddress(string? HouseNumber, string? Street, string? Postcode, string? City);
