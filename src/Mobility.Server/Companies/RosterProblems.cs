using Microsoft.EntityFrameworkCore;
using Mobility.Data;
using Mobility.Data.Model;

namespace Mobility.Server.Companies;

/// <summary>A roster of the network that the matching engine leaves out, with the people of the company it concerns.</summary>
public sealed record RosterProblemView(long ShiftPatternId, string ExternalId, string Name, bool OwnedByCompany, int Employees,
    IReadOnlyList<RosterIssueView> Problems);

/// <summary>What is wrong with the roster as HR's page words it: the slot (null for the roster itself), the field, and a code
/// of <see cref="Codes.Field"/> with its parameters.</summary>
public sealed record RosterIssueView(int? Slot, string Field, string Code, IReadOnlyDictionary<string, object?> Parameters)
{
    public static RosterIssueView From(RosterIssue issue) => new(issue.Slot, issue.Field, issue.Code, issue.Parameters);
}

/// <summary>The rosters HR should fix: those breaking <see cref="RosterRules"/> that the company created or that its
/// employees still work on.</summary>
public static class RosterProblems
{
    public static async Task<List<RosterProblemView>> FindAsync(MobilityDbContext database, long companyId, DateOnly today, CancellationToken cancellation)
    {
        var networkId = await database.Companies.Where(c => c.Id == companyId).Select(c => c.NetworkId).SingleAsync(cancellation);
        var patterns = await database.ShiftPatterns.AsNoTracking().Include(p => p.Slots).Where(p => p.NetworkId == networkId).ToListAsync(cancellation);
        var problems = new List<RosterProblemView>();
        foreach (var pattern in patterns)
        {
            if (RosterRules.Check(pattern.RotationWeeks, pattern.Slots) is not { Count: > 0 } issues) continue;
            var employees = await database.ShiftAssignments
                .Where(a => a.ShiftPatternId == pattern.Id && a.Employee!.CompanyId == companyId && (a.ValidTo == null || a.ValidTo >= today))
                .Select(a => a.EmployeeId).Distinct().CountAsync(cancellation);
            var owned = pattern.OwnerCompanyId == companyId;
            if (owned || employees > 0) problems.Add(new RosterProblemView(pattern.Id, pattern.ExternalId, pattern.Name, owned, employees,
                issues.Select(RosterIssueView.From).ToList()));
        }
        return problems;
    }
}
