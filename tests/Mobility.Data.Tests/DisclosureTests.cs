using Mobility.Data.Privacy;

namespace Mobility.Data.Tests;

/// <summary>The rounding rule on its own: what any published count can and cannot say about the people behind it.</summary>
public sealed class DisclosureTests
{
    private static long[] People(Random random, int count) => Enumerable.Range(0, count).Select(_ => random.NextInt64(1, 1_000_000)).Distinct().ToArray();

    [Fact]
    public void A_count_is_a_neighbouring_multiple_of_five_never_one_to_four_and_the_same_for_the_same_people()
    {
        var disclosure = new Disclosure("a key for tests");
        var random = new Random(7);
        for (var size = 0; size <= 40; size++)
            for (var draw = 0; draw < 50; draw++)
            {
                var people = People(random, size);
                var published = disclosure.Count(people);
                Assert.Equal(0, published % Disclosure.Base);
                Assert.InRange(published - people.Length, -(Disclosure.Base - 1), Disclosure.Base - 1);
                // Order and repetition do not change the coin: only who is counted does.
                Assert.Equal(published, disclosure.Count(people.Reverse().Concat(people)));
            }
    }

    [Fact]
    public void Rounding_is_unbiased_so_sums_of_many_cells_stay_close_and_the_key_decides_the_coins()
    {
        var random = new Random(11);
        var sets = Enumerable.Range(0, 4000).Select(i => People(random, 1 + i % 14)).ToList();
        var disclosure = new Disclosure("a key for tests");
        var error = sets.Average(s => disclosure.Count(s) - (double)s.Length);
        // Each error is uniform-ish within ±4 (standard deviation under 2.5): the mean of 4,000 is within a few hundredths.
        Assert.InRange(error, -0.15, 0.15);
        // A count of 3 is 5 three times in five: the share rounded up follows the remainder.
        var threes = sets.Where(s => s.Length == 3).ToList();
        Assert.InRange(threes.Count(s => disclosure.Count(s) == 5) / (double)threes.Count, 0.5, 0.7);
        var otherKey = new Disclosure("another key");
        Assert.Contains(sets, s => otherKey.Count(s) != disclosure.Count(s));
    }

    [Fact]
    public void Kilometres_are_published_only_for_cells_of_at_least_ten_published_people_and_rounded_to_ten_km()
    {
        var disclosure = new Disclosure("a key for tests");
        var random = new Random(3);
        for (var size = 1; size <= 30; size++)
        {
            var people = People(random, size);
            var kilometres = disclosure.Kilometres(123.4, "route", people);
            if (disclosure.Count(people) < Disclosure.KilometreMinimumCount) Assert.Null(kilometres);
            else
            {
                Assert.True(size >= 6, $"{size} people published with kilometres");
                Assert.Contains(kilometres!.Value, new[] { 120.0, 130.0 });
            }
        }
    }

    [Fact]
    public void Counts_stored_without_people_get_one_coin_per_count_and_holder()
    {
        var disclosure = new Disclosure("a key for tests");
        // The same riders read as boarding, aboard and alighting on one trip: one number.
        Assert.Equal(disclosure.Count(3, "shuttle-trip:7"), disclosure.Count(3, "shuttle-trip:7"));
        Assert.All(Enumerable.Range(0, 30), n => Assert.InRange(disclosure.Count(n, "shuttle-trip:7") - n, -4, 4));
        Assert.Equal(0, disclosure.Count(0, "shuttle-trip:7"));
    }
}
