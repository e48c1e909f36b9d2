using System.Globalization;
using Mobility.Data.Commutes;
using Mobility.Data.Model;
using Mobility.Planning.Carpools;
using Mobility.Planning.Shifts;
using Mobility.Planning.Shuttles;
using Mobility.Routing;

namespace Mobility.Application.Scenarios;

/// <summary>A site as a scenario's changes name it.</summary>
public sealed record ScenarioSite(long Id, string ExternalId, string Name, SiteKind Kind, GeoPoint Location);

/// <summary>What the changes are read against: the network's sites and companies by id, its time zone (shift starts are
/// local), and the homes of the passengers picked up at a meeting point (the commutes carry the point in their place).</summary>
public sealed record ScenarioPlaces(IReadOnlyDictionary<long, ScenarioSite> Sites, IReadOnlyDictionary<long, string> Companies,
    TimeZoneInfo TimeZone, IReadOnlyDictionary<string, GeoPoint> Homes);

/// <summary>A shuttle line of a scenario as the shuttle planner takes it.</summary>
public sealed record ShuttleLineCase(int Change, ShuttleCase Case);

/// <summary>A date's matching inputs with a scenario's changes applied, and the shuttle lines it adds (whose riders are
/// no longer in the carpool matching: they take the line).</summary>
public sealed record ScenarioInput(DayCommutes Commutes, IReadOnlyList<ShuttleLineCase> ShuttleLines)
{
    public IReadOnlySet<string> ShuttleRiders { get; } = ShuttleLines.SelectMany(l => l.Case.Riders).Select(r => r.Id).ToHashSet();
}

/// <summary>
/// Applies a scenario's changes to a copy of a date's commutes as the re-match loads them (<see cref="CommuteLoader"/>),
/// in memory only: the matcher then runs on them exactly as on the real ones. Changes apply in their order.
/// </summary>
public static class ScenarioInputs
{
    /// <summary>Who lives this close to a new meeting point or a line's station uses it, when the change does not say.</summary>
    public const double DefaultCatchmentKilometres = 2;
    public const int DefaultMinibuses = 2;
    public const int DefaultCoaches = 1;

    public static ScenarioInput Apply(DayCommutes commutes, ScenarioPlaces places, IReadOnlyList<ScenarioChange> changes)
    {
        var lines = new List<(int Change, ScenarioChange Line)>();
        for (var i = 0; i < changes.Count; i++)
        {
            var change = changes[i];
            commutes = change.Kind switch
            {
                ScenarioChange.MoveShiftStart => MoveShift(commutes, places, change),
                ScenarioChange.AddMeetingPoint => AddMeetingPoint(commutes, change),
                ScenarioChange.RemoveMeetingPoint => RemoveMeetingPoint(commutes, places, change.MeetingPointId!.Value),
                ScenarioChange.DetourPolicy => Each(commutes, p => p.Company == places.Companies[change.CompanyId!.Value]
                    ? p with { MaxDetourMinutes = change.MaxDetourMinutes!.Value } : p),
                ScenarioChange.ShuttleLine => commutes,
                _ => throw new ArgumentException($"Unknown scenario change '{change.Kind}'."),
            };
            if (change.Kind == ScenarioChange.ShuttleLine) lines.Add((i, change));
        }
        // Lines are cut after every other change, so a moved shift is served at its new time.
        var taken = new HashSet<string>();
        var cases = lines.Select(l => ShuttleLine(commutes, places, l.Change, l.Line, taken)).Where(c => c.Case.Riders.Count > 0).ToList();
        return new ScenarioInput(commutes, cases);
    }

