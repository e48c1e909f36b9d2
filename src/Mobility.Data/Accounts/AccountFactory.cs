using Microsoft.AspNetCore.Identity;
using Mobility.Data.Model;

namespace Mobility.Data.Accounts;

/// <summary>
/// Builds accounts the way ASP.NET Core Identity's user manager would (normalised names, a security stamp, the
/// standard PBKDF2 password hash), for hosts that create accounts without a running server: the demo seeder and the
/// CLI. The server signs them in with Identity.
/// </summary>
public static class AccountFactory
{
    public const int MinimumPasswordLength = 10;

    private static readonly PasswordHasher<UserAccount> Hasher = new();
    /// <summary>For load-test accounts only: the hash records its iteration count, so sign-in stays correct, only cheaper.</summary>
    private static readonly PasswordHasher<UserAccount> CheapHasher =
        new(Microsoft.Extensions.Options.Options.Create(new PasswordHasherOptions { IterationCount = 1_000 }));
    private static readonly UpperInvariantLookupNormalizer Normalizer = new();

    public static UserAccount Create(string email, string password, AccountRole role, string? displayName = null,
        long? networkId = null, long? companyId = null, long? employeeId = null, bool cheapHashForLoadTests = false)
    {
        if (string.IsNullOrWhiteSpace(email) || !email.Contains('@'))
            throw new ArgumentException($"'{email}' is not an e-mail address.", nameof(email));
        if (password.Length < MinimumPasswordLength)
            throw new ArgumentException($"A password needs at least {MinimumPasswordLength} characters.", nameof(password));
        var account = new UserAccount
        {
            UserName = email, NormalizedUserName = Normalizer.NormalizeName(email),
            Email = email, NormalizedEmail = Normalizer.NormalizeEmail(email), EmailConfirmed = true,
            SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(),
            Role = role, DisplayName = displayName, NetworkId = networkId, CompanyId = companyId, EmployeeId = employeeId,
            LockoutEnabled = true,
        };
        account.PasswordHash = (cheapHashForLoadTests ? CheapHasher : Hasher).HashPassword(account, password);
        return account;
    }
}
