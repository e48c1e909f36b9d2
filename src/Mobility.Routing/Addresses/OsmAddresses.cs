using Mobility.Routing.Osm;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Operation.Polygonize;
using OsmSharp;

namespace Mobility.Routing.Addresses;

/// <summary>
/// The addresses of an OSM extract: every node and way with <c>addr:housenumber</c> (a way at its centroid), its street
/// from <c>addr:street</c>, else the <c>associatedStreet</c> relation it is a house of (how much of France is mapped), else
/// <c>addr:place</c>; and every named street (<see cref="NamedStreetKinds"/>) at its middle, for addresses whose number
/// the extract lacks. A commune or postcode the object does not carry comes from its relation, else the administrative
/// (level 8) or postal-code boundary around it when the extract holds the whole boundary, else from the nearest address
/// that has one (marked <see cref="InferredParts"/>), else from the nearest city, town or village.
/// </summary>
public static class OsmAddresses
{
    /// <summary>Highways people live on; paths, tracks and steps carry no addresses worth a street-level answer.</summary>
    public static readonly IReadOnlySet<string> NamedStreetKinds = new HashSet<string>
    {
        "residential", "living_street", "pedestrian", "unclassified", "tertiary", "secondary", "primary", "trunk", "service", "road",
    };

    private static readonly HashSet<string> Settlements = ["city", "town", "village"];

    /// <summary>How far a commune or postcode is borrowed from the nearest address that has one.</summary>
    private const double BorrowCityMetres = 2_000;
    private const double BorrowPostcodeMetres = 1_500;
    /// <summary>How far the nearest city, town or village names the commune of what has none around it.</summary>
    private const double SettlementMetres = 5_000;
    /// <summary>Ways of the same name and commune closer than this are one street.</summary>
    private const double SameStreetMetres = 1_000;

    private sealed record StreetRelation(string Name, string? Postcode, string? City);
    private sealed record Boundary(string Name, List<long> Ways);
    private sealed record PendingWay(long Id, long[] Nodes, OsmTags Tags);
    private sealed record Highway(string Name, GeoPoint[] Points, OsmTags Tags);

    public static AddressSource Read(string osmFile)
    {
        // The file holds nodes, then ways, then relations, and each needs the next one's ids: three passes.
        var houseStreets = new Dictionary<(OsmGeoType, long), StreetRelation>();
        var communes = new List<Boundary>();
        var postcodes = new List<Boundary>();
        foreach (var item in OsmReader.Objects(osmFile))
            if (item is Relation { Tags.Count: > 0, Members: { } members } relation)
                ReadRelation(new OsmTags(relation.Tags), members, houseStreets, communes, postcodes);

        var boundaryWays = communes.Concat(postcodes).SelectMany(b => b.Ways).ToHashSet();
        var addressedWays = new List<PendingWay>();
        var highways = new List<PendingWay>();
        var boundaryWayNodes = new Dictionary<long, long[]>();
        var wanted = new HashSet<long>();
        foreach (var item in OsmReader.Objects(osmFile))
        {
            if (item is not Way { Id: { } id, Nodes.Length: >= 2 } way) continue;
            if (boundaryWays.Contains(id))
            {
                boundaryWayNodes[id] = way.Nodes;
                wanted.UnionWith(way.Nodes);
            }
            if (way.Tags is not { Count: > 0 }) continue;
            var tags = new OsmTags(way.Tags);
            var addressed = tags.Has("addr:housenumber");
            var street = tags["name"] is not null && tags["highway"] is { } kind && NamedStreetKinds.Contains(kind);
            if (!addressed && !street) continue;
            var pending = new PendingWay(id, way.Nodes, tags.Keep());
            if (addressed) addressedWays.Add(pending);
            if (street) highways.Add(pending);
            wanted.UnionWith(way.Nodes);
        }

        var positions = new Dictionary<long, GeoPoint>(wanted.Count);
        var addressedNodes = new List<(long Id, GeoPoint Position, OsmTags Tags)>();
        var settlements = new NearestPoints<string>();
        foreach (var item in OsmReader.Objects(osmFile))
        {
            if (item is not Node { Id: { } id, Latitude: { } latitude, Longitude: { } longitude } node) continue;
            var position = new GeoPoint(latitude, longitude);
            if (wanted.Contains(id)) positions[id] = position;
            if (node.Tags is not { Count: > 0 }) continue;
            var tags = new OsmTags(node.Tags);
            if (tags.Has("addr:housenumber")) addressedNodes.Add((id, position, tags.Keep()));
            if (tags["place"] is { } place && Settlements.Contains(place) && tags["name"] is { } name) settlements.Add(position, name);
        }

        var communeAreas = new Areas(communes, boundaryWayNodes, positions);
        var postcodeAreas = new Areas(postcodes, boundaryWayNodes, positions);
        var houses = new List<AddressRecord>();
        var withoutStreet = 0;
        void AddHouse(OsmGeoType type, long id, GeoPoint position, OsmTags tags)
        {
            houseStreets.TryGetValue((type, id), out var relation);
            var street = tags["addr:street"] ?? relation?.Name ?? tags["addr:place"];
            if (string.IsNullOrWhiteSpace(street))
            {
                withoutStreet++;
                return;
            }
            houses.Add(new AddressRecord(tags["addr:housenumber"]!.Trim(), street.Trim(),
                tags["addr:postcode"] ?? relation?.Postcode ?? postcodeAreas.At(position),
                tags["addr:city"] ?? relation?.City ?? communeAreas.At(position), position));
        }
        foreach (var (id, position, tags) in addressedNodes) AddHouse(OsmGeoType.Node, id, position, tags);
        foreach (var way in addressedWays)
            if (Points(way, positions) is { Length: > 0 } points) AddHouse(OsmGeoType.Way, way.Id, Centroid(points), way.Tags);

        var filled = FillCommunes(houses, settlements);
        var streets = Streets(highways, positions, communeAreas, postcodeAreas, filled, settlements);
        return new AddressSource([.. filled, .. streets], withoutStreet);
    }

