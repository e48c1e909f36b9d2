using Mobility.Planning.TravelTimes;
using Mobility.Routing;

namespace Mobility.Planning.Shuttles;

public enum ShuttleStopKind { Station, MeetingPoint, Site, Depot }

/// <summary>A place a shuttle leaves from, calls at or serves: a railway station, a meeting point, a plant, a depot.</summary>
public sealed record ShuttleStop(string Id, string Name, GeoPoint Location, ShuttleStopKind Kind);
