using Mobility.Planning.TravelTimes;

namespace Mobility.Planning.Carpools;

/// <summary>
/// Participants and the travel times between every place matching may use: each participant's home (location i for
/// participant i) and each distinct site after them. One matrix call to the router serves the whole matching.
/// </summary>
public sealed class CarpoolInstance
{
    public IReadOnlyList<CarpoolParticipant> Participants { get; }
    public TravelMatrix Travel { get; }
    /// <summary>Location index of participant i's site.</summary>
    public int[] SiteLocation { get; }

    public CarpoolInstance(IReadOnlyList<CarpoolParticipant> participants, ITravelTimes travelTimes)
    {
        var ids = new HashSet<string>();
        foreach (var participant in participants)
        {
            if (!ids.Add(participant.Id)) throw new ArgumentException($"Participant '{participant.Id}' appears twice.");
            if (participant.ArriveLatest < participant.ArriveEarliest)
                throw new ArgumentException($"Participant '{participant.Id}': the arrival window ends before it starts.");
            if (participant.MaxDetourRatio < 1 || participant.MaxRideFactor < 1)
                throw new ArgumentException($"Participant '{participant.Id}': detour and ride limits are ratios of at least 1.");
        }
        Participants = participants;
        var sites = participants.Select(p => p.SiteId).Distinct().ToList();
        var siteIndex = sites.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => participants.Count + x.i);
        SiteLocation = participants.Select(p => siteIndex[p.SiteId]).ToArray();
        var places = participants.Select(p => p.Home).Concat(sites.Select(id => participants.First(p => p.SiteId == id).Site)).ToList();
        Travel = travelTimes.Matrix(places, places);
    }

    public double Seconds(int fromLocation, int toLocation) => Travel.Seconds(fromLocation, toLocation);
    public double Metres(int fromLocation, int toLocation) => Travel.Metres(fromLocation, toLocation);
    /// <summary>Participant i's trip alone, home to site.</summary>
    public double DirectSeconds(int participant) => Seconds(participant, SiteLocation[participant]);
    public double DirectMetres(int participant) => Metres(participant, SiteLocation[participant]);
}