    private static void ReadRelation(OsmTags tags, RelationMember[] members, Dictionary<(OsmGeoType, long), StreetRelation> houseStreets,
        List<Boundary> communes, List<Boundary> postcodes)
    {
        if (tags["type"] is "associatedStreet" or "street" && (tags["name"] ?? tags["addr:street"]) is { } name)
        {
            var relation = new StreetRelation(name, tags["addr:postcode"], tags["addr:city"]);
            foreach (var member in members)
                if (member.Role != "street" && member.Type is OsmGeoType.Node or OsmGeoType.Way)
                    houseStreets.TryAdd((member.Type, member.Id), relation);
            return;
        }
        List<long> Outer() => members.Where(m => m.Type == OsmGeoType.Way && m.Role is "outer" or "" or null).Select(m => m.Id).ToList();
        if (tags["boundary"] == "administrative" && tags["admin_level"] == "8" && tags["name"] is { } commune)
            communes.Add(new Boundary(commune, Outer()));
        else if (tags["boundary"] == "postal_code" && (tags["postal_code"] ?? tags["addr:postcode"]) is { } postcode)
            postcodes.Add(new Boundary(postcode, Outer()));
    }

    /// <summary>Houses without a commune take the nearest addressed house's (or village's); houses without a postcode the
    /// nearest house's of the same commune.</summary>
    private static List<AddressRecord> FillCommunes(List<AddressRecord> houses, NearestPoints<string> settlements)
    {
        var withCity = new NearestPoints<string>();
        foreach (var house in houses)
            if (!string.IsNullOrWhiteSpace(house.City)) withCity.Add(house.Position, house.City);
        var withCityFilled = houses.Select(house =>
        {
            if (!string.IsNullOrWhiteSpace(house.City)) return house;
            var city = withCity.Nearest(house.Position, BorrowCityMetres)?.Value ?? settlements.Nearest(house.Position, SettlementMetres)?.Value;
            return city is null ? house : house with { City = city, Inferred = house.Inferred | InferredParts.City };
        }).ToList();

        var postcodes = PostcodesByCommune(withCityFilled);
        return withCityFilled.Select(house =>
        {
            if (!string.IsNullOrWhiteSpace(house.Postcode)) return house;
            var postcode = BorrowPostcode(postcodes, house.City, house.Position);
            return postcode is null ? house : house with { Postcode = postcode, Inferred = house.Inferred | InferredParts.Postcode };
        }).ToList();
    }

    private static Dictionary<string, NearestPoints<string>> PostcodesByCommune(IEnumerable<AddressRecord> houses)
    {
        var byCommune = new Dictionary<string, NearestPoints<string>>();
        foreach (var house in houses)
        {
            if (string.IsNullOrWhiteSpace(house.Postcode)) continue;
            var key = AddressText.CommuneKey(house.City);
            if (!byCommune.TryGetValue(key, out var points)) byCommune[key] = points = new NearestPoints<string>();
            points.Add(house.Position, house.Postcode);
        }
        return byCommune;
    }

