using System.Text;
using Mobility.Routing.IO;

namespace Mobility.Routing.Addresses;

/// <summary>An address index file that cannot be used as it is: not one, from another format version, cut short or damaged.</summary>
public sealed class AddressIndexFormatException(string message) : IOException(message);

/// <summary>
/// The address index saved once per extract and loaded at start, as a <see cref="SealedFile"/> with the magic "MOBADDRS".
/// Its payload: the fingerprint of the sources it was built from (so a build can tell whether the file is up to date), a
/// table of the distinct texts, and per record its position (1e-7 degrees, as OSM stores it), its texts as indices in
/// the table, and what was inferred. The lookup structures are rebuilt on load: they take a fraction of a second.
/// </summary>
public static class AddressIndexFile
{
    public const int FormatVersion = 1;
    private const string Rebuild = "mobility addresses build";
    private static readonly byte[] Magic = "MOBADDRS"u8.ToArray();

    public static void Write(string path, IReadOnlyList<AddressRecord> records, string fingerprint)
    {
        var texts = new Dictionary<string, int>(StringComparer.Ordinal);
        int Text(string? text)
        {
            if (text is null) return 0;
            if (!texts.TryGetValue(text, out var index)) texts[text] = index = texts.Count + 1;
            return index;
        }
        var rows = records.Select(r => (r, Number: Text(r.HouseNumber), Street: Text(r.Street), Postcode: Text(r.Postcode), City: Text(r.City))).ToList();

        using var payload = new MemoryStream();
        using (var writer = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(fingerprint);
            writer.Write7BitEncodedInt(texts.Count);
            foreach (var text in texts.OrderBy(t => t.Value)) writer.Write(text.Key);
            writer.Write7BitEncodedInt(rows.Count);
            foreach (var (record, number, street, postcode, city) in rows)
            {
                writer.Write((int)Math.Round(record.Position.Latitude * 1e7));
                writer.Write((int)Math.Round(record.Position.Longitude * 1e7));
                writer.Write7BitEncodedInt(number);
                writer.Write7BitEncodedInt(street);
                writer.Write7BitEncodedInt(postcode);
                writer.Write7BitEncodedInt(city);
                writer.Write((byte)record.Inferred);
            }
        }
        SealedFile.Write(path, Magic, FormatVersion, payload.ToArray());
    }

    /// <summary>The fingerprint the file was built with, or null when it is no readable address index of this format.</summary>
    public static string? Fingerprint(string path)
    {
        try
        {
            using var payload = new BinaryReader(Payload(path), Encoding.UTF8);
            return payload.ReadString();
        }
        catch (Exception error) when (error is IOException) { return null; }
    }

    public static AddressIndex Read(string path) => new(ReadRecords(path));

    public static IReadOnlyList<AddressRecord> ReadRecords(string path)
    {
        using var payload = new BinaryReader(Payload(path), Encoding.UTF8);
        try
        {
            payload.ReadString();
            var texts = new string?[payload.Read7BitEncodedInt() + 1];
            for (var i = 1; i < texts.Length; i++) texts[i] = payload.ReadString();
            var records = new AddressRecord[payload.Read7BitEncodedInt()];
            for (var i = 0; i < records.Length; i++)
            {
                var position = new GeoPoint(payload.ReadInt32() / 1e7, payload.ReadInt32() / 1e7);
                var number = texts[payload.Read7BitEncodedInt()];
                var street = texts[payload.Read7BitEncodedInt()] ?? throw new AddressIndexFormatException($"{path}: a record has no street.");
                var postcode = texts[payload.Read7BitEncodedInt()];
                var city = texts[payload.Read7BitEncodedInt()];
                records[i] = new AddressRecord(number, street, postcode, city, position, (InferredParts)payload.ReadByte());
            }
            return records;
        }
        catch (Exception error) when (error is EndOfStreamException or IndexOutOfRangeException or FormatException)
        {
            throw new AddressIndexFormatException($"{path} is damaged ({error.Message}). Rebuild it with '{Rebuild}'.");
        }
    }

    private static MemoryStream Payload(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"No address index at {path}: build one with '{Rebuild} --osm EXTRACT.osm.pbf'.", path);
        return SealedFile.ReadPayload(path, Magic, FormatVersion, "address index", Rebuild, message => new AddressIndexFormatException(message));
    }
}
