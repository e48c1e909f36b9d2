using Microsoft.EntityFrameworkCore;
using Mobility.Data;
using Mobility.Data.Privacy;
using Mobility.Server.Carpools;

namespace Mobility.Server.Companies;

/// <summary>What follows a change to an employee, whoever made it (HR, or the employee themselves): new proposals in
/// their network, which the engine debounces.</summary>
public static class EmployeeChanges
{
    public static async Task RequestRematchAsync(MobilityDbContext database, RecomputeQueue recompute, long employeeId, string reason,
        CancellationToken cancellation)
    {
        var networkId = await database.Employees.Where(e => e.Id == employeeId).Select(e => (long?)e.Company!.NetworkId).SingleOrDefaultAsync(cancellation);
        if (networkId is { } network) recompute.Request(network, $"{reason}: {employeeId}", employeeId);
    }

    /// <summary>The right to erasure: the personal data goes (<see cref="EmployeeErasure"/>), and the groups they were in are re-matched.</summary>
    public static async Task EraseAsync(MobilityDbContext database, RecomputeQueue recompute, long employeeId, CancellationToken cancellation)
    {
        await new EmployeeErasure(database, TimeProvider.System).EraseAsync(employeeId, cancellation);
        await RequestRematchAsync(database, recompute, employeeId, "employee erased", cancellation);
    }
}