    private static string? BorrowPostcode(Dictionary<string, NearestPoints<string>> postcodes, string? city, GeoPoint position) =>
        postcodes.TryGetValue(AddressText.CommuneKey(city), out var points) ? points.Nearest(position, BorrowPostcodeMetres)?.Value : null;

    /// <summary>One record per street: its ways grouped by name and commune, ways further apart than
    /// <see cref="SameStreetMetres"/> being other streets of the same name, each placed at the point of its ways nearest
    /// to their length-weighted middle.</summary>
    private static List<AddressRecord> Streets(List<PendingWay> highways, Dictionary<long, GeoPoint> positions, Areas communeAreas,
        Areas postcodeAreas, List<AddressRecord> houses, NearestPoints<string> settlements)
    {
        var withCity = new NearestPoints<string>();
        foreach (var house in houses)
            if (!string.IsNullOrWhiteSpace(house.City) && !house.Inferred.HasFlag(InferredParts.City)) withCity.Add(house.Position, house.City);
        var postcodes = PostcodesByCommune(houses.Where(h => !h.Inferred.HasFlag(InferredParts.Postcode)));

        var groups = new Dictionary<(string Street, string City), List<(string Name, GeoPoint[] Points, GeoPoint Middle, string? City, string? Postcode, InferredParts Inferred)>>();
        foreach (var pending in highways)
        {
            if (Points(pending, positions) is not { Length: > 0 } points) continue;
            var middle = AlongMiddle(points);
            var tags = pending.Tags;
            var inferred = InferredParts.None;
            var city = communeAreas.At(middle) ?? tags["addr:city"] ?? tags["is_in:city"] ?? tags["is_in:municipality"];
            if (city is null)
            {
                city = withCity.Nearest(middle, SameStreetMetres)?.Value ?? settlements.Nearest(middle, SettlementMetres)?.Value;
                if (city is not null) inferred |= InferredParts.City;
            }
            var postcode = tags["postal_code"] ?? tags["addr:postcode"] ?? postcodeAreas.At(middle);
            if (postcode is null && (postcode = BorrowPostcode(postcodes, city, middle)) is not null) inferred |= InferredParts.Postcode;
            var name = tags["name"]!.Trim();
            var key = (AddressText.StreetKey(name), AddressText.CommuneKey(city));
            if (key.Item1.Length == 0) continue;
            if (!groups.TryGetValue(key, out var list)) groups[key] = list = [];
            list.Add((name, points, middle, city, postcode, inferred));
        }

        var streets = new List<AddressRecord>();
        foreach (var ways in groups.Values)
            foreach (var members in Clusters.Of(ways.Select(w => w.Middle).ToList(), SameStreetMetres))
            {
                var chosen = members.Select(i => ways[i]).ToList();
                var postcode = MostCommon(chosen.Select(w => w.Postcode));
                var inferred = chosen.Aggregate(InferredParts.None, (all, w) => all | w.Inferred);
                if (postcode is null) inferred &= ~InferredParts.Postcode;
                streets.Add(new AddressRecord(null, MostCommon(chosen.Select(w => w.Name))!, postcode, MostCommon(chosen.Select(w => w.City)),
                    StreetMiddle(chosen.Select(w => w.Points).ToList()), inferred));
            }
        return streets;
    }

    private static string? MostCommon(IEnumerable<string?> values) =>
        values.Where(v => v is not null).GroupBy(v => v).MaxBy(g => g.Count())?.Key;

    /// <summary>The way's points, or the longest stretch of them the extract holds when it cut the way off.</summary>
    private static GeoPoint[] Points(PendingWay way, Dictionary<long, GeoPoint> positions)
    {
        var best = new List<GeoPoint>();
        var run = new List<GeoPoint>();
        foreach (var node in way.Nodes)
        {
            if (positions.TryGetValue(node, out var p)) { run.Add(p); continue; }
            if (run.Count > best.Count) best = run;
            run = [];
        }
        return (run.Count > best.Count ? run : best).ToArray();
    }

    /// <summary>A building's centroid (of its area when it is a closed ring, else of its points).</summary>
    internal static GeoPoint Centroid(GeoPoint[] points)
    {
        if (points.Length >= 4 && points[0] == points[^1])
        {
            var ring = points.Select(p => new Coordinate(p.Longitude, p.Latitude)).ToArray();
            var centroid = Geometry.DefaultFactory.CreatePolygon(ring).Centroid;
            if (!centroid.IsEmpty && double.IsFinite(centroid.X)) return new GeoPoint(centroid.Y, centroid.X);
        }
        return new GeoPoint(points.Average(p => p.Latitude), points.Average(p => p.Longitude));
    }

