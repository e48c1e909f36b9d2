using Microsoft.EntityFrameworkCore;
using Mobility.Data.Model;
using Mobility.Data.Privacy;
using Mobility.Planning;
using Mobility.Planning.Carpools;

namespace Mobility.Data.Tests;

public class ErasureTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    [Fact]
    public async Task Erasing_removes_name_home_identifier_and_pickup_points_but_keeps_the_anonymous_rest()
    {
        long employeeId, otherId;
        await using (var context = database.NewContext())
        {
            var (network, company, plant, _) = await Sample.NetworkAsync(context, "erasure");
            var employee = Sample.Employee(company, plant, "HR-1234", 48.80, 7.78);
            var other = Sample.Employee(company, plant, "HR-5678", 48.81, 7.77);
            var group = new CarpoolGroup { Network = network, Date = new(2026, 12, 1), Direction = CommuteDirection.ToWork };
            group.Members.Add(new CarpoolMember { Employee = employee, Role = MemberRole.Passenger, PickupOrder = 1,
                PickupLocation = Sample.Point(48.80, 7.78), DropOffSite = plant });
            group.Members.Add(new CarpoolMember { Employee = other, Role = MemberRole.Driver, PickupOrder = 0,
                PickupLocation = Sample.Point(48.81, 7.77), DropOffSite = plant });
            context.AddRange(employee, other, group);
            await context.SaveChangesAsync();
            (employeeId, otherId) = (employee.Id, other.Id);
        }

        await using (var context = database.NewContext())
            Assert.True(await new EmployeeErasure(context, TimeProvider.System).EraseAsync(employeeId));

        await using (var context = database.NewContext())
        {
            var erased = await context.Employees.SingleAsync(e => e.Id == employeeId);
            Assert.Null(erased.FirstName);
            Assert.Null(erased.LastName);
            Assert.Null(erased.Home);
            Assert.DoesNotContain("1234", erased.ExternalId);
            Assert.NotNull(erased.ErasedAt);
            Assert.False(erased.ConsentToMatching);
            // What remains feeds aggregates: company, site, commune and the carpool membership without its point.
            Assert.Equal("Haguenau", erased.Commune);
            var membership = await context.CarpoolMembers.SingleAsync(m => m.EmployeeId == employeeId);
            Assert.Null(membership.PickupLocation);
            // Nobody else is touched.
            var other = await context.Employees.SingleAsync(e => e.Id == otherId);
            Assert.Equal("Camille", other.FirstName);
            Assert.NotNull(other.Home);
            Assert.NotNull((await context.CarpoolMembers.SingleAsync(m => m.EmployeeId == otherId)).PickupLocation);
        }
    }

    [Fact]
    public async Task Erasing_an_unknown_employee_says_so()
    {
        await using var context = database.NewContext();
        Assert.False(await new EmployeeErasure(context, TimeProvider.System).EraseAsync(-42));
    }
}
