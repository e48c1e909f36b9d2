using System.Text.Json;
using System.Text.Json.Serialization;
using Mobility.Planning.Carpools;

namespace Mobility.Data.Model;

/// <summary>How a stored group maps back onto the matching view: ids of the driver, the pickups and the drop sites in
/// the matcher's order, so that a re-match can find the group again in a new plan.</summary>
public sealed record GroupPlan(string Driver, IReadOnlyList<string> Pickups, IReadOnlyList<string> Drops)
{
    /// <summary>Direction, driver, pickups and drop sites in one string: equal for two groups the matcher planned alike.</summary>
    public string Signature(Mobility.Planning.CommuteDirection direction) =>
        $"{direction}|{Driver}|{string.Join(',', Pickups)}|{string.Join(',', Drops)}";
}

/// <summary>A passenger of a trip to work without a group home the same day: the matcher's reason and their company's fallback.</summary>
public sealed record MissingRideHome(string Id, NoRideReason Reason, RideHomeKind Fallback);

/// <summary>
/// What a <see cref="CarpoolGroup"/> keeps of the matching that proposed it, in its jsonb column <c>explanation</c>: the
/// plan to find it again and the explanation the interface words. This type owns the column's format; the erasure's SQL
/// (<see cref="Privacy.EmployeeErasure"/>) edits it in place by the names <c>explanation</c>, <c>members</c>, <c>withoutRideHome</c> and <c>id</c>.
/// </summary>
/// <param name="WithoutRideHome">The morning check (trips to work only): each passenger carried to work with no group home
/// that day, why, and the fallback their company offers instead (<see cref="RideHomeKind.None"/>: none). Null in groups
/// stored before the check, and in groups home.</param>
public sealed record StoredExplanation(GroupPlan Plan, GroupExplanation Explanation, IReadOnlyList<MissingRideHome>? WithoutRideHome = null)
{
    /// <summary>The code a proposal shows a passenger of it has no way home by carpool.</summary>
    public const string NoReturnRide = "no-return-ride";

    /// <summary>The column's one serializer: camelCase names and enums by name, the format rows have been stored in
    /// from the start, so older rows read as they are.</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Write(StoredExplanation explanation) => JsonSerializer.Serialize(explanation, Json);

    /// <summary>The column read back; null when unreadable (a format older than any this type knows).</summary>
    public static StoredExplanation? Read(string stored)
    {
        try { return JsonSerializer.Deserialize<StoredExplanation>(stored, Json); }
        catch (JsonException) { return null; }
    }
}
