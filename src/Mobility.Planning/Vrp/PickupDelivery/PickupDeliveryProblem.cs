namespace Mobility.Planning.Vrp.PickupDelivery;

/// <summary>
/// A pickup-and-delivery problem with time windows, capacities, maximum ride times and a heterogeneous fleet, on a
/// travel matrix given directly (whole seconds and metres, row-major). A request may stay unserved at
/// <see cref="UnservedPenaltyPerLoad"/> per unit of load, so a plan always exists and says what it could not do.
/// </summary>
public sealed class PickupDeliveryProblem
{
    public int LocationCount { get; }
    public IReadOnlyList<TransportRequest> Requests { get; }
    public IReadOnlyList<PickupDeliveryVehicle> Vehicles { get; }
    public double UnservedPenaltyPerLoad { get; }
    private readonly int[] _seconds;
    private readonly int[] _metres;

    public PickupDeliveryProblem(int locationCount, int[] seconds, int[] metres, IReadOnlyList<TransportRequest> requests,
        IReadOnlyList<PickupDeliveryVehicle> vehicles, double unservedPenaltyPerLoad = 100_000)
    {
        if (seconds.Length != locationCount * locationCount || metres.Length != seconds.Length)
            throw new ArgumentException($"A matrix over {locationCount} locations needs {locationCount * locationCount} cells.");
        foreach (var (request, i) in requests.Select((r, i) => (r, i)))
        {
            if (request.Pickup < 0 || request.Pickup >= locationCount || request.Delivery < 0 || request.Delivery >= locationCount)
                throw new ArgumentException($"Request {i}: a location is outside 0..{locationCount - 1}.");
            if (request.Load <= 0) throw new ArgumentException($"Request {i}: the load must be positive.");
        }
        foreach (var vehicle in vehicles)
            if (vehicle.Start < 0 || vehicle.Start >= locationCount || vehicle.End < 0 || vehicle.End >= locationCount)
                throw new ArgumentException($"Vehicle {vehicle.Name}: a depot is outside 0..{locationCount - 1}.");
        LocationCount = locationCount;
        _seconds = seconds;
        _metres = metres;
        Requests = requests;
        Vehicles = vehicles;
        UnservedPenaltyPerLoad = unservedPenaltyPerLoad;
    }

    public int Seconds(int from, int to) => _seconds[from * LocationCount + to];
    public int Metres(int from, int to) => _metres[from * LocationCount + to];

    /// <summary>The location of a stop event: 2r is request r's pickup, 2r + 1 its delivery.</summary>
    public int LocationOf(int stopEvent) => stopEvent % 2 == 0 ? Requests[stopEvent / 2].Pickup : Requests[stopEvent / 2].Delivery;
}
