namespace Mobility.Data.Import;

/// <summary>
/// The outcome of an import: either every row was written (inserted or updated by external ID), or, when any
/// row is bad, nothing was written and <see cref="Errors"/> lists every error of every row. A preview
/// (<see cref="ImportOptions.PreviewOnly"/>) checks the same and writes nothing, whatever it finds.
/// </summary>
public sealed record ImportReport(int Rows, int Inserted, int Updated, IReadOnlyList<ImportError> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    /// <summary>True when the rows are in the database (not a preview, no error).</summary>
    public bool Written { get; init; }

    /// <summary>What the file holds: its columns, what each fills, those ignored, its first rows (null when unreadable).</summary>
    public ImportFileShape? File { get; init; }

    /// <summary>Homes placed from a postal address: each row's address as written, what it matched and how sure.</summary>
    public IReadOnlyList<AddressPlacement> Addresses { get; init; } = [];

    public static ImportReport Failed(int rows, IReadOnlyList<ImportError> errors) => new(rows, 0, 0, errors);
}

/// <summary>A file as the preview shows it: its format, each recognised column (header as written → our field), the
/// headers no field takes, and its first rows as written.</summary>
public sealed record ImportFileShape(string Format, IReadOnlyList<ImportColumn> Columns, IReadOnlyList<string> Unknown,
    IReadOnlyList<string> Headers, IReadOnlyList<ImportSampleRow> FirstRows)
{
    public const int SampleRows = 5;

    public static ImportFileShape Of(ImportTable table) => new(table.Format,
        table.Recognised.Select(c => new ImportColumn(c.Header, c.Field)).ToList(), table.Unknown,
        table.Headers.Select(h => h.Trim()).ToList(),
        table.Rows.Take(SampleRows).Select(r => new ImportSampleRow(r.Line, r.Fields)).ToList());
}

public sealed record ImportColumn(string Header, string Field);

public sealed record ImportSampleRow(int Line, IReadOnlyList<string> Cells);

/// <summary>A home found from its postal address: the line, the address as the file wrote it, the address it matched and
/// the match's confidence (0..1; at or above <c>AddressMatch.ConfidenceThreshold</c>, else the row is an error).</summary>
public sealed record AddressPlacement(int Line, string Written, string Matched, double Confidence);

/// <summary>How an import runs: a preview writes nothing; an address index places homes given as postal addresses; the
/// rules of where a home may be.</summary>
public sealed record ImportOptions(bool PreviewOnly = false, Mobility.Routing.Addresses.IAddressLookup? Addresses = null, HomeRules? Homes = null);
