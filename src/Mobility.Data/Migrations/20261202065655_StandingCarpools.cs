using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Mobility.Data.Migrations
{
    /// <inheritdoc />
    public partial class StandingCarpools : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "standing_carpools",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    network_id = table.Column<long>(type: "bigint", nullable: false),
                    direction = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    plan = table.Column<string>(type: "jsonb", nullable: false),
                    signature = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    first_date = table.Column<DateOnly>(type: "date", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_standing_carpools", x => x.id);
                    table.ForeignKey(
                        name: "FK_standing_carpools_networks_network_id",
                        column: x => x.network_id,
                        principalTable: "networks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "standing_carpool_people",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    standing_carpool_id = table.Column<long>(type: "bigint", nullable: false),
                    employee_id = table.Column<long>(type: "bigint", nullable: false),
                    joined_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_standing_carpool_people", x => x.id);
                    table.ForeignKey(
                        name: "FK_standing_carpool_people_employees_employee_id",
                        column: x => x.employee_id,
                        principalTable: "employees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_standing_carpool_people_standing_carpools_standing_carpool_~",
                        column: x => x.standing_carpool_id,
                        principalTable: "standing_carpools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_standing_carpool_people_employee_id",
                table: "standing_carpool_people",
                column: "employee_id");

            migrationBuilder.CreateIndex(
                name: "IX_standing_carpool_people_standing_carpool_id_employee_id",
                table: "standing_carpool_people",
                columns: new[] { "standing_carpool_id", "employee_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_standing_carpools_network_id_signature",
                table: "standing_carpools",
                columns: new[] { "network_id", "signature" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "standing_carpool_people");

            migrationBuilder.DropTable(
                name: "standing_carpools");
        }
    }
}
