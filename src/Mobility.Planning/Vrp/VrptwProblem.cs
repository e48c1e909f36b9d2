namespace Mobility.Planning.Vrp;

/// <summary>
/// A vehicle routing problem with time windows: node 0 is the depot, nodes 1..n the customers. All times and
/// distances are integers in tenths of a unit (the DIMACS convention truncates each distance to one decimal), so
/// every comparison is exact. Travel time equals distance, as in the Solomon and Gehring &amp; Homberger sets.
/// </summary>
public sealed class VrptwProblem
{
    public required string Name { get; init; }
    public required int VehicleLimit { get; init; }
    public required int Capacity { get; init; }
    public required double[] X { get; init; }
    public required double[] Y { get; init; }
    public required int[] Demand { get; init; }
    /// <summary>Earliest start of service, tenths.</summary>
    public required int[] Ready { get; init; }
    /// <summary>Latest start of service, tenths (the depot's: latest return).</summary>
    public required int[] Due { get; init; }
    /// <summary>Service duration, tenths.</summary>
    public required int[] Service { get; init; }

    private int[]? _distance;

    public int NodeCount => X.Length;
    public int CustomerCount => NodeCount - 1;

    /// <summary>Distance (= travel time) in tenths: the Euclidean distance truncated to one decimal.</summary>
    public int Distance(int from, int to) => DistanceMatrix[from * NodeCount + to];

    /// <summary>The whole matrix, row-major (from * NodeCount + to), for hot loops.</summary>
    public int[] DistanceMatrix => _distance ??= BuildMatrix();

    public static int TruncatedTenths(double x1, double y1, double x2, double y2)
    {
        var dx = x1 - x2;
        var dy = y1 - y2;
        // The small epsilon keeps exact decimals (e.g. 5.0) from truncating to 4.9 through floating-point error.
        return (int)Math.Floor(Math.Sqrt(dx * dx + dy * dy) * 10 + 1e-9);
    }

    private int[] BuildMatrix()
    {
        var n = NodeCount;
        var matrix = new int[n * n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
                matrix[i * n + j] = TruncatedTenths(X[i], Y[i], X[j], Y[j]);
        return matrix;
    }
}
