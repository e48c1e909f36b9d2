namespace Mobility.Data.Import;

/// <summary>
/// The outcome of an import: either every row was written (inserted or updated by external ID), or, when any
/// row is bad, nothing was written and <see cref="Errors"/> lists every bad row.
/// </summary>
public sealed record ImportReport(int Rows, int Inserted, int Updated, IReadOnlyList<ImportError> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static ImportReport Failed(int rows, IReadOnlyList<ImportError> errors) => new(rows, 0, 0, errors);
}
