using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Mobility.Data;
using Mobility.Server.Http;

namespace Mobility.Server.Statistics;

/// <summary>
/// The dashboard's filters, honoured by every endpoint under <c>/api/networks/{id}/statistics/</c>: a company, a plant
/// (the employee's main site, or the drop-off plant of a carpool trip), a roster (shift pattern) and a shift (the local
/// start time of a slot, <c>HH:mm</c>: people on a roster with a slot starting then). Each is optional; together they
/// narrow the people counted, and every number is then rounded by the same rule as the unfiltered ones.
/// </summary>
public sealed record DashboardFilter(long? Company, long? Plant, long? Roster, TimeOnly? Shift)
{
    public static readonly DashboardFilter None = new(null, null, null, null);

    /// <summary>Reads the filters of a request, checking each names something of the network (field code
    /// <c>unknown-reference</c> otherwise, the same whether it exists elsewhere or not).</summary>
    /// <returns>Null when any error was added, to <paramref name="errors"/> which may already hold others.</returns>
    public static async Task<DashboardFilter?> ReadAsync(MobilityDbContext database, long networkId,
        long? company, long? plant, long? roster, string? shift, FieldErrors errors, CancellationToken cancellation)
    {
        if (company is { } c && !await database.Companies.AnyAsync(x => x.Id == c && x.NetworkId == networkId, cancellation))
            errors.Add("company", Codes.Field.UnknownReference);
        if (plant is { } p && !await database.Sites.AnyAsync(x => x.Id == p && x.NetworkId == networkId, cancellation))
            errors.Add("plant", Codes.Field.UnknownReference);
        if (roster is { } r && !await database.ShiftPatterns.AnyAsync(x => x.Id == r && x.NetworkId == networkId, cancellation))
            errors.Add("roster", Codes.Field.UnknownReference);
        TimeOnly? start = null;
        if (!string.IsNullOrEmpty(shift))
        {
            if (TimeOnly.TryParseExact(shift, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)) start = parsed;
            else errors.Add("shift", Codes.Field.UnreadableValue);
        }
        return errors.Any ? null : new DashboardFilter(company, plant, roster, start);
    }

    /// <summary>Whether a person of these company, plant, rosters and slot starts is counted.</summary>
    public bool Holds(long companyId, long siteId, IReadOnlyCollection<long> rosters, IReadOnlyCollection<TimeOnly> starts) =>
        (Company is not { } c || c == companyId) && (Plant is not { } p || p == siteId)
        && (Roster is not { } r || rosters.Contains(r)) && (Shift is not { } s || starts.Contains(s));
}
