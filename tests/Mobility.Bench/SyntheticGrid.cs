using OsmSharp;
using OsmSharp.Streams;
using OsmSharp.Tags;

namespace Mobility.Bench;

/// <summary>
/// Writes a square grid of streets as an OSM PBF file, to measure how import, hierarchy and matrices scale: k × k
/// junctions about 100 m apart, every row and column one way (so every node is a junction), a primary road every
/// tenth line, and every seventh row one-way.
/// </summary>
internal static class SyntheticGrid
{
    public static void Write(string path, int side)
    {
        using var stream = File.Create(path);
        var target = new PBFOsmStreamTarget(stream);
        target.Initialize();
        var stamp = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        T Stamped<T>(T item) where T : OsmGeo
        {
            // OsmSharp's PBF writer needs every object's metadata set.
            (item.Version, item.ChangeSetId, item.TimeStamp, item.UserId, item.UserName, item.Visible) = (1, 1, stamp, 1, "grid", true);
            return item;
        }
        long NodeId(int row, int column) => (long)row * side + column + 1;
        for (var row = 0; row < side; row++)
            for (var column = 0; column < side; column++)
                target.AddNode(Stamped(new Node { Id = NodeId(row, column), Latitude = 45.0 + row * 0.0009, Longitude = 5.0 + column * 0.0013 }));
        long wayId = 1;
        for (var row = 0; row < side; row++)
        {
            var tags = new TagsCollection(new Tag("highway", row % 10 == 0 ? "primary" : "residential"));
            if (row % 7 == 3) tags.Add(new Tag("oneway", "yes"));
            target.AddWay(Stamped(new Way { Id = wayId++, Nodes = Enumerable.Range(0, side).Select(c => NodeId(row, c)).ToArray(), Tags = tags }));
        }
        for (var column = 0; column < side; column++)
            target.AddWay(Stamped(new Way
            {
                Id = wayId++, Nodes = Enumerable.Range(0, side).Select(r => NodeId(r, column)).ToArray(),
                Tags = new TagsCollection(new Tag("highway", column % 10 == 0 ? "primary" : "residential")),
            }));
        target.Flush();
        target.Close();
    }
}
