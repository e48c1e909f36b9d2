using System.Diagnostics;

namespace Mobility.Planning.Vrp.PickupDelivery;

/// <summary>What the solver minimises, after serving as many requests as it can.</summary>
public enum PickupDeliveryObjective
{
    /// <summary>The fleet's cost (per kilometre and per hour): what a shuttle plan pays.</summary>
    Cost,
    /// <summary>Fewest vehicles first, then cost: a minibus fewer is a driver fewer (and the benchmarks' ranking).</summary>
    FewestVehiclesThenCost,
}

/// <summary>
/// Ruin and recreate with simulated annealing, as <see cref="RuinAndRecreateSolver"/> does for the VRPTW, on
/// pickup-and-delivery pairs: each iteration removes related requests (near in space and time), a random few, or a
/// whole trip, then reinserts every removed or unserved request where its pickup and delivery add least cost; a request
/// that fits nowhere stays unserved at the problem's penalty. Every candidate trip is timed exactly by
/// <see cref="TripTimetable"/>. Deterministic for a seed and an iteration cap. Under
/// <see cref="PickupDeliveryObjective.FewestVehiclesThenCost"/> (the Li &amp; Lim benchmark's ranking) the search first
/// serves what the whole fleet can, then removes whole trips while every request served still fits, and spends the rest
/// lowering the cost with that fleet.
/// </summary>
public static class PickupDeliverySolver
{
    private const int Related = 20;
    private const int MaxRemoved = 12;
    private const double BlinkRate = 0.01;
    /// <summary>Under <see cref="PickupDeliveryObjective.FewestVehiclesThenCost"/>: the search's share spent serving requests with
    /// the whole fleet, then the share by which removing vehicles ends.</summary>
    private const double ServeShare = 0.15, VehicleShare = 0.5;
    /// <summary>Share of the vehicle phase one attempt at removing a trip may take before it is given up.</summary>
    private const double AttemptShare = 0.2;
    /// <summary>The annealing's start temperature as a share of the first plan's cost per request served (it cools a
    /// hundredfold). On twelve Li &amp; Lim instances at 60 s, 0.05 left the cost phase a descent (mean gap 13.8%); 0.2, 0.5
    /// and 1.0 gave 6.4, 4.3 and 4.6% (docs/benchmarks.md).</summary>
    private const double StartTemperatureShare = 0.5;
    /// <summary>Stops beyond which a trip is long: ejecting from it tries the seated request's neighbours only.</summary>
    private const int LongTrip = 60;

    public static PickupDeliverySolution Solve(PickupDeliveryProblem problem, SolverLimits limits,
        PickupDeliveryObjective objective = PickupDeliveryObjective.Cost) => Solve(problem, limits, objective, timeEveryCandidate: false);

    /// <param name="timeEveryCandidate">Times every insertion that passes the bounds, even where the bounds are exact (no
    /// ride limit binds, a cost per kilometre only): what the search did before its constant-time test, kept so a test can
    /// check that both choose alike.</param>
    internal static PickupDeliverySolution Solve(PickupDeliveryProblem problem, SolverLimits limits,
        PickupDeliveryObjective objective, bool timeEveryCandidate)
    {
        if (limits.Searches < 1) throw new ArgumentOutOfRangeException(nameof(limits), "At least one search is needed.");
        var results = new (PickupDeliverySolution Solution, int Unserved, int Vehicles, double Cost)[limits.Searches];
        Parallel.For(0, limits.Searches, new ParallelOptions { MaxDegreeOfParallelism = limits.Searches },
            i => results[i] = new Search(problem, limits.Seed + i, timeEveryCandidate).Run(limits, objective));
        return (objective == PickupDeliveryObjective.FewestVehiclesThenCost
            ? results.OrderBy(r => r.Unserved).ThenBy(r => r.Vehicles).ThenBy(r => r.Cost)
            : results.OrderBy(r => r.Cost)).First().Solution;
    }

    /// <summary>One vehicle's trip as stop events (2r pickup, 2r + 1 delivery) with its timetable and cost; never mutated once built.</summary>
    private sealed record Trip(int[] Events, int[] Times, double Cost)
    {
        public static readonly Trip Empty = new([], [], 0);

