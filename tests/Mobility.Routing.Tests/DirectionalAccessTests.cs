using Mobility.Routing.Profiles;
using OsmSharp.Tags;

namespace Mobility.Routing.Tests;

/// <summary>Access that differs by direction (key:forward, key:backward), as OSRM's profiles read it.</summary>
public class DirectionalAccessTests
{
    private static EdgeAccess Car(params (string Key, string Value)[] tags) =>
        VehicleProfiles.Car.Evaluate(new TagsCollection(tags.Select(t => new Tag(t.Key, t.Value))));

    /// <summary>Found against OSRM near Heidelberg: an unclassified road tagged vehicle:backward=agricultural (a farm
    /// track one way) was driven both ways, a path 31% shorter than OSRM's.</summary>
    [Fact]
    public void A_direction_closed_to_cars_is_driven_the_other_way_only()
    {
        var road = Car(("highway", "unclassified"), ("vehicle:backward", "agricultural"));
        Assert.Equal((true, false), (road.Forward, road.Backward));
        var other = Car(("highway", "residential"), ("motor_vehicle:forward", "no"));
        Assert.Equal((false, true), (other.Forward, other.Backward));
    }

    [Fact]
    public void A_direction_opened_to_cars_on_a_closed_way_is_driven_that_way()
    {
        var road = Car(("highway", "service"), ("access", "no"), ("motor_vehicle:forward", "yes"));
        Assert.Equal((true, false), (road.Forward, road.Backward));
        Assert.False(Car(("highway", "service"), ("access", "no")).IsRoutable);
    }

    [Fact]
    public void A_direction_closed_on_a_one_way_street_closes_it()
    {
        Assert.False(Car(("highway", "residential"), ("oneway", "yes"), ("vehicle:forward", "no")).IsRoutable);
        Assert.Equal((true, true), (Car(("highway", "residential")).Forward, Car(("highway", "residential")).Backward));
    }
}
