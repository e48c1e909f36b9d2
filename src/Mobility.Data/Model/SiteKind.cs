namespace Mobility.Data.Model;

public enum SiteKind
{
    Plant,
    Station,
    MeetingPoint,
    CarPark,
}
