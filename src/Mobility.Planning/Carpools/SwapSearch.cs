namespace Mobility.Planning.Carpools;

/// <summary>
/// Improves a choice of disjoint groups by swaps with greedy repair, in plain arrays: an unchosen candidate goes in, the
/// chosen groups it overlaps come out, the people they free are regrouped greedily among candidates whose members are
/// all free, and the swap is kept when the total value grows. This undoes greedy's typical mistake (a four-person group
/// whose members could have filled two cars). Candidates are tried most valuable first, within a budget of tries per
/// person, and a repair looks at each freed person's best candidates only, so the cost stays bounded on a part as large
/// as a whole shift. Swaps stop at a local optimum (more passes change nothing), so kicks follow (an iterated local
/// search): a chosen group and those around it come out, their people are regrouped with a little noise, swaps are tried
/// around them, and the result is kept only when the total grows. Deterministic: no clock, a seeded random generator.
/// How close it comes to the optimum CP-SAT proves, and how its constants were chosen: docs/benchmarks.md.
/// </summary>
public static class SwapSearch
{
    /// <summary>How many of a freed person's best candidates a repair tries: fewer come measurably further from the
    /// optimum (docs/benchmarks.md).</summary>
    private const int RepairOptions = 256;
    /// <summary>Swaps tried per pass, per person of the part (with kicks after them, more tries served no more
    /// passengers).</summary>
    private const int TriesPerPerson = 8;
    /// <summary>Kicks on one part: one per person, at most this many (a kick costs more where people have more
    /// candidates, and past a few hundred kicks a large part pays seconds for little).</summary>
    private const int MaxKicks = 400;
    /// <summary>How far a kick reaches: each member's this many best candidates bring their chosen groups out.</summary>
    private const int KickReach = 6;

