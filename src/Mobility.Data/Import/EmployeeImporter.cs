using Microsoft.EntityFrameworkCore;
using Mobility.Data.Model;
using Mobility.Planning.Carpools;
using Mobility.Routing;

namespace Mobility.Data.Import;

/// <summary>
/// Imports employees by (company, employee ID). The file is HR's source of truth: a row updates everything it gives,
/// and its shift column replaces the employee's shift assignments.
/// </summary>
public sealed class EmployeeImporter(MobilityDbContext database, TimeProvider clock, Action<ImportProgress>? progress = null,
    ImportOptions? options = null)
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
        ["commune"] = ["ville", "city", "commune_domicile", "localite", "town"],
        ["address"] = ["adresse", "adresse_domicile", "home_address", "adresse_postale", "rue", "street", "postal_address"],
        ["postcode"] = ["code_postal", "cp", "postal_code", "zip", "zip_code", "npa", "plz"],
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

    private static readonly string[] RequiredColumns = ["id", "company", "site"];

    /// <summary>A home is given by its coordinates, or by its postal address when the file has no coordinates.</summary>
    private static readonly string[] CoordinateColumns = ["latitude", "longitude"];

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
        var table = ImportTable.Read(file, Columns);
        var shape = ImportFileShape.Of(table);
        var missing = RequiredColumns.ToList();
        if (!table.HasColumn("address")) missing.AddRange(CoordinateColumns);
        var errors = missing.Where(c => !table.HasColumn(c)).Select(c => RowReader.At(table, 1, c, Codes.Field.MissingColumn)).ToList();
        if (errors.Count > 0) return ImportReport.Failed(table.Rows.Count, errors) with { File = shape };

        var network = await ImportTarget.ResolveAsync(database, networkName, mayCreate: false, cancellation);
        var companies = await database.Companies.Where(c => c.NetworkId == network.Id).ToDictionaryAsync(c => c.ExternalId, cancellation);
        var sites = await database.Sites.Where(s => s.NetworkId == network.Id).ToDictionaryAsync(s => s.ExternalId, cancellation);
        var patterns = await database.ShiftPatterns.Where(p => p.NetworkId == network.Id).ToDictionaryAsync(p => p.ExternalId, cancellation);
        var area = CoordinateCheck.ForArea(sites.Values.Select(s => s.Location.ToGeoPoint()));
        var onlyCompany = onlyCompanyId is { } only ? companies.Values.Single(c => c.Id == only).ExternalId : null;

        var candidates = new List<Candidate>();
        var ids = new List<(int Line, string Company, string Id)>();
        var placements = new List<AddressPlacement>();
        foreach (var row in table.Rows)
        {
            var before = errors.Count;
            var read = new RowReader(table, row, errors);
            var id = read.Required("id", TextRules.ExternalIdLength);
            var companyCode = read.Required("company", TextRules.ExternalIdLength);
            var siteCode = read.Required("site", TextRules.ExternalIdLength);
            var firstName = read.Optional("first_name", TextRules.NameLength);
            var lastName = read.Optional("last_name", TextRules.NameLength);
            var commune = read.Optional("commune", TextRules.CommuneLength);
            var (home, matchedCommune) = ReadHome(read, table, row, commune, placements);
            // A file of postal addresses without a commune column: the commune is the matched address's (the flows and
            // statistics read it).
            commune ??= matchedCommune;
            var role = read.Choice("role", Roles, required: false) ?? CarpoolRole.Either;
            var seats = read.Integer("seats", false, 0, 8);
            var detourMinutes = read.Integer("max_detour_minutes", false, 0, 120);
            var detourRatio = read.Number("max_detour_ratio", false);
            var flexibility = read.Integer("flexibility_minutes", false, 0, 240);
            var language = read.Optional("language")?.ToLowerInvariant();
            var consent = read.Boolean("consent");
            var shift = read.Optional("shift", TextRules.ExternalIdLength);
            var rotationOffset = read.Integer("rotation_offset", false, 0, 51);
            var validFrom = read.Date("valid_from", false);
            if (id.Length > 0) ids.Add((row.Line, companyCode, id));

            // Every check runs on what could be read, so one pass reports every error of the row.
            companies.TryGetValue(companyCode, out var named);
            sites.TryGetValue(siteCode, out var site);
            if (onlyCompany is not null)
            {
                // HR may not learn what other companies have: their codes and sites get the answer of ones that do not exist.
                if (companyCode.Length > 0 && (named is null || named.Id != onlyCompanyId))
                    read.Error("company", Codes.Field.NotThisCompany, new Dictionary<string, object?> { ["value"] = companyCode, ["company"] = onlyCompany });
                if (siteCode.Length > 0 && (site is null || site.CompanyId is { } owner && owner != onlyCompanyId))
                {
                    read.Error("site", Codes.Field.UnknownCode, CodeParameters.Value(siteCode));
                    site = null;
                }
            }
            else
            {
                if (companyCode.Length > 0 && named is null) read.Error("company", Codes.Field.UnknownCode, CodeParameters.Value(companyCode));
                if (siteCode.Length > 0 && site is null) read.Error("site", Codes.Field.UnknownCode, CodeParameters.Value(siteCode));
                else if (site is { Kind: SiteKind.Plant, CompanyId: { } plantOwner } && named is not null && plantOwner != named.Id)
                    read.Error("site", Codes.Field.PlantOfAnotherCompany, CodeParameters.Value(siteCode));
            }
            // The same rule as the API's: near the main plant, else near the network when the plant is unknown (reported above).
            var homeCheck = site is not null ? CoordinateCheck.AroundPlant(site.Location.ToGeoPoint(), options?.Homes) : area;
            if (home is { } place && homeCheck.Check(place) is { } problem)
                read.Error(table.HasColumn("latitude") ? "latitude" : "address", problem.Code, problem.Parameters);
            if (shift != null && !patterns.ContainsKey(shift)) read.Error("shift", Codes.Field.UnknownCode, CodeParameters.Value(shift));
            if (detourRatio is < 1) read.Error("max_detour_ratio", Codes.Field.AtLeast, CodeParameters.Minimum(1));
            if (language is not (null or "fr" or "en")) read.Error("language", Codes.Field.UnknownChoice, CodeParameters.Allowed(new[] { "fr", "en" }));
            if (role == CarpoolRole.Passenger && seats is > 0) read.Error("seats", Codes.Field.PassengerOffersNoSeats);
            if (errors.Count == before && home is { } valid)
                candidates.Add(new Candidate(row.Line, id, companyCode, siteCode, firstName, lastName, valid, commune, role, seats,
                    detourMinutes, detourRatio, flexibility, language, consent, shift, rotationOffset, validFrom));
            if (row.Line % 1000 == 0) progress?.Invoke(new ImportProgress(ImportStage.Checking, row.Line - 1, table.Rows.Count));
        }
        // Duplicates among every row that has an ID, whatever else is wrong with it.
        foreach (var duplicate in ids.GroupBy(i => (i.Company, i.Id)).Where(g => g.Count() > 1))
            foreach (var repeat in duplicate.Skip(1))
                errors.Add(RowReader.At(table, repeat.Line, "id", Codes.Field.DuplicateId,
                    new Dictionary<string, object?> { ["value"] = repeat.Id, ["firstLine"] = duplicate.First().Line }));
        if (errors.Count > 0 || options?.PreviewOnly == true)
            return new ImportReport(table.Rows.Count, 0, 0, ImportErrors.InFileOrder(errors)) { File = shape, Addresses = placements };

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
        return new ImportReport(table.Rows.Count, inserted, updated, []) { Written = true, File = shape, Addresses = placements };
    }

    /// <summary>The home: its coordinates when the row has them, else its postal address looked up in the address index (a
    /// match under the confidence threshold is an error with the closest candidate, never a guess). Null when not placed; the
    /// commune is the matched address's city, when an address placed it.</summary>
    private (GeoPoint? Home, string? Commune) ReadHome(RowReader read, ImportTable table, ImportRow row, string? commune, List<AddressPlacement> placements)
    {
        var latitude = table.Value(row, "latitude");
        var longitude = table.Value(row, "longitude");
        var address = read.Optional("address", TextRules.AddressLength);
        var postcode = read.Optional("postcode", TextRules.ExternalIdLength);
        if (latitude is not null || longitude is not null || address is null)
        {
            if (!table.HasColumn("latitude") && address is null)
            {
                read.Error("address", Codes.Field.HomeMissing);
                return (null, null);
            }
            var (lat, lon) = (read.Number("latitude", true), read.Number("longitude", true));
            return (lat is { } a && lon is { } b ? new GeoPoint(a, b) : null, null);
        }
        var written = string.Join(" ", new[] { address, postcode, commune }.Where(p => p is not null));
        var lookup = options?.Addresses;
        var best = lookup is { Count: > 0 } ? lookup.Search(written, 1).FirstOrDefault() : null;
        if (best is null)
        {
            read.Error("address", Codes.Field.AddressNotFound, new Dictionary<string, object?> { ["address"] = written });
            return (null, null);
        }
        var confidence = Math.Round(best.Confidence, 2);
        if (!best.IsConfident)
        {
            read.Error("address", Codes.Field.AddressUncertain,
                new Dictionary<string, object?> { ["address"] = written, ["closest"] = best.Label, ["confidence"] = confidence });
            return (null, null);
        }
        placements.Add(new AddressPlacement(row.Line, written, best.Label, confidence));
        return (best.Position, best.City);
    }
}
