using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mobility.Data.Migrations
{
    /// <inheritdoc />
    public partial class ShiftPatternOwner : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "owner_company_id",
                table: "shift_patterns",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_shift_patterns_owner_company_id",
                table: "shift_patterns",
                column: "owner_company_id");

            migrationBuilder.AddForeignKey(
                name: "FK_shift_patterns_companies_owner_company_id",
                table: "shift_patterns",
                column: "owner_company_id",
                principalTable: "companies",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_shift_patterns_companies_owner_company_id",
                table: "shift_patterns");

            migrationBuilder.DropIndex(
                name: "IX_shift_patterns_owner_company_id",
                table: "shift_patterns");

            migrationBuilder.DropColumn(
                name: "owner_company_id",
                table: "shift_patterns");
        }
    }
}
