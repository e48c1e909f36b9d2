using System.Security.Claims;
using Mobility.Data.Model;

namespace Mobility.Server.Accounts;

/// <summary>The signed-in account as every endpoint sees it: its role and the one tenant it belongs to.</summary>
public sealed record CurrentUser(long AccountId, AccountRole Role, long? NetworkId, long? CompanyId, long? EmployeeId)
{
    public const string NetworkClaim = "mobility:network";
    public const string CompanyClaim = "mobility:company";
    public const string EmployeeClaim = "mobility:employee";

    public bool IsAdministrator => Role == AccountRole.Administrator;

    /// <summary>Reads the claims written at sign-in (<see cref="AccountClaimsFactory"/>); null when anonymous.</summary>
    public static CurrentUser? From(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true) return null;
        if (!long.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id)) return null;
        if (!Enum.TryParse<AccountRole>(principal.FindFirstValue(ClaimTypes.Role), out var role)) return null;
        static long? Read(ClaimsPrincipal p, string type) => long.TryParse(p.FindFirstValue(type), out var value) ? value : null;
        return new CurrentUser(id, role, Read(principal, NetworkClaim), Read(principal, CompanyClaim), Read(principal, EmployeeClaim));
    }
}
