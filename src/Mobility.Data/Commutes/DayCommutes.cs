using Mobility.Planning.Carpools;

namespace Mobility.Data.Commutes;

/// <summary>
/// The commutes of one date's shifts, ready for <see cref="CarpoolMatcher.MatchDay"/>: the trips to work of the shifts
/// starting on <paramref name="Date"/> and the trips home after them (the next morning for a night shift). Participant
/// ids are employee ids, site ids are site external ids.
/// </summary>
/// <param name="Shifts">Each participant's shift (by participant id), for reports per shift.</param>
/// <param name="NotWorking">Consenting employees with no shift starting that date (rest day, leave).</param>
public sealed record DayCommutes(
    DateOnly Date,
    IReadOnlyList<CarpoolParticipant> ToWork,
    IReadOnlyList<CarpoolParticipant> ToHome,
    IReadOnlyDictionary<string, Mobility.Planning.Shifts.ShiftInstance> Shifts,
    int NotWorking);
