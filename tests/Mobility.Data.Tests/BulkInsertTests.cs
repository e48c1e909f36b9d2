using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Mobility.Data.Model;
using Mobility.Planning;
using Mobility.Planning.Carpools;

namespace Mobility.Data.Tests;

public class BulkInsertTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    /// <summary>A group as a re-match makes it: every kind of column (text from an enum, jsonb through a converter, a date, a
    /// point and a missing one, times with a zone, nullable texts), with a member and a history line pointing at it.</summary>
    private static CarpoolGroup GroupOf(Network network, Employee driver, Employee passenger, Site plant, DateTimeOffset at) => new()
    {
        NetworkId = network.Id, Date = new DateOnly(2026, 12, 7), Direction = CommuteDirection.ToHome, Status = CarpoolStatus.Accepted,
        Seats = 3, CreatedAt = at, Explanation = StoredExplanation.Read(StoredExplanationTests.StoredAsText),
        Members =
        [
            new() { EmployeeId = driver.Id, Role = MemberRole.Driver, PickupOrder = 0, PickupTime = at.AddMinutes(30),
                PickupLocation = Sample.Point(48.8123456, 7.7812345), DropOffSiteId = plant.Id, Status = CarpoolStatus.Accepted },
            new() { EmployeeId = passenger.Id, Role = MemberRole.Passenger, PickupOrder = 1, PickupTime = at.AddMinutes(35),
                PickupLocation = null, MeetingPointSiteId = plant.Id, DropOffSiteId = plant.Id, Status = CarpoolStatus.Declined },
        ],
        StatusHistory = [new() { EmployeeId = passenger.Id, Status = CarpoolStatus.Declined, At = at, Reason = "a reason, l'été", ReasonCode = null }],
    };

    [Fact]
    public async Task Rows_copied_are_stored_exactly_as_SaveChanges_stores_them()
    {
        var at = new DateTimeOffset(2026, 12, 4, 5, 6, 7, TimeSpan.Zero).AddTicks(1230);
        long savedId, copiedId;
        await using (var context = database.NewContext())
        {
            var (network, company, plant, _) = await Sample.NetworkAsync(context, "bulk-insert");
            var driver = Sample.Employee(company, plant, "B-1", 48.80, 7.78);
            var passenger = Sample.Employee(company, plant, "B-2", 48.81, 7.77);
            context.AddRange(driver, passenger);
            await context.SaveChangesAsync();

            var saved = GroupOf(network, driver, passenger, plant, at);
            context.CarpoolGroups.Add(saved);
            await context.SaveChangesAsync();
            savedId = saved.Id;

            await using var transaction = await context.Database.BeginTransactionAsync();
            var copied = GroupOf(network, driver, passenger, plant, at);
            await context.InsertAsync([copied], CancellationToken.None);
            Assert.NotEqual(0, copied.Id);
            foreach (var member in copied.Members) member.CarpoolGroupId = copied.Id;
            foreach (var change in copied.StatusHistory) change.CarpoolGroupId = copied.Id;
            await context.InsertAsync(copied.Members, CancellationToken.None);
            await context.InsertAsync(copied.StatusHistory, CancellationToken.None);
            Assert.All(copied.Members, m => Assert.NotEqual(0, m.Id));
            await transaction.CommitAsync();
            copiedId = copied.Id;
        }

        await using var read = database.NewContext();
        Assert.Equal(await RowsAsync(read, $"SELECT row_to_json(t)::text AS \"Value\" FROM carpool_groups t WHERE id = {savedId}"),
            await RowsAsync(read, $"SELECT row_to_json(t)::text AS \"Value\" FROM carpool_groups t WHERE id = {copiedId}"));
        Assert.Equal(await RowsAsync(read, $"SELECT row_to_json(t)::text AS \"Value\" FROM carpool_members t WHERE carpool_group_id = {savedId}"),
            await RowsAsync(read, $"SELECT row_to_json(t)::text AS \"Value\" FROM carpool_members t WHERE carpool_group_id = {copiedId}"));
        Assert.Equal(await RowsAsync(read, $"SELECT row_to_json(t)::text AS \"Value\" FROM carpool_status_changes t WHERE carpool_group_id = {savedId}"),
            await RowsAsync(read, $"SELECT row_to_json(t)::text AS \"Value\" FROM carpool_status_changes t WHERE carpool_group_id = {copiedId}"));
        // And EF reads the copied group back as it wrote the other.
        var again = await read.CarpoolGroups.AsNoTracking().Include(g => g.Members).SingleAsync(g => g.Id == copiedId);
        Assert.Equal("P1", again.Explanation!.Plan.Drops.Single());
        Assert.Equal(48.8123456, again.Members.Single(m => m.Role == MemberRole.Driver).PickupLocation!.Y, 7);
        Assert.Equal(at.AddMinutes(35), again.Members.Single(m => m.Role == MemberRole.Passenger).PickupTime);
    }

    [Fact]
    public async Task Copying_outside_a_transaction_is_refused()
    {
        await using var context = database.NewContext();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            context.InsertAsync([new UnmatchedTrip { EmployeeId = 1, Date = new DateOnly(2026, 12, 7), NetworkId = 1 }], CancellationToken.None));
        Assert.Contains("transaction", error.Message);
    }

    /// <summary>The rows as PostgreSQL stores them (each as its JSON), without their own ids, in a stable order.</summary>
    private static async Task<List<string>> RowsAsync(MobilityDbContext context, FormattableString query)
    {
        var rows = await context.Database.SqlQuery<string>(query).ToListAsync();
        return rows.Select(r =>
        {
            var row = JsonNode.Parse(r)!.AsObject();
            row.Remove("id");
            row.Remove("carpool_group_id");
            return row.ToJsonString();
        }).Order(StringComparer.Ordinal).ToList();
    }
}
