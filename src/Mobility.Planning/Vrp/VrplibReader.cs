using System.Globalization;

namespace Mobility.Planning.Vrp;

/// <summary>
/// Reads VRPTW instances in the VRPLIB text format (NAME, TYPE: VRPTW, DIMENSION, VEHICLES, CAPACITY, SERVICE_TIME,
/// EDGE_WEIGHT_TYPE: EUC_2D, then NODE_COORD, DEMAND, TIME_WINDOW and DEPOT sections) with errors that name the line.
/// </summary>
public static class VrplibReader
{
    public static VrptwProblem Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"No VRPLIB file at {path}.", path);
        var lines = File.ReadAllLines(path);
        var header = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? section = null;
        double[]? x = null, y = null;
        int[]? demand = null, ready = null, due = null;
        var depots = new List<int>();
        var sections = new HashSet<string>(StringComparer.Ordinal);
        int dimension = 0;
        FormatException Error(int line, string message) => new($"{Path.GetFileName(path)}, line {line + 1}: {message}");

        for (var i = 0; i < lines.Length; i++)
        {
            var text = lines[i].Trim();
            if (text.Length == 0) continue;
            if (text == "EOF") break;
            if (text.EndsWith("_SECTION", StringComparison.Ordinal))
            {
                section = text;
                sections.Add(section);
                if (!int.TryParse(header.GetValueOrDefault("DIMENSION"), out dimension) || dimension < 2)
                    throw Error(i, "DIMENSION must come before the sections and be at least 2.");
                x ??= new double[dimension]; y ??= new double[dimension]; demand ??= new int[dimension];
                ready ??= new int[dimension]; due ??= new int[dimension];
                continue;
            }
            if (section is null)
            {
                var colon = text.IndexOf(':');
                if (colon < 0) throw Error(i, $"expected 'KEY : value', found '{text}'.");
                header[text[..colon].Trim()] = text[(colon + 1)..].Trim();
                continue;
            }
            var fields = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (section == "DEPOT_SECTION")
            {
                if (!int.TryParse(fields[0], out var depot)) throw Error(i, $"'{fields[0]}' is not a node number.");
                if (depot != -1) depots.Add(depot);
                continue;
            }
            if (!int.TryParse(fields[0], out var node) || node < 1 || node > dimension) throw Error(i, $"node '{fields[0]}' is not within 1..{dimension}.");
            var index = node - 1;
            double Number(int field) => fields.Length > field && double.TryParse(fields[field], NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                ? value : throw Error(i, $"expected a number in column {field + 1} of {section}.");
            switch (section)
            {
                case "NODE_COORD_SECTION": x![index] = Number(1); y![index] = Number(2); break;
                case "DEMAND_SECTION": demand![index] = (int)Number(1); break;
                case "TIME_WINDOW_SECTION": ready![index] = (int)Math.Round(Number(1) * 10); due![index] = (int)Math.Round(Number(2) * 10); break;
                default: throw Error(i, $"unknown section {section}.");
            }
        }
        foreach (var required in (string[])["NODE_COORD_SECTION", "DEMAND_SECTION", "TIME_WINDOW_SECTION"])
            if (!sections.Contains(required)) throw new FormatException($"{Path.GetFileName(path)}: no {required}.");
        if (header.GetValueOrDefault("TYPE") is { } type && type != "VRPTW") throw new FormatException($"{Path.GetFileName(path)}: TYPE {type} is not VRPTW.");
        if (depots.Count > 0 && depots[0] != 1) throw new FormatException($"{Path.GetFileName(path)}: the depot must be node 1.");
        var service = (int)Math.Round(double.Parse(header.GetValueOrDefault("SERVICE_TIME", "0"), CultureInfo.InvariantCulture) * 10);
        return new VrptwProblem
        {
            Name = header.GetValueOrDefault("NAME", Path.GetFileNameWithoutExtension(path)),
            VehicleLimit = int.TryParse(header.GetValueOrDefault("VEHICLES"), out var vehicles) ? vehicles : dimension - 1,
            Capacity = int.TryParse(header.GetValueOrDefault("CAPACITY"), out var capacity) ? capacity : throw new FormatException($"{Path.GetFileName(path)}: no CAPACITY."),
            X = x!, Y = y!, Demand = demand!, Ready = ready!, Due = due!,
            Service = Enumerable.Range(0, dimension).Select(n => n == 0 ? 0 : service).ToArray(),
        };
    }
}
