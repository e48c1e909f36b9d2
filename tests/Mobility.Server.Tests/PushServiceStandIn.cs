using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Mobility.Server.Tests;

/// <summary>
/// A browser vendor's push service as the server meets it: a real HTTP listener on loopback that keeps each request and
/// answers 201, or the status a test chose for a path (410 for a device that unsubscribed). With <see cref="Device"/> a test
/// holds what a browser holds (its P-256 key and auth secret) and can read a push the way the browser would.
/// </summary>
public sealed class PushServiceStandIn : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, int> _answers = new();

    public sealed record Received(string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body);

    public ConcurrentQueue<Received> Requests { get; } = new();
    public string Origin { get; }

    public PushServiceStandIn()
    {
        var port = FreePort.Pick();
        Origin = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(Origin + "/");
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    /// <summary>Answers this status to pushes for the path from now on.</summary>
    public void Answer(string path, int status) => _answers[path] = status;

    public async Task<Received> NextForAsync(string path, TimeSpan? patience = null)
    {
        var deadline = DateTime.UtcNow + (patience ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < deadline)
        {
            if (Requests.FirstOrDefault(r => r.Path == path) is { } found) return found;
            await Task.Delay(50);
        }
        throw new TimeoutException($"No push reached {path}.");
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) { return; }
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var path = context.Request.Url!.AbsolutePath;
            Requests.Enqueue(new Received(path,
                context.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase),
                body.ToArray()));
            context.Response.StatusCode = _answers.GetValueOrDefault(path, 201);
            context.Response.Close();
        }
    }

    public void Dispose() => _listener.Close();

    /// <summary>What a browser keeps for one subscription: its key pair and its authentication secret.</summary>
    public sealed class Device : IDisposable
    {
        private readonly ECDiffieHellman _key = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        private readonly byte[] _auth = RandomNumberGenerator.GetBytes(16);

        public byte[] PublicKey
        {
            get
            {
                var q = _key.ExportParameters(false).Q;
                return [0x04, .. q.X!, .. q.Y!];
            }
        }

        public object Subscription(string endpoint, string? label = null) => new
        {
            endpoint, keys = new { p256dh = Base64Url.EncodeToString(PublicKey), auth = Base64Url.EncodeToString(_auth) }, deviceLabel = label,
        };

        /// <summary>Decrypts an aes128gcm body (RFC 8188) with this device's keys (RFC 8291), as the browser does.</summary>
        public JsonElement Read(byte[] body)
        {
            var salt = body[..16];
            var recordSize = (body[16] << 24) | (body[17] << 16) | (body[18] << 8) | body[19];
            var idLength = body[20];
            var serverKey = body[21..(21 + idLength)];
            var record = body[(21 + idLength)..];
            Assert.True(record.Length <= recordSize, "one record");
            using var sender = ECDiffieHellman.Create(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = serverKey[1..33], Y = serverKey[33..65] },
            });
            var shared = _key.DeriveRawSecretAgreement(sender.PublicKey);
            var keyInfo = Encoding.ASCII.GetBytes("WebPush: info\0").Concat(PublicKey).Concat(serverKey).ToArray();
            var ikm = HKDF.DeriveKey(HashAlgorithmName.SHA256, shared, 32, _auth, keyInfo);
            var prk = HKDF.Extract(HashAlgorithmName.SHA256, ikm, salt);
            var contentKey = HKDF.Expand(HashAlgorithmName.SHA256, prk, 16, Encoding.ASCII.GetBytes("Content-Encoding: aes128gcm\0"));
            var nonce = HKDF.Expand(HashAlgorithmName.SHA256, prk, 12, Encoding.ASCII.GetBytes("Content-Encoding: nonce\0"));
            var plain = new byte[record.Length - 16];
            using (var aes = new AesGcm(contentKey, 16)) aes.Decrypt(nonce, record[..^16], record[^16..], plain);
            // The last record ends with the delimiter 2, then padding zeros.
            var end = Array.FindLastIndex(plain, b => b != 0);
            Assert.Equal(2, plain[end]);
            return JsonDocument.Parse(plain.AsMemory(0, end)).RootElement.Clone();
        }

        public void Dispose() => _key.Dispose();
    }

    /// <summary>Checks the VAPID header (RFC 8292) of a push: the token signed with <paramref name="publicKey"/>, for this origin.</summary>
    public static JsonElement VerifyVapid(Received push, string publicKey, string origin)
    {
        var header = push.Headers["Authorization"];
        Assert.StartsWith("vapid ", header);
        var fields = header["vapid ".Length..].Split(',', StringSplitOptions.TrimEntries)
            .ToDictionary(f => f[..f.IndexOf('=')], f => f[(f.IndexOf('=') + 1)..]);
        Assert.Equal(publicKey, fields["k"]);
        var token = fields["t"].Split('.');
        var key = Base64Url.DecodeFromChars(publicKey);
        using var verifier = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = key[1..33], Y = key[33..65] },
        });
        Assert.True(verifier.VerifyData(Encoding.ASCII.GetBytes(token[0] + "." + token[1]), Base64Url.DecodeFromChars(token[2]), HashAlgorithmName.SHA256),
            "the VAPID token verifies with the server's public key");
        using var jwtHeader = JsonDocument.Parse(Base64Url.DecodeFromChars(token[0]));
        Assert.Equal("ES256", jwtHeader.RootElement.GetProperty("alg").GetString());
        var claims = JsonDocument.Parse(Base64Url.DecodeFromChars(token[1])).RootElement.Clone();
        // The push service's origin. The library leaves out the port, which real push services (all on 443) never have.
        Assert.Equal(new Uri(origin).GetLeftPart(UriPartial.Scheme) + new Uri(origin).Host, claims.GetProperty("aud").GetString());
        Assert.True(claims.GetProperty("exp").GetInt64() > DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        return claims;
    }
}
