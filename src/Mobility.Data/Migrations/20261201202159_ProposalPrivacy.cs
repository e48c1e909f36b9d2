using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;

#nullable disable

namespace Mobility.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProposalPrivacy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Point>(
                name: "approximate_home",
                table: "employees",
                type: "geometry (point, 4326)",
                nullable: true);

            // Stored messages used to carry co-members' data (ids, distances, times at home); they now name their group
            // only and are shown as the group is when read, so erasure reaches them too.
            migrationBuilder.Sql("UPDATE notifications SET payload = jsonb_build_object('groupId', payload->'groupId')");
            // Everyone with a home gets an approximate one now (ApproximatePlace: 400-700 m away, random direction).
            migrationBuilder.Sql("UPDATE employees SET approximate_home = ST_SetSRID(ST_SnapToGrid(ST_Project(home::geography, " +
                                 "400 + random() * 300, random() * 2 * pi())::geometry, 0.0001), 4326) WHERE home IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "approximate_home",
                table: "employees");
        }
    }
}
