namespace Mobility.Routing.Addresses;

/// <summary>
/// Postal addresses to places, from the address index of the extract (<see cref="AddressIndex"/>). Safe to call from
/// any thread. An answer below <see cref="AddressMatch.ConfidenceThreshold"/> is a suggestion, not a place.
/// </summary>
public interface IAddressLookup
{
    /// <summary>How many addresses and streets the index holds: 0 when none is loaded.</summary>
    int Count { get; }

    /// <summary>The best answers for free text ("12 r. du Rhin 68100 Mulhouse", "Hauptstr. 5, Heidelberg"), best first,
    /// at most <paramref name="limit"/>; empty when nothing comes close.</summary>
    IReadOnlyList<AddressMatch> Search(string text, int limit);

    /// <summary>The best answer for an address in parts, or null when nothing comes close.</summary>
    AddressMatch? Match(PostalAddress address);
}
