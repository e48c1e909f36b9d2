using Mobility.Data;
using Mobility.Routing;

namespace Mobility.Server.Carpools;

/// <summary>
/// Where a home may be, for every door that takes one (the employee's and HR's forms, HR's files): within
/// <c>Homes:MaxDistanceKm</c> (150 by default) of the main plant, and inside the road network's area (the bounds of the
/// router's roads) when the server has a road network. Matching could not route a home outside it.
/// </summary>
public sealed class HomeRulesSource(IConfiguration configuration, TravelTimesSource roads)
{
    public const string MaxDistanceSetting = $"{HomeRules.Section}:{nameof(HomeRules.MaxDistanceKm)}";

    private readonly Lazy<HomeRules> _rules = new(() => new HomeRules(
        configuration.GetValue(MaxDistanceSetting, HomeRules.DefaultMaxDistanceKm), AreaOf(roads)));

    public HomeRules Rules => _rules.Value;

    private static GeoArea? AreaOf(TravelTimesSource roads) =>
        roads.Router?.Network is { VertexCount: > 0 } network
            ? GeoArea.Around(Enumerable.Range(0, network.VertexCount).Select(network.Position))
            : null;
}
