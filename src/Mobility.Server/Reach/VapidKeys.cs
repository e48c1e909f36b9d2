using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Mobility.Data;
using Mobility.Server.Accounts;

namespace Mobility.Server.Reach;

/// <summary>The VAPID key pair the server signs pushes with: the configured one, else the one kept in the database (made by
/// the first instance that needed it; the others read it, the insert of a second pair being a no-op).</summary>
public sealed class VapidKeys(IServiceScopeFactory scopes, IOptions<PushOptions> options, IOptions<MailOptions> mail, TimeProvider clock)
{
    public sealed record Pair(string PublicKey, string PrivateKey, string Subject);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private Pair? _pair;

    public async Task<Pair> GetAsync(CancellationToken cancellation)
    {
        if (_pair is { } known) return known;
        await _gate.WaitAsync(cancellation);
        try { return _pair ??= await LoadAsync(cancellation); }
        finally { _gate.Release(); }
    }

    private async Task<Pair> LoadAsync(CancellationToken cancellation)
    {
        var settings = options.Value;
        var subject = settings.Subject is { Length: > 0 } given ? given : "mailto:" + mail.Value.From;
        if (settings.PublicKey is { Length: > 0 } configuredPublic && settings.PrivateKey is { Length: > 0 } configuredPrivate)
            return new Pair(configuredPublic, configuredPrivate, subject);
        await using var scope = scopes.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<MobilityDbContext>();
        var (publicKey, privateKey) = Generate();
        await database.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO push_keys (id, public_key, private_key, created_at) VALUES (1, {publicKey}, {privateKey}, {clock.GetUtcNow()})
            ON CONFLICT (id) DO NOTHING
            """, cancellation);
        var stored = await database.PushKeys.AsNoTracking().SingleAsync(k => k.Id == 1, cancellation);
        return new Pair(stored.PublicKey, stored.PrivateKey, subject);
    }

    /// <summary>A new P-256 pair in the form browsers and the push library take: the uncompressed point and the scalar, base64url.</summary>
    public static (string PublicKey, string PrivateKey) Generate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var parameters = key.ExportParameters(includePrivateParameters: true);
        return (Base64Url.EncodeToString([0x04, .. parameters.Q.X!, .. parameters.Q.Y!]), Base64Url.EncodeToString(parameters.D!));
    }

    /// <summary>Why a configured pair is refused, or null: both keys or neither, of the right lengths, and a subject push services take.</summary>
    public static string? Problem(PushOptions settings)
    {
        var hasPublic = !string.IsNullOrEmpty(settings.PublicKey);
        if (hasPublic != !string.IsNullOrEmpty(settings.PrivateKey)) return "Push:PublicKey and Push:PrivateKey are set together, or neither.";
        if (hasPublic && (DecodedLength(settings.PublicKey!) != 65 || DecodedLength(settings.PrivateKey!) != 32))
            return "Push:PublicKey must be a base64url P-256 point (65 bytes) and Push:PrivateKey its scalar (32 bytes).";
        if (settings.Subject is { Length: > 0 } subject && !subject.StartsWith("mailto:", StringComparison.Ordinal)
            && !subject.StartsWith("https://", StringComparison.Ordinal))
            return "Push:Subject must be a mailto: or https: URL.";
        return null;
    }

    /// <summary>How many bytes a base64url text holds, or -1 when it is not base64url.</summary>
    internal static int DecodedLength(string text)
    {
        try { return Base64Url.DecodeFromChars(text).Length; }
        catch (FormatException) { return -1; }
    }
}
