using Mobility.Planning.Carpools;

namespace Mobility.Data.Commutes;

/// <summary>
/// The commutes of one date's shifts, ready for <see cref="CarpoolMatcher.MatchDay"/>: the trips to work of the shifts
/// starting on <paramref name="Date"/> and the trips home after them (the next morning for a night shift). Participant
/// ids are employee ids, site ids are site external ids.
/// </summary>
/// <param name="Shifts">Each participant's shift (by participant id), for reports per shift.</param>
/// <param name="NotWorking">Consenting employees with no shift starting that date (rest day, leave).</param>
/// <param name="Skipped">Data that could not be used (an invalid roster and the people on it, an employee whose shift
/// cannot be computed): left out so that the rest of the network is still matched, and reported.</param>
/// <param name="MeetingPoints">The meeting point (site id) of each participant picked up there rather than at home.</param>
public sealed record DayCommutes(
    DateOnly Date,
    IReadOnlyList<CarpoolParticipant> ToWork,
    IReadOnlyList<CarpoolParticipant> ToHome,
    IReadOnlyDictionary<string, Mobility.Planning.Shifts.ShiftInstance> Shifts,
    int NotWorking,
    IReadOnlyList<SkippedData> Skipped,
    IReadOnlyDictionary<string, long> MeetingPoints);

/// <summary>A roster or an employee left out of a date's commutes, and why; <paramref name="CompanyId"/> is the company
/// whose HR can fix it (the roster's owner, the employee's company), when there is one.</summary>
public sealed record SkippedData(string Kind, long Id, string ExternalId, long? CompanyId, string Reason)
{
    public const string Roster = "roster";
    public const string Employee = "employee";
}
