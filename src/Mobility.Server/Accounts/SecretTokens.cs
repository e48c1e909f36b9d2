using System.Security.Cryptography;

namespace Mobility.Server.Accounts;

/// <summary>Secrets that travel in links (an invitation, a calendar address): 256 random bits, URL-safe, and only their
/// SHA-256 is stored, so a copy of the database opens nothing.</summary>
public static class SecretTokens
{
    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Upper-case hex, 64 characters.</summary>
    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));
}
