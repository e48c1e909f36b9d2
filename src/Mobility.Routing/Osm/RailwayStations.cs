namespace Mobility.Routing.Osm;

/// <summary>A named railway stop of the extract: a station, or a halt (a stop without station buildings).</summary>
public sealed record RailwayStation(string Reference, string Name, GeoPoint Position, bool IsHalt);

/// <summary>The named railway=station and railway=halt nodes of an extract: the one definition of a station read from OSM.</summary>
public static class RailwayStations
{
    public static bool Keeps(OsmTags tags) => tags.Has("name") && tags["railway"] is "station" or "halt";

    public static RailwayStation From(OsmNode node) =>
        new(node.Reference, node.Name!, node.Position, node.Tags["railway"] == "halt");

    public static IReadOnlyList<RailwayStation> Read(string osmFile) =>
        OsmReader.Select(osmFile, Keeps).Nodes.Select(From).ToList();
}
