using Microsoft.EntityFrameworkCore;
using Mobility.Data.Model;
using Mobility.Planning.Carpools;
using Mobility.Routing;

namespace Mobility.Data.Import;

/// <summary>
/// Imports employees by (company, employee ID). The file is HR's source of truth: a row updates everything it gives,
/// and its shift column replaces the employee's shift assignments.
/// </summary>
public sealed class EmployeeImporter(MobilityDbContext database, TimeProvider clock, Action<ImportProgress>? progress = null)
{
    public static readonly IReadOnlyDictionary<string, string[]> Columns = new Dictionary<string, string[]>
    {
        ["id"] = ["matricule", "identifiant", "employee_id", "external_id", "numero"],
        ["company"] = ["entreprise", "societe", "company_id", "code_entreprise"],
        ["site"] = ["site_principal", "main_site", "lieu_de_travail", "site_id", "code_site"],
        ["first_name"] = ["prenom", "firstname", "given_name"],
        ["last_name"] = ["nom", "lastname", "family_name", "surname", "nom_de_famille"],
        ["latitude"] = ["lat", "latitude_domicile", "home_latitude"],
        ["longitude"] = ["lon", "lng", "longitude_domicile", "home_longitude"],
        ["commune"] = ["ville", "city", "commune_domicile"],
        ["role"] = ["mode", "type", "commute_role"],
        ["seats"] = ["places", "seats_offered", "places_offertes"],
        ["max_detour_minutes"] = ["detour_max", "detour_max_minutes", "detour_minutes"],
        ["max_detour_ratio"] = ["detour_max_ratio", "ratio_detour", "detour_ratio"],
        ["flexibility_minutes"] = ["flexibilite", "flexibilite_minutes", "flexibility"],
        ["language"] = ["langue", "preferred_language"],
        ["consent"] = ["consentement", "consent_to_matching", "accord"],
        ["shift"] = ["poste", "roulement", "shift_pattern", "pattern", "equipe"],
        ["rotation_offset"] = ["decalage", "decalage_rotation", "offset", "rotation_offset_weeks"],
        ["valid_from"] = ["depuis", "date_debut", "debut_validite", "from"],
    };

    private static readonly string[] RequiredColumns = ["id", "company", "site", "latitude", "longitude"];

    public static readonly IReadOnlyDictionary<string, CarpoolRole> Roles = new Dictionary<string, CarpoolRole>
    {
        ["driver"] = CarpoolRole.Driver, ["conducteur"] = CarpoolRole.Driver, ["conductrice"] = CarpoolRole.Driver,
        ["passenger"] = CarpoolRole.Passenger, ["passager"] = CarpoolRole.Passenger, ["passagere"] = CarpoolRole.Passenger,
        ["either"] = CarpoolRole.Either, ["lesdeux"] = CarpoolRole.Either, ["indifferent"] = CarpoolRole.Either,
        ["both"] = CarpoolRole.Either,
    };


    private sealed record Candidate(int Line, string Id, string Company, string Site, string? FirstName, string? LastName,
        GeoPoint Home, string? Commune, CarpoolRole Role, int? Seats, int? DetourMinutes,
        double? DetourRatio, int? Flexibility, string? Language, bool? Consent, string? Shift, int? RotationOffset,
        DateOnly? ValidFrom);

    public Task<ImportReport> ImportAsync(Stream file, string? networkName, CancellationToken cancellation = default) =>
        ImportAsync(file, networkName, onlyCompanyId: null, cancellation);

    /// <summary>An HR manager's import: every row must be of this company; a row of another is refused, not imported.</summary>
    public async Task<ImportReport> ImportIntoCompanyAsync(Stream file, long companyId, CancellationToken cancellation = default)
    {
        var networkName = await database.Companies.Where(c => c.Id == companyId).Select(c => c.Network!.Name).SingleAsync(cancellation);
        return await ImportAsync(file, networkName, companyId, cancellation);
    }

