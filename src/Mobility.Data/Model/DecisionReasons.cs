namespace Mobility.Data.Model;

/// <summary>The reasons an employee may give for declining or cancelling a carpool, as the codes the API takes and stores.</summary>
public static class DecisionReasons
{
    public static readonly IReadOnlyList<string> Codes = ["sick", "schedule-changed", "car-unavailable", "other"];
    public const int NoteLength = 280;
}
