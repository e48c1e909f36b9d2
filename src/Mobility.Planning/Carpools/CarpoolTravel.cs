using Mobility.Planning.TravelTimes;
using Mobility.Routing;

namespace Mobility.Planning.Carpools;

/// <summary>
/// The travel times a carpool instance needs, and only those: every home to and from every site, the sites between
/// them, and home to home within a <em>block</em> of people who could share a car. Two people can share a car only if
/// their windows can meet within the longest route either would drive (see <see cref="Reach"/>); blocks are the
/// connected groups of overlapping reaches, so a home-to-home time across blocks is never needed and reads +∞. At
/// 15,000 people on five or six shift starts this is a few small matrices instead of one of 15,000² cells.
/// <para>
/// Locations are numbered as in <see cref="CarpoolInstance"/>: homes first (participant i is location i), then sites.
/// The blocks depend only on the inputs (participants in order, their windows and limits, the direct times), so the same
/// day gives the same blocks and the same router calls.
/// </para>
/// </summary>
public sealed class CarpoolTravel
{
    /// <summary>Components smaller than this share a block with their neighbours, so that a few lonely people do not
    /// each cost a router call.</summary>
    private const int SmallestBlock = 256;
    /// <summary>Seconds added to each end of a reach, far above the evaluator's tolerances and the rounding to floats.</summary>
    private const double Margin = 1;

    private readonly ITravelTimes _travelTimes;
    private readonly IReadOnlyList<GeoPoint> _homes;
    private readonly int[] _siteOf;
    private readonly TravelMatrix _homesToSites, _sitesToHomes, _sitesToSites;
    private readonly TravelMatrix[] _blocks;
    private readonly int[] _blockOf, _localOf;

    public int Homes => _homes.Count;
    public int Sites => _sitesToSites.Origins;
    public int Locations => Homes + Sites;
    public int BlockCount => _blocks.Length;
    public int LargestBlock => _blocks.Length == 0 ? 0 : _blocks.Max(b => b.Origins);
    /// <summary>Cells computed in all (home-to-home in blocks, homes and sites both ways, sites between them).</summary>
    public long Cells => _blocks.Sum(b => (long)b.Origins * b.Destinations) + 2L * Homes * Sites + (long)Sites * Sites;
    /// <summary>The places the router could not place, each once.</summary>
    public IReadOnlyList<UnplacedPlace> Unplaced { get; }

    private CarpoolTravel(ITravelTimes travelTimes, IReadOnlyList<GeoPoint> homes, int[] siteOf, TravelMatrix homesToSites,
        TravelMatrix sitesToHomes, TravelMatrix sitesToSites, int[] blockOf, List<int[]> members)
    {
        (_travelTimes, _homes, _siteOf) = (travelTimes, homes, siteOf);
        (_homesToSites, _sitesToHomes, _sitesToSites) = (homesToSites, sitesToHomes, sitesToSites);
        _blockOf = blockOf;
        _localOf = new int[homes.Count];
        foreach (var block in members)
            for (var k = 0; k < block.Length; k++) _localOf[block[k]] = k;
        _blocks = members.Select(block => { var places = block.Select(i => homes[i]).ToList(); return travelTimes.Matrix(places, places); }).ToArray();
        Unplaced = _blocks.Append(homesToSites).Append(sitesToHomes).Append(sitesToSites).SelectMany(m => m.Unplaced)
            .DistinctBy(u => u.Place).ToList();
    }

    /// <param name="homes">Each participant's home (location i).</param>
    /// <param name="sites">The distinct sites (location <c>homes.Count + k</c>).</param>
    /// <param name="siteOf">Index in <paramref name="sites"/> of each participant's site.</param>
    /// <param name="trips">Every way the times will be used: each direction's participants (same order as the homes), so
    /// that the blocks hold for all of them.</param>
    public static CarpoolTravel Compute(IReadOnlyList<GeoPoint> homes, IReadOnlyList<GeoPoint> sites, int[] siteOf, ITravelTimes travelTimes,
        IEnumerable<(IReadOnlyList<CarpoolParticipant> Participants, CommuteDirection Direction)> trips)
    {
        var homesToSites = travelTimes.Matrix(homes, sites);
        var sitesToHomes = travelTimes.Matrix(sites, homes);
        var sitesToSites = travelTimes.Matrix(sites, sites);
        var parent = Enumerable.Range(0, homes.Count).ToArray();
        foreach (var (participants, direction) in trips)
            Join(parent, Reaches(participants, direction, siteOf, homesToSites, sitesToHomes));
        var (blockOf, members) = Blocks(parent);
        return new CarpoolTravel(travelTimes, homes, siteOf, homesToSites, sitesToHomes, sitesToSites, blockOf, members);
    }

