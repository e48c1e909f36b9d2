using System.Globalization;
using Mobility.Data;
using Mobility.Data.Model;
using Mobility.Routing;
using Mobility.Server.Http;

namespace Mobility.Server.Scenarios;

/// <summary>A scenario as created or replaced: a name and its changes (see <see cref="ScenarioChange"/> for each kind's fields).</summary>
public sealed record ScenarioRequest(string? Name, IReadOnlyList<ScenarioChange>? Changes)
{
    public const int MaxPlantsPerLine = 10;
    public const int MaxShiftStartsPerLine = 12;
    public const int MaxDetourMinutes = 60;
    public const double MinCatchmentKilometres = 0.2, MaxCatchmentKilometres = 10;

    /// <summary>Every field checked against the network's own sites and companies; an id of another network is answered as
    /// a missing one.</summary>
    public void Validate(FieldErrors errors, ScenarioNetwork network)
    {
        if (string.IsNullOrWhiteSpace(Name)) errors.Add("name", Codes.Field.Required);
        else if (Name.Trim().Length > Scenario.NameLength) errors.Add("name", Codes.Field.TextTooLong, CodeParameters.Maximum(Scenario.NameLength));
        if (Changes is not { Count: > 0 } changes)
        {
            errors.Add("changes", Codes.Field.Required);
            return;
        }
        if (changes.Count > Scenario.MaxChanges) errors.Add("changes", Codes.Field.AtMost, CodeParameters.Maximum(Scenario.MaxChanges));
        for (var i = 0; i < Math.Min(changes.Count, Scenario.MaxChanges); i++)
            if (changes[i] is null) errors.Add($"changes[{i}]", Codes.Field.Required);
            else Check(errors, $"changes[{i}].", changes[i], network);
    }

