namespace Mobility.TestSupport;

/// <summary>A published number paired with the people it really counts (the test knows them) and the interval the
/// published rule lets an attacker place it in. <paramref name="Table"/> names the classification it belongs to: the
/// numbers of one table count disjoint groups.</summary>
public sealed record PublishedNumber(string Table, string Label, HashSet<long> People, int Low, int High)
{
    /// <summary>The interval a published value allows: exact, withheld (null: under 5), or rounded to a base (within
    /// base − 1). A listed cell (a key or square that is shown) holds at least one person.</summary>
    public static PublishedNumber Read(string table, string label, HashSet<long> people, int? value, int? roundingBase, bool listed)
    {
        var floor = listed ? 1 : 0;
        if (value is not { } v) return new(table, label, people, floor, 4);
        return roundingBase is { } b ? new(table, label, people, Math.Max(floor, v - (b - 1)), v + b - 1) : new(table, label, people, v, v);
    }
}

/// <summary>
/// The differencing attack: a number minus one it contains (parent minus child, column minus column, date minus date),
/// a number minus all the parts of one table it contains (total minus visible parts, square minus its smaller squares),
/// and for each group the tightest interval any of these give. A group of 1–4 people whose interval lies within 1–4 is
/// pinned: the attacker knows it exists and is under 5.
/// </summary>
public static class DifferencingAttack
{
    public sealed record Pin(int People, int Low, int High, string How)
    {
        public override string ToString() => $"{People} people pinned to {Low}–{High} by {How}";
    }

    public static List<Pin> Pinned(IReadOnlyList<PublishedNumber> published)
    {
        var known = new Dictionary<string, (HashSet<long> People, int Low, int High, List<string> How)>();
        void Learn(HashSet<long> group, int low, int high, string how)
        {
            if (group.Count == 0) return;
            var key = string.Join(",", group.Order());
            low = Math.Max(low, 0);
            if (known.TryGetValue(key, out var was))
            {
                was.How.Add(how);
                known[key] = (group, Math.Max(was.Low, low), Math.Min(was.High, high), was.How);
            }
            else known[key] = (group, low, high, [how]);
        }
        foreach (var p in published) Learn(p.People, p.Low, p.High, p.Label);
        foreach (var whole in published)
        {
            var inside = published.Where(p => p != whole && p.People.Count < whole.People.Count && p.People.IsSubsetOf(whole.People)).ToList();
            foreach (var part in inside)
                Learn(whole.People.Except(part.People).ToHashSet(), whole.Low - part.High, whole.High - part.Low, $"{whole.Label} − {part.Label}");
            foreach (var table in inside.GroupBy(p => p.Table).Where(t => t.Count() >= 2))
            {
                var parts = table.ToList();
                var union = parts.SelectMany(p => p.People).ToHashSet();
                if (union.Count != parts.Sum(p => p.People.Count)) continue; // overlapping parts (rosters): no plain sum
                Learn(whole.People.Except(union).ToHashSet(), whole.Low - parts.Sum(p => p.High), whole.High - parts.Sum(p => p.Low),
                    $"{whole.Label} − all of {table.Key} inside it");
            }
        }
        return known.Values.Where(k => k.People.Count is >= 1 and <= 4 && k.Low >= 1 && k.High <= 4)
            .Select(k => new Pin(k.People.Count, k.Low, k.High, string.Join(" ∩ ", k.How.Take(3)))).ToList();
    }
}
