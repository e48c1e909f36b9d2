using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Mobility.Routing.Addresses;
using Mobility.TestSupport;

namespace Mobility.Bench;

/// <summary>
/// `mobility-bench addresses`: the address index of each extract (build time, file size, load time), then every house
/// address of it written as real files write it (<see cref="PerturbedAddresses"/>) and looked up: the share placed
/// within 50 m with a confidence at or above <see cref="AddressMatch.ConfidenceThreshold"/>, the share placed further
/// away just as confidently (wrong), the share left to report, and addresses per second on one core and on all.
/// </summary>
internal static class AddressBenchmark
{
    private const double CloseEnoughMetres = 50;
    private static readonly string[] SharedExtracts = ["mulhouse-centre.osm.pbf", "heidelberg.osm.pbf", "liechtenstein-2015.osm.pbf"];

    public static Command Create()
    {
        var osm = new Option<string[]>("--osm")
        {
            Description = "OSM extracts to measure on (default: the shared Mulhouse, Heidelberg and Liechtenstein extracts).",
            AllowMultipleArgumentsPerToken = true,
        };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 42 };
        var show = new Option<int>("--show") { Description = "Print this many addresses that were not placed, per extract.", DefaultValueFactory = _ => 0 };
        var command = new Command("addresses", "Measures the address index: build, load, matching perturbed addresses, throughput.");
        command.Options.Add(osm);
        command.Options.Add(seed);
        command.Options.Add(show);
        command.SetAction(parse =>
        {
            var files = parse.GetValue(osm) is { Length: > 0 } given ? given : SharedExtracts.Select(SharedData.OsmFile).ToArray();
            return Run(files, parse.GetValue(seed), parse.GetValue(show));
        });
        return command;
    }

    private sealed record Outcome(AddressPerturbation Kind, double Confidence, double Metres, AddressPrecision? Precision);

    private static int Run(string[] files, int seed, int show)
    {
        Console.WriteLine($"{Environment.ProcessorCount} cores, threshold {AddressMatch.ConfidenceThreshold.ToString(CultureInfo.InvariantCulture)}, " +
                          $"placed = confident and within {CloseEnoughMetres} m, wrong = confident and further");
        var all = new List<Outcome>();
        var unknown = new List<(string Kind, bool Confident)>();
        var extracts = new List<(string File, AddressSource Source, double ReadSeconds, long Size, double LoadSeconds, AddressIndex Index)>();
        foreach (var file in files)
        {
            var clock = Stopwatch.StartNew();
            var source = OsmAddresses.Read(file);
            var readSeconds = clock.Elapsed.TotalSeconds;
            var indexFile = Path.Combine(Path.GetTempPath(), $"bench-{Environment.ProcessId}.addresses");
            AddressIndexFile.Write(indexFile, source.Records, "bench");
            var size = new FileInfo(indexFile).Length;
            var loads = new List<double>();
            var index = AddressIndex.Empty;
            for (var i = 0; i < 3; i++)
            {
                clock.Restart();
                index = AddressIndexFile.Read(indexFile);
                loads.Add(clock.Elapsed.TotalSeconds);
            }
            File.Delete(indexFile);
            extracts.Add((file, source, readSeconds, size, loads.Min(), index));
        }
        foreach (var (file, source, buildSeconds, size, loadSeconds, index) in extracts)
        {
            var clock = Stopwatch.StartNew();
            Console.WriteLine();
            Console.WriteLine($"{Path.GetFileName(file)} ({new FileInfo(file).Length / 1e6:F1} MB): read in {buildSeconds:F2} s, " +
                              $"{source.Houses:N0} addresses and {source.Streets:N0} streets ({source.Skipped:N0} numbers without a street), " +
                              $"file {size / 1e3:F0} kB, load (index included) {loadSeconds * 1000:F0} ms; " +
                              $"{index.Count:N0} records, {index.StreetCount:N0} streets, {index.CommuneCount:N0} communes, {index.Duplicates:N0} duplicates dropped");

            // Addresses that are not in the index: any confident answer to them is wrong.
            var houses = index.Records.Where(r => r.IsHouse).ToList();
            var absentNumbers = houses.Select(h => new PostalAddress((HouseNumber.Parse(h.HouseNumber)!.Value.Number + 5000).ToString(CultureInfo.InvariantCulture),
                h.Street, h.Postcode, h.City)).ToList();
            var elsewhere = extracts.Where(e => e.Index != index).SelectMany(e => e.Index.Records.Where(r => r.IsHouse))
                .Select(h => new PostalAddress(h.HouseNumber, h.Street, h.Postcode, h.City)).ToList();
            unknown.AddRange(absentNumbers.Select(a => ("a number the street does not have", index.Match(a)?.IsConfident == true)));
            foreach (var address in absentNumbers.Concat(elsewhere).Where(a => index.Match(a)?.IsConfident == true).Take(show))
                Console.WriteLine($"  not in the index: {address} -> {index.Match(address)}");
            unknown.AddRange(elsewhere.Select(a => ("an address of another extract", index.Match(a)?.IsConfident == true)));

            var variants = PerturbedAddresses.Of(index.Records, seed);
            var outcomes = variants.Select(v => Look(index, v)).ToList();
            Report(outcomes);
            foreach (var (variant, outcome) in variants.Zip(outcomes).Where(p => !(p.Second.Confidence >= AddressMatch.ConfidenceThreshold && p.Second.Metres <= CloseEnoughMetres)).Take(show))
            {
                var answer = variant.AsFreeText ? index.Search(variant.FreeText, 1).FirstOrDefault() : index.Match(variant.Address);
                Console.WriteLine($"  {variant.Kind}: {(variant.AsFreeText ? variant.FreeText : variant.Address.ToString())} -> " +
                                  $"{answer?.Label} {answer?.Precision} {outcome.Confidence:F3} at {outcome.Metres:F0} m (truth {variant.Truth})");
            }
            all.AddRange(outcomes);

            // Throughput: the same queries again, three rounds on one thread, then on every core. The machine is shared,
            // so the CPU time the process used is given too: addresses per CPU-second do not count the waits for a core.
            Look(index, variants[0]);
            var process = Process.GetCurrentProcess();
            double best = 0, bestCpu = 0;
            for (var round = 0; round < 3; round++)
            {
                process.Refresh();
                var cpu = process.TotalProcessorTime;
                clock.Restart();
                foreach (var variant in variants) Look(index, variant);
                best = Math.Max(best, variants.Count / clock.Elapsed.TotalSeconds);
                process.Refresh();
                bestCpu = Math.Max(bestCpu, variants.Count / (process.TotalProcessorTime - cpu).TotalSeconds);
            }
            clock.Restart();
            Parallel.ForEach(variants, variant => Look(index, variant));
            var allCores = variants.Count / clock.Elapsed.TotalSeconds;
            Console.WriteLine($"throughput: {best:N0} addresses/s on one thread ({bestCpu:N0} per CPU-second), {allCores:N0} on {Environment.ProcessorCount} threads " +
                              $"(load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]})");
        }
        Console.WriteLine();
        Console.WriteLine("All extracts:");
        Report(all);
        Console.WriteLine();
        Console.WriteLine("| not in the index | addresses | answered confidently (wrong) |");
        Console.WriteLine("|---|---|---|");
        foreach (var group in unknown.GroupBy(u => u.Kind))
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {group.Key} | {group.Count():N0} | {(double)group.Count(u => u.Confident) / group.Count():P2} |"));
        Console.WriteLine();
        Console.WriteLine("| threshold | placed | wrong | reported |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var threshold in new[] { 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9 })
        {
            var (placed, wrong, reported) = Shares(all, threshold);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {threshold:F2} | {placed:P1} | {wrong:P2} | {reported:P1} |"));
        }
        Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB");
        return 0;
    }

    private static Outcome Look(AddressIndex index, PerturbedAddress variant)
    {
        var answer = variant.AsFreeText ? index.Search(variant.FreeText, 1).FirstOrDefault() : index.Match(variant.Address);
        return answer is null
            ? new Outcome(variant.Kind, 0, double.PositiveInfinity, null)
            : new Outcome(variant.Kind, answer.Confidence, answer.Position.DistanceTo(variant.Truth.Position), answer.Precision);
    }

    private static (double Placed, double Wrong, double Reported) Shares(IReadOnlyCollection<Outcome> outcomes, double threshold)
    {
        var placed = outcomes.Count(o => o.Confidence >= threshold && o.Metres <= CloseEnoughMetres);
        var wrong = outcomes.Count(o => o.Confidence >= threshold && o.Metres > CloseEnoughMetres);
        return ((double)placed / outcomes.Count, (double)wrong / outcomes.Count, (double)(outcomes.Count - placed - wrong) / outcomes.Count);
    }

    private static void Report(List<Outcome> outcomes)
    {
        Console.WriteLine("| written as | addresses | placed ≤ 50 m | wrong > 50 m | reported | best answer ≤ 50 m |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var group in outcomes.GroupBy(o => o.Kind).OrderBy(g => g.Key).Append(outcomes.GroupBy(_ => (AddressPerturbation)(-1)).Single()))
        {
            var list = group.ToList();
            var (placed, wrong, reported) = Shares(list, AddressMatch.ConfidenceThreshold);
            var near = (double)list.Count(o => o.Metres <= CloseEnoughMetres) / list.Count;
            var name = (int)group.Key < 0 ? "**all**" : group.Key.ToString();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {list.Count:N0} | {placed:P1} | {wrong:P2} | {reported:P1} | {near:P1} |"));
        }
    }
}
