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
                var midLatitude = (streets.Lat1[i] + streets.Lat2[i]) / 2;
                var midLongitude = (streets.Lon1[i] + streets.Lon2[i]) / 2;
                var metres = Geo.Metres(midLatitude, midLongitude, plant.Location.Y, plant.Location.X);
                total += streets.Metres[i] * Math.Exp(-metres / DecayMetres);
                cumulative[i] = total;
            }
            _cumulativeWeights[plant] = cumulative;
        }
    }

    public (double Latitude, double Longitude) Sample(Site plant, Random random)
    {
        var cumulative = _cumulativeWeights[plant];
        var target = random.NextDouble() * cumulative[^1];
        var index = Array.BinarySearch(cumulative, target);
        if (index < 0) index = ~index;
        index = Math.Min(index, cumulative.Length - 1);
        var t = random.NextDouble();
        return (_streets.Lat1[index] + t * (_streets.Lat2[index] - _streets.Lat1[index]),
                _streets.Lon1[index] + t * (_streets.Lon2[index] - _streets.Lon1[index]));
    }
}
