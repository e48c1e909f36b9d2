namespace Mobility.Planning.Shifts;

/// <summary>One shift actually worked: it starts on <paramref name="Date"/> (local) and runs from start to end (instants).</summary>
public sealed record ShiftInstance(DateOnly Date, DateTimeOffset Start, DateTimeOffset End)
{
    public TimeSpan Duration => End - Start;
}
