using Microsoft.AspNetCore.Identity;

namespace Mobility.Data.Model;

/// <summary>
/// A person who signs in. Passwords are hashed by ASP.NET Core Identity. The tenant the account belongs to is fixed
/// here and checked by a constraint: an employee account names its employee, an HR account its company, a working
/// group account its network.
/// </summary>
public class UserAccount : IdentityUser<long>
{
    public AccountRole Role { get; set; }
    public long? NetworkId { get; set; }
    public Network? Network { get; set; }
    public long? CompanyId { get; set; }
    public Company? Company { get; set; }
    public long? EmployeeId { get; set; }
    public Employee? Employee { get; set; }
    public string? DisplayName { get; set; }
    /// <summary>Signed in with a password someone else chose (a first password): nothing but changing it is allowed.</summary>
    public bool MustChangePassword { get; set; }
}