    public static TimeOnly LocalStart(ShiftInstance shift, TimeZoneInfo zone) =>
        TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(shift.Start, zone).DateTime);

    private static DayCommutes Each(DayCommutes commutes, Func<CarpoolParticipant, CarpoolParticipant> change) =>
        commutes with { ToWork = commutes.ToWork.Select(change).ToList(), ToHome = commutes.ToHome.Select(change).ToList() };

    private static DayCommutes MoveShift(DayCommutes commutes, ScenarioPlaces places, ScenarioChange change)
    {
        var plant = places.Sites[change.PlantId!.Value].ExternalId;
        var start = TimeOnly.ParseExact(change.ShiftStart!, "HH:mm", CultureInfo.InvariantCulture);
        var seconds = change.OffsetMinutes!.Value * 60;
        var moved = commutes.ToWork.Where(p => p.SiteId == plant && commutes.Shifts.TryGetValue(p.Id, out var shift)
            && LocalStart(shift, places.TimeZone) == start).Select(p => p.Id).ToHashSet();
        if (moved.Count == 0) return commutes;
        var offset = TimeSpan.FromSeconds(seconds);
        return Each(commutes, p => moved.Contains(p.Id) ? p with { Earliest = p.Earliest + seconds, Latest = p.Latest + seconds } : p) with
        {
            Shifts = commutes.Shifts.ToDictionary(s => s.Key, s => moved.Contains(s.Key) ? s.Value with { Start = s.Value.Start + offset, End = s.Value.End + offset } : s.Value),
        };
    }

    /// <summary>Passengers (who only ride, as the loader places them) living within the catchment and not yet at a meeting
    /// point are picked up there instead of at home: what they would choose if it existed, being the nearest.</summary>
    private static DayCommutes AddMeetingPoint(DayCommutes commutes, ScenarioChange change)
    {
        var point = new GeoPoint(change.Latitude!.Value, change.Longitude!.Value);
        var metres = (change.CatchmentKilometres ?? DefaultCatchmentKilometres) * 1000;
        var moved = commutes.ToWork.Where(p => p.Role == CarpoolRole.Passenger && !commutes.MeetingPoints.ContainsKey(p.Id)
            && p.Home.DistanceTo(point) <= metres).Select(p => p.Id).ToHashSet();
        if (moved.Count == 0) return commutes;
        // A new point has no site id yet: 0 marks it among the chosen meeting points.
        var chosen = commutes.MeetingPoints.ToDictionary();
        foreach (var id in moved) chosen[id] = 0;
        return Each(commutes, p => moved.Contains(p.Id) ? p with { Home = point } : p) with { MeetingPoints = chosen };
    }

    /// <summary>Whoever was picked up at the point is picked up at home again.</summary>
    private static DayCommutes RemoveMeetingPoint(DayCommutes commutes, ScenarioPlaces places, long siteId)
    {
        var moved = commutes.MeetingPoints.Where(m => m.Value == siteId && places.Homes.ContainsKey(m.Key)).Select(m => m.Key).ToHashSet();
        if (moved.Count == 0) return commutes;
        return Each(commutes, p => moved.Contains(p.Id) ? p with { Home = places.Homes[p.Id] } : p) with
        {
            MeetingPoints = commutes.MeetingPoints.Where(m => !moved.Contains(m.Key)).ToDictionary(),
        };
    }

    /// <summary>A line from a station to plants: its riders are who works at those plants on the shifts it serves and
    /// lives within the catchment of the station; the fleet waits at the station. Someone a line before took is not taken again.</summary>
    private static ShuttleLineCase ShuttleLine(DayCommutes commutes, ScenarioPlaces places, int index, ScenarioChange change, HashSet<string> taken)
    {
        var station = places.Sites[change.StationId!.Value];
        var plants = change.PlantIds!.Select(id => places.Sites[id]).ToList();
        var plantIds = plants.Select(p => p.ExternalId).ToHashSet();
        var starts = (change.ShiftStarts ?? []).Select(s => TimeOnly.ParseExact(s, "HH:mm", CultureInfo.InvariantCulture)).ToHashSet();
        var metres = (change.CatchmentKilometres ?? DefaultCatchmentKilometres) * 1000;
        var riders = new List<ShuttleRider>();
        foreach (var person in commutes.ToWork)
        {
            if (!plantIds.Contains(person.SiteId) || !commutes.Shifts.TryGetValue(person.Id, out var shift)) continue;
            if (starts.Count > 0 && !starts.Contains(LocalStart(shift, places.TimeZone))) continue;
            var home = commutes.MeetingPoints.ContainsKey(person.Id) ? places.Homes.GetValueOrDefault(person.Id, person.Home) : person.Home;
            if (home.DistanceTo(station.Location) > metres || !taken.Add(person.Id)) continue;
            riders.Add(new ShuttleRider(person.Id, station.ExternalId, person.SiteId, shift));
        }
        var depot = new ShuttleStop("depot", station.Name, station.Location, ShuttleStopKind.Depot);
        var stops = plants.Select(p => new ShuttleStop(p.ExternalId, p.Name, p.Location, ShuttleStopKind.Site))
            .Prepend(new ShuttleStop(station.ExternalId, station.Name, station.Location, ShuttleStopKind.Station)).Prepend(depot).ToList();
        var fleet = new List<FleetEntry>
        {
            new(VehicleType.Minibus, depot.Id, change.Minibuses ?? DefaultMinibuses), new(VehicleType.Coach, depot.Id, change.Coaches ?? DefaultCoaches),
        };
        return new ShuttleLineCase(index, new ShuttleCase(stops, fleet, riders,
            new ShuttleSettings { Calendar = new ShiftCalendar(places.TimeZone) }).Validated());
    }
}
