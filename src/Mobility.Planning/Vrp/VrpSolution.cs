using System.Globalization;

namespace Mobility.Planning.Vrp;

/// <summary>Routes as customer node numbers (1..n, the depot 0 left implicit at both ends).</summary>
public sealed record VrpSolution(IReadOnlyList<int[]> Routes)
{
    /// <summary>Reads a CVRPLIB-style solution ("Route #1: 5 3 9", "Cost 42444.8"): the routes and the stated cost.</summary>
    public static (VrpSolution Solution, double StatedCost) Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"No solution file at {path}.", path);
        var routes = new List<int[]>();
        double cost = double.NaN;
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            FormatException Error(string message) => new($"{Path.GetFileName(path)}, line {number}: {message}");
            if (line.StartsWith("Route", StringComparison.OrdinalIgnoreCase))
            {
                var colon = line.IndexOf(':');
                if (colon < 0) throw Error("expected 'Route #k: customer customer ...'.");
                routes.Add(line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries)
                    .Select(field => int.TryParse(field, out var customer) ? customer : throw Error($"'{field}' is not a customer number."))
                    .ToArray());
            }
            else if (line.StartsWith("Cost", StringComparison.OrdinalIgnoreCase))
            {
                if (!double.TryParse(line[4..].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out cost))
                    throw Error($"'{line[4..].Trim()}' is not a cost.");
            }
        }
        if (double.IsNaN(cost)) throw new FormatException($"{Path.GetFileName(path)}: no 'Cost' line.");
        return (new VrpSolution(routes), cost);
    }
}