        /// <summary>The latest and earliest service starts of the trip as it is, computed on its first insertion test:
        /// the search asks them of an unchanged trip for every request it tries to seat.</summary>
        public int[]? Upper, Lower;
    }

    private sealed record State(Trip[] Trips, List<int> Unserved, double Cost)
    {
        public int Vehicles => Trips.Count(t => t.Events.Length > 0);
    }

    private sealed class Search(PickupDeliveryProblem problem, int seed, bool timeEveryCandidate)
    {
        private readonly Random _random = new(seed);
        /// <summary>No request's ride limit can bind: its delivery window closes before the limit could be reached.</summary>
        private readonly bool _rideLimitsNeverBind = problem.Requests.All(TripTimetable.RideLimitNeverBinds);
        private readonly int[][] _related = RelatedRequests(problem);
        private readonly int[] _times = new int[2 * problem.Requests.Count + 2];
        private readonly int[] _latest = new int[2 * problem.Requests.Count + 2];
        private readonly int[] _candidate = new int[2 * problem.Requests.Count];
        private readonly int[] _prefixLoad = new int[2 * problem.Requests.Count + 1];
        /// <summary>How many vehicles a recreate may use; an idle vehicle is not started beyond it.</summary>
        private int _vehicleLimit = problem.Vehicles.Count;
        private double _startTemperature, _endTemperature;
        /// <summary>A trip has been emptied and its requests are being seated elsewhere (<see cref="RemoveVehicles"/>).</summary>
        private bool _eliminating;

        public (PickupDeliverySolution, int Unserved, int Vehicles, double Cost) Run(SolverLimits limits, PickupDeliveryObjective objective)
        {
            var clock = Stopwatch.StartNew();
            var trips = Enumerable.Repeat(Trip.Empty, problem.Vehicles.Count).ToArray();
            var unserved = Enumerable.Range(0, problem.Requests.Count).OrderBy(r => problem.Requests[r].PickupWindow.Earliest).ToList();
            unserved = Recreate(trips, unserved);
            var current = new State(trips, unserved, Objective(trips, unserved));
            var served = problem.Requests.Count - unserved.Count;
            _startTemperature = served == 0 ? 1 : Math.Max(1e-3, StartTemperatureShare * trips.Sum(t => t.Cost) / served);
            _endTemperature = _startTemperature / 100;
            var iterations = 0L;
            // The clock or the iteration cap, whichever is nearer its end, as a share of the whole search.
            double Progress() => Math.Max(clock.Elapsed / limits.TimeLimit,
                limits.MaxIterations == long.MaxValue ? 0 : (double)iterations / limits.MaxIterations);
            bool Over(double share) => Progress() >= share || iterations >= limits.MaxIterations || limits.Cancellation.IsCancellationRequested;

            if (objective == PickupDeliveryObjective.FewestVehiclesThenCost && problem.Requests.Count > 0)
            {
                // First serve what the whole fleet can, so that removing trips is measured against a fair count.
                current = Anneal(current, Progress, Over, ServeShare, stopWhen: null, ref iterations);
                current = RemoveVehicles(current, Progress, Over, ref iterations);
            }
            // The cost phase cools over its own share of the search: inheriting the temperature the earlier phases had
            // reached would leave it a descent from wherever removing vehicles ended.
            var best = Anneal(current, Progress, Over, 1, stopWhen: null, ref iterations, coolingFrom: Progress());
            return (ToSolution(best.Trips, best.Unserved), best.Unserved.Count, best.Vehicles, best.Cost);
        }

