namespace Mobility.Routing.Addresses;

/// <summary>How exactly an answer places the address: at the house, or only somewhere on its street.</summary>
public enum AddressPrecision
{
    /// <summary>The house number was found: the position is the house (its node or its building's centroid).</summary>
    HouseNumber,
    /// <summary>The street was found but not the number (or none was given): the position is the street's middle.</summary>
    Street,
}

/// <summary>
/// One answer of the address index: the address it found (as the source spells it), where it is, how precisely, and how
/// sure the match is (<see cref="Confidence"/>, in [0, 1]).
/// </summary>
public sealed record AddressMatch(
    string Label, string? HouseNumber, string Street, string? Postcode, string? City, GeoPoint Position,
    AddressPrecision Precision, double Confidence)
{
    /// <summary>
    /// Under this confidence the caller must not use the answer as the address's place: an import reports the row (with
    /// the answer as a suggestion), a form asks the person to choose. Calibrated on the perturbed addresses of the address
    /// benchmark (docs/benchmarks.md): above it, at most 0.5% of answers are more than 50 m from the true place.
    /// </summary>
    public const double ConfidenceThreshold = 0.65;

    public bool IsConfident => Confidence >= ConfidenceThreshold;
}
