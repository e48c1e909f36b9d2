using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mobility.Data.Migrations
{
    /// <inheritdoc />
    public partial class ShuttleCalls : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => Rename(migrationBuilder, "shuttle_stops", "shuttle_calls");

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => Rename(migrationBuilder, "shuttle_calls", "shuttle_stops");

        /// <summary>A stored trip's timed calls were called stops, the word for the places: the table and its keys,
        /// indexes and constraint take the new name, and every row stays.</summary>
        private static void Rename(MigrationBuilder migration, string from, string to)
        {
            migration.RenameTable(name: from, newName: to);
            migration.Sql($"ALTER TABLE {to} RENAME CONSTRAINT \"PK_{from}\" TO \"PK_{to}\"");
            migration.Sql($"ALTER TABLE {to} RENAME CONSTRAINT \"FK_{from}_shuttle_trips_shuttle_trip_id\" TO \"FK_{to}_shuttle_trips_shuttle_trip_id\"");
            migration.Sql($"ALTER TABLE {to} RENAME CONSTRAINT \"FK_{from}_sites_site_id\" TO \"FK_{to}_sites_site_id\"");
            migration.Sql($"ALTER TABLE {to} RENAME CONSTRAINT ck_{from}_counts TO ck_{to}_counts");
            migration.RenameIndex(name: $"IX_{from}_shuttle_trip_id_sequence", table: to, newName: $"IX_{to}_shuttle_trip_id_sequence");
            migration.RenameIndex(name: $"IX_{from}_site_id", table: to, newName: $"IX_{to}_site_id");
        }
    }
}
