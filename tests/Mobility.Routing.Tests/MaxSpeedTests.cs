using Mobility.Routing.Profiles;

namespace Mobility.Routing.Tests;

public class MaxSpeedTests
{
    [Theory]
    [InlineData("50", 50.0)]
    [InlineData("70 km/h", 70.0)]
    [InlineData("30 mph", 48.28)]
    [InlineData("FR:urban", 50.0)]
    [InlineData("FR:rural", 80.0)]
    [InlineData("DE:rural", 100.0)]
    [InlineData("walk", 6.0)]
    [InlineData("50;30", 30.0)]
    public void Readable_limits_are_read_in_kilometres_per_hour(string value, double expected) =>
        Assert.Equal(expected, MaxSpeed.Parse(value)!.Value, 2);

    [Theory]
    [InlineData("none")]
    [InlineData("signals")]
    [InlineData("")]
    [InlineData(null)]
    public void Values_that_set_no_usable_limit_give_none(string? value) => Assert.Null(MaxSpeed.Parse(value));

    /// <summary>Found against OSRM: many country roads around Heidelberg carry only maxspeed:forward and maxspeed:backward
    /// (100 km/h on a secondary road); read as having no limit, they were driven at the class's 70 km/h.</summary>
    [Fact]
    public void A_limit_per_direction_sets_each_direction_speed()
    {
        var car = VehicleProfiles.Car;
        var both = car.Evaluate(new OsmSharp.Tags.TagsCollection(new OsmSharp.Tags.Tag("highway", "secondary"),
            new OsmSharp.Tags.Tag("maxspeed:forward", "100"), new OsmSharp.Tags.Tag("maxspeed:backward", "50")));
        Assert.Equal((100.0, 50.0), (both.KilometresPerHour, both.BackwardSpeed));
        var one = car.Evaluate(new OsmSharp.Tags.TagsCollection(new OsmSharp.Tags.Tag("highway", "secondary"),
            new OsmSharp.Tags.Tag("maxspeed", "80"), new OsmSharp.Tags.Tag("maxspeed:backward", "30")));
        Assert.Equal((80.0, 30.0), (one.KilometresPerHour, one.BackwardSpeed));
        var plain = car.Evaluate(new OsmSharp.Tags.TagsCollection(new OsmSharp.Tags.Tag("highway", "secondary")));
        Assert.Equal((70.0, 70.0), (plain.KilometresPerHour, plain.BackwardSpeed));
    }
}
