using System.Collections.Concurrent;
using F23.StringSimilarity;

namespace Mobility.Routing.Addresses;

/// <summary>
/// The address index of an extract, in memory, and its matcher (<see cref="IAddressLookup"/>). Records are grouped into
/// streets: one street per street name (<see cref="AddressText.StreetKey"/>) and commune, split where houses and ways of
/// the same name lie more than a kilometre apart. A query's street is looked up by its key; when that finds nothing that
/// fits, by typo: keys sharing enough trigrams with it, then the optimal-string-alignment (restricted Damerau-Levenshtein)
/// distance of F23.StringSimilarity, at most 1 edit under 9 letters, 2 under 12, 3 beyond. Each street found is scored
/// with its commune and postcode (<see cref="Locality"/>) and its house number, and an answer that another one far from
/// it nearly equals loses confidence (<see cref="Ambiguity"/>). Immutable once built; safe from any thread.
/// </summary>
public sealed class AddressIndex : IAddressLookup
{
    public static AddressIndex Empty { get; } = new([]);

    /// <summary>Houses with the same street, commune and number closer than this are one address (a node and its
    /// building, the entrances of one block): the first is kept, a node before a building.</summary>
    private const double SameAddressMetres = 300;
    private const double SameStreetMetres = 1_000;
    /// <summary>Answers further apart than this are different places, between which a choice is ambiguous.</summary>
    private const double OtherPlaceMetres = 100;
    /// <summary>The confidence of a street-level answer when a number was asked for: the street has numbers, but not
    /// this one (so it is a wrong number or the wrong street), or the index knows no number of this street at all.</summary>
    private const double NumberNotFound = 0.6;
    private const double StreetWithoutNumbers = 0.8;
    /// <summary>The same, for a street found with a typo: two doubts are too many to be sure.</summary>
    private const double TypoStreetWithoutNumbers = 0.7;
    /// <summary>A number found inside a range ("16" in "14-18"), or with another range end ("3" for "3-7").</summary>
    private const double InRange = 0.95;
    private const double OtherRange = 0.97;
    /// <summary>Past an exact street key this good, typos are not looked for.</summary>
    private const double GoodEnough = 0.9;
    private const int MostCandidates = 40;
    private const double UmlautsWrittenOut = 0.98;
    /// <summary>Answers under this are not worth showing even as suggestions.</summary>
    private const double Worthless = 0.1;

    private static readonly OptimalStringAlignment Distance = new();
    [ThreadStatic] private static int[]? _trigramCounts;

    private readonly AddressRecord[] _records;
    private readonly HouseNumber[] _numbers;
    private readonly Street[] _streets;
    private readonly string[] _communeNames;
    private readonly string[] _communeKeys;
    private readonly Dictionary<string, int> _communeByKey;
    private readonly string[] _keys;
    private readonly int[][] _streetsOfKey;
    private readonly Dictionary<string, int> _keyIndex;
    private readonly Dictionary<int, int[]> _keysByTrigram;
    private readonly Dictionary<string, int[]> _keysByCore;
    private readonly Dictionary<string, int[]> _keysByVowels;
    private readonly ConcurrentDictionary<string, Dictionary<int, CityAgreement>> _communeMatches = new();

    /// <param name="Houses">Record indices sorted by number, and <paramref name="Numbers"/> their numbers.</param>
    /// <param name="Ranges">Houses whose number is a range or list ("14-18").</param>
    private sealed record Street(
        string Name, int Commune, bool CommuneInferred, GeoPoint Position, int[] Houses, int[] Numbers, int[] Ranges,
        string[] Postcodes, bool PostcodesInferred, string? Postcode)
    {
        /// <summary>Whether any street of this name in this commune has numbers (another part of it may be the one
        /// with the houses).</summary>
        public bool NamesNumbers { get; set; }
    }

    private enum CityAgreement { Absent, Exact, Close, Loose, Unknown, InferredMismatch, Mismatch }
    private enum PostcodeAgreement { Absent, Equal, Unknown, InferredDiffer, Differ }

