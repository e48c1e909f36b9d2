using System.Globalization;

namespace Mobility.Planning.Vrp;

/// <summary>Routes as customer node numbers (1..n, the depot 0 left implicit at both ends).</summary>
public sealed record VrpSolution(IReadOnlyList<int[]> Routes)
{
    /// <summary>Reads a CVRPLIB-style solution ("Route #1: 5 3 9", "Cost 42444.8"): the routes and the stated cost.</summary>
    public static (VrpSolution Solution, double StatedCost) Read(string path)
    {
        var routes = new List<int[]>();
        double cost = double.NaN;
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith("Route", StringComparison.OrdinalIgnoreCase))
                routes.Add(line[(line.IndexOf(':') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray());
            else if (line.StartsWith("Cost", StringComparison.OrdinalIgnoreCase))
                cost = double.Parse(line[4..].Trim(), CultureInfo.InvariantCulture);
        }
        return (new VrpSolution(routes), cost);
    }
}
