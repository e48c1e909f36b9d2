namespace Mobility.Data.Model;

/// <summary>What a company offers an employee left without a car home (or to work) on the day.</summary>
public enum RideHomeKind
{
    /// <summary>Nothing: HR is still told of each case.</summary>
    None,
    /// <summary>A shuttle run the company arranges (its instructions say how to get one).</summary>
    Shuttle,
    /// <summary>A taxi the company pays up to an allowance, within a monthly budget.</summary>
    Taxi,
}