    public static Selection Improve(IReadOnlyList<MatchedGroup> groups, long[] values, Selection start, int passes)
    {
        if (passes <= 0 || groups.Count < 2) return start;
        var byValue = Enumerable.Range(0, groups.Count).OrderByDescending(g => values[g]).ThenBy(g => g).ToArray();
        var people = groups.Max(g => g.Members.Max()) + 1;
        var members = groups.Select(g => g.Members.ToArray()).ToArray();
        // Each person's candidates, most valuable first, so the first free one found is the best repair.
        var groupsOf = new List<int>[people];
        foreach (var g in byValue)
            foreach (var member in members[g]) (groupsOf[member] ??= []).Add(g);
        var chosenOf = new int[people];
        Array.Fill(chosenOf, -1);
        var index = new Dictionary<MatchedGroup, int>(ReferenceEqualityComparer.Instance);
        for (var g = 0; g < groups.Count; g++) index[groups[g]] = g;
        foreach (var group in start.Groups)
            foreach (var member in members[index[group]]) chosenOf[member] = index[group];

        var removed = new List<int>(4);
        var freed = new List<int>(12);
        var added = new List<int>(8);
        bool Free(int g)
        {
            foreach (var member in members[g]) if (chosenOf[member] != -1) return false;
            return true;
        }
        void Take(int g)
        {
            foreach (var member in members[g]) chosenOf[member] = g;
        }
        void Drop(int g)
        {
            foreach (var member in members[g]) chosenOf[member] = -1;
        }
        // Regroups the freed people among candidates whose members are all free; returns the value added. In turn: each
        // freed person takes their best free group (the passes); otherwise the most valuable group any of them can still
        // join goes first (around kicks, where it finds more). Only each person's most valuable candidates are tried: a
        // long tail of blocked ones costs more than it finds.
        long Repair(bool inTurn)
        {
            long value = 0;
            if (inTurn)
            {
                foreach (var person in freed)
                {
                    if (chosenOf[person] != -1) continue;
                    var options = groupsOf[person];
                    for (var k = 0; k < options.Count && k < RepairOptions; k++)
                        if (Free(options[k]))
                        {
                            Take(options[k]);
                            added.Add(options[k]);
                            value += values[options[k]];
                            break;
                        }
                }
                return value;
            }
            while (true)
            {
                var best = -1;
                foreach (var person in freed)
                {
                    if (chosenOf[person] != -1) continue;
                    var options = groupsOf[person];
                    for (var k = 0; k < options.Count && k < RepairOptions; k++)
                        if (Free(options[k]))
                        {
                            if (best < 0 || values[options[k]] > values[best] || (values[options[k]] == values[best] && options[k] < best)) best = options[k];
                            break;
                        }
                }
                if (best < 0) return value;
                Take(best);
                added.Add(best);
                value += values[best];
            }
        }

        // Puts g in, takes out the chosen groups it overlaps, regroups the people they free; keeps the swap when the total
        // grows. Returns null when a bound shows it cannot (nothing touched), else whether it was kept.
        bool? TrySwap(int g, bool inTurn)
        {
            // A bound before touching anything: what comes out, and at best each freed person's most valuable group.
            removed.Clear();
            foreach (var member in members[g])
                if (chosenOf[member] is var c and >= 0 && !removed.Contains(c)) removed.Add(c);
            long bound = values[g];
            foreach (var c in removed)
            {
                bound -= values[c];
                foreach (var member in members[c]) if (!members[g].Contains(member)) bound += values[groupsOf[member][0]];
            }
            if (bound <= 0) return null;
            long gain = values[g];
            freed.Clear();
            foreach (var c in removed)
            {
                gain -= values[c];
                foreach (var member in members[c]) if (!members[g].Contains(member)) freed.Add(member);
                Drop(c);
            }
            Take(g);
            added.Clear();
            added.Add(g);
            gain += Repair(inTurn);
            if (gain > 0) return true;
            foreach (var a in added) Drop(a);
            foreach (var c in removed) Take(c);
            return false;
        }

        var improved = false;
        var population = groupsOf.Count(list => list is not null);
        for (var pass = 0; pass < passes; pass++)
        {
            var passImproved = false;
            // A deterministic budget of tried swaps per pass, proportional to the people: the most valuable candidates
            // come first and carry most of the gain, the tail of a whole shift's part would cost seconds for little.
            var budget = (long)TriesPerPerson * population;
            foreach (var g in byValue)
            {
                if (chosenOf[members[g][0]] == g) continue;
                var kept = TrySwap(g, inTurn: true);
                if (kept is null) continue;
                if (--budget < 0) break;
                if (kept.Value) passImproved = improved = true;
            }
            if (!passImproved) break;
        }

        // Then kicks (an iterated local search): a chosen group and the chosen groups around it come out, their people are
        // regrouped with a little noise and swaps are tried around them; the result is kept only when the total grows.
        // Swaps alone stop at a local optimum (more passes change nothing); kicks leave it. Seeded: deterministic.
        long Total()
        {
            long total = 0;
            for (var person = 0; person < chosenOf.Length; person++)
                if (chosenOf[person] is var g and >= 0 && members[g][0] == person) total += values[g];
            return total;
        }
        var random = new Random(20261123);
        var snapshot = new int[chosenOf.Length];
        var current = Total();
        var around = new List<int>();
        var hood = new HashSet<int>();
        // A deterministic number of kicks: one per person of the part, at most MaxKicks (a kick costs more where people
        // have more candidates, so large parts would pay seconds for what the first few hundred kicks find).
        var kicks = Math.Min(population, MaxKicks);
        for (var kick = 0; kick < kicks; kick++)
        {
            var person = random.Next(chosenOf.Length);
            if (groupsOf[person] is null) continue;
            var centre = chosenOf[person] >= 0 ? chosenOf[person] : groupsOf[person][0];
            Array.Copy(chosenOf, snapshot, chosenOf.Length);
            hood.Clear();
            foreach (var member in members[centre])
                foreach (var option in groupsOf[member].Take(KickReach))
                    foreach (var other in members[option])
                        if (chosenOf[other] >= 0) hood.Add(chosenOf[other]);
            around.Clear();
            foreach (var h in hood) { around.AddRange(members[h]); Drop(h); }
            around.AddRange(members[centre]);
            // Noisy regrouping: each round, the freed people's best free groups compete with a random weight.
            while (true)
            {
                var best = -1;
                var bestScore = double.MinValue;
                foreach (var freedPerson in around)
                {
                    if (chosenOf[freedPerson] != -1) continue;
                    var options = groupsOf[freedPerson];
                    for (var k = 0; k < options.Count && k < RepairOptions; k++)
                        if (Free(options[k]))
                        {
                            var score = values[options[k]] * (1 + 0.2 * random.NextDouble());
                            if (score > bestScore) (best, bestScore) = (options[k], score);
                            break;
                        }
                }
                if (best < 0) break;
                Take(best);
            }
            foreach (var freedPerson in around.ToArray())
                foreach (var option in groupsOf[freedPerson].Take(KickReach * 4))
                    if (chosenOf[members[option][0]] != option) TrySwap(option, inTurn: false);
            var total = Total();
            if (total > current) (current, improved) = (total, true);
            else Array.Copy(snapshot, chosenOf, chosenOf.Length);
        }
        if (!improved) return start;
        var chosen = Enumerable.Range(0, groups.Count).Where(g => chosenOf[members[g][0]] == g).ToList();
        return new Selection(chosen.Select(g => groups[g]).ToList(), chosen.Sum(g => values[g]), false, start.Method + " + swaps and kicks");
    }
}
