using Microsoft.EntityFrameworkCore;
using Mobility.Data.Model;
using Mobility.Routing;

namespace Mobility.Data.Import;

/// <summary>Imports sites (plants, stations, meeting points, car parks); companies named in the file are created.</summary>
public sealed class SiteImporter(MobilityDbContext database, Action<ImportProgress>? progress = null)
{
    public static readonly IReadOnlyDictionary<string, string[]> Columns = new Dictionary<string, string[]>
    {
        ["id"] = ["identifiant", "code", "site_id", "external_id", "code_site"],
        ["name"] = ["nom", "libelle", "site"],
        ["kind"] = ["type", "genre", "nature"],
        ["latitude"] = ["lat"],
        ["longitude"] = ["lon", "lng", "long"],
        ["company"] = ["entreprise", "societe", "company_id", "code_entreprise"],
        ["company_name"] = ["nom_entreprise", "raison_sociale"],
        ["address"] = ["adresse"],
        ["commune"] = ["ville", "city", "town", "municipality"],
    };

    private static readonly string[] RequiredColumns = ["id", "name", "kind", "latitude", "longitude"];

    public static readonly IReadOnlyDictionary<string, SiteKind> Kinds = new Dictionary<string, SiteKind>
    {
        ["plant"] = SiteKind.Plant, ["usine"] = SiteKind.Plant, ["factory"] = SiteKind.Plant, ["site"] = SiteKind.Plant,
        ["station"] = SiteKind.Station, ["gare"] = SiteKind.Station, ["halte"] = SiteKind.Station,
        ["meetingpoint"] = SiteKind.MeetingPoint, ["pointderencontre"] = SiteKind.MeetingPoint,
        ["pointderendezvous"] = SiteKind.MeetingPoint, ["airedecovoiturage"] = SiteKind.MeetingPoint,
        ["carpark"] = SiteKind.CarPark, ["parking"] = SiteKind.CarPark,
    };


    private sealed record Candidate(int Line, string Id, string Name, SiteKind Kind, GeoPoint Place,
        string? Company, string? CompanyName, string? Address, string? Commune);

    public async Task<ImportReport> ImportAsync(Stream file, string? networkName, CancellationToken cancellation = default)
    {
        var table = CsvTable.Read(file, Columns);
        var errors = new List<ImportError>();
        foreach (var column in RequiredColumns.Where(c => !table.HasColumn(c)))
            errors.Add(new ImportError(1, column, "missing column"));
        if (errors.Count > 0) return ImportReport.Failed(table.Rows.Count, errors);

        await using var transaction = await database.Database.BeginTransactionAsync(cancellation);
        var network = await ImportTarget.ResolveAsync(database, networkName, mayCreate: true, cancellation);
        var existingSites = network.Id == 0 ? [] : await database.Sites.Where(s => s.NetworkId == network.Id).ToListAsync(cancellation);

        var candidates = new List<Candidate>();
        foreach (var row in table.Rows)
        {
            var before = errors.Count;
            var read = new RowReader(table, row, errors);
            var candidate = new Candidate(row.Line, read.Required("id", TextRules.ExternalIdLength), read.Required("name", TextRules.NameLength),
                read.Choice("kind", Kinds, required: true) ?? default,
                new GeoPoint(read.Number("latitude", true) ?? double.NaN, read.Number("longitude", true) ?? double.NaN), read.Optional("company", TextRules.ExternalIdLength),
                read.Optional("company_name", TextRules.NameLength), read.Optional("address", TextRules.AddressLength),
                read.Optional("commune", TextRules.CommuneLength));
            if (errors.Count == before) candidates.Add(candidate);
            if (row.Line % 1000 == 0) progress?.Invoke(new ImportProgress(ImportStage.Checking, row.Line - 1, table.Rows.Count));
        }

        var area = CoordinateCheck.ForArea(existingSites.Count > 0
            ? existingSites.Select(s => s.Location.ToGeoPoint())
            : candidates.Select(c => c.Place));
        foreach (var candidate in candidates)
            if (area.Problem(candidate.Place) is { } problem)
                errors.Add(new ImportError(candidate.Line, "latitude", problem));
        foreach (var duplicate in candidates.GroupBy(c => c.Id).Where(g => g.Count() > 1))
            foreach (var repeat in duplicate.Skip(1))
                errors.Add(new ImportError(repeat.Line, "id", $"duplicate ID '{repeat.Id}' (first on line {duplicate.First().Line})"));
        if (errors.Count > 0) return ImportReport.Failed(table.Rows.Count, errors.OrderBy(e => e.Line).ToList());

        var companies = network.Id == 0 ? [] : await database.Companies.Where(c => c.NetworkId == network.Id)
            .ToDictionaryAsync(c => c.ExternalId, cancellation);
        var sitesById = existingSites.ToDictionary(s => s.ExternalId);
        int inserted = 0, updated = 0;
        foreach (var candidate in candidates)
        {
            Company? company = null;
            if (candidate.Company is { } companyId && !companies.TryGetValue(companyId, out company))
            {
                company = new Company { Network = network, ExternalId = companyId, Name = candidate.CompanyName ?? companyId };
                companies[companyId] = company;
                database.Companies.Add(company);
            }
            if (!sitesById.TryGetValue(candidate.Id, out var site))
            {
                site = new Site { Network = network, ExternalId = candidate.Id, Name = candidate.Name, Location = null! };
                database.Sites.Add(site);
                sitesById[candidate.Id] = site;
                inserted++;
            }
            else updated++;
            site.Name = candidate.Name;
            site.Kind = candidate.Kind;
            site.Company = company;
            site.Location = candidate.Place.ToStoredPoint();
            site.Address = candidate.Address;
            site.Commune = candidate.Commune;
        }
        await database.SaveChangesAsync(cancellation);
        await transaction.CommitAsync(cancellation);
        return new ImportReport(table.Rows.Count, inserted, updated, []);
    }
}
