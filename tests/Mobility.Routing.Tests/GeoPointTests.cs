namespace Mobility.Routing.Tests;

public class GeoPointTests
{
    [Fact]
    public void Distance_between_Haguenau_and_Strasbourg_cathedral_is_about_26_km()
    {
        var haguenau = new GeoPoint(48.8156, 7.7905);
        var strasbourg = new GeoPoint(48.5818, 7.7509);
        Assert.InRange(haguenau.DistanceTo(strasbourg), 25_800, 26_400);
    }

    [Fact]
    public void Distance_is_symmetric_and_zero_on_itself()
    {
        var a = new GeoPoint(49.41, 8.69);
        var b = new GeoPoint(49.38, 8.57);
        Assert.Equal(a.DistanceTo(b), b.DistanceTo(a), 6);
        Assert.Equal(0, a.DistanceTo(a));
    }
}
