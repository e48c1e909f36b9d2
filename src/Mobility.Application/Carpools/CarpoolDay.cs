using Mobility.Data.Commutes;
using Mobility.Planning;
using Mobility.Planning.Carpools;
using Mobility.Planning.TravelTimes;

namespace Mobility.Application.Carpools;

/// <summary>
/// A date's carpool matching on road times: the commutes both ways, the trips home on the same matrix as the trips to
/// work (their homes and sites are the same places, so the router is asked once for both).
/// </summary>
public sealed record CarpoolDay(DayCommutes Commutes, CarpoolInstance ToWork, CarpoolInstance ToHome)
{
    public static CarpoolDay On(DayCommutes commutes, ITravelTimes roads)
    {
        var toWork = new CarpoolInstance(commutes.ToWork, roads, CommuteDirection.ToWork, commutes.ToHome);
        return new CarpoolDay(commutes, toWork, toWork.WithParticipants(commutes.ToHome, CommuteDirection.ToHome));
    }

    /// <summary>The ids whose trip that way may start before <paramref name="notBefore"/> (seconds on the participants' clock):
    /// to work, the earliest arrival less the longest ride the matcher allows them (driving or riding); home, the earliest
    /// departure from the site.</summary>
    public IReadOnlySet<string> StartingBefore(double notBefore, CommuteDirection direction)
    {
        var instance = direction == CommuteDirection.ToWork ? ToWork : ToHome;
        return Enumerable.Range(0, instance.Participants.Count).Where(i =>
        {
            var p = instance.Participants[i];
            var longestRide = instance.DirectSeconds(i) * Math.Max(p.MaxRideFactor, p.MaxDetourRatio) + p.MaxDetourMinutes * 60;
            return (direction == CommuteDirection.ToWork ? p.Earliest - longestRide : p.Earliest) < notBefore;
        }).Select(i => instance.Participants[i].Id).ToHashSet();
    }

    /// <summary>The same day where these participants can be in no new group that way (a trip already begun, a car under
    /// way). They stay in the instances, since both directions share one matrix of the same people: they neither drive
    /// nor ride.</summary>
    public CarpoolDay WithoutMatching(IReadOnlySet<string> toWork, IReadOnlySet<string> toHome)
    {
        static IReadOnlyList<CarpoolParticipant> Idle(CarpoolInstance instance, IReadOnlySet<string> ids) =>
            instance.Participants.Select(p => ids.Contains(p.Id) ? p with { Role = CarpoolRole.Driver, Seats = 0 } : p).ToList();
        if (toWork.Count == 0 && toHome.Count == 0) return this;
        return this with
        {
            ToWork = ToWork.WithParticipants(Idle(ToWork, toWork), CommuteDirection.ToWork),
            ToHome = ToHome.WithParticipants(Idle(ToHome, toHome), CommuteDirection.ToHome),
        };
    }

    /// <param name="fixedToWork">Groups that stay as they are (accepted ones, in a re-match), likewise <paramref name="fixedToHome"/>.</param>
    /// <param name="keepApart">Pairs of participant ids never put in one group (who declined whom).</param>
    /// <param name="proposedToWork">Open proposals, kept when nothing serves more (see <see cref="CarpoolSettings.KeepProposedSeconds"/>),
    /// likewise <paramref name="proposedToHome"/>.</param>
    public CarpoolDayPlan Match(CarpoolSettings? settings = null, IReadOnlyList<MatchedGroup>? fixedToWork = null,
        IReadOnlyList<MatchedGroup>? fixedToHome = null, IReadOnlyCollection<(string, string)>? keepApart = null,
        IReadOnlyList<MatchedGroup>? proposedToWork = null, IReadOnlyList<MatchedGroup>? proposedToHome = null) =>
        CarpoolMatcher.MatchDay(ToWork, ToHome, settings, fixedToWork, fixedToHome, keepApart, proposedToWork: proposedToWork, proposedToHome: proposedToHome);
}
