using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Mobility.Data.Migrations
{
    /// <inheritdoc />
    public partial class RideHome : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ride_home_instructions",
                table: "companies",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ride_home_kind",
                table: "companies",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "None"); // companies before the ride home offer nothing

            migrationBuilder.AddColumn<decimal>(
                name: "ride_home_max_per_ride_euros",
                table: "companies",
                type: "numeric(10,2)",
                precision: 10,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "ride_home_monthly_budget_euros",
                table: "companies",
                type: "numeric(10,2)",
                precision: 10,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "note",
                table: "carpool_status_changes",
                type: "character varying(280)",
                maxLength: 280,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "reason_code",
                table: "carpool_status_changes",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ride_home_cases",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    company_id = table.Column<long>(type: "bigint", nullable: false),
                    employee_id = table.Column<long>(type: "bigint", nullable: false),
                    carpool_group_id = table.Column<long>(type: "bigint", nullable: true),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    direction = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    cause = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    fallback = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    kilometres = table.Column<double>(type: "double precision", nullable: false),
                    estimated_cost_euros = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false),
                    allowance_euros = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false),
                    budget_exhausted = table.Column<bool>(type: "boolean", nullable: false),
                    state = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ride_home_cases", x => x.id);
                    table.CheckConstraint("ck_ride_home_cases_amounts", "estimated_cost_euros >= 0 AND allowance_euros >= 0 AND kilometres >= 0");
                    table.ForeignKey(
                        name: "FK_ride_home_cases_carpool_groups_carpool_group_id",
                        column: x => x.carpool_group_id,
                        principalTable: "carpool_groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ride_home_cases_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ride_home_cases_employees_employee_id",
                        column: x => x.employee_id,
                        principalTable: "employees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.AddCheckConstraint(
                name: "ck_companies_ride_home_amounts",
                table: "companies",
                sql: "(ride_home_monthly_budget_euros IS NULL OR ride_home_monthly_budget_euros >= 0) AND (ride_home_max_per_ride_euros IS NULL OR ride_home_max_per_ride_euros >= 0)");

            migrationBuilder.AddCheckConstraint(
                name: "ck_carpool_status_changes_reason_code",
                table: "carpool_status_changes",
                sql: "reason_code IS NULL OR reason_code IN ('sick', 'schedule-changed', 'car-unavailable', 'other')");

            migrationBuilder.CreateIndex(
                name: "IX_ride_home_cases_carpool_group_id",
                table: "ride_home_cases",
                column: "carpool_group_id");

            migrationBuilder.CreateIndex(
                name: "IX_ride_home_cases_company_id_date",
                table: "ride_home_cases",
                columns: new[] { "company_id", "date" });

            migrationBuilder.CreateIndex(
                name: "IX_ride_home_cases_employee_id",
                table: "ride_home_cases",
                column: "employee_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ride_home_cases");

            migrationBuilder.DropCheckConstraint(
                name: "ck_companies_ride_home_amounts",
                table: "companies");

            migrationBuilder.DropCheckConstraint(
                name: "ck_carpool_status_changes_reason_code",
                table: "carpool_status_changes");

            migrationBuilder.DropColumn(
                name: "ride_home_instructions",
                table: "companies");

            migrationBuilder.DropColumn(
                name: "ride_home_kind",
                table: "companies");

            migrationBuilder.DropColumn(
                name: "ride_home_max_per_ride_euros",
                table: "companies");

            migrationBuilder.DropColumn(
                name: "ride_home_monthly_budget_euros",
                table: "companies");

            migrationBuilder.DropColumn(
                name: "note",
                table: "carpool_status_changes");

            migrationBuilder.DropColumn(
                name: "reason_code",
                table: "carpool_status_changes");
        }
    }
}
