namespace Mobility.Data.Shuttles;

/// <summary>
/// Who a what-if shuttle case carries and with what fleet: employees living farther than
/// <paramref name="MinDistanceKilometres"/> (straight line) from their plant; only those of
/// <paramref name="CompanyId"/> when given (an HR manager's plan); only those living in <paramref name="Communes"/> when
/// given ("everyone over 10 km away in these communes", compared without case or surrounding spaces).
/// </summary>
public sealed record ShuttleDemandOptions(double MinDistanceKilometres = 10, int Minibuses = 6, int Coaches = 2, long? CompanyId = null,
    IReadOnlyCollection<string>? Communes = null);
