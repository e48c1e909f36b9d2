using Mobility.Routing.Addresses;
using Mobility.TestSupport;

namespace Mobility.Routing.Tests.Addresses;

/// <summary>
/// Every house of each shared extract, written as files write it (abbreviated, without accents, with a typo, without
/// postcode, with the commune respelled, upper-case, several at once): the design's targets hold on each extract
/// (docs/benchmarks.md has the figures and the throughput, from `mobility-bench addresses`).
/// </summary>
public sealed class PerturbedAddressTests
{
    public static TheoryData<string> Extracts => ["mulhouse", "heidelberg", "liechtenstein"];

    [Theory]
    [MemberData(nameof(Extracts))]
    public void At_least_95_percent_are_placed_within_50_m_and_at_most_half_a_percent_confidently_elsewhere(string extract)
    {
        var index = extract switch
        {
            "mulhouse" => AddressExtracts.Mulhouse,
            "heidelberg" => AddressExtracts.Heidelberg,
            _ => AddressExtracts.Liechtenstein,
        };
        var variants = PerturbedAddresses.Of(index.Records, seed: 7);
        Assert.True(variants.Count > 3_000, $"{variants.Count} variants");
        var placed = 0;
        var wrong = new List<string>();
        foreach (var variant in variants)
        {
            var answer = variant.AsFreeText ? index.Search(variant.FreeText, 1).FirstOrDefault() : index.Match(variant.Address);
            if (answer is not { IsConfident: true }) continue;
            if (answer.Position.DistanceTo(variant.Truth.Position) <= 50) placed++;
            else wrong.Add($"{variant.Kind}: {variant.FreeText} -> {answer.Label}");
        }
        Assert.True(placed >= 0.95 * variants.Count, $"{placed} of {variants.Count} placed");
        Assert.True(wrong.Count <= 0.005 * variants.Count, $"{wrong.Count} wrong:\n{string.Join('\n', wrong.Take(20))}");
    }
}