    private static void Check(FieldErrors errors, string at, ScenarioChange change, ScenarioNetwork network)
    {
        void Site(string field, long? id, SiteKind kind)
        {
            if (id is null) errors.Add(at + field, Codes.Field.Required);
            else if (!network.Sites.TryGetValue(id.Value, out var site) || site.Kind != kind) errors.Add(at + field, Codes.Field.UnknownReference);
        }
        void Range(string field, double? value, double minimum, double maximum, bool required)
        {
            if (value is null) { if (required) errors.Add(at + field, Codes.Field.Required); }
            else if (!double.IsFinite(value.Value) || value < minimum || value > maximum) errors.Add(at + field, Codes.Field.OutOfRange, CodeParameters.Range(minimum, maximum));
        }
        void Time(string field, string? value, bool required)
        {
            if (value is null) { if (required) errors.Add(at + field, Codes.Field.Required); }
            else if (!TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                errors.Add(at + field, Codes.Field.UnreadableValue);
        }
        switch (change.Kind)
        {
            case ScenarioChange.MoveShiftStart:
                Site("plantId", change.PlantId, SiteKind.Plant);
                Time("shiftStart", change.ShiftStart, required: true);
                if (change.OffsetMinutes is null) errors.Add(at + "offsetMinutes", Codes.Field.Required);
                else if (!ScenarioChange.Offsets.Contains(change.OffsetMinutes.Value))
                    errors.Add(at + "offsetMinutes", Codes.Field.UnknownChoice, CodeParameters.Allowed(ScenarioChange.Offsets));
                break;
            case ScenarioChange.AddMeetingPoint:
                if (string.IsNullOrWhiteSpace(change.Name)) errors.Add(at + "name", Codes.Field.Required);
                else if (change.Name.Trim().Length > TextRules.NameLength) errors.Add(at + "name", Codes.Field.TextTooLong, CodeParameters.Maximum(TextRules.NameLength));
                if (change.Latitude is null || change.Longitude is null) errors.Add(at + "location", Codes.Field.Required);
                else if (network.Area.Check(new GeoPoint(change.Latitude.Value, change.Longitude.Value)) is { } problem)
                    errors.Add(at + "location", problem.Code, problem.Parameters);
                Range("catchmentKilometres", change.CatchmentKilometres, MinCatchmentKilometres, MaxCatchmentKilometres, required: false);
                break;
            case ScenarioChange.RemoveMeetingPoint:
                Site("meetingPointId", change.MeetingPointId, SiteKind.MeetingPoint);
                break;
            case ScenarioChange.ShuttleLine:
                Site("stationId", change.StationId, SiteKind.Station);
                if (change.PlantIds is not { Count: > 0 } plants) errors.Add(at + "plantIds", Codes.Field.Required);
                else if (plants.Count > MaxPlantsPerLine) errors.Add(at + "plantIds", Codes.Field.AtMost, CodeParameters.Maximum(MaxPlantsPerLine));
                else if (plants.Distinct().Count() != plants.Count) errors.Add(at + "plantIds", Codes.Field.AlreadyExists, CodeParameters.Value(plants.GroupBy(p => p).First(g => g.Count() > 1).Key));
                else if (plants.Any(p => !network.Sites.TryGetValue(p, out var site) || site.Kind != SiteKind.Plant)) errors.Add(at + "plantIds", Codes.Field.UnknownReference);
                if (change.ShiftStarts is { } starts)
                {
                    if (starts.Count > MaxShiftStartsPerLine) errors.Add(at + "shiftStarts", Codes.Field.AtMost, CodeParameters.Maximum(MaxShiftStartsPerLine));
                    else for (var s = 0; s < starts.Count; s++) Time($"shiftStarts[{s}]", starts[s] ?? "", required: true);
                }
                Range("catchmentKilometres", change.CatchmentKilometres, MinCatchmentKilometres, MaxCatchmentKilometres, required: false);
                Range("minibuses", change.Minibuses, 0, 20, required: false);
                Range("coaches", change.Coaches, 0, 10, required: false);
                if ((change.Minibuses ?? Application.Scenarios.ScenarioInputs.DefaultMinibuses) + (change.Coaches ?? Application.Scenarios.ScenarioInputs.DefaultCoaches) == 0)
                    errors.Add(at + "minibuses", Codes.Field.AtLeast, CodeParameters.Minimum(1));
                break;
            case ScenarioChange.DetourPolicy:
                if (change.CompanyId is null) errors.Add(at + "companyId", Codes.Field.Required);
                else if (!network.Companies.ContainsKey(change.CompanyId.Value)) errors.Add(at + "companyId", Codes.Field.UnknownReference);
                Range("maxDetourMinutes", change.MaxDetourMinutes, 0, MaxDetourMinutes, required: true);
                break;
            default:
                errors.Add(at + "kind", change.Kind is null ? Codes.Field.Required : Codes.Field.UnknownChoice, change.Kind is null ? null : CodeParameters.Allowed(ScenarioChange.Kinds));
                break;
        }
    }

    /// <summary>The changes as stored: names trimmed, and only the fields of each kind (others dropped, so a kind changed
    /// in the form leaves nothing of the old one behind).</summary>
    public List<ScenarioChange> Stored() => Changes!.Select(c => c.Kind switch
    {
        ScenarioChange.MoveShiftStart => new ScenarioChange(c.Kind, PlantId: c.PlantId, ShiftStart: c.ShiftStart, OffsetMinutes: c.OffsetMinutes),
        ScenarioChange.AddMeetingPoint => new ScenarioChange(c.Kind, Latitude: c.Latitude, Longitude: c.Longitude, Name: c.Name!.Trim(), CatchmentKilometres: c.CatchmentKilometres),
        ScenarioChange.RemoveMeetingPoint => new ScenarioChange(c.Kind, MeetingPointId: c.MeetingPointId),
        ScenarioChange.ShuttleLine => new ScenarioChange(c.Kind, StationId: c.StationId, PlantIds: c.PlantIds, ShiftStarts: c.ShiftStarts ?? [],
            CatchmentKilometres: c.CatchmentKilometres, Minibuses: c.Minibuses, Coaches: c.Coaches),
        _ => new ScenarioChange(c.Kind, CompanyId: c.CompanyId, MaxDetourMinutes: c.MaxDetourMinutes),
    }).ToList();
}

/// <summary>What a scenario may name in a network: its sites by id, its companies, and the area a new place must lie in.</summary>
public sealed record ScenarioNetwork(IReadOnlyDictionary<long, Site> Sites, IReadOnlyDictionary<long, Company> Companies, CoordinateCheck Area);