        /// <summary>
        /// Route elimination: empties a trip (the smallest not yet tried at this fleet size) and lets the annealing put its
        /// requests elsewhere with one vehicle fewer allowed; kept when every request served before is served again, else
        /// undone and the next trip tried, until every trip has been tried or the phase's time is up. The fleet then stays
        /// at what was reached.
        /// </summary>
        private State RemoveVehicles(State current, Func<double> progress, Func<double, bool> over, ref long iterations)
        {
            var tried = new HashSet<int>();
            while (current.Vehicles > 1 && !over(VehicleShare))
            {
                var trips = (Trip[])current.Trips.Clone();
                var candidates = Enumerable.Range(0, trips.Length).Where(t => trips[t].Events.Length > 0 && !tried.Contains(t))
                    .OrderBy(t => trips[t].Events.Length).ThenBy(_ => _random.Next()).ToList();
                if (candidates.Count == 0) break;
                var removed = candidates[0];
                tried.Add(removed);
                var pool = trips[removed].Events.Where(e => e % 2 == 0).Select(e => e / 2).ToList();
                trips[removed] = Trip.Empty;
                _vehicleLimit = current.Vehicles - 1;
                pool.AddRange(current.Unserved);
                var left = Recreate(trips, pool);
                var deadline = Math.Min(VehicleShare, progress() + AttemptShare * VehicleShare);
                left = SeatByEjection(trips, left, current.Unserved.Count, over, deadline, ref iterations);
                var attempt = new State(trips, left, Objective(trips, left));
                _eliminating = true;
                var reached = Anneal(attempt, progress, over, deadline, stopWhen: s => s.Unserved.Count <= current.Unserved.Count, ref iterations);
                _eliminating = false;
                if (reached.Unserved.Count > current.Unserved.Count) continue;
                current = reached;
                tried.Clear();
            }
            _vehicleLimit = current.Vehicles;
            return current;
        }

        /// <summary>
        /// Guided ejection (after Nagata and Kobayashi's route minimisation): the requests left over are seated one at a
        /// time, each where it fits, or else in place of one or two requests of a trip near it, those that have been
        /// hard to seat least often; the ejected ones wait their turn. Each failure makes the request harder to eject, so
        /// the search moves the easy requests out of the hard ones' way rather than cycling. Ends when no more than
        /// <paramref name="target"/> are left or at the share <paramref name="until"/>; answers those left.
        /// </summary>
        private List<int> SeatByEjection(Trip[] trips, List<int> left, int target, Func<double, bool> over, double until, ref long iterations)
        {
            var waiting = new List<int>(left);
            var hardness = new int[problem.Requests.Count];
            Array.Fill(hardness, 1);
            while (waiting.Count > target && !over(until))
            {
                iterations++;
                var request = waiting[^1];
                waiting.RemoveAt(waiting.Count - 1);
                if (Recreate(trips, [request]).Count == 0) continue;
                hardness[request]++;
                if (EjectFor(trips, request, hardness) is { } ejected) waiting.InsertRange(0, ejected);
                else waiting.Insert(0, request);
                Perturb(trips);
            }
            return waiting;
        }

        /// <summary>Moves a few related requests elsewhere, kept only when every one of them is seated again: the trips change
        /// shape without losing anyone, so the next ejection meets other neighbours.</summary>
        private void Perturb(Trip[] trips)
        {
            var moved = (Trip[])trips.Clone();
            var removed = Ruin(moved, []);
            if (Recreate(moved, removed).Count == 0) Array.Copy(moved, trips, trips.Length);
        }

        /// <summary>Seats the request in a trip near it in place of one request (or two, when one is not enough) of least
        /// total hardness; answers those ejected, or null when no such exchange fits.</summary>
        private List<int>? EjectFor(Trip[] trips, int request, int[] hardness)
        {
            var tripOf = TripIndex(trips);
            var near = _related[request].Where(r => tripOf[r] >= 0).Select(r => tripOf[r]).Distinct().ToList();
            (int Trip, Trip? Result, int[] Ejected, int Hardness, double Added) best = (-1, null, [], int.MaxValue, double.MaxValue);
            void Try(int t, int[] ejected)
            {
                var hard = ejected.Sum(e => hardness[e]);
                if (hard > best.Hardness) return;
                var events = trips[t].Events.Where(e => Array.IndexOf(ejected, e / 2) < 0).ToArray();
                if (Build(t, events) is not { } shorter) return;
                var (result, added) = BestInsertion(t, shorter, request, double.MaxValue);
                if (result is null) return;
                added -= trips[t].Cost - shorter.Cost;
                if (hard < best.Hardness || added < best.Added) best = (t, result, ejected, hard, added);
            }
            // In a long trip (a few long trips serve everyone on the wide-window instances) only the neighbours are tried.
            foreach (var t in near)
                foreach (var e in trips[t].Events.Where(e => e % 2 == 0 && (trips[t].Events.Length <= LongTrip || _related[request].Contains(e / 2))))
                    Try(t, [e / 2]);
            if (best.Result is null)
                foreach (var t in near)
                {
                    var inTrip = trips[t].Events.Where(e => e % 2 == 0).Select(e => e / 2).ToArray();
                    var onlyNeighbours = trips[t].Events.Length > LongTrip;
                    // Pairs holding one of the request's neighbours (each pair once): trying every pair costs too much.
                    foreach (var first in inTrip.Where(r => _related[request].Contains(r)))
                        foreach (var second in inTrip.Where(r => r != first && (_related[request].Contains(r) ? r > first : !onlyNeighbours)))
                            Try(t, [first, second]);
                }
            if (best.Result is null) return null;
            trips[best.Trip] = best.Result;
            return [.. best.Ejected];
        }