    /// <summary>
    /// How the commune (rows) and postcode (columns) asked for agree with the street's or house's. Neither given: nothing
    /// against it, but nothing for it either. A commune that matches outweighs a postcode that does not (people keep an
    /// old or a Cedex postcode); a postcode that matches half rescues a commune written beyond recognition (a district).
    /// </summary>
    private static readonly double[,] Locality =
    {
        //              Absent Equal Unknown InferredDiffer Differ
        /* Absent   */ { 0.85, 0.95, 0.80, 0.80, 0.35 },
        /* Exact    */ { 0.97, 1.00, 0.97, 0.95, 0.85 },
        /* Close    */ { 0.95, 0.98, 0.93, 0.92, 0.80 },
        /* Loose    */ { 0.88, 0.95, 0.85, 0.82, 0.60 },
        /* Unknown  */ { 0.80, 0.93, 0.75, 0.75, 0.35 },
        /* Inferred mismatch: the commune was borrowed from the nearest address, so it may be the neighbouring one */
                       { 0.45, 0.85, 0.45, 0.40, 0.30 },
        /* Mismatch */ { 0.30, 0.75, 0.30, 0.30, 0.15 },
    };

    private readonly record struct Candidate(int Street, int Record, double Confidence);

    public AddressIndex(IEnumerable<AddressRecord> records)
    {
        var kept = new List<AddressRecord>();
        var numbers = new List<HouseNumber>();
        var streetKeys = new List<string>();
        var communeKeys = new List<string>();
        var seen = new Dictionary<(string Street, string Commune, string Number), List<GeoPoint>>();
        foreach (var record in records)
        {
            var streetKey = AddressText.StreetKey(record.Street);
            if (streetKey.Length == 0) continue;
            var number = default(HouseNumber);
            if (record.IsHouse)
            {
                if (HouseNumber.Parse(record.HouseNumber) is not { } parsed) continue; // "sn", "?"
                number = parsed;
            }
            var communeKey = AddressText.CommuneKey(record.City);
            var identity = (streetKey, communeKey, record.IsHouse ? $"{number.Number}{number.Suffix}-{number.Last}" : "");
            if (!seen.TryGetValue(identity, out var places)) seen[identity] = places = [];
            if (places.Any(p => p.DistanceTo(record.Position) < SameAddressMetres))
            {
                Duplicates++;
                continue;
            }
            places.Add(record.Position);
            kept.Add(record);
            numbers.Add(number);
            streetKeys.Add(streetKey);
            communeKeys.Add(communeKey);
        }
        _records = kept.ToArray();
        _numbers = numbers.ToArray();

        var communeIds = new Dictionary<string, int>();
        var spellings = new List<Dictionary<string, int>>();
        for (var i = 0; i < _records.Length; i++)
        {
            if (communeKeys[i].Length == 0) continue;
            if (!communeIds.TryGetValue(communeKeys[i], out var id))
            {
                communeIds[communeKeys[i]] = id = spellings.Count;
                spellings.Add([]);
            }
            var name = _records[i].City!.Trim();
            spellings[id][name] = spellings[id].GetValueOrDefault(name) + 1;
        }
        _communeByKey = communeIds;
        _communeKeys = new string[communeIds.Count];
        foreach (var (key, id) in communeIds) _communeKeys[id] = key;
        _communeNames = spellings.Select(s => s.MaxBy(p => p.Value).Key).ToArray();

        var groups = new Dictionary<(string Street, int Commune), List<int>>();
        for (var i = 0; i < _records.Length; i++)
        {
            var group = (streetKeys[i], communeKeys[i].Length == 0 ? -1 : communeIds[communeKeys[i]]);
            if (!groups.TryGetValue(group, out var members)) groups[group] = members = [];
            members.Add(i);
        }
        var streets = new List<Street>();
        var streetsOfKey = new Dictionary<string, List<int>>();
        foreach (var ((key, commune), members) in groups)
        {
            var parts = Clusters.Of(members.Select(i => _records[i].Position).ToList(), SameStreetMetres)
                .Select(cluster => MakeStreet(cluster.Select(i => members[i]).ToList(), commune)).ToList();
            var numbered = parts.Any(p => p.Houses.Length > 0);
            foreach (var part in parts)
            {
                part.NamesNumbers = numbered;
                if (!streetsOfKey.TryGetValue(key, out var ofKey)) streetsOfKey[key] = ofKey = [];
                ofKey.Add(streets.Count);
                streets.Add(part);
            }
        }
        _streets = streets.ToArray();
        _keys = streetsOfKey.Keys.ToArray();
        _streetsOfKey = _keys.Select(k => streetsOfKey[k].ToArray()).ToArray();
        _keyIndex = _keys.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => p.i);
        var byCore = new Dictionary<string, HashSet<int>>();
        for (var i = 0; i < _records.Length; i++)
        {
            var core = AddressText.StreetCore(_records[i].Street);
            if (core.Length == 0) continue;
            if (!byCore.TryGetValue(core, out var keys)) byCore[core] = keys = [];
            keys.Add(_keyIndex[streetKeys[i]]);
        }
        _keysByCore = byCore.ToDictionary(p => p.Key, p => p.Value.ToArray());
        _keysByVowels = Enumerable.Range(0, _keys.Length).GroupBy(k => AddressText.WithoutUmlautVowels(_keys[k]))
            .ToDictionary(g => g.Key, g => g.ToArray());
        var byTrigram = new Dictionary<int, List<int>>();
        for (var k = 0; k < _keys.Length; k++)
            foreach (var trigram in Trigrams(_keys[k]))
            {
                if (!byTrigram.TryGetValue(trigram, out var list)) byTrigram[trigram] = list = [];
                list.Add(k);
            }
        _keysByTrigram = byTrigram.ToDictionary(p => p.Key, p => p.Value.ToArray());
    }

    /// <summary>The addresses and streets indexed, without the duplicates a source gave (a house as node and building).</summary>
    public IReadOnlyList<AddressRecord> Records => _records;

    public int Count => _records.Length;

    public int StreetCount => _streets.Length;

    public int CommuneCount => _communeKeys.Length;

    /// <summary>Records the sources gave twice (the same street, commune and number within 300 m), kept once.</summary>
    public int Duplicates { get; }

    public IReadOnlyList<AddressMatch> Search(string text, int limit)
    {
        if (string.IsNullOrWhiteSpace(text) || limit < 1 || _records.Length == 0) return [];
        var merged = new Dictionary<(int, int), Candidate>();
        foreach (var reading in FreeTextAddress.Readings(text, IsCommune))
            foreach (var candidate in Candidates(reading))
                if (!merged.TryGetValue((candidate.Street, candidate.Record), out var known) || known.Confidence < candidate.Confidence)
                    merged[(candidate.Street, candidate.Record)] = candidate;
        return Answers(merged.Values, limit);
    }

    public AddressMatch? Match(PostalAddress address)
    {
        if (_records.Length == 0) return null;
        if (string.IsNullOrWhiteSpace(address.HouseNumber) && FreeTextAddress.SplitNumber(address.Street) is var (number, street))
            address = address with { HouseNumber = number, Street = street };
        return Answers(Candidates(address), 1).FirstOrDefault();
    }

    private List<Candidate> Candidates(PostalAddress address)
    {
        var candidates = new List<Candidate>();
        var key = AddressText.StreetKey(address.Street);
        if (key.Length == 0) return candidates;
        var communeKey = AddressText.CommuneKey(address.City);
        var communes = communeKey.Length == 0 ? null : CommunesLike(communeKey);
        var postcode = AddressText.PostcodeKey(address.Postcode);
        var number = HouseNumber.Parse(address.HouseNumber);

        if (_keyIndex.TryGetValue(key, out var exact))
            foreach (var street in _streetsOfKey[exact]) Score(street, 1, number, communes, postcode, candidates);
        if (candidates.Count == 0 || candidates.Max(c => c.Confidence) < GoodEnough)
        {
            // The same street with umlauts written out ("Muehlweg"), nearly as good as its key.
            if (_keysByVowels.TryGetValue(AddressText.WithoutUmlautVowels(key), out var sameVowels))
                foreach (var similar in sameVowels.Where(k => _keys[k] != key))
                    foreach (var street in _streetsOfKey[similar]) Score(street, UmlautsWrittenOut, number, communes, postcode, candidates);
            // The same street without its articles ("av. Président Kennedy"), counted as one typo.
            if (_keysByCore.TryGetValue(AddressText.StreetCore(address.Street), out var sameCore))
                foreach (var similar in sameCore.Where(k => _keys[k] != key))
                    foreach (var street in _streetsOfKey[similar])
                        Score(street, StreetAgreement(1, Math.Max(key.Length, _keys[similar].Length)), number, communes, postcode, candidates);
            foreach (var (similar, edits) in KeysLike(key))
            {
                var factor = StreetAgreement(edits, Math.Max(key.Length, _keys[similar].Length));
                foreach (var street in _streetsOfKey[similar]) Score(street, factor, number, communes, postcode, candidates);
            }
        }
        return candidates;
    }

    private void Score(int streetId, double streetAgreement, HouseNumber? number, Dictionary<int, CityAgreement>? communes, string? postcode,
        List<Candidate> candidates)
    {
        var street = _streets[streetId];
        var city = communes is null ? CityAgreement.Absent
            : street.Commune < 0 ? CityAgreement.Unknown
            : communes.GetValueOrDefault(street.Commune, CityAgreement.Mismatch);
        if (city is CityAgreement.Mismatch && street.CommuneInferred) city = CityAgreement.InferredMismatch;
        if (number is not { } asked)
        {
            candidates.Add(new Candidate(streetId, -1, streetAgreement * Locality[(int)city, (int)StreetPostcode(street, postcode)]));
            return;
        }
        var found = false;
        foreach (var house in HousesWith(street, asked.Number))
        {
            var record = _records[house];
            var numberAgreement = _numbers[house].Number != asked.Number ? InRange
                : _numbers[house].Last != asked.Last ? _numbers[house].SuffixAgreement(asked.Suffix) * OtherRange
                : _numbers[house].SuffixAgreement(asked.Suffix);
            var postcodeAgreement = HousePostcode(record, street, postcode);
            candidates.Add(new Candidate(streetId, house, streetAgreement * Locality[(int)city, (int)postcodeAgreement] * numberAgreement));
            found = true;
        }
        if (!found)
            candidates.Add(new Candidate(streetId, -1, streetAgreement * Locality[(int)city, (int)StreetPostcode(street, postcode)]
                * (street.NamesNumbers ? NumberNotFound : streetAgreement < 1 ? TypoStreetWithoutNumbers : StreetWithoutNumbers)));
    }

    private IEnumerable<int> HousesWith(Street street, int number)
    {
        var at = Array.BinarySearch(street.Numbers, number);
        if (at >= 0)
        {
            while (at > 0 && street.Numbers[at - 1] == number) at--;
            for (; at < street.Numbers.Length && street.Numbers[at] == number; at++) yield return street.Houses[at];
        }
        foreach (var house in street.Ranges)
            if (_numbers[house].Number != number && _numbers[house].Covers(number)) yield return house;
    }

    private static PostcodeAgreement HousePostcode(AddressRecord house, Street street, string? asked)
    {
        if (asked is null) return PostcodeAgreement.Absent;
        if (AddressText.PostcodeKey(house.Postcode) is not { } own) return StreetPostcode(street, asked);
        if (own == asked) return PostcodeAgreement.Equal;
        return house.Inferred.HasFlag(InferredParts.Postcode) ? PostcodeAgreement.InferredDiffer : PostcodeAgreement.Differ;
    }

    private static PostcodeAgreement StreetPostcode(Street street, string? asked)
    {
        if (asked is null) return PostcodeAgreement.Absent;
        if (street.Postcodes.Length == 0) return PostcodeAgreement.Unknown;
        if (street.Postcodes.Contains(asked)) return PostcodeAgreement.Equal;
        return street.PostcodesInferred ? PostcodeAgreement.InferredDiffer : PostcodeAgreement.Differ;
    }

    /// <summary>How much a street found with typos counts: one typo in a long name is what people make, two in a short
    /// one is another street.</summary>
    private static double StreetAgreement(int edits, int length) => edits switch
    {
        0 => 1,
        1 => length >= 8 ? 0.92 : 0.85,
        2 => length >= 12 ? 0.78 : 0.7,
        _ => length >= 16 ? 0.68 : 0.6,
    };

    private static int MostEdits(int length) => length >= 12 ? 3 : length >= 9 ? 2 : length >= 5 ? 1 : 0;

    /// <summary>Street keys within <see cref="MostEdits"/> of <paramref name="key"/>, itself excluded: candidates share
    /// at least all but 4 trigrams per edit with it (an edit touches at most 3, a swap of two letters 4), then the
    /// distance decides.</summary>
    private List<(int Key, int Edits)> KeysLike(string key)
    {
        var found = new List<(int, int)>();
        var most = MostEdits(key.Length);
        if (most == 0) return found;
        var trigrams = Trigrams(key).Distinct().ToList();
        var needed = Math.Max(1, trigrams.Count - 4 * most);
        // One counter per key, kept per thread and zeroed after use (a pooled array may come back dirty from others).
        var counts = _trigramCounts is { } mine && mine.Length >= _keys.Length ? mine : _trigramCounts = new int[_keys.Length];
        var touched = new List<int>();
        try
        {
            foreach (var trigram in trigrams)
                if (_keysByTrigram.TryGetValue(trigram, out var keys))
                    foreach (var k in keys)
                        if (counts[k]++ == 0) touched.Add(k);
            var shortlist = touched.Where(k => counts[k] >= needed && Math.Abs(_keys[k].Length - key.Length) <= most)
                .OrderByDescending(k => counts[k]).Take(MostCandidates);
            foreach (var k in shortlist)
            {
                if (_keys[k] == key) continue;
                var edits = (int)Distance.Distance(key, _keys[k]);
                if (edits <= most) found.Add((k, edits));
            }
        }
        finally
        {
            foreach (var k in touched) counts[k] = 0;
        }
        return found;
    }

    /// <summary>The trigrams of the key with a boundary mark at each end, each packed into an int (keys are ASCII).</summary>
    private static IEnumerable<int> Trigrams(string key)
    {
        var padded = "^" + key + "$";
        for (var i = 0; i + 3 <= padded.Length; i++) yield return padded[i] << 16 | padded[i + 1] << 8 | padded[i + 2];
    }

    private bool IsCommune(string words)
    {
        var key = AddressText.CommuneKey(words);
        return key.Length > 0 && CommunesLike(key).Values.Any(a => a is CityAgreement.Exact or CityAgreement.Close);
    }

    /// <summary>The index's communes a commune key asked for may mean: the same key; one that starts the other
    /// ("heidelbergneuenheim" and "heidelberg"); or within 1 edit (2 for long names). Remembered, as files repeat communes.</summary>
    private Dictionary<int, CityAgreement> CommunesLike(string key)
    {
        if (_communeMatches.TryGetValue(key, out var known)) return known;
        var found = new Dictionary<int, CityAgreement>();
        if (_communeByKey.TryGetValue(key, out var exact)) found[exact] = CityAgreement.Exact;
        else
            for (var c = 0; c < _communeKeys.Length; c++)
            {
                var other = _communeKeys[c];
                var shorter = Math.Min(other.Length, key.Length);
                if (shorter >= 4 && (key.StartsWith(other, StringComparison.Ordinal) || other.StartsWith(key, StringComparison.Ordinal)))
                    found[c] = CityAgreement.Close;
                else if (Math.Abs(other.Length - key.Length) <= 2 && shorter >= 5)
                {
                    var edits = Distance.Distance(key, other);
                    if (edits <= 1) found[c] = CityAgreement.Close;
                    else if (edits <= 2 && shorter >= 9) found[c] = CityAgreement.Loose;
                }
            }
        // Bounded: a stream of misspellings must not grow it without end.
        if (_communeMatches.Count > 50_000) _communeMatches.Clear();
        _communeMatches[key] = found;
        return found;
    }

    /// <summary>The best answers, each made less sure by the best other answer far from it (<see cref="Ambiguity"/>).</summary>
    private List<AddressMatch> Answers(IEnumerable<Candidate> found, int limit)
    {
        // A street found twice (by its key without articles and by typo) counts once, at its best.
        var ranked = found.Where(c => c.Confidence >= Worthless).GroupBy(c => (c.Street, c.Record)).Select(g => g.MaxBy(c => c.Confidence))
            .OrderByDescending(c => c.Confidence).Take(MostCandidates).ToList();
        var positions = ranked.Select(PositionOf).ToList();
        var answers = new List<(Candidate Candidate, GeoPoint Position, double Confidence)>();
        for (var i = 0; i < ranked.Count; i++)
        {
            // Ranked best first, so the first other answer far from this one is its strongest rival.
            var rival = 0.0;
            for (var j = 0; j < ranked.Count; j++)
                if (j != i && !SameAddress(ranked[i], ranked[j]) && positions[j].DistanceTo(positions[i]) > OtherPlaceMetres)
                {
                    rival = ranked[j].Confidence;
                    break;
                }
            answers.Add((ranked[i], positions[i], ranked[i].Confidence * Ambiguity(ranked[i].Confidence, rival)));
        }
        return answers.OrderByDescending(a => a.Confidence).Take(limit).Select(a => Describe(a.Candidate, a.Position, a.Confidence)).ToList();
    }

    /// <summary>The same street and number: a source that maps one address at several points (a campus's entrances)
    /// leaves its place uncertain, but not which address was meant.</summary>
    private bool SameAddress(Candidate a, Candidate b) =>
        a.Street == b.Street && (a.Record < 0 || b.Record < 0 ? a.Record == b.Record
            : _numbers[a.Record] == _numbers[b.Record]);

    /// <summary>Halves the confidence of an answer that another place matches as well (two "Hauptstraße 5" without a
    /// commune), less and less as its lead grows (a lead of 0.1 costs 4%).</summary>
    private static double Ambiguity(double confidence, double rival) => 1 - 0.5 * Math.Exp(-Math.Max(0, confidence - rival) / 0.04);

    private GeoPoint PositionOf(Candidate candidate) =>
        candidate.Record >= 0 ? _records[candidate.Record].Position : _streets[candidate.Street].Position;

    private AddressMatch Describe(Candidate candidate, GeoPoint position, double confidence)
    {
        var street = _streets[candidate.Street];
        var city = street.Commune >= 0 ? _communeNames[street.Commune] : null;
        var confidenceRounded = Math.Round(Math.Clamp(confidence, 0, 1), 3);
        if (candidate.Record < 0)
            return new AddressMatch(Label(null, street.Name, street.Postcode, city), null, street.Name, street.Postcode, city, position,
                AddressPrecision.Street, confidenceRounded);
        var house = _records[candidate.Record];
        var postcode = house.Postcode ?? street.Postcode;
        return new AddressMatch(Label(house.HouseNumber, street.Name, postcode, city), house.HouseNumber, street.Name, postcode, city, position,
            AddressPrecision.HouseNumber, confidenceRounded);
    }

    private static readonly HashSet<string> FrenchFirstWords =
    [
        "rue", "avenue", "boulevard", "place", "impasse", "chemin", "route", "allee", "quai", "cours", "passage", "square", "faubourg",
        "sentier", "promenade", "montee", "residence", "rond", "lieu", "hameau", "cite", "voie", "ruelle", "parvis", "esplanade",
        "carrefour", "clos", "lotissement", "domaine", "le", "la", "les", "l", "du", "des", "au", "aux",
    ];

    /// <summary>"12 Rue du Rhin, 68100 Mulhouse" where the street starts like a French one, else "Hauptstraße 12, 69117 Heidelberg".</summary>
    internal static string Label(string? houseNumber, string street, string? postcode, string? city)
    {
        var line = houseNumber is null ? street
            : AddressText.Split(street) is [var first, ..] && FrenchFirstWords.Contains(first) ? $"{houseNumber} {street}"
            : $"{street} {houseNumber}";
        var place = string.Join(' ', new[] { postcode, city }.Where(p => !string.IsNullOrWhiteSpace(p)));
        return place.Length == 0 ? line : $"{line}, {place}";
    }

    private Street MakeStreet(List<int> members, int commune)
    {
        var houses = members.Where(i => _records[i].IsHouse).OrderBy(i => _numbers[i].Number).ToArray();
        var ways = members.Where(i => !_records[i].IsHouse).ToList();
        string? MostCommon(IEnumerable<string?> values) =>
            values.Where(v => !string.IsNullOrWhiteSpace(v)).GroupBy(v => v!.Trim()).MaxBy(g => g.Count())?.Key;
        var name = MostCommon(ways.Select(i => _records[i].Street)) ?? MostCommon(houses.Select(i => _records[i].Street))!;
        GeoPoint position;
        if (ways.Count > 0) position = _records[ways[0]].Position;
        else
        {
            // No way of the street in the sources: the house nearest to the middle of its houses stands for it.
            var middle = new GeoPoint(houses.Average(i => _records[i].Position.Latitude), houses.Average(i => _records[i].Position.Longitude));
            position = _records[houses.MinBy(i => _records[i].Position.DistanceTo(middle))].Position;
        }
        var withPostcode = members.Where(i => AddressText.PostcodeKey(_records[i].Postcode) is not null).ToList();
        return new Street(
            name, commune, members.All(i => _records[i].Inferred.HasFlag(InferredParts.City)), position, houses,
            houses.Select(i => _numbers[i].Number).ToArray(), houses.Where(i => _numbers[i].Last > _numbers[i].Number).ToArray(),
            withPostcode.Select(i => AddressText.PostcodeKey(_records[i].Postcode)!).Distinct().ToArray(),
            withPostcode.Count > 0 && withPostcode.All(i => _records[i].Inferred.HasFlag(InferredParts.Postcode)),
            MostCommon(withPostcode.Select(i => _records[i].Postcode)));
    }
}
