using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mobility.Data.Migrations
{
    /// <inheritdoc />
    public partial class MeetingPointsAndUnmatchedTrips : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_carpool_members_sites_meeting_point_site_id",
                table: "carpool_members");

            migrationBuilder.AddColumn<long>(
                name: "preferred_meeting_point_id",
                table: "employees",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "unmatched_trips",
                columns: table => new
                {
                    employee_id = table.Column<long>(type: "bigint", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    direction = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    network_id = table.Column<long>(type: "bigint", nullable: false),
                    reason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_unmatched_trips", x => new { x.employee_id, x.date, x.direction });
                    table.ForeignKey(
                        name: "FK_unmatched_trips_employees_employee_id",
                        column: x => x.employee_id,
                        principalTable: "employees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_unmatched_trips_networks_network_id",
                        column: x => x.network_id,
                        principalTable: "networks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_employees_preferred_meeting_point_id",
                table: "employees",
                column: "preferred_meeting_point_id");

            migrationBuilder.CreateIndex(
                name: "IX_unmatched_trips_network_id_date",
                table: "unmatched_trips",
                columns: new[] { "network_id", "date" });

            migrationBuilder.AddForeignKey(
                name: "FK_carpool_members_sites_meeting_point_site_id",
                table: "carpool_members",
                column: "meeting_point_site_id",
                principalTable: "sites",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_employees_sites_preferred_meeting_point_id",
                table: "employees",
                column: "preferred_meeting_point_id",
                principalTable: "sites",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_carpool_members_sites_meeting_point_site_id",
                table: "carpool_members");

            migrationBuilder.DropForeignKey(
                name: "FK_employees_sites_preferred_meeting_point_id",
                table: "employees");

            migrationBuilder.DropTable(
                name: "unmatched_trips");

            migrationBuilder.DropIndex(
                name: "IX_employees_preferred_meeting_point_id",
                table: "employees");

            migrationBuilder.DropColumn(
                name: "preferred_meeting_point_id",
                table: "employees");

            migrationBuilder.AddForeignKey(
                name: "FK_carpool_members_sites_meeting_point_site_id",
                table: "carpool_members",
                column: "meeting_point_site_id",
                principalTable: "sites",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
