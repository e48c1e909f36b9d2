using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Mobility.Data.Privacy;

/// <summary>
/// The one rule for every number the working group reads (docs/security.md, "Aggregates for the working group"): a
/// count is published rounded to a multiple of <see cref="Base"/>, up or down at random with the odds that keep it
/// unbiased (12 is 10 three times in five, 15 twice). The coin is a keyed hash of exactly the people counted, so the
/// same people get the same number wherever and however often they are asked for, and no 1–4 is ever published.
/// </summary>
public sealed class Disclosure
{
    public const int Base = 5;

    /// <summary>Kilometres are rounded to this, with the same kind of coin: one person more or less in a cell moves its
    /// kilometres by a trip, which this hides.</summary>
    public const int KilometreBase = 10;

    /// <summary>Kilometres are published only for cells whose published count reaches this: such a cell holds at least
    /// six people whatever the coin did, so its kilometres never describe fewer than five.</summary>
    public const int KilometreMinimumCount = 2 * Base;

    public const string SettingName = "Disclosure:Key";

    // Only a default: a deployment sets Disclosure:Key, or anyone who knew who is in a cell could replay the coins.
    private const string DefaultKey = "mobility-disclosure-default-key";

    private readonly byte[] _key;

    public Disclosure(string? key = null) => _key = SHA256.HashData(Encoding.UTF8.GetBytes(string.IsNullOrEmpty(key) ? DefaultKey : key));

    /// <summary>The published count of these people (ids of what is counted: employees, or rows that stand for a
    /// person, such as a carpool member).</summary>
    public int Count(IEnumerable<long> people)
    {
        var ids = Sorted(people);
        return Round(ids.Length, Coin("count", ids), Base);
    }

    /// <summary>The published value of a count stored without the people behind it (a shuttle stop's boardings), its
    /// coin keyed by the count and the thing holding it (a trip): the same riders counted twice (boarding, aboard,
    /// alighting) are then published the same, as they are when the people are known.</summary>
    public int Count(int count, string holder) => Round(count, Coin($"holder:{holder}:{count}", []), Base);

    /// <summary>Kilometres of these people, or null when the cell's published count is too small to describe them.</summary>
    public double? Kilometres(double kilometres, string what, IEnumerable<long> people)
    {
        var ids = Sorted(people);
        if (Round(ids.Length, Coin("count", ids), Base) < KilometreMinimumCount) return null;
        var tens = kilometres / KilometreBase;
        var below = Math.Floor(tens);
        return KilometreBase * (below + (Coin("km:" + what, ids) < tens - below ? 1 : 0));
    }

    /// <summary>A table of one classification: each key's published count, keys published as 0 left out (their
    /// existence would say "1 to 4"), largest first.</summary>
    public IReadOnlyList<(TKey Key, int Count)> Table<TKey>(IEnumerable<(TKey Key, long Id)> rows) where TKey : notnull =>
        rows.GroupBy(r => r.Key).Select(g => (g.Key, Count: Count(g.Select(r => r.Id)))).Where(c => c.Count > 0)
            .OrderByDescending(c => c.Count).ThenBy(c => c.Key.ToString(), StringComparer.Ordinal).ToList();

    private static long[] Sorted(IEnumerable<long> people) => people.Distinct().Order().ToArray();

    private static int Round(int count, double coin, int roundingBase)
    {
        var below = count / roundingBase * roundingBase;
        return below + (coin < (double)(count - below) / roundingBase ? roundingBase : 0);
    }

    /// <summary>A number in [0, 1) that only the key holder can predict, fixed for a purpose and a set of ids.</summary>
    private double Coin(string purpose, long[] ids)
    {
        var data = new byte[Encoding.UTF8.GetByteCount(purpose) + 1 + 8 * ids.Length];
        var written = Encoding.UTF8.GetBytes(purpose, data);
        data[written] = 0;
        for (var i = 0; i < ids.Length; i++) BinaryPrimitives.WriteInt64LittleEndian(data.AsSpan(written + 1 + 8 * i), ids[i]);
        var hash = HMACSHA256.HashData(_key, data);
        return (BinaryPrimitives.ReadUInt64LittleEndian(hash) >> 11) / (double)(1UL << 53);
    }
}
