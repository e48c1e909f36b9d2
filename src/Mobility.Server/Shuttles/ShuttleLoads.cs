using Mobility.Data.Model;
using Mobility.Data.Privacy;
using Mobility.Server.Accounts;

namespace Mobility.Server.Shuttles;

/// <summary>How many get on, off and ride at a call, as a reader may see them: exact for administrators and the plan's own
/// HR; rounded by <see cref="Disclosure"/> for everyone else, since they count people at a place and time.</summary>
public sealed class ShuttleLoads(CurrentUser reader, ShuttlePlan plan, Disclosure disclosure)
{
    public bool Exact { get; } = reader.IsAdministrator || (reader.Role == AccountRole.HrManager && plan.CompanyId == reader.CompanyId);

    public int Shown(ShuttleCall call, int count) => Exact ? count : disclosure.Count(count, $"shuttle-trip:{call.ShuttleTripId}");
}
