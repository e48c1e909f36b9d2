namespace Mobility.Data.Import;

/// <summary>One problem in an import file: the line (1 is the header), the column when known, and why.</summary>
public sealed record ImportError(int Line, string? Column, string Reason)
{
    public override string ToString() => Column is null ? $"line {Line}: {Reason}" : $"line {Line}, {Column}: {Reason}";
}
