using Mobility.Planning.TravelTimes;

namespace Mobility.Planning.Carpools;

/// <summary>
/// Participants of one direction and the travel times between every place matching may use: each participant's home
/// (location i for participant i) and each distinct site after them. The times are a <see cref="CarpoolTravel"/>: homes
/// and sites both ways, and home to home only among people who could share a car (a few router calls for a whole day).
/// <para>
/// Trips home are matched as trips to work run backwards in time, so that one evaluator serves both directions: the
/// route site → other sites → homes, reversed, is homes → sites on the transposed matrix, and leaving a site within
/// [a, b] is arriving there within [−b, −a] on the reversed clock. <see cref="Seconds"/>, <see cref="Metres"/>,
/// <see cref="MatchingEarliest"/> and <see cref="MatchingLatest"/> give that matching view; <see cref="Travel"/> and
/// the participants keep the real one (the checker uses only those).
/// </para>
/// </summary>
public sealed class CarpoolInstance
{
    public IReadOnlyList<CarpoolParticipant> Participants { get; }
    public CommuteDirection Direction { get; }
    /// <summary>Real travel times, from one location to another, between homes then sites.</summary>
    public CarpoolTravel Travel { get; }
    /// <summary>The distinct sites; site k is location <c>Participants.Count + k</c>.</summary>
    public IReadOnlyList<string> SiteIds { get; }
    /// <summary>Location index of participant i's site.</summary>
    public int[] SiteLocation { get; }
    /// <summary>Participant i's arrival window at their site on the matching clock (see the class summary).</summary>
    public double[] MatchingEarliest { get; }
    public double[] MatchingLatest { get; }

    /// <param name="otherWay">The same people's trips the other way (same order, homes and sites), when
    /// <see cref="WithParticipants"/> will follow: the times are then computed once for both.</param>
    public CarpoolInstance(IReadOnlyList<CarpoolParticipant> participants, ITravelTimes travelTimes,
        CommuteDirection direction = CommuteDirection.ToWork, IReadOnlyList<CarpoolParticipant>? otherWay = null)
        : this(participants, direction, null, travelTimes, otherWay)
    {
    }

    /// <summary>The same people, homes and sites in the same order, in the other direction or with other windows, on this
    /// instance's travel times (no second router call when the people could not share a car across its blocks: see
    /// <see cref="CarpoolTravel.Covering"/>).</summary>
    public CarpoolInstance WithParticipants(IReadOnlyList<CarpoolParticipant> participants, CommuteDirection direction)
    {
        Check(Participants, participants);
        return new CarpoolInstance(participants, direction, Travel.Covering(participants, direction), null, null);
    }

    private CarpoolInstance(IReadOnlyList<CarpoolParticipant> participants, CommuteDirection direction, CarpoolTravel? travel,
        ITravelTimes? travelTimes, IReadOnlyList<CarpoolParticipant>? otherWay)
    {
        var ids = new HashSet<string>();
        foreach (var participant in participants)
        {
            if (!ids.Add(participant.Id)) throw new ArgumentException($"Participant '{participant.Id}' appears twice.");
            if (participant.Latest < participant.Earliest)
                throw new ArgumentException($"Participant '{participant.Id}': the time window ends before it starts.");
            if (participant.MaxDetourRatio < 1 || participant.MaxRideFactor < 1)
                throw new ArgumentException($"Participant '{participant.Id}': detour and ride limits are ratios of at least 1.");
        }
        Participants = participants;
        _indexById = participants.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i);
        Direction = direction;
        var sites = participants.Select(p => p.SiteId).Distinct().ToList();
        SiteIds = sites;
        var siteIndex = sites.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => participants.Count + x.i);
        SiteLocation = participants.Select(p => siteIndex[p.SiteId]).ToArray();
        if (travel is null)
        {
            var siteOf = SiteLocation.Select(l => l - participants.Count).ToArray();
            var sitePlaces = sites.Select(id => participants.First(p => p.SiteId == id).Site).ToList();
            var trips = new List<(IReadOnlyList<CarpoolParticipant>, CommuteDirection)> { (participants, direction) };
            if (otherWay is not null)
            {
                Check(participants, otherWay);
                trips.Add((otherWay, direction == CommuteDirection.ToWork ? CommuteDirection.ToHome : CommuteDirection.ToWork));
            }
            travel = CarpoolTravel.Compute(participants.Select(p => p.Home).ToList(), sitePlaces, siteOf, travelTimes!, trips);
        }
        Travel = travel;
        var toWork = direction == CommuteDirection.ToWork;
        MatchingEarliest = participants.Select(p => toWork ? p.Earliest : -p.Latest).ToArray();
        MatchingLatest = participants.Select(p => toWork ? p.Latest : -p.Earliest).ToArray();
    }

    public int LocationCount => Travel.Locations;

    /// <summary>Seconds from one location to another on the matching view (reversed on the way home).</summary>
    public double Seconds(int fromLocation, int toLocation) =>
        Direction == CommuteDirection.ToWork ? Travel.Seconds(fromLocation, toLocation) : Travel.Seconds(toLocation, fromLocation);

    public double Metres(int fromLocation, int toLocation) =>
        Direction == CommuteDirection.ToWork ? Travel.Metres(fromLocation, toLocation) : Travel.Metres(toLocation, fromLocation);

    /// <summary>Participant i's trip alone, between home and site in this instance's direction.</summary>
    public double DirectSeconds(int participant) => Seconds(participant, SiteLocation[participant]);
    public double DirectMetres(int participant) => Metres(participant, SiteLocation[participant]);

    /// <summary>The location of a site by id, or −1 when no participant works there.</summary>
    public int LocationOfSite(string siteId)
    {
        for (var k = 0; k < SiteIds.Count; k++) if (SiteIds[k] == siteId) return Participants.Count + k;
        return -1;
    }

    /// <summary>The participant's index by id, or −1.</summary>
    public int IndexOf(string id) => _indexById.TryGetValue(id, out var index) ? index : -1;

    private readonly Dictionary<string, int> _indexById;

    /// <summary>Throws unless <paramref name="other"/> are <paramref name="participants"/> in the same order at the same places.</summary>
    private static void Check(IReadOnlyList<CarpoolParticipant> participants, IReadOnlyList<CarpoolParticipant> other)
    {
        if (other.Count != participants.Count)
            throw new ArgumentException($"{other.Count} participants for an instance of {participants.Count}: the places differ.");
        for (var i = 0; i < other.Count; i++)
            if (other[i].Id != participants[i].Id || other[i].Home != participants[i].Home
                || other[i].SiteId != participants[i].SiteId || other[i].Site != participants[i].Site)
                throw new ArgumentException($"Participant {i} ('{other[i].Id}') is not '{participants[i].Id}' at the same home and site.");
    }
}
