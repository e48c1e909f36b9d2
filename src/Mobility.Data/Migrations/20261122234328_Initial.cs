using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Mobility.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:postgis", ",,");

            migrationBuilder.CreateTable(
                name: "networks",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "text", nullable: false),
                    time_zone = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_networks", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "carpool_groups",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    network_id = table.Column<long>(type: "bigint", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    direction = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    explanation = table.Column<string>(type: "jsonb", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_carpool_groups", x => x.id);
                    table.ForeignKey(
                        name: "FK_carpool_groups_networks_network_id",
                        column: x => x.network_id,
                        principalTable: "networks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "companies",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    network_id = table.Column<long>(type: "bigint", nullable: false),
                    external_id = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_companies", x => x.id);
                    table.ForeignKey(
                        name: "FK_companies_networks_network_id",
                        column: x => x.network_id,
                        principalTable: "networks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "shift_patterns",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    network_id = table.Column<long>(type: "bigint", nullable: false),
                    external_id = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    rotation_weeks = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_shift_patterns", x => x.id);
                    table.CheckConstraint("ck_shift_patterns_rotation_weeks", "rotation_weeks >= 1");
                    table.ForeignKey(
                        name: "FK_shift_patterns_networks_network_id",
                        column: x => x.network_id,
                        principalTable: "networks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "carpool_status_changes",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    carpool_group_id = table.Column<long>(type: "bigint", nullable: false),
                    employee_id = table.Column<long>(type: "bigint", nullable: true),
                    status = table.Column<string>(type: "text", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reason = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_carpool_status_changes", x => x.id);
                    table.ForeignKey(
                        name: "FK_carpool_status_changes_carpool_groups_carpool_group_id",
                        column: x => x.carpool_group_id,
                        principalTable: "carpool_groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "shuttle_plans",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    network_id = table.Column<long>(type: "bigint", nullable: false),
                    company_id = table.Column<long>(type: "bigint", nullable: true),
                    name = table.Column<string>(type: "text", nullable: false),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_shuttle_plans", x => x.id);
                    table.ForeignKey(
                        name: "FK_shuttle_plans_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "companies",
                        principalColumn: "id");
                    table.ForeignKey(
                        name: "FK_shuttle_plans_networks_network_id",
                        column: x => x.network_id,
                        principalTable: "networks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sites",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    network_id = table.Column<long>(type: "bigint", nullable: false),
                    company_id = table.Column<long>(type: "bigint", nullable: true),
                    external_id = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    location = table.Column<Point>(type: "geometry (point, 4326)", nullable: false),
                    address = table.Column<string>(type: "text", nullable: true),
                    commune = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sites", x => x.id);
                    table.CheckConstraint("ck_sites_location_valid", "ST_Y(location) BETWEEN -90 AND 90 AND ST_X(location) BETWEEN -180 AND 180");
                    table.ForeignKey(
                        name: "FK_sites_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_sites_networks_network_id",
                        column: x => x.network_id,
                        principalTable: "networks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "shift_slots",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    shift_pattern_id = table.Column<long>(type: "bigint", nullable: false),
                    week_index = table.Column<int>(type: "integer", nullable: false),
                    days = table.Column<int>(type: "integer", nullable: false),
                    start = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    end = table.Column<TimeOnly>(type: "time without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_shift_slots", x => x.id);
                    table.CheckConstraint("ck_shift_slots_days", "days > 0 AND days <= 127");
                    table.CheckConstraint("ck_shift_slots_week_index", "week_index >= 0");
                    table.ForeignKey(
                        name: "FK_shift_slots_shift_patterns_shift_pattern_id",
                        column: x => x.shift_pattern_id,
                        principalTable: "shift_patterns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "employees",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    company_id = table.Column<long>(type: "bigint", nullable: false),
                    external_id = table.Column<string>(type: "text", nullable: false),
                    first_name = table.Column<string>(type: "text", nullable: true),
                    last_name = table.Column<string>(type: "text", nullable: true),
                    main_site_id = table.Column<long>(type: "bigint", nullable: false),
                    home = table.Column<Point>(type: "geometry (point, 4326)", nullable: true),
                    commune = table.Column<string>(type: "text", nullable: true),
                    role = table.Column<string>(type: "text", nullable: false),
                    seats_offered = table.Column<int>(type: "integer", nullable: false),
                    max_detour_minutes = table.Column<int>(type: "integer", nullable: false),
                    max_detour_ratio = table.Column<double>(type: "double precision", nullable: false),
                    flexibility_minutes = table.Column<int>(type: "integer", nullable: false),
                    preferred_language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    consent_to_matching = table.Column<bool>(type: "boolean", nullable: false),
                    erased_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_employees", x => x.id);
                    table.CheckConstraint("ck_employees_erased_has_no_personal_data", "erased_at IS NULL OR (first_name IS NULL AND last_name IS NULL AND home IS NULL)");
                    table.CheckConstraint("ck_employees_flexibility_minutes", "flexibility_minutes >= 0");
                    table.CheckConstraint("ck_employees_home_valid", "home IS NULL OR ST_Y(home) BETWEEN -90 AND 90 AND ST_X(home) BETWEEN -180 AND 180");
                    table.CheckConstraint("ck_employees_max_detour_minutes", "max_detour_minutes >= 0");
                    table.CheckConstraint("ck_employees_max_detour_ratio", "max_detour_ratio >= 1");
                    table.CheckConstraint("ck_employees_preferred_language", "preferred_language IN ('fr', 'en')");
                    table.CheckConstraint("ck_employees_seats_offered", "seats_offered >= 0 AND seats_offered <= 8");
                    table.ForeignKey(
                        name: "FK_employees_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_employees_sites_main_site_id",
                        column: x => x.main_site_id,
                        principalTable: "sites",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "shuttle_vehicles",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    shuttle_plan_id = table.Column<long>(type: "bigint", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    capacity = table.Column<int>(type: "integer", nullable: false),
                    cost_per_kilometre = table.Column<decimal>(type: "numeric", nullable: false),
                    cost_per_hour = table.Column<decimal>(type: "numeric", nullable: false),
                    depot_site_id = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_shuttle_vehicles", x => x.id);
                    table.CheckConstraint("ck_shuttle_vehicles_capacity", "capacity > 0");
                    table.CheckConstraint("ck_shuttle_vehicles_costs", "cost_per_kilometre >= 0 AND cost_per_hour >= 0");
                    table.ForeignKey(
                        name: "FK_shuttle_vehicles_shuttle_plans_shuttle_plan_id",
                        column: x => x.shuttle_plan_id,
                        principalTable: "shuttle_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_shuttle_vehicles_sites_depot_site_id",
                        column: x => x.depot_site_id,
                        principalTable: "sites",
                        principalColumn: "id");
                });

            migrationBuilder.CreateTable(
                name: "carpool_members",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    carpool_group_id = table.Column<long>(type: "bigint", nullable: false),
                    employee_id = table.Column<long>(type: "bigint", nullable: false),
                    role = table.Column<string>(type: "text", nullable: false),
                    pickup_order = table.Column<int>(type: "integer", nullable: false),
                    pickup_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    pickup_location = table.Column<Point>(type: "geometry (point, 4326)", nullable: true),
                    meeting_point_site_id = table.Column<long>(type: "bigint", nullable: true),
                    drop_off_site_id = table.Column<long>(type: "bigint", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_carpool_members", x => x.id);
                    table.CheckConstraint("ck_carpool_members_pickup_order", "pickup_order >= 0");
                    table.CheckConstraint("ck_carpool_members_pickup_valid", "pickup_location IS NULL OR ST_Y(pickup_location) BETWEEN -90 AND 90 AND ST_X(pickup_location) BETWEEN -180 AND 180");
                    table.CheckConstraint("ck_carpool_members_role", "role IN ('Driver', 'Passenger')");
                    table.ForeignKey(
                        name: "FK_carpool_members_carpool_groups_carpool_group_id",
                        column: x => x.carpool_group_id,
                        principalTable: "carpool_groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_carpool_members_employees_employee_id",
                        column: x => x.employee_id,
                        principalTable: "employees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_carpool_members_sites_drop_off_site_id",
                        column: x => x.drop_off_site_id,
                        principalTable: "sites",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_carpool_members_sites_meeting_point_site_id",
                        column: x => x.meeting_point_site_id,
                        principalTable: "sites",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "shift_assignments",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    employee_id = table.Column<long>(type: "bigint", nullable: false),
                    shift_pattern_id = table.Column<long>(type: "bigint", nullable: false),
                    rotation_anchor = table.Column<DateOnly>(type: "date", nullable: false),
                    rotation_offset_weeks = table.Column<int>(type: "integer", nullable: false),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_shift_assignments", x => x.id);
                    table.CheckConstraint("ck_shift_assignments_anchor_monday", "EXTRACT(ISODOW FROM rotation_anchor) = 1");
                    table.CheckConstraint("ck_shift_assignments_dates", "valid_to IS NULL OR valid_to >= valid_from");
                    table.CheckConstraint("ck_shift_assignments_offset", "rotation_offset_weeks >= 0");
                    table.ForeignKey(
                        name: "FK_shift_assignments_employees_employee_id",
                        column: x => x.employee_id,
                        principalTable: "employees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_shift_assignments_shift_patterns_shift_pattern_id",
                        column: x => x.shift_pattern_id,
                        principalTable: "shift_patterns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "shift_exceptions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    employee_id = table.Column<long>(type: "bigint", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    start = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    end = table.Column<TimeOnly>(type: "time without time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_shift_exceptions", x => x.id);
                    table.CheckConstraint("ck_shift_exceptions_extra_shift_times", "kind <> 'ExtraShift' OR (start IS NOT NULL AND \"end\" IS NOT NULL)");
                    table.ForeignKey(
                        name: "FK_shift_exceptions_employees_employee_id",
                        column: x => x.employee_id,
                        principalTable: "employees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "shuttle_trips",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    shuttle_plan_id = table.Column<long>(type: "bigint", nullable: false),
                    shuttle_vehicle_id = table.Column<long>(type: "bigint", nullable: false),
                    shift_pattern_id = table.Column<long>(type: "bigint", nullable: true),
                    direction = table.Column<string>(type: "text", nullable: false),
                    days = table.Column<int>(type: "integer", nullable: false),
                    kilometres = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_shuttle_trips", x => x.id);
                    table.ForeignKey(
                        name: "FK_shuttle_trips_shift_patterns_shift_pattern_id",
                        column: x => x.shift_pattern_id,
                        principalTable: "shift_patterns",
                        principalColumn: "id");
                    table.ForeignKey(
                        name: "FK_shuttle_trips_shuttle_plans_shuttle_plan_id",
                        column: x => x.shuttle_plan_id,
                        principalTable: "shuttle_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_shuttle_trips_shuttle_vehicles_shuttle_vehicle_id",
                        column: x => x.shuttle_vehicle_id,
                        principalTable: "shuttle_vehicles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "shuttle_stops",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    shuttle_trip_id = table.Column<long>(type: "bigint", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    site_id = table.Column<long>(type: "bigint", nullable: false),
                    arrival = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    departure = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    boarding = table.Column<int>(type: "integer", nullable: false),
                    alighting = table.Column<int>(type: "integer", nullable: false),
                    load_after = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_shuttle_stops", x => x.id);
                    table.CheckConstraint("ck_shuttle_stops_counts", "boarding >= 0 AND alighting >= 0 AND load_after >= 0");
                    table.ForeignKey(
                        name: "FK_shuttle_stops_shuttle_trips_shuttle_trip_id",
                        column: x => x.shuttle_trip_id,
                        principalTable: "shuttle_trips",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_shuttle_stops_sites_site_id",
                        column: x => x.site_id,
                        principalTable: "sites",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_carpool_groups_network_id_date_direction",
                table: "carpool_groups",
                columns: new[] { "network_id", "date", "direction" });

            migrationBuilder.CreateIndex(
                name: "IX_carpool_members_carpool_group_id_employee_id",
                table: "carpool_members",
                columns: new[] { "carpool_group_id", "employee_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_carpool_members_drop_off_site_id",
                table: "carpool_members",
                column: "drop_off_site_id");

            migrationBuilder.CreateIndex(
                name: "IX_carpool_members_employee_id",
                table: "carpool_members",
                column: "employee_id");

            migrationBuilder.CreateIndex(
                name: "IX_carpool_members_meeting_point_site_id",
                table: "carpool_members",
                column: "meeting_point_site_id");

            migrationBuilder.CreateIndex(
                name: "IX_carpool_members_pickup_location",
                table: "carpool_members",
                column: "pickup_location")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "IX_carpool_status_changes_carpool_group_id",
                table: "carpool_status_changes",
                column: "carpool_group_id");

            migrationBuilder.CreateIndex(
                name: "IX_companies_network_id_external_id",
                table: "companies",
                columns: new[] { "network_id", "external_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_employees_company_id_external_id",
                table: "employees",
                columns: new[] { "company_id", "external_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_employees_home",
                table: "employees",
                column: "home")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "IX_employees_main_site_id",
                table: "employees",
                column: "main_site_id");

            migrationBuilder.CreateIndex(
                name: "IX_networks_name",
                table: "networks",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_shift_assignments_employee_id",
                table: "shift_assignments",
                column: "employee_id");

            migrationBuilder.CreateIndex(
                name: "IX_shift_assignments_shift_pattern_id",
                table: "shift_assignments",
                column: "shift_pattern_id");

            migrationBuilder.CreateIndex(
                name: "IX_shift_exceptions_employee_id_date",
                table: "shift_exceptions",
                columns: new[] { "employee_id", "date" });

            migrationBuilder.CreateIndex(
                name: "IX_shift_patterns_network_id_external_id",
                table: "shift_patterns",
                columns: new[] { "network_id", "external_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_shift_slots_shift_pattern_id",
                table: "shift_slots",
                column: "shift_pattern_id");

            migrationBuilder.CreateIndex(
                name: "IX_shuttle_plans_company_id",
                table: "shuttle_plans",
                column: "company_id");

            migrationBuilder.CreateIndex(
                name: "IX_shuttle_plans_network_id",
                table: "shuttle_plans",
                column: "network_id");

            migrationBuilder.CreateIndex(
                name: "IX_shuttle_stops_shuttle_trip_id_sequence",
                table: "shuttle_stops",
                columns: new[] { "shuttle_trip_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_shuttle_stops_site_id",
                table: "shuttle_stops",
                column: "site_id");

            migrationBuilder.CreateIndex(
                name: "IX_shuttle_trips_shift_pattern_id",
                table: "shuttle_trips",
                column: "shift_pattern_id");

            migrationBuilder.CreateIndex(
                name: "IX_shuttle_trips_shuttle_plan_id",
                table: "shuttle_trips",
                column: "shuttle_plan_id");

            migrationBuilder.CreateIndex(
                name: "IX_shuttle_trips_shuttle_vehicle_id",
                table: "shuttle_trips",
                column: "shuttle_vehicle_id");

            migrationBuilder.CreateIndex(
                name: "IX_shuttle_vehicles_depot_site_id",
                table: "shuttle_vehicles",
                column: "depot_site_id");

            migrationBuilder.CreateIndex(
                name: "IX_shuttle_vehicles_shuttle_plan_id",
                table: "shuttle_vehicles",
                column: "shuttle_plan_id");

            migrationBuilder.CreateIndex(
                name: "IX_sites_company_id",
                table: "sites",
                column: "company_id");

            migrationBuilder.CreateIndex(
                name: "IX_sites_location",
                table: "sites",
                column: "location")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "IX_sites_network_id_external_id",
                table: "sites",
                columns: new[] { "network_id", "external_id" },
                unique: true);

            // Distances are on the sphere (geography casts): index those expressions so ST_DWithin stays fast.
            migrationBuilder.Sql("""
                CREATE INDEX ix_sites_location_geography ON sites USING gist ((location::geography));
                CREATE INDEX ix_employees_home_geography ON employees USING gist ((home::geography));
                """);

            // A slot's week must exist in its pattern's rotation: a rule across two tables, so a trigger.
            migrationBuilder.Sql("""
                CREATE FUNCTION check_shift_slot_week() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF EXISTS (SELECT 1 FROM shift_slots s JOIN shift_patterns p ON p.id = s.shift_pattern_id
                               WHERE s.week_index >= p.rotation_weeks
                                 AND (s.shift_pattern_id = NEW.id AND TG_TABLE_NAME = 'shift_patterns'
                                      OR s.id = NEW.id AND TG_TABLE_NAME = 'shift_slots')) THEN
                        RAISE EXCEPTION 'shift slot week index must be below the pattern''s rotation weeks'
                            USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_shift_slots_week_in_rotation';
                    END IF;
                    RETURN NEW;
                END $$;
                CREATE CONSTRAINT TRIGGER tr_shift_slots_week_in_rotation AFTER INSERT OR UPDATE ON shift_slots
                    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION check_shift_slot_week();
                CREATE CONSTRAINT TRIGGER tr_shift_patterns_week_in_rotation AFTER UPDATE OF rotation_weeks ON shift_patterns
                    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION check_shift_slot_week();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS tr_shift_patterns_week_in_rotation ON shift_patterns;
                DROP TRIGGER IF EXISTS tr_shift_slots_week_in_rotation ON shift_slots;
                DROP FUNCTION IF EXISTS check_shift_slot_week();
                DROP INDEX IF EXISTS ix_employees_home_geography;
                DROP INDEX IF EXISTS ix_sites_location_geography;
                """);

            migrationBuilder.DropTable(
                name: "carpool_members");

            migrationBuilder.DropTable(
                name: "carpool_status_changes");

            migrationBuilder.DropTable(
                name: "shift_assignments");

            migrationBuilder.DropTable(
                name: "shift_exceptions");

            migrationBuilder.DropTable(
                name: "shift_slots");

            migrationBuilder.DropTable(
                name: "shuttle_stops");

            migrationBuilder.DropTable(
                name: "carpool_groups");

            migrationBuilder.DropTable(
                name: "employees");

            migrationBuilder.DropTable(
                name: "shuttle_trips");

            migrationBuilder.DropTable(
                name: "shift_patterns");

            migrationBuilder.DropTable(
                name: "shuttle_vehicles");

            migrationBuilder.DropTable(
                name: "shuttle_plans");

            migrationBuilder.DropTable(
                name: "sites");

            migrationBuilder.DropTable(
                name: "companies");

            migrationBuilder.DropTable(
                name: "networks");
        }
    }
}
