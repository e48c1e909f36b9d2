namespace Mobility.Data;

/// <summary>
/// The dates the product takes from anyone: planning adds days and weeks to a date, which overflows at DateOnly's ends
/// (9999-12-31 + 1 day throws), and no roster, plan or statistic is meaningful outside this century.
/// </summary>
public static class DateRange
{
    public static readonly DateOnly Earliest = new(2000, 1, 1), Latest = new(2099, 12, 31);

    public static bool Contains(DateOnly date) => date >= Earliest && date <= Latest;

    public static string Text => $"{Earliest:yyyy-MM-dd}..{Latest:yyyy-MM-dd}";
}
