using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mobility.Data.Migrations
{
    /// <inheritdoc />
    public partial class JobFiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "job_files",
                columns: table => new
                {
                    job_id = table.Column<long>(type: "bigint", nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_job_files", x => x.job_id);
                    table.ForeignKey(
                        name: "FK_job_files_jobs_job_id",
                        column: x => x.job_id,
                        principalTable: "jobs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "job_files");
        }
    }
}
