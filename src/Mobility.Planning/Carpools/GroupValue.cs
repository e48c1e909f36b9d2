namespace Mobility.Planning.Carpools;

/// <summary>
/// What a group is worth, lexicographically: passengers served first, then vehicle-seconds saved (the direct trips of
/// members who would otherwise drive, minus the shared route). One integer, so that solvers compare groups exactly.
/// </summary>
public static class GroupValue
{
    /// <summary>More than any saving a group can make (a day, in seconds), so one passenger always outweighs it.</summary>
    public const long PassengerWeight = 100_000;

    public static double SavedSeconds(CarpoolInstance instance, MatchedGroup group) =>
        group.Members.Where(m => instance.Participants[m].CanDrive).Sum(instance.DirectSeconds) - group.RouteSeconds;

    public static long Of(CarpoolInstance instance, MatchedGroup group) =>
        PassengerWeight * group.Pickups.Count + (long)Math.Round(SavedSeconds(instance, group));
}
