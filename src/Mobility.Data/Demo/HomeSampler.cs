using Mobility.Routing;
using Mobility.Data.Model;

namespace Mobility.Data.Demo;

/// <summary>
/// Draws home positions on residential street segments, each segment weighted by its length and by how close it
/// is to the plant (exponential decay), so that most demo commutes are short and some are long, as in real life.
/// </summary>
internal sealed class HomeSampler
{
    private const double DecayMetres = 6_000;
    private readonly ResidentialStreets _streets;
    private readonly Dictionary<Site, double[]> _cumulativeWeights = [];

    public HomeSampler(ResidentialStreets streets, IEnumerable<Site> plants)
    {
        _streets = streets;
        foreach (var plant in plants)
        {
            var cumulative = new double[streets.Count];
            var total = 0.0;
            for (var i = 0; i < streets.Count; i++)
            {
                var (start, end) = (streets.Start[i], streets.End[i]);
                var middle = new GeoPoint((start.Latitude + end.Latitude) / 2, (start.Longitude + end.Longitude) / 2);
                var metres = middle.DistanceTo(plant.Location.ToGeoPoint());
                total += streets.Metres[i] * Math.Exp(-metres / DecayMetres);
                cumulative[i] = total;
            }
            _cumulativeWeights[plant] = cumulative;
        }
    }

    public GeoPoint Sample(Site plant, Random random)
    {
        var cumulative = _cumulativeWeights[plant];
        var target = random.NextDouble() * cumulative[^1];
        var index = Array.BinarySearch(cumulative, target);
        if (index < 0) index = ~index;
        index = Math.Min(index, cumulative.Length - 1);
        var t = random.NextDouble();
        var (start, end) = (_streets.Start[index], _streets.End[index]);
        return new GeoPoint(start.Latitude + t * (end.Latitude - start.Latitude), start.Longitude + t * (end.Longitude - start.Longitude));
    }
}