    /// <summary>These times, or times with larger blocks when <paramref name="participants"/> (the same people, with
    /// other windows or limits) could share a car across two blocks.</summary>
    public CarpoolTravel Covering(IReadOnlyList<CarpoolParticipant> participants, CommuteDirection direction)
    {
        var reaches = Reaches(participants, direction, _siteOf, _homesToSites, _sitesToHomes);
        if (Overlapping(reaches).All(pair => _blockOf[pair.A] == _blockOf[pair.B])) return this;
        var parent = (int[])_blockOf.Clone();
        // Each block's members under one root (its first member), then the new overlaps on top.
        var root = new int[_blocks.Length];
        Array.Fill(root, -1);
        for (var i = 0; i < parent.Length; i++) parent[i] = root[_blockOf[i]] < 0 ? root[_blockOf[i]] = i : root[_blockOf[i]];
        Join(parent, reaches);
        var (blockOf, members) = Blocks(parent);
        return new CarpoolTravel(_travelTimes, _homes, _siteOf, _homesToSites, _sitesToHomes, _sitesToSites, blockOf, members);
    }

    public double Seconds(int from, int to) => Read(from, to, metres: false);
    public double Metres(int from, int to) => Read(from, to, metres: true);

    private double Read(int from, int to, bool metres)
    {
        var homes = _homes.Count;
        var (matrix, row, column) = from < homes
            ? to >= homes ? (_homesToSites, from, to - homes)
            : _blockOf[from] == _blockOf[to] ? (_blocks[_blockOf[from]], _localOf[from], _localOf[to]) : (null, 0, 0)
            : to < homes ? (_sitesToHomes, from - homes, to) : (_sitesToSites, from - homes, to - homes);
        if (matrix is null) return double.PositiveInfinity;
        return metres ? matrix.Metres(row, column) : matrix.Seconds(row, column);
    }

    /// <summary>Whether two homes are in one block (home-to-home times between them are known).</summary>
    public bool SameBlock(int home, int otherHome) => _blockOf[home] == _blockOf[otherHome];

    /// <summary>
    /// Participant i's reach on the matching clock (reversed on the way home, as in <see cref="CarpoolInstance"/>): from
    /// the start of the window less the longest route they would drive (their detour ratio and minutes over the direct
    /// trip) to its end. A driver d takes a passenger p only if p's window meets [start_d − route, end_d] (p arrives at
    /// most one route before d, never after), so two people whose reaches do not overlap never share a car. Null when the
    /// direct trip is unknown (off the road network): such a person is in no group.
    /// </summary>
    private static (double Start, double End)?[] Reaches(IReadOnlyList<CarpoolParticipant> participants, CommuteDirection direction,
        int[] siteOf, TravelMatrix homesToSites, TravelMatrix sitesToHomes)
    {
        var toWork = direction == CommuteDirection.ToWork;
        var reaches = new (double, double)?[participants.Count];
        for (var i = 0; i < participants.Count; i++)
        {
            var p = participants[i];
            double direct = toWork ? homesToSites.Seconds(i, siteOf[i]) : sitesToHomes.Seconds(siteOf[i], i);
            if (!double.IsFinite(direct)) continue;
            var route = Math.Min(p.MaxDetourRatio * direct, direct + p.MaxDetourMinutes * 60);
            var (earliest, latest) = toWork ? (p.Earliest, p.Latest) : (-p.Latest, -p.Earliest);
            reaches[i] = (earliest - route - Margin, latest + Margin);
        }
        return reaches;
    }

    /// <summary>Pairs (previous, next) of reaches that overlap in order of start: they chain every overlapping group.</summary>
    private static IEnumerable<(int A, int B)> Overlapping((double Start, double End)?[] reaches)
    {
        var order = Enumerable.Range(0, reaches.Length).Where(i => reaches[i] is not null)
            .OrderBy(i => reaches[i]!.Value.Start).ThenBy(i => i).ToArray();
        var end = double.NegativeInfinity;
        for (var k = 0; k < order.Length; k++)
        {
            var (start, stop) = reaches[order[k]]!.Value;
            if (k > 0 && start <= end) yield return (order[k - 1], order[k]);
            end = k == 0 || start > end ? stop : Math.Max(end, stop);
        }
    }

    private static void Join(int[] parent, (double, double)?[] reaches)
    {
        foreach (var (a, b) in Overlapping(reaches))
        {
            var (x, y) = (Find(parent, a), Find(parent, b));
            if (x != y) parent[Math.Max(x, y)] = Math.Min(x, y);
        }
    }

    private static int Find(int[] parent, int x)
    {
        while (parent[x] != x) x = parent[x] = parent[parent[x]];
        return x;
    }

    /// <summary>Components in order of their first member; the small ones packed together in that order.</summary>
    private static (int[] BlockOf, List<int[]> Members) Blocks(int[] parent)
    {
        var components = new Dictionary<int, List<int>>();
        var ordered = new List<List<int>>();
        for (var i = 0; i < parent.Length; i++)
        {
            var root = Find(parent, i);
            if (!components.TryGetValue(root, out var list)) { components[root] = list = []; ordered.Add(list); }
            list.Add(i);
        }
        var members = new List<List<int>>();
        List<int>? small = null;
        foreach (var component in ordered)
        {
            if (component.Count >= SmallestBlock) { members.Add(component); continue; }
            if (small is null || small.Count >= SmallestBlock) members.Add(small = []);
            small.AddRange(component);
        }
        var blockOf = new int[parent.Length];
        var blocks = members.Select(m => m.Order().ToArray()).ToList();
        for (var b = 0; b < blocks.Count; b++) foreach (var i in blocks[b]) blockOf[i] = b;
        return (blockOf, blocks);
    }
}
