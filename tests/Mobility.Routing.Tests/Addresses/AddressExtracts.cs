using Mobility.Routing.Addresses;
using Mobility.TestSupport;

namespace Mobility.Routing.Tests.Addresses;

/// <summary>The address sources and indexes of the shared extracts, read once per test run.</summary>
public static class AddressExtracts
{
    private static readonly Dictionary<string, Lazy<(AddressSource Source, AddressIndex Index)>> Read = new[]
        { "mulhouse-centre.osm.pbf", "heidelberg.osm.pbf", "liechtenstein-2015.osm.pbf" }
        .ToDictionary(name => name, name => new Lazy<(AddressSource, AddressIndex)>(() =>
        {
            var source = OsmAddresses.Read(SharedData.OsmFile(name));
            return (source, new AddressIndex(source.Records));
        }));

    public static AddressSource MulhouseSource => Read["mulhouse-centre.osm.pbf"].Value.Source;
    public static AddressIndex Mulhouse => Read["mulhouse-centre.osm.pbf"].Value.Index;
    public static AddressSource HeidelbergSource => Read["heidelberg.osm.pbf"].Value.Source;
    public static AddressIndex Heidelberg => Read["heidelberg.osm.pbf"].Value.Index;
    public static AddressSource LiechtensteinSource => Read["liechtenstein-2015.osm.pbf"].Value.Source;
    public static AddressIndex Liechtenstein => Read["liechtenstein-2015.osm.pbf"].Value.Index;

    /// <summary>The answer is the place, sure enough to be used, and at the house.</summary>
    public static void AssertPlaced(AddressMatch? answer, GeoPoint truth, double metres = 5)
    {
        Assert.NotNull(answer);
        Assert.True(answer.IsConfident, $"{answer.Label}: confidence {answer.Confidence}");
        Assert.Equal(AddressPrecision.HouseNumber, answer.Precision);
        Assert.True(answer.Position.DistanceTo(truth) <= metres, $"{answer.Label} at {answer.Position.DistanceTo(truth):F0} m from the truth");
    }
}
