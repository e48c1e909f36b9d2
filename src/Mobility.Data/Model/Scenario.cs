namespace Mobility.Data.Model;

/// <summary>
/// A working group's what-if of a network: changes applied to a copy of the matching's inputs in memory, never to the
/// network itself (no shift, site, policy, proposal or notification is written when it runs).
/// </summary>
public class Scenario
{
    public const int NameLength = TextRules.NameLength;
    public const int MaxChanges = 20;

    public long Id { get; set; }
    public long NetworkId { get; set; }
    public Network? Network { get; set; }
    public required string Name { get; set; }
    public List<ScenarioChange> Changes { get; set; } = [];
    public long? CreatedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<ScenarioRun> Runs { get; set; } = [];
}

/// <summary>
/// One change of a scenario, one record for every kind (<see cref="Kind"/> says which fields it reads), so that it is
/// stored, validated and sent the same way. Ids are the network's sites and companies.
/// </summary>
/// <param name="PlantId">shift-start: the plant whose shift moves.</param>
/// <param name="ShiftStart">shift-start: the local start time (HH:mm) of the shift that moves.</param>
/// <param name="OffsetMinutes">shift-start: −30, −15, 15 or 30.</param>
/// <param name="MeetingPointId">remove-meeting-point: the site removed.</param>
/// <param name="Latitude">add-meeting-point: where the new point is, with <paramref name="Longitude"/> and <paramref name="Name"/>.</param>
/// <param name="CatchmentKilometres">add-meeting-point, shuttle-line: who lives this close (straight line) uses it.</param>
/// <param name="StationId">shuttle-line: the station the line leaves from, to <paramref name="PlantIds"/>.</param>
/// <param name="ShiftStarts">shuttle-line: the local shift starts (HH:mm) it serves; empty: every shift of those plants.</param>
/// <param name="Minibuses">shuttle-line: its fleet, with <paramref name="Coaches"/>.</param>
/// <param name="CompanyId">detour-policy: the company whose employees' limit becomes <paramref name="MaxDetourMinutes"/>.</param>
public sealed record ScenarioChange(
    string Kind,
    long? PlantId = null,
    string? ShiftStart = null,
    int? OffsetMinutes = null,
    long? MeetingPointId = null,
    double? Latitude = null,
    double? Longitude = null,
    string? Name = null,
    double? CatchmentKilometres = null,
    long? StationId = null,
    IReadOnlyList<long>? PlantIds = null,
    IReadOnlyList<string>? ShiftStarts = null,
    int? Minibuses = null,
    int? Coaches = null,
    long? CompanyId = null,
    int? MaxDetourMinutes = null)
{
    public const string MoveShiftStart = "shift-start";
    public const string AddMeetingPoint = "add-meeting-point";
    public const string RemoveMeetingPoint = "remove-meeting-point";
    public const string ShuttleLine = "shuttle-line";
    public const string DetourPolicy = "detour-policy";
    public static readonly string[] Kinds = [MoveShiftStart, AddMeetingPoint, RemoveMeetingPoint, ShuttleLine, DetourPolicy];
    public static readonly int[] Offsets = [-30, -15, 15, 30];
}

/// <summary>A finished run of a scenario over <see cref="Days"/> dates from <see cref="From"/>: its figures and the
/// baseline's (the same dates and engines without the changes), as published to the working group (already rounded
/// and withheld by the disclosure rule, so reading them back needs no further care).</summary>
public class ScenarioRun
{
    public long Id { get; set; }
    public long ScenarioId { get; set; }
    public Scenario? Scenario { get; set; }
    public long? JobId { get; set; }
    public DateOnly From { get; set; }
    public int Days { get; set; }
    public DateTimeOffset FinishedAt { get; set; }
    /// <summary>JSON: the published comparison.</summary>
    public required string Result { get; set; }
}
