using Mobility.Planning.TravelTimes;

namespace Mobility.Planning.Carpools;

/// <summary>
/// Participants of one direction and the travel times between every place matching may use: each participant's home
/// (location i for participant i) and each distinct site after them. One matrix call to the router serves the whole
/// matching.
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
    /// <summary>Real travel times, from row to column, between homes then sites.</summary>
    public TravelMatrix Travel { get; }
    /// <summary>The distinct sites; site k is location <c>Participants.Count + k</c>.</summary>
    public IReadOnlyList<string> SiteIds { get; }
    /// <summary>Location index of participant i's site.</summary>
    public int[] SiteLocation { get; }
    /// <summary>Participant i's arrival window at their site on the matching clock (see the class summary).</summary>
    public double[] MatchingEarliest { get; }
    public double[] MatchingLatest { get; }

    public CarpoolInstance(IReadOnlyList<CarpoolParticipant> participants, ITravelTimes travelTimes,
        CommuteDirection direction = CommuteDirection.ToWork) : this(participants, direction, null, travelTimes)
    {
    }

    /// <summary>The same people, homes and sites in the same order, in the other direction or with other windows, on this
    /// instance's travel matrix (no second router call: the evening's places are the morning's).</summary>
    public CarpoolInstance WithParticipants(IReadOnlyList<CarpoolParticipant> participants, CommuteDirection direction)
    {
        if (participants.Count != Participants.Count)
            throw new ArgumentException($"{participants.Count} participants for an instance of {Participants.Count}: the places differ.");
        for (var i = 0; i < participants.Count; i++)
            if (participants[i].Id != Participants[i].Id || participants[i].Home != Participants[i].Home
                || participants[i].SiteId != Participants[i].SiteId || participants[i].Site != Participants[i].Site)
                throw new ArgumentException($"Participant {i} ('{participants[i].Id}') is not '{Participants[i].Id}' at the same home and site.");
        return new CarpoolInstance(participants, direction, Travel, null);
    }

    private CarpoolInstance(IReadOnlyList<CarpoolParticipant> participants, CommuteDirection direction, TravelMatrix? travel, ITravelTimes? travelTimes)
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
        var places = participants.Select(p => p.Home).Concat(sites.Select(id => participants.First(p => p.SiteId == id).Site)).ToList();
        Travel = travel ?? travelTimes!.Matrix(places, places);
        var toWork = direction == CommuteDirection.ToWork;
        MatchingEarliest = participants.Select(p => toWork ? p.Earliest : -p.Latest).ToArray();
        MatchingLatest = participants.Select(p => toWork ? p.Latest : -p.Earliest).ToArray();
    }

    public int LocationCount => Travel.Origins;

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
}