        /// <summary>Simulated annealing from <paramref name="current"/> until the share of the search or the condition; answers the best state seen.</summary>
        /// <param name="coolingFrom">The share of the search at which the temperature is the start temperature; it reaches the
        /// end temperature at <paramref name="until"/>.</param>
        private State Anneal(State current, Func<double> progress, Func<double, bool> over, double until, Func<State, bool>? stopWhen, ref long iterations,
            double coolingFrom = 0)
        {
            var best = current;
            while (!over(until) && !(stopWhen?.Invoke(best) ?? false))
            {
                var cooled = coolingFrom == 0 ? progress() : (progress() - coolingFrom) / Math.Max(1e-9, until - coolingFrom);
                var temperature = _startTemperature * Math.Pow(_endTemperature / _startTemperature, Math.Clamp(cooled, 0, 1));
                iterations++;
                var candidateTrips = (Trip[])current.Trips.Clone();
                var pool = Ruin(candidateTrips, current.Unserved);
                pool.AddRange(current.Unserved);
                var left = Recreate(candidateTrips, pool);
                var cost = Objective(candidateTrips, left);
                if (cost < current.Cost - temperature * Math.Log(_random.NextDouble()))
                {
                    current = new State(candidateTrips, left, cost);
                    if (cost < best.Cost - 1e-9) best = current;
                }
            }
            return best;
        }

        private double Objective(Trip[] trips, List<int> unserved) =>
            trips.Sum(t => t.Cost) + unserved.Sum(r => problem.Requests[r].Load) * problem.UnservedPenaltyPerLoad;

        /// <param name="unserved">The requests no trip holds: while a trip is being eliminated, half the ruins free the places
        /// near one of them, where it could fit, rather than anywhere.</param>
        private List<int> Ruin(Trip[] trips, List<int> unserved)
        {
            var tripOf = TripIndex(trips);
            var served = Enumerable.Range(0, problem.Requests.Count).Where(r => tripOf[r] >= 0).ToList();
            var removed = new List<int>();
            if (served.Count == 0) return removed;
            var count = _random.Next(1, Math.Min(MaxRemoved, served.Count) + 1);
            if (_eliminating && unserved.Count > 0 && _random.Next(2) == 0)
            {
                AddRelated(unserved[_random.Next(unserved.Count)], count, tripOf, removed);
                return Shorten(trips, removed);
            }
            switch (_random.Next(10))
            {
                case 0: // a whole trip, so a vehicle can be saved
                    var trip = tripOf[served[_random.Next(served.Count)]];
                    removed.AddRange(trips[trip].Events.Where(e => e % 2 == 0).Select(e => e / 2));
                    break;
                case 1 or 2:
                    Shuffle(served);
                    removed.AddRange(served.Take(count));
                    break;
                default:
                    var seedRequest = served[_random.Next(served.Count)];
                    removed.Add(seedRequest);
                    AddRelated(seedRequest, count, tripOf, removed);
                    break;
            }
            return Shorten(trips, removed);
        }

        /// <summary>Adds the served requests related to <paramref name="seedRequest"/>, most related first, each with a chance of 80%,
        /// until <paramref name="count"/> are removed.</summary>
        private void AddRelated(int seedRequest, int count, int[] tripOf, List<int> removed)
        {
            foreach (var other in _related[seedRequest])
            {
                if (removed.Count >= count) break;
                if (tripOf[other] >= 0 && _random.NextDouble() < 0.8) removed.Add(other);
            }
        }

