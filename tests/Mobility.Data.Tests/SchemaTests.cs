using Microsoft.EntityFrameworkCore;
using Mobility.Data.Model;
using Npgsql;

namespace Mobility.Data.Tests;

public class SchemaTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    [Fact]
    public async Task Migrations_create_every_table_on_an_empty_database_with_no_change_left_pending()
    {
        await using var context = database.NewContext();
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
        Assert.False(context.Database.HasPendingModelChanges(), "The model has changes no migration captures.");
        await using var command = database.DataSource.CreateCommand(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name IN " +
            "('networks','companies','sites','shift_patterns','shift_slots','employees','shift_assignments'," +
            "'shift_exceptions','carpool_groups','carpool_members','carpool_status_changes','shuttle_plans'," +
            "'shuttle_vehicles','shuttle_trips','shuttle_calls')");
        Assert.Equal(15L, await command.ExecuteScalarAsync());
    }

    [Theory]
    [InlineData("sites", "((location)::geography)")]
    [InlineData("employees", "((home)::geography)")]
    [InlineData("sites", "location")]
    [InlineData("employees", "home")]
    [InlineData("carpool_members", "pickup_location")]
    public async Task Every_location_column_has_a_gist_index(string table, string indexedExpression)
    {
        await using var command = database.DataSource.CreateCommand(
            "SELECT count(*) FROM pg_indexes WHERE tablename = $1 AND indexdef LIKE $2");
        command.Parameters.AddWithValue(table);
        command.Parameters.AddWithValue($"%USING gist ({indexedExpression})");
        Assert.Equal(1L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Negative_seats_are_refused_by_the_database()
    {
        await using var context = database.NewContext();
        var (_, company, plant, _) = await Sample.NetworkAsync(context, "seats");
        var employee = Sample.Employee(company, plant, "E1", 48.80, 7.78);
        employee.SeatsOffered = -1;
        context.Add(employee);
        await AssertCheckViolation(context, "ck_employees_seats_offered");
    }

    [Fact]
    public async Task A_detour_ratio_below_one_is_refused()
    {
        await using var context = database.NewContext();
        var (_, company, plant, _) = await Sample.NetworkAsync(context, "ratio");
        var employee = Sample.Employee(company, plant, "E1", 48.80, 7.78);
        employee.MaxDetourRatio = 0.9;
        context.Add(employee);
        await AssertCheckViolation(context, "ck_employees_max_detour_ratio");
    }

    [Theory]
    [InlineData(91.0, 7.0)]
    [InlineData(-90.5, 7.0)]
    [InlineData(48.0, 181.0)]
    public async Task A_site_outside_valid_coordinates_is_refused(double latitude, double longitude)
    {
        // Through the application's own path (Npgsql sends the point as binary EWKB): the stored value must be
        // refused, never wrapped into a valid-looking place.
        await using var context = database.NewContext();
        var (network, _, _, _) = await Sample.NetworkAsync(context, $"coordinates {latitude} {longitude}");
        context.Add(new Site { Network = network, ExternalId = "bad", Name = "Bad", Kind = SiteKind.Plant,
            Location = Sample.Point(latitude, longitude) });
        var error = await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
        var postgres = Assert.IsType<PostgresException>(error.InnerException);
        Assert.Equal(PostgresErrorCodes.CheckViolation, postgres.SqlState);
        Assert.Equal("ck_sites_location_valid", postgres.ConstraintName);
    }

    [Fact]
    public async Task A_shift_assignment_without_a_pattern_is_refused()
    {
        await using var context = database.NewContext();
        var (_, company, plant, _) = await Sample.NetworkAsync(context, "no pattern");
        var employee = Sample.Employee(company, plant, "E1", 48.80, 7.78);
        context.Add(employee);
        await context.SaveChangesAsync();
        await using var command = database.DataSource.CreateCommand(
            "INSERT INTO shift_assignments (employee_id, shift_pattern_id, rotation_anchor, rotation_offset_weeks, valid_from) " +
            "VALUES ($1, NULL, '2026-11-02', 0, '2026-11-02')");
        command.Parameters.AddWithValue(employee.Id);
        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        Assert.Equal(PostgresErrorCodes.NotNullViolation, error.SqlState);
    }

    [Fact]
    public async Task A_rotation_anchor_that_is_not_a_Monday_is_refused()
    {
        await using var context = database.NewContext();
        var (_, company, plant, pattern) = await Sample.NetworkAsync(context, "anchor");
        var employee = Sample.Employee(company, plant, "E1", 48.80, 7.78);
        employee.ShiftAssignments.Add(new ShiftAssignment
        {
            ShiftPattern = pattern, RotationAnchor = new DateOnly(2026, 11, 4), ValidFrom = new DateOnly(2026, 11, 4),
        });
        context.Add(employee);
        await AssertCheckViolation(context, "ck_shift_assignments_anchor_monday");
    }

    [Fact]
    public async Task A_slot_in_a_week_the_rotation_does_not_have_is_refused()
    {
        await using var context = database.NewContext();
        var (_, _, _, pattern) = await Sample.NetworkAsync(context, "slot week");
        pattern.Slots.Add(new ShiftSlot { WeekIndex = 3, Days = WorkDays.Monday, Start = new(8, 0), End = new(16, 0) });
        var error = await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
        var postgres = Assert.IsType<PostgresException>(error.InnerException);
        Assert.Equal("ck_shift_slots_week_in_rotation", postgres.ConstraintName);
    }

    [Fact]
    public async Task Shortening_a_rotation_below_its_slots_is_refused()
    {
        await using var context = database.NewContext();
        var (_, _, _, pattern) = await Sample.NetworkAsync(context, "shorter rotation");
        pattern.RotationWeeks = 2;
        await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
    }

    [Fact]
    public async Task An_extra_shift_without_times_is_refused()
    {
        await using var context = database.NewContext();
        var (_, company, plant, _) = await Sample.NetworkAsync(context, "extra shift");
        var employee = Sample.Employee(company, plant, "E1", 48.80, 7.78);
        employee.ShiftExceptions.Add(new ShiftException { Date = new(2026, 12, 1), Kind = ShiftExceptionKind.ExtraShift });
        context.Add(employee);
        await AssertCheckViolation(context, "ck_shift_exceptions_extra_shift_times");
    }

    [Fact]
    public async Task The_same_employee_id_twice_in_one_company_is_refused()
    {
        await using var context = database.NewContext();
        var (_, company, plant, _) = await Sample.NetworkAsync(context, "duplicate");
        context.AddRange(Sample.Employee(company, plant, "E1", 48.80, 7.78), Sample.Employee(company, plant, "E1", 48.81, 7.79));
        var error = await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
        Assert.Equal(PostgresErrorCodes.UniqueViolation, Assert.IsType<PostgresException>(error.InnerException).SqlState);
    }

    private static async Task AssertCheckViolation(MobilityDbContext context, string constraint)
    {
        var error = await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
        var postgres = Assert.IsType<PostgresException>(error.InnerException);
        Assert.Equal(PostgresErrorCodes.CheckViolation, postgres.SqlState);
        Assert.Equal(constraint, postgres.ConstraintName);
    }
}
