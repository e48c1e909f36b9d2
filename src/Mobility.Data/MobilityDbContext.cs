using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Mobility.Data.Model;
using NetTopologySuite.Geometries;

namespace Mobility.Data;

/// <summary>The network's state and the accounts that reach it (ASP.NET Core Identity's user tables, no role tables:
/// an account's role and tenant are columns of <see cref="UserAccount"/>), and the keys that protect sign-ins, shared by
/// every server instance so that a cookie or token issued by one is honoured by all.</summary>
public class MobilityDbContext(DbContextOptions<MobilityDbContext> options) : IdentityUserContext<UserAccount, long>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Network> Networks => Set<Network>();
    public DbSet<Company> Companies => Set<Company>();
    public DbSet<Site> Sites => Set<Site>();
    public DbSet<ShiftPattern> ShiftPatterns => Set<ShiftPattern>();
    public DbSet<ShiftSlot> ShiftSlots => Set<ShiftSlot>();
    public DbSet<Employee> Employees => Set<Employee>();
    public DbSet<ShiftAssignment> ShiftAssignments => Set<ShiftAssignment>();
    public DbSet<ShiftException> ShiftExceptions => Set<ShiftException>();
    public DbSet<CarpoolGroup> CarpoolGroups => Set<CarpoolGroup>();
    public DbSet<CarpoolMember> CarpoolMembers => Set<CarpoolMember>();
    public DbSet<CarpoolStatusChange> CarpoolStatusChanges => Set<CarpoolStatusChange>();
    public DbSet<UnmatchedTrip> UnmatchedTrips => Set<UnmatchedTrip>();
    public DbSet<ShuttlePlan> ShuttlePlans => Set<ShuttlePlan>();
    public DbSet<ShuttleVehicle> ShuttleVehicles => Set<ShuttleVehicle>();
    public DbSet<ShuttleTrip> ShuttleTrips => Set<ShuttleTrip>();
    public DbSet<ShuttleCall> ShuttleCalls => Set<ShuttleCall>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<AccountSession> AccountSessions => Set<AccountSession>();
    public DbSet<AccountInvitation> AccountInvitations => Set<AccountInvitation>();
    public DbSet<RideHomeCase> RideHomeCases => Set<RideHomeCase>();
    public DbSet<Job> Jobs => Set<Job>();
    public DbSet<JobFile> JobFiles => Set<JobFile>();
    public DbSet<DiagnosticReport> DiagnosticReports => Set<DiagnosticReport>();
    public DbSet<CrewMessage> CrewMessages => Set<CrewMessage>();
    public DbSet<StandingCarpool> StandingCarpools => Set<StandingCarpool>();
    public DbSet<StandingCarpoolPerson> StandingCarpoolPeople => Set<StandingCarpoolPerson>();
    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();
    public DbSet<PushSubscription> PushSubscriptions => Set<PushSubscription>();
    public DbSet<PushKeys> PushKeys => Set<PushKeys>();
    public DbSet<DigestSend> DigestSends => Set<DigestSend>();
    // Working group: activity history (issue 16)
    public DbSet<ActivitySnapshot> ActivitySnapshots => Set<ActivitySnapshot>();
    public DbSet<ActivityTrip> ActivityTrips => Set<ActivityTrip>();
    // Working group: what-if scenarios (issue 16)
    public DbSet<Scenario> Scenarios => Set<Scenario>();
    public DbSet<ScenarioRun> ScenarioRuns => Set<ScenarioRun>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.HasPostgresExtension("postgis");
        MapAccounts(model);

        model.Entity<Network>(network =>
        {
            network.HasIndex(n => n.Name).IsUnique();
        });

        model.Entity<Company>(company =>
        {
            company.HasIndex(c => new { c.NetworkId, c.ExternalId }).IsUnique();
            company.HasOne(c => c.Network).WithMany(n => n.Companies).OnDelete(DeleteBehavior.Cascade);
            company.Property(c => c.RideHomeKind).HasConversion<string>().HasMaxLength(20);
            company.Property(c => c.RideHomeMonthlyBudgetEuros).HasPrecision(10, 2);
            company.Property(c => c.RideHomeMaxPerRideEuros).HasPrecision(10, 2);
            company.Property(c => c.RideHomeInstructions).HasMaxLength(TextRules.RideHomeInstructionsLength);
            company.ToTable(t => t.HasCheckConstraint("ck_companies_ride_home_amounts",
                "(ride_home_monthly_budget_euros IS NULL OR ride_home_monthly_budget_euros >= 0) AND (ride_home_max_per_ride_euros IS NULL OR ride_home_max_per_ride_euros >= 0)"));
        });

        model.Entity<RideHomeCase>(rideHome =>
        {
            rideHome.Property(c => c.Direction).HasConversion<string>().HasMaxLength(10);
            rideHome.Property(c => c.Cause).HasConversion<string>().HasMaxLength(30);
            rideHome.Property(c => c.Fallback).HasConversion<string>().HasMaxLength(20);
            rideHome.Property(c => c.State).HasConversion<string>().HasMaxLength(10);
            rideHome.Property(c => c.EstimatedCostEuros).HasPrecision(10, 2);
            rideHome.Property(c => c.AllowanceEuros).HasPrecision(10, 2);
            rideHome.HasOne(c => c.Company).WithMany().OnDelete(DeleteBehavior.Cascade);
            rideHome.HasOne(c => c.Employee).WithMany().OnDelete(DeleteBehavior.Cascade);
            rideHome.HasOne(c => c.CarpoolGroup).WithMany(g => g.RideHomeCases).OnDelete(DeleteBehavior.SetNull);
            // HR's list and the month's budget read a company's cases by date.
            rideHome.HasIndex(c => new { c.CompanyId, c.Date });
            rideHome.HasIndex(c => c.EmployeeId);
            rideHome.ToTable(t => t.HasCheckConstraint("ck_ride_home_cases_amounts", "estimated_cost_euros >= 0 AND allowance_euros >= 0 AND kilometres >= 0"));
        });

        model.Entity<Site>(site =>
        {
            MapPoint(site.Property(s => s.Location));
            site.HasIndex(s => s.Location).HasMethod("gist");
            site.Property(s => s.Kind).HasConversion<string>();
            site.HasIndex(s => new { s.NetworkId, s.ExternalId }).IsUnique();
            site.HasOne(s => s.Network).WithMany(n => n.Sites).OnDelete(DeleteBehavior.Cascade);
            site.HasOne(s => s.Company).WithMany(c => c.Sites).OnDelete(DeleteBehavior.Restrict);
            site.ToTable(t => t.HasCheckConstraint("ck_sites_location_valid", ValidPointSql("location")));
        });

        model.Entity<ShiftPattern>(pattern =>
        {
            pattern.HasIndex(p => new { p.NetworkId, p.ExternalId }).IsUnique();
            pattern.HasOne(p => p.Network).WithMany(n => n.ShiftPatterns).OnDelete(DeleteBehavior.Cascade);
            pattern.HasOne(p => p.OwnerCompany).WithMany().OnDelete(DeleteBehavior.SetNull);
            pattern.ToTable(t => t.HasCheckConstraint("ck_shift_patterns_rotation_weeks", "rotation_weeks >= 1"));
        });

        model.Entity<ShiftSlot>(slot =>
        {
            slot.HasOne(s => s.ShiftPattern).WithMany(p => p.Slots).OnDelete(DeleteBehavior.Cascade);
            slot.Ignore(s => s.CrossesMidnight);
            slot.ToTable(t =>
            {
                t.HasCheckConstraint("ck_shift_slots_week_index", "week_index >= 0");
                t.HasCheckConstraint("ck_shift_slots_days", $"days > 0 AND days <= {(int)WorkDays.All}");
            });
        });

        // HR console: the work e-mail invitations go to, and accent-insensitive search of employees (unaccent).
        model.HasPostgresExtension("unaccent");
        model.Entity<Employee>(employee => employee.Property(e => e.WorkEmail).HasMaxLength(TextRules.EmailLength));

        model.Entity<Employee>(employee =>
        {
            MapPoint(employee.Property(e => e.Home));
            MapPoint(employee.Property(e => e.ApproximateHome));
            employee.HasIndex(e => e.Home).HasMethod("gist");
            employee.HasIndex(e => new { e.CompanyId, e.ExternalId }).IsUnique();
            employee.HasOne(e => e.Company).WithMany(c => c.Employees).OnDelete(DeleteBehavior.Cascade);
            employee.HasOne(e => e.MainSite).WithMany().OnDelete(DeleteBehavior.Restrict);
            employee.HasOne(e => e.PreferredMeetingPoint).WithMany().OnDelete(DeleteBehavior.SetNull);
            employee.Property(e => e.Role).HasConversion<string>();
            employee.Property(e => e.PreferredLanguage).HasMaxLength(2);
            // The sentinel is the CLR default (true), so that an explicit false is written, not replaced by the column default.
            employee.Property(e => e.DigestByMail).HasDefaultValue(true).HasSentinel(true);
            employee.ToTable(t =>
            {
                t.HasCheckConstraint("ck_employees_seats_offered", "seats_offered >= 0 AND seats_offered <= 8");
                t.HasCheckConstraint("ck_employees_max_detour_ratio", "max_detour_ratio >= 1");
                t.HasCheckConstraint("ck_employees_max_detour_minutes", "max_detour_minutes >= 0");
                t.HasCheckConstraint("ck_employees_flexibility_minutes", "flexibility_minutes >= 0");
                t.HasCheckConstraint("ck_employees_preferred_language", "preferred_language IN ('fr', 'en')");
                t.HasCheckConstraint("ck_employees_home_valid", "home IS NULL OR " + ValidPointSql("home"));
                // An erased employee keeps no name and no home.
                t.HasCheckConstraint("ck_employees_erased_has_no_personal_data",
                    "erased_at IS NULL OR (first_name IS NULL AND last_name IS NULL AND home IS NULL)");
            });
        });

        model.Entity<ShiftAssignment>(assignment =>
        {
            assignment.HasOne(a => a.Employee).WithMany(e => e.ShiftAssignments).OnDelete(DeleteBehavior.Cascade);
            assignment.HasOne(a => a.ShiftPattern).WithMany().IsRequired().OnDelete(DeleteBehavior.Restrict);
            assignment.ToTable(t =>
            {
                t.HasCheckConstraint("ck_shift_assignments_dates", "valid_to IS NULL OR valid_to >= valid_from");
                t.HasCheckConstraint("ck_shift_assignments_offset", "rotation_offset_weeks >= 0");
                // The anchor counts rotation weeks, so it must be a Monday (ISO day 1).
                t.HasCheckConstraint("ck_shift_assignments_anchor_monday", "EXTRACT(ISODOW FROM rotation_anchor) = 1");
            });
        });

        model.Entity<ShiftException>(exception =>
        {
            exception.HasOne(x => x.Employee).WithMany(e => e.ShiftExceptions).OnDelete(DeleteBehavior.Cascade);
            exception.Property(x => x.Kind).HasConversion<string>();
            exception.HasIndex(x => new { x.EmployeeId, x.Date });
            exception.ToTable(t => t.HasCheckConstraint("ck_shift_exceptions_extra_shift_times",
                "kind <> 'ExtraShift' OR (start IS NOT NULL AND \"end\" IS NOT NULL)"));
        });

        model.Entity<CarpoolGroup>(group =>
        {
            group.Property(g => g.Status).HasConversion<string>();
            group.Property(g => g.Direction).HasConversion<string>();
            // Explanations are immutable records, replaced whole: comparing references is enough, and cheap on the
            // thousands of groups a re-match tracks.
            group.Property(g => g.Explanation).HasColumnType("jsonb").HasConversion(
                new ValueConverter<StoredExplanation?, string>(e => StoredExplanation.Write(e!), s => StoredExplanation.Read(s)),
                new ValueComparer<StoredExplanation?>((a, b) => ReferenceEquals(a, b), e => e == null ? 0 : RuntimeHelpers.GetHashCode(e), e => e));
            group.HasIndex(g => new { g.NetworkId, g.Date, g.Direction });
            group.ToTable(t => t.HasCheckConstraint("ck_carpool_groups_seats", "seats >= 0 AND seats <= 8"));
        });

        model.Entity<CarpoolMember>(member =>
        {
            MapPoint(member.Property(m => m.PickupLocation));
            member.HasIndex(m => m.PickupLocation).HasMethod("gist");
            member.Property(m => m.Role).HasConversion<string>();
            member.Property(m => m.Status).HasConversion<string>();
            member.HasOne(m => m.CarpoolGroup).WithMany(g => g.Members).OnDelete(DeleteBehavior.Cascade);
            member.HasOne(m => m.Employee).WithMany().OnDelete(DeleteBehavior.Cascade);
            // A removed meeting point leaves its past pickups as places (PickupLocation) without a name.
            member.HasOne(m => m.MeetingPointSite).WithMany().OnDelete(DeleteBehavior.SetNull);
            member.HasOne(m => m.DropOffSite).WithMany().OnDelete(DeleteBehavior.Restrict);
            member.HasIndex(m => new { m.CarpoolGroupId, m.EmployeeId }).IsUnique();
            member.ToTable(t =>
            {
                t.HasCheckConstraint("ck_carpool_members_role", "role IN ('Driver', 'Passenger')");
                t.HasCheckConstraint("ck_carpool_members_pickup_order", "pickup_order >= 0");
                t.HasCheckConstraint("ck_carpool_members_pickup_valid",
                    "pickup_location IS NULL OR " + ValidPointSql("pickup_location"));
            });
        });

        model.Entity<UnmatchedTrip>(trip =>
        {
            trip.HasKey(t => new { t.EmployeeId, t.Date, t.Direction });
            trip.Property(t => t.Direction).HasConversion<string>().HasMaxLength(10);
            trip.Property(t => t.Reason).HasConversion<string>().HasMaxLength(40);
            trip.HasOne(t => t.Employee).WithMany().OnDelete(DeleteBehavior.Cascade);
            trip.HasOne<Network>().WithMany().HasForeignKey(t => t.NetworkId).OnDelete(DeleteBehavior.Cascade);
            trip.HasIndex(t => new { t.NetworkId, t.Date });
        });

        model.Entity<CarpoolStatusChange>(change =>
        {
            change.Property(c => c.Status).HasConversion<string>();
            change.HasOne(c => c.CarpoolGroup).WithMany(g => g.StatusHistory).OnDelete(DeleteBehavior.Cascade);
            change.Property(c => c.ReasonCode).HasMaxLength(32);
            change.Property(c => c.Note).HasMaxLength(DecisionReasons.NoteLength);
            change.ToTable(t => t.HasCheckConstraint("ck_carpool_status_changes_reason_code",
                $"reason_code IS NULL OR reason_code IN ({string.Join(", ", DecisionReasons.Codes.Select(c => $"'{c}'"))})"));
        });

        model.Entity<ShuttleVehicle>(vehicle =>
        {
            vehicle.HasOne(v => v.ShuttlePlan).WithMany(p => p.Vehicles).OnDelete(DeleteBehavior.Cascade);
            vehicle.ToTable(t =>
            {
                t.HasCheckConstraint("ck_shuttle_vehicles_capacity", "capacity > 0");
                t.HasCheckConstraint("ck_shuttle_vehicles_costs", "cost_per_kilometre >= 0 AND cost_per_hour >= 0");
            });
        });

        model.Entity<ShuttleTrip>(trip =>
        {
            trip.Property(t => t.Direction).HasConversion<string>();
            trip.HasOne(t => t.ShuttlePlan).WithMany(p => p.Trips).OnDelete(DeleteBehavior.Cascade);
            trip.HasOne(t => t.Vehicle).WithMany().HasForeignKey(t => t.ShuttleVehicleId).OnDelete(DeleteBehavior.Cascade);
        });

        model.Entity<ShuttleCall>(call =>
        {
            call.HasOne(s => s.Trip).WithMany(t => t.Calls).HasForeignKey(s => s.ShuttleTripId).OnDelete(DeleteBehavior.Cascade);
            call.HasIndex(s => new { s.ShuttleTripId, s.Sequence }).IsUnique();
            call.ToTable(t => t.HasCheckConstraint("ck_shuttle_calls_counts",
                "boarding >= 0 AND alighting >= 0 AND load_after >= 0"));
        });

        model.Entity<Notification>(notification =>
        {
            notification.Property(n => n.Payload).HasColumnType("jsonb");
            notification.HasOne(n => n.Employee).WithMany().OnDelete(DeleteBehavior.Cascade);
            notification.HasIndex(n => new { n.EmployeeId, n.Sequence }).IsUnique();
            notification.ToTable(t => t.HasCheckConstraint("ck_notifications_sequence", "sequence >= 1"));
        });

        model.Entity<Job>(job =>
        {
            job.Property(j => j.Kind).HasMaxLength(40);
            job.Property(j => j.State).HasConversion<string>().HasMaxLength(20);
            job.Property(j => j.ProgressMessage).HasMaxLength(40);
            job.Property(j => j.ErrorCode).HasMaxLength(60);
            job.Property(j => j.RunningOn).HasMaxLength(200);
            job.Property(j => j.Input).HasColumnType("jsonb");
            job.Property(j => j.Result).HasColumnType("jsonb");
            job.Property(j => j.ErrorParameters).HasColumnType("jsonb");
            job.HasOne(j => j.Network).WithMany().OnDelete(DeleteBehavior.Cascade);
            job.HasOne(j => j.Company).WithMany().OnDelete(DeleteBehavior.Cascade);
            job.HasOne(j => j.RequestedBy).WithMany().OnDelete(DeleteBehavior.Cascade);
            // The runner's claim reads the oldest queued jobs first.
            job.HasIndex(j => new { j.State, j.CreatedAt });
            // The per-tenant limit, held by the database itself: two instances claiming jobs of one company at the same
            // moment cannot both start one.
            job.HasIndex(j => j.CompanyId).IsUnique().HasFilter("state = 'Running'").HasDatabaseName("ix_jobs_one_running_per_company");
            job.ToTable(t =>
            {
                t.HasCheckConstraint("ck_jobs_progress", "progress >= 0 AND progress <= 1");
                t.HasCheckConstraint("ck_jobs_state", "state IN ('Queued', 'Running', 'Succeeded', 'Failed', 'Cancelled')");
            });
        });

        model.Entity<JobFile>(file =>
        {
            file.HasKey(f => f.JobId);
            file.HasOne(f => f.Job).WithOne().HasForeignKey<JobFile>(f => f.JobId).OnDelete(DeleteBehavior.Cascade);
        });

        model.Entity<DiagnosticReport>(report =>
        {
            report.HasKey(r => r.JobId);
            report.Property(r => r.Language).HasMaxLength(2);
            report.HasOne(r => r.Job).WithOne().HasForeignKey<DiagnosticReport>(r => r.JobId).OnDelete(DeleteBehavior.Cascade);
            report.HasOne<Network>().WithMany().HasForeignKey(r => r.NetworkId).OnDelete(DeleteBehavior.Cascade);
        });

        model.Entity<CrewMessage>(message =>
        {
            message.Property(m => m.Text).HasMaxLength(CrewMessage.TextLength);
            message.Property(m => m.QuickMessage).HasMaxLength(CrewMessage.QuickMessageLength);
            message.HasOne(m => m.CarpoolGroup).WithMany().OnDelete(DeleteBehavior.Cascade);
            message.HasOne(m => m.Author).WithMany().HasForeignKey(m => m.AuthorEmployeeId).OnDelete(DeleteBehavior.Cascade);
            // A thread is read newest first from a cursor; the rate limit counts an author's recent messages.
            message.HasIndex(m => new { m.CarpoolGroupId, m.Id });
            message.HasIndex(m => new { m.AuthorEmployeeId, m.SentAt });
            message.ToTable(t => t.HasCheckConstraint("ck_crew_messages_text_or_quick_message", "(text IS NULL) <> (quick_message IS NULL)"));
        });

        model.Entity<StandingCarpool>(standing =>
        {
            standing.Property(s => s.Direction).HasConversion<string>().HasMaxLength(10);
            standing.Property(s => s.Plan).HasColumnType("jsonb").HasConversion(
                new ValueConverter<GroupPlan, string>(p => System.Text.Json.JsonSerializer.Serialize(p, JsonSerializerOptions.Web),
                    s => System.Text.Json.JsonSerializer.Deserialize<GroupPlan>(s, JsonSerializerOptions.Web)!),
                new ValueComparer<GroupPlan>((a, b) => ReferenceEquals(a, b), p => RuntimeHelpers.GetHashCode(p), p => p));
            standing.Property(s => s.Signature).HasMaxLength(4000);
            standing.HasIndex(s => new { s.NetworkId, s.Signature }).IsUnique();
            standing.HasOne(s => s.Network).WithMany().OnDelete(DeleteBehavior.Cascade);
            standing.Ignore(s => s.Complete);
        });

        model.Entity<StandingCarpoolPerson>(person =>
        {
            person.HasOne(p => p.StandingCarpool).WithMany(s => s.People).OnDelete(DeleteBehavior.Cascade);
            person.HasOne(p => p.Employee).WithMany().OnDelete(DeleteBehavior.Cascade);
            person.HasIndex(p => new { p.StandingCarpoolId, p.EmployeeId }).IsUnique();
            person.HasIndex(p => p.EmployeeId);
        });

        model.Entity<CalendarFeed>(feed =>
        {
            feed.HasKey(f => f.EmployeeId);
            feed.Property(f => f.TokenHash).HasMaxLength(64);
            feed.HasOne(f => f.Employee).WithOne().HasForeignKey<CalendarFeed>(f => f.EmployeeId).OnDelete(DeleteBehavior.Cascade);
            feed.HasIndex(f => f.TokenHash).IsUnique();
        });

        // Working group: activity history (issue 16)
        model.Entity<ActivitySnapshot>(snapshot =>
        {
            snapshot.HasIndex(s => new { s.NetworkId, s.Date }).IsUnique();
            snapshot.HasOne(s => s.Network).WithMany().HasForeignKey(s => s.NetworkId).OnDelete(DeleteBehavior.Cascade);
            snapshot.HasMany(s => s.Trips).WithOne(t => t.Snapshot).HasForeignKey(t => t.ActivitySnapshotId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<ActivityTrip>(trip =>
        {
            trip.Property(t => t.Direction).HasConversion<string>().HasMaxLength(10);
            trip.Property(t => t.Role).HasConversion<string>().HasMaxLength(10);
            trip.HasIndex(t => t.EmployeeId);
            trip.HasOne<Employee>().WithMany().HasForeignKey(t => t.EmployeeId).OnDelete(DeleteBehavior.Cascade);
        });

        // Working group: what-if scenarios (issue 16)
        model.Entity<Scenario>(scenario =>
        {
            scenario.Property(s => s.Name).HasMaxLength(Scenario.NameLength);
            // Changes are replaced whole by an update: comparing the JSON is enough to see one.
            scenario.Property(s => s.Changes).HasColumnType("jsonb").HasConversion(
                new ValueConverter<List<ScenarioChange>, string>(c => System.Text.Json.JsonSerializer.Serialize(c, JsonSerializerOptions.Web),
                    s => System.Text.Json.JsonSerializer.Deserialize<List<ScenarioChange>>(s, JsonSerializerOptions.Web) ?? new List<ScenarioChange>()),
                new ValueComparer<List<ScenarioChange>>(
                    (a, b) => System.Text.Json.JsonSerializer.Serialize(a, JsonSerializerOptions.Web) == System.Text.Json.JsonSerializer.Serialize(b, JsonSerializerOptions.Web),
                    c => System.Text.Json.JsonSerializer.Serialize(c, JsonSerializerOptions.Web).GetHashCode(), c => c.ToList()));
            scenario.HasOne(s => s.Network).WithMany().HasForeignKey(s => s.NetworkId).OnDelete(DeleteBehavior.Cascade);
            scenario.HasOne<UserAccount>().WithMany().HasForeignKey(s => s.CreatedById).OnDelete(DeleteBehavior.SetNull);
            scenario.HasIndex(s => s.NetworkId);
        });
        model.Entity<ScenarioRun>(run =>
        {
            run.Property(r => r.Result).HasColumnType("jsonb");
            run.HasOne(r => r.Scenario).WithMany(s => s.Runs).HasForeignKey(r => r.ScenarioId).OnDelete(DeleteBehavior.Cascade);
            run.HasIndex(r => new { r.ScenarioId, r.From, r.Days });
        });

        model.Entity<PushSubscription>(subscription =>
        {
            subscription.Property(s => s.Endpoint).HasMaxLength(PushSubscription.EndpointLength);
            subscription.Property(s => s.P256dh).HasMaxLength(100);
            subscription.Property(s => s.Auth).HasMaxLength(40);
            subscription.Property(s => s.DeviceLabel).HasMaxLength(PushSubscription.DeviceLabelLength);
            // Erasure deletes the account, and with it the devices that could still be reached.
            subscription.HasOne(s => s.Account).WithMany().OnDelete(DeleteBehavior.Cascade);
            subscription.HasIndex(s => s.Endpoint).IsUnique();
            subscription.HasIndex(s => s.AccountId);
        });

        model.Entity<PushKeys>(keys =>
        {
            keys.Property(k => k.Id).ValueGeneratedNever();
            keys.ToTable(t => t.HasCheckConstraint("ck_push_keys_single_row", "id = 1"));
        });

        model.Entity<DigestSend>(send =>
        {
            send.HasKey(s => new { s.EmployeeId, s.Date });
            send.HasOne(s => s.Employee).WithMany().OnDelete(DeleteBehavior.Cascade);
        });

        SnakeCaseNames.Apply(model);
    }

    private static void MapAccounts(ModelBuilder model)
    {
        model.Entity<UserAccount>(account =>
        {
            account.ToTable("user_accounts", t => t.HasCheckConstraint("ck_user_accounts_tenant",
                "(role = 'Employee' AND employee_id IS NOT NULL) OR (role = 'HrManager' AND company_id IS NOT NULL) " +
                "OR (role = 'WorkingGroup' AND network_id IS NOT NULL) OR role = 'Administrator'"));
            account.Property(a => a.Role).HasConversion<string>();
            account.HasOne(a => a.Network).WithMany().OnDelete(DeleteBehavior.Cascade);
            account.HasOne(a => a.Company).WithMany().OnDelete(DeleteBehavior.Cascade);
            account.HasOne(a => a.Employee).WithMany().OnDelete(DeleteBehavior.Cascade);
            account.HasIndex(a => a.EmployeeId).IsUnique();
        });
        model.Entity<AccountSession>(session =>
        {
            session.HasOne(s => s.Account).WithMany().OnDelete(DeleteBehavior.Cascade);
            session.HasIndex(s => s.AccountId);
        });
        model.Entity<AccountInvitation>(invitation =>
        {
            invitation.HasOne(i => i.Account).WithMany().OnDelete(DeleteBehavior.Cascade);
            invitation.HasIndex(i => i.TokenHash).IsUnique();
        });
        model.Entity<IdentityUserClaim<long>>().ToTable("user_account_claims");
        model.Entity<IdentityUserLogin<long>>().ToTable("user_account_logins");
        model.Entity<IdentityUserToken<long>>().ToTable("user_account_tokens");
    }

    /// <summary>
    /// Points are stored as geometry(Point, 4326), not geography: PostGIS silently wraps out-of-range geography
    /// coordinates (latitude 91 becomes a valid-looking place), so no constraint could refuse them. Distances are
    /// computed on the sphere by casting to geography, with a GiST index on that cast (see the migration).
    /// </summary>
    private static void MapPoint(PropertyBuilder property) => property.HasColumnType("geometry (point, 4326)");

    private static string ValidPointSql(string column) =>
        $"ST_Y({column}) BETWEEN -90 AND 90 AND ST_X({column}) BETWEEN -180 AND 180";
}
