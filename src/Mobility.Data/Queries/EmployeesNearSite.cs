using Microsoft.EntityFrameworkCore;
using Mobility.Data.Model;

namespace Mobility.Data.Queries;

public static class EmployeesNearSite
{
    /// <summary>
    /// Employees (not erased) whose home lies within <paramref name="metres"/> of the site, as the crow flies on
    /// the sphere: ST_DWithin on the geography casts, answered by the GiST index on (home::geography).
    /// </summary>
    public static IQueryable<Employee> WithinMetresOfSite(this IQueryable<Employee> employees, Site site, double metres)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(metres);
        var location = site.Location;
        return employees.Where(e => e.Home != null && EF.Functions.IsWithinDistance(e.Home, location, metres, true));
    }
}
