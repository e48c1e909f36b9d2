using Microsoft.EntityFrameworkCore;
using Mobility.Data.Model;
using Mobility.Routing;

namespace Mobility.Data.Import;

/// <summary>Imports sites (plants, stations, meeting points, car parks); companies named in the file are created.</summary>
public sealed class SiteImporter(MobilityDbContext database, Action<ImportProgress>? progress = null, ImportOptions? options = null)
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
        var table = ImportTable.Read(file, Columns);
        var shape = ImportFileShape.Of(table);
        var errors = RequiredColumns.Where(c => !table.HasColumn(c)).Select(c => RowReader.At(table, 1, c, Codes.Field.MissingColumn)).ToList();
        if (errors.Count > 0) return ImportReport.Failed(table.Rows.Count, errors) with { File = shape };

        await using var transaction = await database.Database.BeginTransactionAsync(cancellation);
        var network = await ImportTarget.ResolveAsync(database, networkName, mayCreate: true, cancellation);
        var existingSites = network.Id == 0 ? [] : await database.Sites.Where(s => s.NetworkId == network.Id).ToListAsync(cancellation);

        var candidates = new List<Candidate>();
        var places = new List<(int Line, GeoPoint Place)>();
        var ids = new List<(int Line, string Id)>();
        foreach (var row in table.Rows)
        {
            var before = errors.Count;
            var read = new RowReader(table, row, errors);
            var id = read.Required("id", TextRules.ExternalIdLength);
            var name = read.Required("name", TextRules.NameLength);
            var kind = read.Choice("kind", Kinds, required: true);
            var (latitude, longitude) = (read.Number("latitude", true), read.Number("longitude", true));
            var candidate = new Candidate(row.Line, id, name, kind ?? default,
                new GeoPoint(latitude ?? double.NaN, longitude ?? double.NaN), read.Optional("company", TextRules.ExternalIdLength),
                read.Optional("company_name", TextRules.NameLength), read.Optional("address", TextRules.AddressLength),
                read.Optional("commune", TextRules.CommuneLength));
            if (id.Length > 0) ids.Add((row.Line, id));
            if (latitude is not null && longitude is not null) places.Add((row.Line, candidate.Place));
            if (errors.Count == before) candidates.Add(candidate);
            if (row.Line % 1000 == 0) progress?.Invoke(new ImportProgress(ImportStage.Checking, row.Line - 1, table.Rows.Count));
        }

        var area = CoordinateCheck.ForArea(existingSites.Count > 0
            ? existingSites.Select(s => s.Location.ToGeoPoint())
            : places.Select(p => p.Place));
        foreach (var (line, place) in places)
            if (area.Check(place) is { } problem)
                errors.Add(RowReader.At(table, line, "latitude", problem.Code, problem.Parameters));
        foreach (var duplicate in ids.GroupBy(c => c.Id).Where(g => g.Count() > 1))
            foreach (var repeat in duplicate.Skip(1))
                errors.Add(RowReader.At(table, repeat.Line, "id", Codes.Field.DuplicateId,
                    new Dictionary<string, object?> { ["value"] = repeat.Id, ["firstLine"] = duplicate.First().Line }));
        if (errors.Count > 0 || options?.PreviewOnly == true)
            return new ImportReport(table.Rows.Count, 0, 0, ImportErrors.InFileOrder(errors)) { File = shape };

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
        return new ImportReport(table.Rows.Count, inserted, updated, []) { Written = true, File = shape };
    }
}
