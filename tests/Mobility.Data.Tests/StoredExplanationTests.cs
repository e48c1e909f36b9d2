using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Mobility.Data.Model;
using Mobility.Data.Privacy;
using Mobility.Planning;
using Mobility.Planning.Carpools;

namespace Mobility.Data.Tests;

public class StoredExplanationTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    /// <summary>Written by the server as text before the column had a type, for a member without a recorded trip alone.</summary>
    internal const string StoredAsText = """
        {"plan":{"driver":"1","pickups":["2"],"drops":["P1"]},
         "explanation":{"direction":"ToWork","departure":1796000000,
          "members":[{"id":"1","company":"C1","role":"Driver","homeOrder":0,"siteId":"P1","atHome":1796000000,"atSite":1796001200,
                      "windowEarliest":1796000600,"windowLatest":1796001500,"rideMinutes":20,"directMinutes":15,"rideLimitMinutes":30,"directKilometres":12.5},
                     {"id":"2","company":"C1","role":"Passenger","homeOrder":1,"siteId":"P1","atHome":1796000300,"atSite":1796001200,
                      "windowEarliest":1796000600,"windowLatest":1796001500,"rideMinutes":15,"directMinutes":12,"rideLimitMinutes":18}],
          "sites":["P1"],"routeMinutes":20,"routeKilometres":18.5,"detourMinutes":5,"detourLimitMinutes":15}}
        """;

    [Fact]
    public async Task An_explanation_stored_as_text_before_it_had_a_type_reads_back_typed()
    {
        long groupId;
        await using (var context = database.NewContext())
        {
            var (network, _, _, _) = await Sample.NetworkAsync(context, "explanation-as-text");
            groupId = (await context.Database.SqlQuery<long>($"""
                INSERT INTO carpool_groups (network_id, date, direction, status, seats, explanation, created_at)
                VALUES ({network.Id}, DATE '2026-12-01', 'ToWork', 'Proposed', 3, {StoredAsText}::jsonb, now()) RETURNING id AS "Value"
                """).ToListAsync()).Single();
        }

        await using var read = database.NewContext();
        var stored = (await read.CarpoolGroups.SingleAsync(g => g.Id == groupId)).Explanation!;
        Assert.Equal(new[] { "2" }, stored.Plan.Pickups);
        Assert.Equal(CommuteDirection.ToWork, stored.Explanation.Direction);
        Assert.Equal((MemberRole.Passenger, 1, (double?)null), (stored.Explanation.Members[1].Role, stored.Explanation.Members[1].HomeOrder,
            stored.Explanation.Members[1].DirectKilometres));
        Assert.Equal(12.5, stored.Explanation.Members[0].DirectKilometres);
        Assert.Equal(18.5, stored.Explanation.RouteKilometres);
    }

    [Fact]
    public async Task Erasure_takes_the_person_out_of_a_typed_explanation_and_the_rest_still_reads()
    {
        long groupId, erasedId, keptId;
        await using (var context = database.NewContext())
        {
            var (network, company, plant, _) = await Sample.NetworkAsync(context, "explanation-erasure");
            var driver = Sample.Employee(company, plant, "HR-1", 48.80, 7.78);
            var passenger = Sample.Employee(company, plant, "HR-2", 48.81, 7.77);
            context.AddRange(driver, passenger);
            await context.SaveChangesAsync();
            (keptId, erasedId) = (driver.Id, passenger.Id);
            string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
            MemberExplanation Member(long id, MemberRole role, int order) =>
                new(Id(id), "C1", role, order, "P1", 1796000000, 1796001200, 1796000600, 1796001500, 20, 15, 30, 10);
            var group = new CarpoolGroup
            {
                Network = network, Date = new(2026, 12, 1), Direction = CommuteDirection.ToWork, Seats = 3,
                Explanation = new StoredExplanation(new GroupPlan(Id(keptId), [Id(erasedId)], ["P1"]),
                    new GroupExplanation(CommuteDirection.ToWork, 1796000000, [Member(keptId, MemberRole.Driver, 0), Member(erasedId, MemberRole.Passenger, 1)],
                        ["P1"], 20, 18.5, 5, 15)),
                Members =
                [
                    new CarpoolMember { Employee = driver, Role = MemberRole.Driver, DropOffSite = plant },
                    new CarpoolMember { Employee = passenger, Role = MemberRole.Passenger, PickupOrder = 1, DropOffSite = plant },
                ],
            };
            context.Add(group);
            await context.SaveChangesAsync();
            groupId = group.Id;
        }

        await using (var context = database.NewContext())
            Assert.True(await new EmployeeErasure(context, TimeProvider.System).EraseAsync(erasedId));

        await using var read = database.NewContext();
        var stored = (await read.CarpoolGroups.SingleAsync(g => g.Id == groupId)).Explanation!;
        Assert.Equal(new[] { keptId.ToString(CultureInfo.InvariantCulture) }, stored.Explanation.Members.Select(m => m.Id));
        Assert.Equal(18.5, stored.Explanation.RouteKilometres);
    }
}
