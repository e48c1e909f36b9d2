using System.Security.Cryptography;

namespace Mobility.Routing.IO;

/// <summary>
/// How the product's own binary files (the RouterDb, the address index) are laid out and checked: an 8-byte magic, a
/// format version (int32), the payload's length (int64), its SHA-256, then the payload. Written aside then renamed, so
/// that a crash never leaves a half file under the real name; read whole, and refused with the reason when it is not
/// one of ours, of another version, cut short or damaged.
/// </summary>
internal static class SealedFile
{
    private const int HeaderLength = 8 + 4 + 8 + 32;

    public static void Write(string path, byte[] magic, int version, byte[] payload)
    {
        var temporary = path + ".partial";
        using (var file = File.Create(temporary))
        using (var writer = new BinaryWriter(file))
        {
            writer.Write(magic);
            writer.Write(version);
            writer.Write((long)payload.Length);
            writer.Write(SHA256.HashData(payload));
            writer.Write(payload);
        }
        File.Move(temporary, path, overwrite: true);
    }

    /// <param name="format">How the format is named in messages ("RouterDb", "address index").</param>
    /// <param name="rebuild">The command that makes the file again.</param>
    /// <param name="refuse">The format's own exception for a refused file.</param>
    public static MemoryStream ReadPayload(string path, byte[] magic, int version, string format, string rebuild, Func<string, Exception> refuse)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < magic.Length || !bytes.AsSpan(0, magic.Length).SequenceEqual(magic))
            throw refuse($"{path} is not a Mobility {format} file.");
        if (bytes.Length < HeaderLength) throw refuse($"{path} is truncated: its header is incomplete.");
        var found = BitConverter.ToInt32(bytes, 8);
        if (found != version)
            throw refuse($"{path} has {format} format version {found}; this version of Mobility reads version {version}. Rebuild it with '{rebuild}'.");
        var length = BitConverter.ToInt64(bytes, 12);
        if (bytes.Length - HeaderLength != length)
            throw refuse($"{path} is truncated or padded: {bytes.Length - HeaderLength:N0} bytes of data, {length:N0} expected.");
        if (!SHA256.HashData(bytes.AsSpan(HeaderLength)).AsSpan().SequenceEqual(bytes.AsSpan(20, 32)))
            throw refuse($"{path} is damaged: its checksum does not match its content.");
        return new MemoryStream(bytes, HeaderLength, (int)length, writable: false);
    }
}
