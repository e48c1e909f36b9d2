using Mobility.Data;
using Mobility.Data.Model;
using Mobility.Server.Accounts;

namespace Mobility.Server.Companies;

/// <summary>
/// The rows a list may show to an account: the list counterpart of <see cref="TenantAccess"/>, which guards single
/// resources named in routes. Lists start from these and only narrow further.
/// </summary>
public static class TenantQueries
{
    public static IQueryable<Network> Networks(MobilityDbContext database, CurrentUser user) =>
        user.IsAdministrator ? database.Networks : database.Networks.Where(n => n.Id == user.NetworkId);

    public static IQueryable<Company> Companies(MobilityDbContext database, CurrentUser user) => user.Role switch
    {
        AccountRole.Administrator => database.Companies,
        AccountRole.WorkingGroup => database.Companies.Where(c => c.NetworkId == user.NetworkId),
        _ => database.Companies.Where(c => c.Id == user.CompanyId),
    };

    /// <summary>Shared places (stations, meeting points) of the account's network, and the plants of its company.</summary>
    public static IQueryable<Site> Sites(MobilityDbContext database, CurrentUser user) => user.Role switch
    {
        AccountRole.Administrator => database.Sites,
        AccountRole.WorkingGroup => database.Sites.Where(s => s.NetworkId == user.NetworkId),
        _ => database.Sites.Where(s => s.NetworkId == user.NetworkId && (s.CompanyId == null || s.CompanyId == user.CompanyId)),
    };
}
