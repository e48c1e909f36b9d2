using Microsoft.EntityFrameworkCore;
using Mobility.Data.Model;

namespace Mobility.Data.Import;

/// <summary>
/// Imports shift patterns, one row per slot: pattern;name;rotation_weeks;week;days;start;end. Weeks count from 1
/// as rosters are written ("semaine 1"). A pattern in the file replaces its slots in the database. Imported for a
/// company (its HR), new patterns belong to it and a pattern of another company, or of the network, is a line error:
/// the same rule as the roster API's.
/// </summary>
public sealed class ShiftPatternImporter(MobilityDbContext database, Action<ImportProgress>? progress = null, ImportOptions? options = null)
{
    public static readonly IReadOnlyDictionary<string, string[]> Columns = new Dictionary<string, string[]>
    {
        ["pattern"] = ["id", "code", "poste", "roulement", "shift", "shift_pattern", "equipe"],
        ["name"] = ["nom", "libelle"],
        ["rotation_weeks"] = ["semaines_rotation", "semaines", "rotation", "weeks", "cycle"],
        ["week"] = ["semaine", "week_number", "num_semaine"],
        ["days"] = ["jours", "day", "jour"],
        ["start"] = ["debut", "heure_debut", "start_time", "from"],
        ["end"] = ["fin", "heure_fin", "end_time", "to"],
    };

    private static readonly string[] RequiredColumns = ["pattern", "days", "start", "end"];

    private sealed record Slot(int Line, string Pattern, string? Name, int? RotationWeeks, int Week, WorkDays Days,
        TimeOnly Start, TimeOnly End);

    /// <param name="ownerCompanyId">The company whose HR imports, or null for a network's import (administrators).</param>
    public async Task<ImportReport> ImportAsync(Stream file, string? networkName, CancellationToken cancellation = default, long? ownerCompanyId = null)
    {
        var table = ImportTable.Read(file, Columns);
        var shape = ImportFileShape.Of(table);
        var errors = RequiredColumns.Where(c => !table.HasColumn(c)).Select(c => RowReader.At(table, 1, c, Codes.Field.MissingColumn)).ToList();
        if (errors.Count > 0) return ImportReport.Failed(table.Rows.Count, errors) with { File = shape };

        var slots = new List<Slot>();
        foreach (var row in table.Rows)
        {
            var before = errors.Count;
            var read = new RowReader(table, row, errors);
            var slot = new Slot(row.Line, read.Required("pattern", TextRules.ExternalIdLength), read.Optional("name", TextRules.NameLength),
                read.Integer("rotation_weeks", required: false, minimum: 1, maximum: 52),
                read.Integer("week", required: false, minimum: 1, maximum: 52) ?? 1,
                read.Days("days") ?? WorkDays.None, read.Time("start", true) ?? default, read.Time("end", true) ?? default);
            if (errors.Count > before) continue;
            slots.Add(slot);
            if (row.Line % 1000 == 0) progress?.Invoke(new ImportProgress(ImportStage.Checking, row.Line - 1, table.Rows.Count));
        }

        foreach (var pattern in slots.GroupBy(s => s.Pattern))
        {
            var declared = pattern.Select(s => s.RotationWeeks).Where(w => w != null).Distinct().ToList();
            if (declared.Count > 1)
                errors.Add(RowReader.At(table, pattern.Last().Line, "rotation_weeks", Codes.Field.RotationLengthsDiffer, CodeParameters.Value(pattern.Key)));
            var lines = pattern.ToList();
            var weeks = declared.FirstOrDefault() ?? lines.Max(s => s.Week);
            // The same rule as the API's and the engine's: zero-length or overlapping slots, weeks outside the rotation, too many slots.
            foreach (var issue in RosterRules.Check(weeks, lines.Select(ToSlot).ToList()))
                errors.Add(RowReader.At(table, issue.Slot is { } index ? lines[index].Line : lines[^1].Line, ColumnOf(issue.Field) ?? "pattern",
                    issue.Code, issue.Parameters));
        }
        if (ownerCompanyId is { } owner)
        {
            var ownerNetwork = await database.Companies.Where(c => c.Id == owner).Select(c => c.NetworkId).SingleAsync(cancellation);
            var named = slots.Select(s => s.Pattern).Distinct().ToList();
            var foreign = (await database.ShiftPatterns.Where(p => p.NetworkId == ownerNetwork && named.Contains(p.ExternalId)
                && (p.OwnerCompanyId == null || p.OwnerCompanyId != owner)).Select(p => p.ExternalId).ToListAsync(cancellation)).ToHashSet();
            foreach (var pattern in slots.Where(s => foreign.Contains(s.Pattern)).GroupBy(s => s.Pattern))
                errors.Add(RowReader.At(table, pattern.First().Line, "pattern", Codes.Field.RosterOfAnotherCompany, CodeParameters.Value(pattern.Key)));
        }
        if (errors.Count > 0 || options?.PreviewOnly == true)
            return new ImportReport(table.Rows.Count, 0, 0, ImportErrors.InFileOrder(errors)) { File = shape };

        await using var transaction = await database.Database.BeginTransactionAsync(cancellation);
        var network = await ImportTarget.ResolveAsync(database, networkName, mayCreate: true, cancellation);
        var existing = network.Id == 0 ? [] : await database.ShiftPatterns.Include(p => p.Slots)
            .Where(p => p.NetworkId == network.Id).ToDictionaryAsync(p => p.ExternalId, cancellation);
        int inserted = 0, updated = 0;
        foreach (var group in slots.GroupBy(s => s.Pattern))
        {
            if (existing.TryGetValue(group.Key, out var pattern))
            {
                database.ShiftSlots.RemoveRange(pattern.Slots);
                pattern.Slots.Clear();
                updated++;
            }
            else
            {
                pattern = new ShiftPattern { Network = network, ExternalId = group.Key, Name = group.Key, OwnerCompanyId = ownerCompanyId };
                database.ShiftPatterns.Add(pattern);
                inserted++;
            }
            pattern.Name = group.Select(s => s.Name).FirstOrDefault(n => n != null) ?? group.Key;
            pattern.RotationWeeks = group.Select(s => s.RotationWeeks).FirstOrDefault(w => w != null) ?? group.Max(s => s.Week);
            foreach (var slot in group) pattern.Slots.Add(ToSlot(slot));
        }
        await database.SaveChangesAsync(cancellation);
        await transaction.CommitAsync(cancellation);
        return new ImportReport(table.Rows.Count, inserted, updated, []) { Written = true, File = shape };
    }

    /// <summary>Files count weeks from 1, as rosters are written; the model from 0.</summary>
    private static ShiftSlot ToSlot(Slot slot) => new() { WeekIndex = slot.Week - 1, Days = slot.Days, Start = slot.Start, End = slot.End };

    private static string? ColumnOf(string field) => field switch
    {
        "rotationWeeks" => "rotation_weeks",
        "slots" => null,
        _ => field,
    };
}
