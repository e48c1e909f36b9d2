namespace Mobility.Data.Model;

/// <summary>What an account may see and do; each role is tied to one tenant (see <see cref="UserAccount"/>).</summary>
public enum AccountRole
{
    /// <summary>An employee: their own data and proposals only.</summary>
    Employee,
    /// <summary>An HR manager of one company: that company's sites, employees, imports and shuttle plans.</summary>
    HrManager,
    /// <summary>A member of a network's mobility working group: aggregates of that network only.</summary>
    WorkingGroup,
    /// <summary>Runs the service: every network.</summary>
    Administrator,
}
