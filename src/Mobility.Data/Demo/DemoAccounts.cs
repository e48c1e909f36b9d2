using Microsoft.EntityFrameworkCore;
using Mobility.Data.Accounts;
using Mobility.Data.Model;

namespace Mobility.Data.Demo;

/// <summary>One demo sign-in, as printed for whoever tries the demo.</summary>
public sealed record DemoAccount(string Email, AccountRole Role, string Scope);

/// <summary>
/// Sign-ins for a demo network, one per kind of user: an administrator, the working group, an HR manager per company
/// and a few employees. They share one published password: they guard fictional data only, and a real deployment
/// creates its accounts with `mobility accounts create`.
/// </summary>
public static class DemoAccounts
{
    public const string Password = "mobilite-demo";
    public const string Domain = "demo.mobility.local";
    private const int EmployeesPerCompany = 2;

    /// <summary>Creates the accounts that are missing (idempotent) and lists them all.</summary>
    public static async Task<IReadOnlyList<DemoAccount>> EnsureAsync(MobilityDbContext database, long networkId,
        CancellationToken cancellation = default)
    {
        var network = await database.Networks.SingleAsync(n => n.Id == networkId, cancellation);
        var companies = await database.Companies.Where(c => c.NetworkId == networkId).OrderBy(c => c.ExternalId).ToListAsync(cancellation);
        var wanted = new List<(DemoAccount Listed, Func<UserAccount> Create)>();
        void Want(string local, AccountRole role, string scope, string name, long? networkId = null, long? companyId = null, long? employeeId = null)
        {
            var email = $"{local}@{Domain}";
            wanted.Add((new DemoAccount(email, role, scope),
                () => AccountFactory.Create(email, Password, role, name, networkId, companyId, employeeId)));
        }
        Want("admin", AccountRole.Administrator, "tous les réseaux / every network", "Administration");
        Want("groupe-travail", AccountRole.WorkingGroup, network.Name, "Groupe de travail mobilité", networkId: networkId);
        foreach (var company in companies)
        {
            var tag = company.ExternalId.ToLowerInvariant();
            Want($"rh.{tag}", AccountRole.HrManager, company.Name, $"RH {company.Name}", companyId: company.Id);
            var employees = await database.Employees
                .Where(e => e.CompanyId == company.Id && e.ConsentToMatching && e.ErasedAt == null)
                .OrderBy(e => e.ExternalId).Take(EmployeesPerCompany).ToListAsync(cancellation);
            foreach (var employee in employees)
                Want($"{employee.ExternalId.ToLowerInvariant()}", AccountRole.Employee, $"{employee.FirstName}, {company.Name}",
                    $"{employee.FirstName} {employee.LastName}", employeeId: employee.Id);
        }

        var emails = wanted.Select(w => w.Listed.Email.ToUpperInvariant()).ToList();
        var existing = await database.Users.Where(u => emails.Contains(u.NormalizedEmail!)).Select(u => u.NormalizedEmail!).ToListAsync(cancellation);
        foreach (var (listed, create) in wanted.Where(w => !existing.Contains(w.Listed.Email.ToUpperInvariant())))
            database.Users.Add(create());
        await database.SaveChangesAsync(cancellation);
        return wanted.Select(w => w.Listed).ToList();
    }
}
