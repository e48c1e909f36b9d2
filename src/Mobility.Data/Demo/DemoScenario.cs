using System.Text.Json;
using System.Text.Json.Serialization;
using Mobility.Routing;

namespace Mobility.Data.Demo;

/// <summary>A demo network as described by a scenario file (Demo/Scenarios/*.json): fictional companies at real places.</summary>
public sealed record DemoScenario(
    string Name,
    string? Description,
    string TimeZone,
    int Seed,
    int Employees,
    DateOnly RotationAnchor,
    bool StationsFromOsm,
    IReadOnlyList<DemoShiftPattern> ShiftPatterns,
    IReadOnlyList<DemoCompany> Companies,
    IReadOnlyList<DemoPlace>? Stations,
    IReadOnlyList<DemoPlace>? MeetingPoints)
{
    /// <summary>A benchmark scenario is seeded only when named; <see cref="ChooseFor"/> never picks it.</summary>
    public bool Benchmark { get; init; }

    /// <summary>The share of employees who consent to be matched (the others are seeded without consent).</summary>
    public double ConsentShare { get; init; } = 0.9;

    /// <summary>The name <c>--scenario</c> takes to mean "the demo scenario that fits the extract".</summary>
    public const string Automatic = "auto";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>Loads a scenario by name (a file shipped in Demo/Scenarios) or by path.</summary>
    public static DemoScenario Load(string nameOrPath)
    {
        var path = File.Exists(nameOrPath)
            ? nameOrPath
            : Path.Combine(AppContext.BaseDirectory, "Demo", "Scenarios", nameOrPath + ".json");
        if (!File.Exists(path))
            throw new FileNotFoundException(
                $"No demo scenario '{nameOrPath}': give a path to a scenario file or one of: {string.Join(", ", BuiltInNames())}.", path);
        var scenario = JsonSerializer.Deserialize<DemoScenario>(File.ReadAllText(path), Json)
            ?? throw new InvalidDataException($"{path} holds no scenario.");
        scenario.Validate(path);
        return scenario;
    }

    /// <summary>
    /// The built-in demo scenario whose plants all lie where the extract has streets, so that
    /// <c>./run.sh</c> on another region's extract seeds that region's plants instead of plants off the map.
    /// </summary>
    public static DemoScenario ChooseFor(GeoArea extract)
    {
        var candidates = BuiltInNames().Select(name => (Name: name, Scenario: Load(name))).Where(c => !c.Scenario.Benchmark).ToList();
        var fitting = candidates.Where(c => c.Scenario.Companies.SelectMany(company => company.Plants).All(p => extract.Contains(p.Position))).ToList();
        if (fitting.Count > 0) return fitting[0].Scenario;
        throw new InvalidDataException(
            $"No built-in demo scenario has its plants inside this extract ({extract}): " +
            string.Join("; ", candidates.Select(c => $"{c.Name} needs {GeoArea.Around(c.Scenario.Companies.SelectMany(company => company.Plants).Select(p => p.Position))}")) +
            ". Give --scenario a scenario file whose plants lie in the extract.");
    }

    public static IEnumerable<string> BuiltInNames()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Demo", "Scenarios");
        return Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.json").Select(f => Path.GetFileNameWithoutExtension(f)!).Order()
            : [];
    }

    private void Validate(string path)
    {
        var problems = new List<string>();
        if (Employees <= 0) problems.Add("employees must be positive");
        if (Companies.Count == 0) problems.Add("no companies");
        if (ConsentShare is < 0 or > 1) problems.Add("consentShare must lie between 0 and 1");
        if (RotationAnchor.DayOfWeek != DayOfWeek.Monday) problems.Add("rotationAnchor must be a Monday");
        var patternIds = ShiftPatterns.Select(p => p.Id).ToHashSet();
        foreach (var company in Companies)
        {
            if (company.Plants.Count == 0) problems.Add($"company {company.Id} has no plant");
            foreach (var shift in company.Shifts.Keys.Where(id => !patternIds.Contains(id)))
                problems.Add($"company {company.Id} uses unknown shift pattern {shift}");
        }
        if (problems.Count > 0)
            throw new InvalidDataException($"Scenario {path} is not valid: {string.Join("; ", problems)}.");
    }
}

public sealed record DemoShiftPattern(string Id, string Name, int RotationWeeks, IReadOnlyList<DemoShiftSlot> Slots);

public sealed record DemoShiftSlot(int Week, Model.WorkDays Days, TimeOnly Start, TimeOnly End);

/// <param name="Share">This company's share of the scenario's employees.</param>
/// <param name="Shifts">Shift pattern id → share of the company's employees on it.</param>
public sealed record DemoCompany(
    string Id, string Name, double Share, IReadOnlyDictionary<string, double> Shifts, IReadOnlyList<DemoPlace> Plants);

public sealed record DemoPlace(string Id, string Name, double Latitude, double Longitude, string? Commune)
{
    [JsonIgnore] public GeoPoint Position => new(Latitude, Longitude);
}
