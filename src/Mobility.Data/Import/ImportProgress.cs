namespace Mobility.Data.Import;

public enum ImportStage { Checking, Writing }

/// <summary>How far an import is: <see cref="Done"/> of <see cref="Total"/> lines checked, or employees written.</summary>
public sealed record ImportProgress(ImportStage Stage, int Done, int Total)
{
    /// <summary>Checking is quick and writing slow: checking fills the first fifth.</summary>
    public double Fraction => Total == 0 ? 0 : Stage == ImportStage.Checking ? 0.2 * Done / Total : 0.2 + 0.8 * Done / Total;

    public override string ToString() => Stage == ImportStage.Checking ? $"checked {Done:N0} of {Total:N0} lines" : $"written {Done:N0} of {Total:N0} rows";
}