    /// <summary>The point halfway along a line.</summary>
    internal static GeoPoint AlongMiddle(GeoPoint[] points)
    {
        if (points.Length == 1) return points[0];
        var total = 0.0;
        for (var i = 1; i < points.Length; i++) total += points[i - 1].DistanceTo(points[i]);
        var half = total / 2;
        for (var i = 1; i < points.Length; i++)
        {
            var segment = points[i - 1].DistanceTo(points[i]);
            if (segment > 0 && half <= segment)
            {
                var t = half / segment;
                return new GeoPoint(points[i - 1].Latitude + t * (points[i].Latitude - points[i - 1].Latitude),
                    points[i - 1].Longitude + t * (points[i].Longitude - points[i - 1].Longitude));
            }
            half -= segment;
        }
        return points[^1];
    }

    /// <summary>The middle of a street made of several ways: the point on them nearest to the length-weighted mean of their
    /// segments' midpoints, so that it lies on the street even when the street bends.</summary>
    internal static GeoPoint StreetMiddle(IReadOnlyList<GeoPoint[]> ways)
    {
        double weight = 0, latitude = 0, longitude = 0;
        foreach (var points in ways)
            for (var i = 1; i < points.Length; i++)
            {
                var metres = points[i - 1].DistanceTo(points[i]);
                weight += metres;
                latitude += metres * (points[i - 1].Latitude + points[i].Latitude) / 2;
                longitude += metres * (points[i - 1].Longitude + points[i].Longitude) / 2;
            }
        if (weight == 0) return ways[0][0];
        var mean = new GeoPoint(latitude / weight, longitude / weight);
        var scale = Math.Cos(mean.Latitude * Math.PI / 180);
        GeoPoint best = ways[0][0];
        var bestSquared = double.MaxValue;
        foreach (var points in ways)
            for (var i = 0; i < points.Length; i++)
            {
                var (a, b) = (points[i], points[Math.Min(i + 1, points.Length - 1)]);
                // Planar projection in a local frame: longitudes shrink by the cosine of the latitude.
                var (ax, ay, bx, by) = (a.Longitude * scale, a.Latitude, b.Longitude * scale, b.Latitude);
                var (px, py) = (mean.Longitude * scale, mean.Latitude);
                var (dx, dy) = (bx - ax, by - ay);
                var length = dx * dx + dy * dy;
                var t = length == 0 ? 0 : Math.Clamp(((px - ax) * dx + (py - ay) * dy) / length, 0, 1);
                var (x, y) = (ax + t * dx, ay + t * dy);
                var squared = (x - px) * (x - px) + (y - py) * (y - py);
                if (squared < bestSquared) (bestSquared, best) = (squared, new GeoPoint(y, x / scale));
            }
        return best;
    }

    /// <summary>Named areas (communes or postcodes) from boundary relations whose ways the extract holds whole enough to
    /// close their rings (NetTopologySuite's polygonizer), found by point.</summary>
    private sealed class Areas
    {
        private readonly STRtree<(string Name, IndexedPointInAreaLocator Locator)> _tree = new();
        private readonly int _count;

        public Areas(List<Boundary> boundaries, Dictionary<long, long[]> wayNodes, Dictionary<long, GeoPoint> positions)
        {
            foreach (var boundary in boundaries)
            {
                var polygonizer = new Polygonizer();
                foreach (var way in boundary.Ways)
                {
                    if (!wayNodes.TryGetValue(way, out var nodes)) continue;
                    var coordinates = new List<Coordinate>(nodes.Length);
                    foreach (var node in nodes)
                        if (positions.TryGetValue(node, out var p)) coordinates.Add(new Coordinate(p.Longitude, p.Latitude));
                    if (coordinates.Count == nodes.Length) polygonizer.Add(Geometry.DefaultFactory.CreateLineString(coordinates.ToArray()));
                }
                var polygons = polygonizer.GetPolygons();
                if (polygons.Count == 0) continue;
                var area = Geometry.DefaultFactory.BuildGeometry(polygons);
                _tree.Insert(area.EnvelopeInternal, (boundary.Name, new IndexedPointInAreaLocator(area)));
                _count++;
            }
            _tree.Build();
        }

        public string? At(GeoPoint position)
        {
            if (_count == 0) return null;
            var point = new Coordinate(position.Longitude, position.Latitude);
            foreach (var (name, locator) in _tree.Query(new Envelope(point)))
                if (locator.Locate(point) != Location.Exterior) return name;
            return null;
        }
    }
}
