namespace Mobility.Planning.Carpools;

/// <summary>
/// Why a proposed group works, as data for the interface to word (in French or English): who is in it and in which
/// role, when the car reaches each home and site, each member's window, and each limit beside the value that meets it.
/// Times are seconds on the participants' clock (Unix seconds when windows come from <see cref="Shifts.CommuteWindow"/>).
/// </summary>
/// <param name="Sites">Site ids in driving order (the driver's own last to work, first home).</param>
/// <param name="DetourMinutes">The driver's extra minutes against driving alone.</param>
/// <param name="DetourLimitMinutes">The tighter of the driver's minute limit and ratio limit, in minutes.</param>
public sealed record GroupExplanation(
    CommuteDirection Direction,
    double Departure,
    IReadOnlyList<MemberExplanation> Members,
    IReadOnlyList<string> Sites,
    double RouteMinutes,
    double RouteKilometres,
    double DetourMinutes,
    double DetourLimitMinutes);

/// <param name="HomeOrder">0 for the driver; for passengers, the order the car reaches their homes (pickup order to
/// work, drop-off order home).</param>
/// <param name="AtHome">When the car is at their home (picked up to work, dropped home; the driver's departure or return).</param>
/// <param name="AtSite">When the car is at their site (arrival to work, departure home).</param>
/// <param name="WindowEarliest">Their window at the site: arrive (to work) or leave (home) between the two.</param>
/// <param name="RideMinutes">Their time in the car.</param>
/// <param name="RideLimitMinutes">The longest ride allowed (their ride factor times their direct trip; the driver's is
/// the direct trip plus the detour limit).</param>
/// <param name="DirectKilometres">Their own trip driving alone (null in explanations stored before it was recorded).</param>
public sealed record MemberExplanation(
    string Id,
    string Company,
    MemberRole Role,
    int HomeOrder,
    string SiteId,
    double AtHome,
    double AtSite,
    double WindowEarliest,
    double WindowLatest,
    double RideMinutes,
    double DirectMinutes,
    double RideLimitMinutes,
    double? DirectKilometres = null);
