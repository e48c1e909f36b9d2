using System.Globalization;

namespace Mobility.Planning.Vrp.PickupDelivery;

/// <summary>
/// Reads the Li &amp; Lim PDPTW benchmark format: a first line "vehicles capacity speed", then one line per task
/// "id x y demand ready due service pickup delivery" (task 0 the depot; a pickup names its delivery, a delivery its
/// pickup). Euclidean distances become integer hundredths (travel time = distance), so costs are in the benchmark's
/// units to within rounding; there is no ride limit. The benchmark ranks by vehicles first, this solver by distance.
/// </summary>
public static class LiLimReader
{
    private const double Scale = 100;

    public static PickupDeliveryProblem Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"No Li & Lim instance at {path}.", path);
        var lines = File.ReadLines(path).Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        FormatException Error(int line, string message) => new($"{Path.GetFileName(path)}, line {line + 1}: {message}");
        double[] Numbers(int line, int count)
        {
            var fields = lines[line].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < count) throw Error(line, $"expected {count} numbers, found {fields.Length}.");
            return fields.Take(count).Select(f => double.TryParse(f, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : throw Error(line, $"'{f}' is not a number.")).ToArray();
        }
        if (lines.Count < 2) throw new FormatException($"{Path.GetFileName(path)}: no tasks.");
        var header = Numbers(0, 3);
        var tasks = Enumerable.Range(1, lines.Count - 1).Select(l => Numbers(l, 9)).ToList();
        for (var t = 0; t < tasks.Count; t++)
            if ((int)tasks[t][0] != t) throw Error(t + 1, $"task {(int)tasks[t][0]} where task {t} was expected.");
        var n = tasks.Count;
        var distance = new int[n * n];
        for (var a = 0; a < n; a++)
            for (var b = 0; b < n; b++)
                distance[a * n + b] = (int)Math.Round(Math.Sqrt(Math.Pow(tasks[a][1] - tasks[b][1], 2) + Math.Pow(tasks[a][2] - tasks[b][2], 2)) * Scale);
        TimeWindow Window(double[] task) => new((int)Math.Round(task[4] * Scale), (int)Math.Round(task[5] * Scale));
        var requests = new List<TransportRequest>();
        for (var p = 1; p < n; p++)
        {
            var task = tasks[p];
            if (task[3] <= 0) continue; // deliveries are reached through their pickup
            var d = (int)task[8];
            if (d <= 0 || d >= n || (int)tasks[d][7] != p) throw Error(p + 1, $"pickup {p} and its delivery {d} do not name each other.");
            requests.Add(new TransportRequest(p, d, (int)task[3], Window(task), Window(tasks[d]),
                PickupServiceSeconds: (int)Math.Round(task[6] * Scale), DeliveryServiceSeconds: (int)Math.Round(tasks[d][6] * Scale)));
        }
        var depot = Window(tasks[0]);
        // Cost per "kilometre" of 1000 hundredths = 10 units: the cost is the distance in benchmark units.
        var vehicles = Enumerable.Range(1, (int)header[0])
            .Select(k => new PickupDeliveryVehicle($"vehicle {k}", 0, 0, (int)header[1], depot, CostPerKilometre: 1000 / Scale, CostPerHour: 0)).ToList();
        return new PickupDeliveryProblem(n, distance, distance, requests, vehicles);
    }
}