        /// <summary>Takes the removed requests out of their trips; a trip left without a feasible timetable is emptied, its
        /// requests removed too.</summary>
        private List<int> Shorten(Trip[] trips, List<int> removed)
        {
            var gone = removed.ToHashSet();
            for (var t = 0; t < trips.Length; t++)
            {
                if (!trips[t].Events.Any(e => gone.Contains(e / 2))) continue;
                var events = trips[t].Events.Where(e => !gone.Contains(e / 2)).ToArray();
                if (Build(t, events) is { } shorter) { trips[t] = shorter; continue; }
                // Road matrices can break the triangle inequality by a rounding second, so a shorter trip may miss a
                // window the longer one met: then the whole trip is emptied and recreated.
                removed.AddRange(events.Where(e => e % 2 == 0).Select(e => e / 2));
                trips[t] = Trip.Empty;
            }
            return removed;
        }

        /// <summary>Inserts the requests one by one at their cheapest feasible place; returns those that fit nowhere.</summary>
        private List<int> Recreate(Trip[] trips, List<int> pool)
        {
            switch (_random.Next(3))
            {
                case 0: Shuffle(pool); break;
                case 1: pool.Sort((a, b) => problem.Requests[b].Load.CompareTo(problem.Requests[a].Load)); break;
                default: pool.Sort((a, b) => problem.Requests[a].DeliveryWindow.Latest.CompareTo(problem.Requests[b].DeliveryWindow.Latest)); break;
            }
            var left = new List<int>();
            var used = trips.Count(t => t.Events.Length > 0);
            foreach (var request in pool)
            {
                var (bestTrip, bestEvents, bestAdded) = ((Trip?)null, -1, double.MaxValue);
                var triedEmpty = new HashSet<PickupDeliveryVehicle>();
                for (var v = 0; v < trips.Length; v++)
                {
                    // Idle vehicles of one kind at one depot are interchangeable: try one of them, if one more may start.
                    if (trips[v].Events.Length == 0 && (used >= _vehicleLimit || !triedEmpty.Add(problem.Vehicles[v] with { Name = "" }))) continue;
                    var (trip, added) = BestInsertion(v, trips[v], request, bestAdded);
                    if (trip is not null && added < bestAdded) (bestTrip, bestEvents, bestAdded) = (trip, v, added);
                }
                if (bestTrip is null) left.Add(request);
                else
                {
                    if (trips[bestEvents].Events.Length == 0) used++;
                    trips[bestEvents] = bestTrip;
                }
            }
            return left;
        }

