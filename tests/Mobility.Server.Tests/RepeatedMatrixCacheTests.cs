using Mobility.Planning.TravelTimes;
using Mobility.Routing;
using Mobility.Server.Carpools;

namespace Mobility.Server.Tests;

public sealed class RepeatedMatrixCacheTests
{
    private sealed class CountingTravelTimes : ITravelTimes
    {
        public int Calls { get; private set; }
        private readonly CrowFlyTravelTimes _inner = new();

        public TravelMatrix Matrix(IReadOnlyList<GeoPoint> origins, IReadOnlyList<GeoPoint> destinations)
        {
            Calls++;
            return _inner.Matrix(origins, destinations);
        }
    }

    private static readonly GeoPoint[] Places = [new(48.81, 7.79), new(48.85, 7.70), new(48.86, 7.71)];

    [Fact]
    public void The_same_places_are_asked_of_the_router_once_and_other_places_again()
    {
        var router = new CountingTravelTimes();
        var cache = new RepeatedMatrixCache(router, capacity: 2);
        var first = cache.Matrix(Places, Places);
        var again = cache.Matrix(Places.ToList(), Places.ToList());
        Assert.Equal(1, router.Calls);
        Assert.Same(first, again);
        var moved = Places.Select((p, i) => i == 2 ? p with { Latitude = 48.87 } : p).ToArray();
        var other = cache.Matrix(moved, moved);
        Assert.Equal(2, router.Calls);
        Assert.NotEqual(first.Seconds(0, 2), other.Seconds(0, 2));
    }

    [Fact]
    public void The_oldest_matrix_is_forgotten_beyond_capacity()
    {
        var router = new CountingTravelTimes();
        var cache = new RepeatedMatrixCache(router, capacity: 1);
        cache.Matrix(Places, Places);
        cache.Matrix(Places[..2], Places[..2]);
        cache.Matrix(Places, Places);
        Assert.Equal(3, router.Calls);
    }
}
