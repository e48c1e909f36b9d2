namespace Mobility.Planning.Carpools;

/// <summary>
/// Who is in a group, whatever the order of stops: the driver and the passengers sorted (−1 for empty seats). Used to
/// find a morning group's mirror among the evening candidates and to recognise a group someone declined.
/// </summary>
public readonly record struct GroupKey(int Driver, int A, int B, int C, int D)
{
    /// <param name="map">Turns a participant index into the index the key is expressed in (for instance the same
    /// person in the other direction's instance), or −1 when that person is absent there.</param>
    public static GroupKey? Of(MatchedGroup group, Func<int, int>? map = null)
    {
        map ??= i => i;
        if (group.Pickups.Count > 4) throw new ArgumentException("A group key holds at most four passengers.");
        Span<int> seats = [-1, -1, -1, -1];
        for (var i = 0; i < group.Pickups.Count; i++)
            if ((seats[i] = map(group.Pickups[i])) < 0) return null;
        seats[..group.Pickups.Count].Sort();
        var driver = map(group.Driver);
        return driver < 0 ? null : new GroupKey(driver, seats[0], seats[1], seats[2], seats[3]);
    }
}