        private (Trip? Trip, double Added) BestInsertion(int vehicleIndex, Trip trip, int request, double bound)
        {
            var vehicle = problem.Vehicles[vehicleIndex];
            var load = problem.Requests[request].Load;
            if (load > vehicle.Capacity) return (null, 0);
            var events = trip.Events;
            var m = events.Length;
            _prefixLoad[0] = 0;
            for (var k = 0; k < m; k++)
                _prefixLoad[k + 1] = _prefixLoad[k] + (events[k] % 2 == 0 ? 1 : -1) * problem.Requests[events[k] / 2].Load;
            var req = problem.Requests[request];
            var (pickupLocation, deliveryLocation) = (req.Pickup, req.Delivery);
            // Bounds from the trip as it is: inserting stops only raises the earliest times and lowers the latest ones
            // (with the triangle inequality), so a position that breaks them is skipped without timing the whole trip.
            if (BoundsOf(vehicleIndex, trip) is not ({ } lower, { } upper)) return (null, 0);
            var perMetre = vehicle.CostPerKilometre / 1000;
            // Without a binding ride limit the checks below are exact (the trip's part before the pickup and after the
            // delivery keeps its times, the part between is shifted forward one stop at a time), and with a cost per
            // kilometre only a candidate costs its added distance: then no candidate needs its timetable computed.
            var exact = !timeEveryCandidate && _rideLimitsNeverBind && vehicle.CostPerHour == 0;
            long tripMetres = 0;
            if (exact)
                for (var k = 0; k <= m; k++)
                    tripMetres += problem.Metres(k == 0 ? vehicle.Start : problem.LocationOf(events[k - 1]), k == m ? vehicle.End : problem.LocationOf(events[k]));
            (int I, int J, double Added) best = (-1, -1, bound);
            for (var i = 0; i <= m; i++)
            {
                var maxLoad = 0;
                var before = i == 0 ? vehicle.Start : problem.LocationOf(events[i - 1]);
                var after = i == m ? vehicle.End : problem.LocationOf(events[i]);
                // The trip's earliest times only grow along it: once one is past the pickup window, every later place is too.
                if (lower[i] > req.PickupWindow.Latest) break;
                var pickupStart = Math.Max(req.PickupWindow.Earliest, lower[i] + ServiceAt(events, i) + problem.Seconds(before, pickupLocation));
                if (pickupStart > req.PickupWindow.Latest) continue;
                var pickupDone = pickupStart + req.PickupServiceSeconds;
                var pickupMetres = problem.Metres(before, pickupLocation) + problem.Metres(pickupLocation, after) - problem.Metres(before, after);
                // For a delivery after trip position j > i: the earliest service start at position j with the pickup in.
                var shifted = 0;
                for (var j = i; j <= m; j++)
                {
                    maxLoad = Math.Max(maxLoad, _prefixLoad[j]);
                    if (maxLoad + load > vehicle.Capacity) break;
                    long metres;
                    if (j == i)
                    {
                        var deliveryStart = Math.Max(req.DeliveryWindow.Earliest, pickupDone + problem.Seconds(pickupLocation, deliveryLocation));
                        if (deliveryStart > req.DeliveryWindow.Latest || deliveryStart + req.DeliveryServiceSeconds + problem.Seconds(deliveryLocation, after) > upper[i + 1]) continue;
                        metres = problem.Metres(before, pickupLocation) + problem.Metres(pickupLocation, deliveryLocation) + problem.Metres(deliveryLocation, after) - problem.Metres(before, after);
                    }
                    else
                    {
                        var dBefore = problem.LocationOf(events[j - 1]);
                        if (j == i + 1)
                        {
                            if (pickupDone + problem.Seconds(pickupLocation, after) > upper[i + 1]) break;
                            shifted = pickupDone + problem.Seconds(pickupLocation, after);
                        }
                        else shifted += ServiceAt(events, j - 1) + problem.Seconds(problem.LocationOf(events[j - 2]), dBefore);
                        // Never late: position i + 1 starts by its latest time, from which the trip as it was meets every window.
                        shifted = Math.Max(shifted, WindowOf(events[j - 1]).Earliest);
                        // Nor do the shifted times shrink: past the delivery window here, every later delivery is late too.
                        if (shifted > req.DeliveryWindow.Latest) break;
                        var dAfter = j == m ? vehicle.End : problem.LocationOf(events[j]);
                        var deliveryStart = Math.Max(req.DeliveryWindow.Earliest, shifted + ServiceAt(events, j) + problem.Seconds(dBefore, deliveryLocation));
                        if (deliveryStart > req.DeliveryWindow.Latest || deliveryStart + req.DeliveryServiceSeconds + problem.Seconds(deliveryLocation, dAfter) > upper[j + 1]) continue;
                        metres = pickupMetres + problem.Metres(dBefore, deliveryLocation) + problem.Metres(deliveryLocation, dAfter) - problem.Metres(dBefore, dAfter);
                    }
                    if (_random.NextDouble() < BlinkRate) continue;
                    // The added distance is a lower bound on the added cost (a longer trip never gets shorter in time).
                    if (metres * perMetre >= best.Added) continue;
                    // The same sum and product as TripTimetable.Schedule, so both ways rank candidates alike.
                    var cost = exact ? (tripMetres + metres) / 1000.0 * vehicle.CostPerKilometre
                        : TripTimetable.Schedule(problem, vehicleIndex, _candidate.AsSpan(0, Fill(events, request, i, j)), _times, _latest);
                    if (!double.IsNaN(cost) && cost - trip.Cost < best.Added) best = (i, j, cost - trip.Cost);
                }
            }
            if (best.I < 0) return (null, 0);
            var chosen = _candidate.AsSpan(0, Fill(events, request, best.I, best.J)).ToArray();
            return (Build(vehicleIndex, chosen), best.Added);
        }

