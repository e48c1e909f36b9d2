namespace Mobility.Server.Tests;

/// <summary>
/// Just enough of the Mapbox vector tile format (a protobuf: Tile.layers = 3; Layer.name = 1, Layer.features = 2) to
/// tell which layers a tile holds and how many features each has. Fields it does not need are skipped by wire type.
/// </summary>
internal static class VectorTile
{
    public static Dictionary<string, int> FeatureCounts(byte[] tile)
    {
        var layers = new Dictionary<string, int>();
        var position = 0;
        while (position < tile.Length)
        {
            var (field, wireType) = Key(tile, ref position);
            if (field == 3 && wireType == 2)
            {
                var layer = Bytes(tile, ref position);
                var (name, features) = ReadLayer(layer);
                layers[name] = layers.GetValueOrDefault(name) + features;
            }
            else Skip(tile, ref position, wireType);
        }
        return layers;
    }

    private static (string Name, int Features) ReadLayer(ReadOnlySpan<byte> layer)
    {
        var data = layer.ToArray();
        var (name, features, position) = ("", 0, 0);
        while (position < data.Length)
        {
            var (field, wireType) = Key(data, ref position);
            if (field == 1 && wireType == 2) name = System.Text.Encoding.UTF8.GetString(Bytes(data, ref position));
            else if (field == 2 && wireType == 2) { Bytes(data, ref position); features++; }
            else Skip(data, ref position, wireType);
        }
        return (name, features);
    }

    private static (int Field, int WireType) Key(byte[] data, ref int position)
    {
        var key = Varint(data, ref position);
        return ((int)(key >> 3), (int)(key & 7));
    }

    private static ulong Varint(byte[] data, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            if (shift > 63 || position >= data.Length) throw new InvalidDataException("Truncated or overlong varint.");
            var b = data[position++];
            value |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80) return value;
        }
    }

    private static ReadOnlySpan<byte> Bytes(byte[] data, ref int position)
    {
        var length = checked((int)Varint(data, ref position));
        if (position + length > data.Length) throw new InvalidDataException("A field runs past the end of the tile.");
        var bytes = data.AsSpan(position, length);
        position += length;
        return bytes;
    }

    private static void Skip(byte[] data, ref int position, int wireType)
    {
        switch (wireType)
        {
            case 0: Varint(data, ref position); break;
            case 1: position += 8; break;
            case 2: Bytes(data, ref position); break;
            case 5: position += 4; break;
            default: throw new InvalidDataException($"Wire type {wireType} is not protobuf.");
        }
        if (position > data.Length) throw new InvalidDataException("A field runs past the end of the tile.");
    }
}
