using Microsoft.EntityFrameworkCore;
using Mobility.Data;
using Mobility.Data.Model;
using Mobility.Planning.Carpools;
using Mobility.Server.Http;

namespace Mobility.Server.Companies;

/// <summary>Whether an employee can sign in: no account, an account whose invitation is not used yet, or one with a password.</summary>
public enum AccountState { None, Invited, Active }

/// <summary>What the sort of HR's employee list goes by.</summary>
public enum EmployeeSort { ExternalId, Name, Site, Commune, Role }

/// <summary>One line of HR's employee list: who, where, on which roster today, and whether they can sign in and ride.</summary>
public sealed record EmployeeRow(long Id, string ExternalId, string? FirstName, string? LastName, string? WorkEmail, long MainSiteId,
    string SiteName, string? Commune, CarpoolRole Role, bool ConsentToMatching, bool HasHome, long? ShiftPatternId, string? ShiftPatternName,
    AccountState Account, bool Matched);

/// <summary>`GET /api/companies/{id}/employees`: <see cref="Search"/> words each found (accents and case aside) in the first or
/// family name, HR number or work e-mail or account e-mail; filters by main site, roster today (0: none), carpool role,
/// consent, carpool from today on (<see cref="Matched"/>), home missing (<see cref="NoHome"/>), account.</summary>
public sealed record EmployeeListQuery(int? Page, int? PageSize, string? Search, EmployeeSort? Sort, bool? Descending, long? SiteId,
    long? ShiftPatternId, CarpoolRole? Role, bool? Consent, bool? Matched, bool? NoHome, AccountState? Account)
{
    public PageQuery Paging => new(Page, PageSize);

    public IResult? Problem() => Paging.Problem() ?? QueryFields.TextProblem("search", Search) ?? QueryFields.EnumProblem("sort", Sort)
        ?? QueryFields.EnumProblem("role", Role) ?? QueryFields.EnumProblem("account", Account);
}

/// <summary>HR's employee list, filtered, searched and sorted by the database, a page at a time; erased people are no longer listed.</summary>
public static class EmployeeDirectory
{
    public static async Task<Page<EmployeeRow>> ListAsync(MobilityDbContext database, long companyId, EmployeeListQuery query, DateOnly today,
        CancellationToken cancellation)
    {
        var employees = database.Employees.Where(e => e.CompanyId == companyId && e.ErasedAt == null);
        foreach (var word in Words(query.Search))
        {
            var pattern = "%" + word.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            employees = employees.Where(e =>
                EF.Functions.ILike(EF.Functions.Unaccent(e.FirstName ?? ""), EF.Functions.Unaccent(pattern))
                || EF.Functions.ILike(EF.Functions.Unaccent(e.LastName ?? ""), EF.Functions.Unaccent(pattern))
                || EF.Functions.ILike(e.ExternalId, pattern)
                || EF.Functions.ILike(e.WorkEmail ?? "", pattern)
                || database.Users.Any(u => u.EmployeeId == e.Id && EF.Functions.ILike(u.Email ?? "", pattern)));
        }
        if (query.SiteId is { } site) employees = employees.Where(e => e.MainSiteId == site);
        if (query.Role is { } role) employees = employees.Where(e => e.Role == role);
        if (query.Consent is { } consent) employees = employees.Where(e => e.ConsentToMatching == consent);
        if (query.NoHome is { } noHome) employees = employees.Where(e => (e.Home == null) == noHome);
        if (query.ShiftPatternId is { } roster)
            employees = roster == 0
                ? employees.Where(e => !e.ShiftAssignments.Any(a => a.ValidFrom <= today && (a.ValidTo == null || a.ValidTo >= today)))
                : employees.Where(e => e.ShiftAssignments.Any(a => a.ShiftPatternId == roster && a.ValidFrom <= today && (a.ValidTo == null || a.ValidTo >= today)));
        if (query.Matched is { } matched)
            employees = employees.Where(e => database.CarpoolMembers.Any(m => m.EmployeeId == e.Id && m.CarpoolGroup!.Date >= today
                && m.Status != CarpoolStatus.Declined && m.Status != CarpoolStatus.Cancelled
                && m.CarpoolGroup.Status != CarpoolStatus.Declined && m.CarpoolGroup.Status != CarpoolStatus.Cancelled) == matched);
        if (query.Account is { } account)
            employees = account switch
            {
                AccountState.None => employees.Where(e => !database.Users.Any(u => u.EmployeeId == e.Id)),
                AccountState.Invited => employees.Where(e => database.Users.Any(u => u.EmployeeId == e.Id && u.PasswordHash == null)),
                _ => employees.Where(e => database.Users.Any(u => u.EmployeeId == e.Id && u.PasswordHash != null)),
            };

        var rows = employees.Select(e => new
        {
            Row = new EmployeeRow(e.Id, e.ExternalId, e.FirstName, e.LastName, e.WorkEmail, e.MainSiteId, e.MainSite!.Name, e.Commune, e.Role,
                e.ConsentToMatching, e.Home != null,
                e.ShiftAssignments.Where(a => a.ValidFrom <= today && (a.ValidTo == null || a.ValidTo >= today))
                    .OrderByDescending(a => a.ValidFrom).Select(a => (long?)a.ShiftPatternId).FirstOrDefault(),
                e.ShiftAssignments.Where(a => a.ValidFrom <= today && (a.ValidTo == null || a.ValidTo >= today))
                    .OrderByDescending(a => a.ValidFrom).Select(a => a.ShiftPattern!.Name).FirstOrDefault(),
                database.Users.Where(u => u.EmployeeId == e.Id)
                    .Select(u => (AccountState?)(u.PasswordHash == null ? AccountState.Invited : AccountState.Active)).FirstOrDefault() ?? AccountState.None,
                database.CarpoolMembers.Any(m => m.EmployeeId == e.Id && m.CarpoolGroup!.Date >= today
                    && m.Status != CarpoolStatus.Declined && m.Status != CarpoolStatus.Cancelled
                    && m.CarpoolGroup.Status != CarpoolStatus.Declined && m.CarpoolGroup.Status != CarpoolStatus.Cancelled)),
            e.LastName, e.FirstName, e.ExternalId, Site = e.MainSite!.Name, e.Commune, e.Role, e.Id,
        });
        var descending = query.Descending == true;
        var sorted = (query.Sort ?? EmployeeSort.Name) switch
        {
            EmployeeSort.ExternalId => descending ? rows.OrderByDescending(r => r.ExternalId) : rows.OrderBy(r => r.ExternalId),
            EmployeeSort.Site => descending ? rows.OrderByDescending(r => r.Site) : rows.OrderBy(r => r.Site),
            EmployeeSort.Commune => descending ? rows.OrderByDescending(r => r.Commune) : rows.OrderBy(r => r.Commune),
            EmployeeSort.Role => descending ? rows.OrderByDescending(r => r.Role) : rows.OrderBy(r => r.Role),
            _ => descending ? rows.OrderByDescending(r => r.LastName).ThenByDescending(r => r.FirstName)
                : rows.OrderBy(r => r.LastName).ThenBy(r => r.FirstName),
        };
        return await query.Paging.ReadAsync(sorted.ThenBy(r => r.Id).Select(r => r.Row), cancellation);
    }

    /// <summary>The search's words: what is between spaces, at most five (more narrows nothing a person types).</summary>
    private static IEnumerable<string> Words(string? search) =>
        (search ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(5);
}
