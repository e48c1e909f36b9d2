using System.Runtime.InteropServices;
using System.Text;
using Mobility.Routing.Algorithms.Contracted;
using Mobility.Routing.Graphs;

namespace Mobility.Routing.IO;

/// <summary>
/// The RouterDb file: a built router saved once and loaded fast. Layout: the magic "MOBROUTE", a format version
/// (int32), the payload's length (int64), its SHA-256, then the payload: the road network's arrays and, per profile,
/// its largest-component flags and contraction hierarchy (turn restrictions live in the network), each array as a length and its raw little-endian bytes.
/// Profile graphs and snapping grids are rebuilt on load: they take milliseconds.
/// </summary>
public static class RouterDbFile
{
    public const int FormatVersion = 2; // 2: edge ways and turn restrictions
    private static readonly byte[] Magic = "MOBROUTE"u8.ToArray();

    public static void Write(Router router, IEnumerable<string> profiles, string path)
    {
        using var payload = new MemoryStream();
        using (var writer = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
        {
            var network = router.Network;
            Array(writer, network.VertexLatitudes); Array(writer, network.VertexLongitudes);
            Array(writer, network.EdgeFrom); Array(writer, network.EdgeTo); Array(writer, network.EdgeMetres);
            Array(writer, network.ShapeStart); Array(writer, network.ShapeLatitudes); Array(writer, network.ShapeLongitudes);
            Array(writer, network.EdgeWay);
            Array(writer, network.TurnRestrictions);
            writer.Write(network.ProfileNames.Count);
            for (var p = 0; p < network.ProfileNames.Count; p++)
            {
                writer.Write(network.ProfileNames[p]);
                Array(writer, network.ForwardMilliseconds[p]);
                Array(writer, network.BackwardMilliseconds[p]);
            }
            var built = profiles.ToList();
            writer.Write(built.Count);
            foreach (var name in built)
            {
                var profile = router.For(name);
                writer.Write(profile.Profile);
                Array(writer, profile.InLargestComponent);
                Array(writer, profile.Hierarchy.Rank);
                Arcs(writer, profile.Hierarchy.Up);
                Arcs(writer, profile.Hierarchy.Down);
            }
        }
        SealedFile.Write(path, Magic, FormatVersion, payload.ToArray());
    }

    public static Router Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"No RouterDb file at {path}: build one with 'mobility routing build'.", path);
        using var reader = new BinaryReader(SealedFile.ReadPayload(path, Magic, FormatVersion, "RouterDb", "mobility routing build",
            message => new RouterDbFormatException(message)));
        int[] Ints() => Read<int>(reader);
        var latitudes = Ints(); var longitudes = Ints(); var from = Ints(); var to = Ints(); var metres = Read<float>(reader);
        var shapeStart = Ints(); var shapeLatitudes = Ints(); var shapeLongitudes = Ints();
        var edgeWay = Read<long>(reader); var restrictions = Read<TurnRestriction>(reader);
        var profileCount = reader.ReadInt32();
        var names = new List<string>();
        var forward = new int[profileCount][];
        var backward = new int[profileCount][];
        for (var p = 0; p < profileCount; p++) { names.Add(reader.ReadString()); forward[p] = Ints(); backward[p] = Ints(); }
        var network = new RoadNetwork
        {
            VertexLatitudes = latitudes, VertexLongitudes = longitudes, EdgeFrom = from, EdgeTo = to, EdgeMetres = metres,
            ShapeStart = shapeStart, ShapeLatitudes = shapeLatitudes, ShapeLongitudes = shapeLongitudes,
            ProfileNames = names, ForwardMilliseconds = forward, BackwardMilliseconds = backward,
            EdgeWay = edgeWay, TurnRestrictions = restrictions,
        };
        var routers = new List<ProfileRouter>();
        var builtCount = reader.ReadInt32();
        for (var i = 0; i < builtCount; i++)
        {
            var name = reader.ReadString();
            var component = Read<bool>(reader);
            var hierarchy = new ContractionHierarchy { Rank = Ints(), Up = ReadArcs(reader), Down = ReadArcs(reader) };
            routers.Add(ProfileRouter.Assemble(network, name, DirectedGraph.ForProfile(network, network.ProfileIndex(name)), component, hierarchy));
        }
        return new Router(network, routers);
    }

    private static void Array<T>(BinaryWriter writer, T[] values) where T : unmanaged
    {
        writer.Write(values.Length);
        writer.Write(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    private static T[] Read<T>(BinaryReader reader) where T : unmanaged
    {
        var count = reader.ReadInt32();
        var values = new T[count];
        var target = MemoryMarshal.AsBytes(values.AsSpan());
        if (reader.Read(target) != target.Length) throw new RouterDbFormatException("RouterDb payload ends inside an array.");
        return values;
    }

    private static void Arcs(BinaryWriter writer, CsrArcs arcs)
    {
        Array(writer, arcs.First); Array(writer, arcs.Head); Array(writer, arcs.Milliseconds); Array(writer, arcs.Metres); Array(writer, arcs.Middle);
    }

    private static CsrArcs ReadArcs(BinaryReader reader) => new()
    {
        First = Read<int>(reader), Head = Read<int>(reader), Milliseconds = Read<int>(reader), Metres = Read<float>(reader), Middle = Read<int>(reader),
    };
}
