using Mobility.Routing;

namespace Mobility.Data;

/// <summary>
/// The one plausibility rule for a place taken from outside, a home or a site, over REST and CSV alike. It catches the
/// mistakes HR files and forms make: values out of range, [0, 0] (what an unset coordinate becomes), a place in another
/// country, and latitude and longitude swapped (both in range, but the place lands hundreds of kilometres away while the
/// swapped pair lands where it should). A matching engine fed such a home proposes nonsense to real colleagues.
/// </summary>
public sealed class CoordinateCheck
{
    /// <summary>Farther than this from its reference, a place is refused: no one commutes 150 km to a plant every day.</summary>
    public const double PlausibleMetres = 150_000;

    private readonly GeoPoint? _centre;
    private readonly (string Code, string English) _reference;
    private readonly double _maximumMetres;
    private readonly GeoArea? _roads;

    private CoordinateCheck(GeoPoint? centre, (string Code, string English) reference, double maximumMetres = PlausibleMetres, GeoArea? roads = null) =>
        (_centre, _reference, _maximumMetres, _roads) = (centre, reference, maximumMetres, roads);

    /// <summary>A home: near the employee's main plant (within <see cref="HomeRules.MaxDistanceKm"/>), and inside the road
    /// network's area when it is known. The one rule of homes, over REST and in files.</summary>
    public static CoordinateCheck AroundPlant(GeoPoint plant, HomeRules? rules = null) =>
        new(plant, (Codes.Field.TooFarFromPlant, "the main plant"), (rules?.MaxDistanceKm ?? HomeRules.DefaultMaxDistanceKm) * 1000, rules?.RoadArea);

    /// <summary>A site: near the network's known sites (their median centre); with none known, only ranges and [0, 0] are checked.</summary>
    public static CoordinateCheck ForArea(IEnumerable<GeoPoint> knownPoints)
    {
        var points = knownPoints.Where(p => p.IsValid).ToList();
        var reference = (Codes.Field.TooFarFromSites, "the network's sites");
        if (points.Count == 0) return new CoordinateCheck(null, reference);
        // The median resists a few swapped rows in the file itself.
        static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToList();
            return sorted[sorted.Count / 2];
        }
        return new CoordinateCheck(new GeoPoint(Median(points.Select(p => p.Latitude)), Median(points.Select(p => p.Longitude))), reference);
    }

    /// <returns>Null when the place is plausible, else why not.</returns>
    public CoordinateProblem? Check(GeoPoint place)
    {
        var (latitude, longitude) = place;
        var swappedInRange = InRange(longitude, latitude);
        if (!InRange(latitude, longitude))
            return swappedInRange && IsNear(longitude, latitude)
                ? Swapped(latitude, longitude)
                : new CoordinateProblem(Codes.Field.CoordinatesOutOfRange, Place(latitude, longitude),
                    $"coordinates out of range (latitude {latitude} must be within -90..90, longitude {longitude} within -180..180)");
        if (latitude == 0 && longitude == 0)
            return new CoordinateProblem(Codes.Field.CoordinatesUnset, new Dictionary<string, object?>(),
                "[0, 0] is what an unset coordinate becomes, not a place anyone works or lives");
        if (IsNear(latitude, longitude))
            return _roads is { } roads && !roads.Contains(place)
                ? new CoordinateProblem(Codes.Field.OutsideRoadNetwork, new Dictionary<string, object?>(), "outside the road network's area")
                : null;
        if (swappedInRange && IsNear(longitude, latitude)) return Swapped(latitude, longitude);
        var kilometres = Math.Round(Metres(latitude, longitude) / 1000);
        return new CoordinateProblem(_reference.Code,
            new Dictionary<string, object?> { ["kilometres"] = kilometres, ["maximumKilometres"] = _maximumMetres / 1000 },
            $"latitude {latitude}, longitude {longitude} is {kilometres} km from {_reference.English}, farther than {_maximumMetres / 1000} km");
    }

    private static CoordinateProblem Swapped(double latitude, double longitude) => new(Codes.Field.CoordinatesSwapped, Place(latitude, longitude),
        $"latitude {latitude} and longitude {longitude} look swapped: swapped, they fall in the network's area");

    private static Dictionary<string, object?> Place(double latitude, double longitude) =>
        new() { ["latitude"] = latitude, ["longitude"] = longitude };

    private static bool InRange(double latitude, double longitude) => latitude is >= -90 and <= 90 && longitude is >= -180 and <= 180;

    private bool IsNear(double latitude, double longitude) => _centre is null || Metres(latitude, longitude) <= _maximumMetres;

    private double Metres(double latitude, double longitude) => new GeoPoint(latitude, longitude).DistanceTo(_centre!.Value);
}

/// <summary>Why a place was refused: a code of <see cref="Codes.Field"/> with its parameters, which clients word, and in
/// English for the import reports.</summary>
public sealed record CoordinateProblem(string Code, IReadOnlyDictionary<string, object?> Parameters, string English);

/// <summary>Where a home may be (settings <c>Homes:MaxDistanceKm</c>, and the road network's area when the server has one).</summary>
public sealed record HomeRules(double MaxDistanceKm = HomeRules.DefaultMaxDistanceKm, GeoArea? RoadArea = null)
{
    public const string Section = "Homes";
    public const double DefaultMaxDistanceKm = CoordinateCheck.PlausibleMetres / 1000;
}

