namespace Mobility.Planning.Carpools;

/// <summary>What a member does in a formed group: unlike a <see cref="CarpoolRole"/> preference, never Either.</summary>
public enum MemberRole
{
    Driver,
    Passenger,
}
