using System.Globalization;

namespace Mobility.Routing.Profiles;

/// <summary>Reads OSM <c>maxspeed</c> values: "50", "50 km/h", "30 mph", "FR:urban", "DE:rural", "walk", "none", "50;30".</summary>
public static class MaxSpeed
{
    private const double KilometresPerMile = 1.609344;

    /// <summary>Implicit limits by zone (https://wiki.openstreetmap.org/wiki/Default_speed_limits), km/h.</summary>
    private static readonly Dictionary<string, double> ZoneLimits = new(StringComparer.OrdinalIgnoreCase)
    {
        ["FR:urban"] = 50, ["FR:rural"] = 80, ["FR:motorway"] = 130, ["FR:zone30"] = 30, ["FR:walk"] = 6,
        ["DE:urban"] = 50, ["DE:rural"] = 100, ["DE:motorway"] = 130, ["DE:zone30"] = 30, ["DE:living_street"] = 7,
        ["DE:bicycle_road"] = 30, ["AT:urban"] = 50, ["AT:rural"] = 100, ["AT:motorway"] = 130,
        ["CH:urban"] = 50, ["CH:rural"] = 80, ["CH:trunk"] = 100, ["CH:motorway"] = 120, ["LI:urban"] = 50, ["LI:rural"] = 80,
    };

    /// <returns>The limit in km/h, or null when the value sets none we can use ("none", "signals", unreadable).</returns>
    public static double? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        double? lowest = null;
        foreach (var part in value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var limit = ParseOne(part);
            if (limit is > 0 && (lowest is null || limit < lowest)) lowest = limit;
        }
        return lowest;
    }

    private static double? ParseOne(string text)
    {
        if (ZoneLimits.TryGetValue(text, out var zone)) return zone;
        if (text.Equals("walk", StringComparison.OrdinalIgnoreCase)) return 6;
        if (text.EndsWith(":zone30", StringComparison.OrdinalIgnoreCase) || text.EndsWith(":zone:30", StringComparison.OrdinalIgnoreCase)) return 30;
        var unit = 1.0;
        var number = text;
        if (text.EndsWith("mph", StringComparison.OrdinalIgnoreCase)) { unit = KilometresPerMile; number = text[..^3]; }
        else if (text.EndsWith("km/h", StringComparison.OrdinalIgnoreCase)) number = text[..^4];
        else if (text.EndsWith("kmh", StringComparison.OrdinalIgnoreCase)) number = text[..^3];
        return double.TryParse(number.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var speed) && speed > 0
            ? speed * unit
            : null;
    }
}