    private async Task<ImportReport> ImportAsync(Stream file, string? networkName, long? onlyCompanyId, CancellationToken cancellation)
    {
        var table = CsvTable.Read(file, Columns);
        var errors = RequiredColumns.Where(c => !table.HasColumn(c)).Select(c => new ImportError(1, c, "missing column")).ToList();
        if (errors.Count > 0) return ImportReport.Failed(table.Rows.Count, errors);

        var network = await ImportTarget.ResolveAsync(database, networkName, mayCreate: false, cancellation);
        var companies = await database.Companies.Where(c => c.NetworkId == network.Id).ToDictionaryAsync(c => c.ExternalId, cancellation);
        var sites = await database.Sites.Where(s => s.NetworkId == network.Id).ToDictionaryAsync(s => s.ExternalId, cancellation);
        var patterns = await database.ShiftPatterns.Where(p => p.NetworkId == network.Id).ToDictionaryAsync(p => p.ExternalId, cancellation);
        var area = CoordinateCheck.ForArea(sites.Values.Select(s => s.Location.ToGeoPoint()));

        var candidates = new List<Candidate>();
        foreach (var row in table.Rows)
        {
            var before = errors.Count;
            var read = new RowReader(table, row, errors);
            var candidate = new Candidate(row.Line, read.Required("id", TextRules.ExternalIdLength),
                read.Required("company", TextRules.ExternalIdLength), read.Required("site", TextRules.ExternalIdLength),
                read.Optional("first_name", TextRules.NameLength), read.Optional("last_name", TextRules.NameLength),
                new GeoPoint(read.Number("latitude", true) ?? double.NaN, read.Number("longitude", true) ?? double.NaN),
                read.Optional("commune", TextRules.CommuneLength), read.Choice("role", Roles, required: false) ?? CarpoolRole.Either,
                read.Integer("seats", false, 0, 8), read.Integer("max_detour_minutes", false, 0, 120),
                read.Number("max_detour_ratio", false), read.Integer("flexibility_minutes", false, 0, 240),
                read.Optional("language")?.ToLowerInvariant(), read.Boolean("consent"), read.Optional("shift", TextRules.ExternalIdLength),
                read.Integer("rotation_offset", false, 0, 51), read.Date("valid_from", false));
            if (errors.Count > before) continue;

            if (onlyCompanyId is { } only)
            {
                // HR may not learn what other companies have: their codes and sites get the answer of ones that do not exist.
                if (!companies.TryGetValue(candidate.Company, out var named) || named.Id != only)
                    read.Error("company", $"this import is for company '{companies.Values.Single(c => c.Id == only).ExternalId}' only, not '{candidate.Company}'");
                if (!sites.TryGetValue(candidate.Site, out var site) || site.CompanyId is { } owner && owner != only)
                    read.Error("site", $"unknown site '{candidate.Site}' for your company");
            }
            else
            {
                if (!companies.TryGetValue(candidate.Company, out var named))
                    read.Error("company", $"unknown company '{candidate.Company}'");
                if (!sites.TryGetValue(candidate.Site, out var site))
                    read.Error("site", $"unknown site '{candidate.Site}'");
                else if (site.Kind == SiteKind.Plant && site.CompanyId != null && named is not null && site.CompanyId != named.Id)
                    read.Error("site", $"plant '{candidate.Site}' belongs to another company");
            }
            // The same rule as the API's: near the main plant, else near the network when the plant is unknown (reported above).
            var homeCheck = sites.TryGetValue(candidate.Site, out var mainPlant)
                ? CoordinateCheck.AroundPlant(mainPlant.Location.ToGeoPoint()) : area;
            if (homeCheck.Problem(candidate.Home) is { } problem) read.Error("latitude", problem);
            if (candidate.Shift != null && !patterns.ContainsKey(candidate.Shift))
                read.Error("shift", $"unknown shift pattern '{candidate.Shift}'");
            if (candidate.DetourRatio is < 1) read.Error("max_detour_ratio", "a detour ratio is at least 1 (1.5 = up to 50% longer)");
            if (candidate.Language is not (null or "fr" or "en")) read.Error("language", $"'{candidate.Language}' is not fr or en");
            if (candidate.Role == CarpoolRole.Passenger && candidate.Seats is > 0)
                read.Error("seats", "a passenger offers no seats");
            if (errors.Count == before) candidates.Add(candidate);
            if (row.Line % 1000 == 0) progress?.Invoke(new ImportProgress(ImportStage.Checking, row.Line - 1, table.Rows.Count));
        }
        foreach (var duplicate in candidates.GroupBy(c => (c.Company, c.Id)).Where(g => g.Count() > 1))
            foreach (var repeat in duplicate.Skip(1))
                errors.Add(new ImportError(repeat.Line, "id",
                    $"duplicate ID '{repeat.Id}' in company '{repeat.Company}' (first on line {duplicate.First().Line})"));
        if (errors.Count > 0) return ImportReport.Failed(table.Rows.Count, errors.OrderBy(e => e.Line).ToList());

        await using var transaction = await database.Database.BeginTransactionAsync(cancellation);
        var companyIds = companies.Values.Select(c => c.Id).ToList();
        var existing = await database.Employees.Include(e => e.ShiftAssignments)
            .Where(e => companyIds.Contains(e.CompanyId)).ToDictionaryAsync(e => (e.CompanyId, e.ExternalId), cancellation);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        int inserted = 0, updated = 0, written = 0;
        foreach (var candidate in candidates)
        {
            var company = companies[candidate.Company];
            if (!existing.TryGetValue((company.Id, candidate.Id), out var employee))
            {
                employee = new Employee { Company = company, ExternalId = candidate.Id };
                database.Employees.Add(employee);
                inserted++;
            }
            else updated++;
            employee.MainSite = sites[candidate.Site];
            employee.FirstName = candidate.FirstName ?? employee.FirstName;
            employee.LastName = candidate.LastName ?? employee.LastName;
            employee.Home = candidate.Home.ToStoredPoint();
            employee.Commune = candidate.Commune ?? employee.Commune;
            employee.Role = candidate.Role;
            employee.SeatsOffered = candidate.Seats ?? (candidate.Role == CarpoolRole.Passenger ? 0 : 3);
            employee.MaxDetourMinutes = candidate.DetourMinutes ?? employee.MaxDetourMinutes;
            employee.MaxDetourRatio = candidate.DetourRatio ?? employee.MaxDetourRatio;
            employee.FlexibilityMinutes = candidate.Flexibility ?? employee.FlexibilityMinutes;
            employee.PreferredLanguage = candidate.Language ?? employee.PreferredLanguage;
            // Consent is never assumed: only a file that says yes gives it.
            employee.ConsentToMatching = candidate.Consent ?? employee.ConsentToMatching;
            if (candidate.Shift != null)
            {
                var validFrom = candidate.ValidFrom ?? today;
                database.ShiftAssignments.RemoveRange(employee.ShiftAssignments);
                employee.ShiftAssignments.Clear();
                employee.ShiftAssignments.Add(new ShiftAssignment
                {
                    ShiftPattern = patterns[candidate.Shift], ValidFrom = validFrom,
                    RotationAnchor = validFrom.AddDays(-(((int)validFrom.DayOfWeek + 6) % 7)),
                    RotationOffsetWeeks = candidate.RotationOffset ?? 0,
                });
            }
            if (++written % 1000 == 0) progress?.Invoke(new ImportProgress(ImportStage.Writing, written, candidates.Count));
        }
        await database.SaveChangesAsync(cancellation);
        await transaction.CommitAsync(cancellation);
        return new ImportReport(table.Rows.Count, inserted, updated, []);
    }
}