        private TimeWindow WindowOf(int stopEvent)
        {
            var request = problem.Requests[stopEvent / 2];
            return stopEvent % 2 == 0 ? request.PickupWindow : request.DeliveryWindow;
        }

        /// <summary>The bounds every insertion into the trip must respect (see <see cref="Trip.Upper"/>); null when the trip
        /// itself has no timetable.</summary>
        private (int[] Lower, int[] Upper)? BoundsOf(int vehicleIndex, Trip trip)
        {
            if (trip.Upper is not null) return (trip.Lower!, trip.Upper);
            var (upper, lower) = (new int[trip.Events.Length + 2], new int[trip.Events.Length + 2]);
            if (!TripTimetable.Latest(problem, vehicleIndex, trip.Events, upper)
                || !TripTimetable.Earliest(problem, vehicleIndex, trip.Events, lower, problem.Vehicles[vehicleIndex].Available.Earliest))
                return null;
            // The empty trip is shared by every vehicle, whose windows differ: its bounds are not kept.
            if (trip.Events.Length > 0) (trip.Upper, trip.Lower) = (upper, lower);
            return (lower, upper);
        }

        /// <summary>Service time of the event at trip position <paramref name="position"/> (0: the depot, none).</summary>
        private int ServiceAt(int[] events, int position)
        {
            if (position == 0) return 0;
            var request = problem.Requests[events[position - 1] / 2];
            return events[position - 1] % 2 == 0 ? request.PickupServiceSeconds : request.DeliveryServiceSeconds;
        }

        /// <summary>Writes the events with the request's pickup before position i and delivery before position j into the scratch buffer.</summary>
        private int Fill(int[] events, int request, int i, int j)
        {
            var n = 0;
            for (var k = 0; k <= events.Length; k++)
            {
                if (k == i) _candidate[n++] = 2 * request;
                if (k == j) _candidate[n++] = 2 * request + 1;
                if (k < events.Length) _candidate[n++] = events[k];
            }
            return n;
        }

        private Trip? Build(int vehicleIndex, int[] events)
        {
            if (events.Length == 0) return Trip.Empty;
            var times = new int[events.Length + 2];
            var cost = TripTimetable.Schedule(problem, vehicleIndex, events, times, _latest);
            return double.IsNaN(cost) ? null : new Trip(events, times, cost);
        }

        private int[] TripIndex(Trip[] trips)
        {
            var tripOf = new int[problem.Requests.Count];
            Array.Fill(tripOf, -1);
            for (var t = 0; t < trips.Length; t++)
                foreach (var e in trips[t].Events) tripOf[e / 2] = t;
            return tripOf;
        }

        private PickupDeliverySolution ToSolution(Trip[] trips, List<int> unserved)
        {
            var result = new List<VehicleTrip>();
            for (var v = 0; v < trips.Length; v++)
            {
                var trip = trips[v];
                if (trip.Events.Length == 0) continue;
                var stops = trip.Events.Select((e, k) => new TripStop(e / 2, e % 2 == 0, trip.Times[k + 1])).ToList();
                result.Add(new VehicleTrip(v, trip.Times[0], stops, trip.Times[^1]));
            }
            return new PickupDeliverySolution(result, [.. unserved.Order()]);
        }

        private void Shuffle(List<int> items)
        {
            for (var i = items.Count - 1; i > 0; i--)
            {
                var j = _random.Next(i + 1);
                (items[i], items[j]) = (items[j], items[i]);
            }
        }
    }

    /// <summary>For each request, the others nearest in pickup and delivery places and in time, nearest first.</summary>
    private static int[][] RelatedRequests(PickupDeliveryProblem problem)
    {
        var requests = problem.Requests;
        long Distance(int a, int b) =>
            (long)problem.Seconds(requests[a].Pickup, requests[b].Pickup) + problem.Seconds(requests[a].Delivery, requests[b].Delivery)
            + Math.Abs((long)requests[a].DeliveryWindow.Latest - requests[b].DeliveryWindow.Latest);
        return Enumerable.Range(0, requests.Count)
            .Select(a => Enumerable.Range(0, requests.Count).Where(b => b != a).OrderBy(b => Distance(a, b)).ThenBy(b => b).Take(Related).ToArray())
            .ToArray();
    }
}
