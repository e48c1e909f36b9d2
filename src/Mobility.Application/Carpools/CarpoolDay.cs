using Mobility.Data.Commutes;
using Mobility.Planning;
using Mobility.Planning.Carpools;
using Mobility.Planning.TravelTimes;

namespace Mobility.Application.Carpools;

/// <summary>
/// A date's carpool matching on road times: the commutes both ways, the trips home on the same matrix as the trips to
/// work (their homes and sites are the same places, so the router is asked once).
/// </summary>
public sealed record CarpoolDay(DayCommutes Commutes, CarpoolInstance ToWork, CarpoolInstance ToHome)
{
    public static CarpoolDay On(DayCommutes commutes, ITravelTimes roads)
    {
        var toWork = new CarpoolInstance(commutes.ToWork, roads, CommuteDirection.ToWork);
        return new CarpoolDay(commutes, toWork, toWork.WithParticipants(commutes.ToHome, CommuteDirection.ToHome));
    }

    /// <param name="fixedToWork">Groups that stay as they are (accepted ones, in a re-match), likewise <paramref name="fixedToHome"/>.</param>
    /// <param name="keepApart">Pairs of participant ids never put in one group (who declined whom).</param>
    public CarpoolDayPlan Match(CarpoolSettings? settings = null, IReadOnlyList<MatchedGroup>? fixedToWork = null,
        IReadOnlyList<MatchedGroup>? fixedToHome = null, IReadOnlyCollection<(string, string)>? keepApart = null) =>
        CarpoolMatcher.MatchDay(ToWork, ToHome, settings, fixedToWork, fixedToHome, keepApart);
}
