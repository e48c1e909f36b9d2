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
}
