using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Mobility.Data;
using Mobility.Data.Model;

namespace Mobility.Server.Accounts;

/// <summary>
/// Puts the account's role and tenant into its sign-in (cookie or bearer token), with the network resolved for HR and
/// employee accounts, so that authorisation needs no lookup of the account on each request.
/// </summary>
public sealed class AccountClaimsFactory(UserManager<UserAccount> users, IOptions<IdentityOptions> options, MobilityDbContext database)
    : UserClaimsPrincipalFactory<UserAccount>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(UserAccount account)
    {
        var identity = await base.GenerateClaimsAsync(account);
        identity.AddClaim(new Claim(ClaimTypes.Role, account.Role.ToString()));
        var companyId = account.CompanyId ?? (account.EmployeeId is { } employeeId
            ? await database.Employees.Where(e => e.Id == employeeId).Select(e => (long?)e.CompanyId).SingleOrDefaultAsync()
            : null);
        var networkId = account.NetworkId ?? (companyId is { } id
            ? await database.Companies.Where(c => c.Id == id).Select(c => (long?)c.NetworkId).SingleOrDefaultAsync()
            : null);
        if (networkId is { } network) identity.AddClaim(new Claim(CurrentUser.NetworkClaim, network.ToString()));
        if (companyId is { } company) identity.AddClaim(new Claim(CurrentUser.CompanyClaim, company.ToString()));
        if (account.EmployeeId is { } employee) identity.AddClaim(new Claim(CurrentUser.EmployeeClaim, employee.ToString()));
        return identity;
    }
}
