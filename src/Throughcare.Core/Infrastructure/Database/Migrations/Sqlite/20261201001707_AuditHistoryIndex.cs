using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Throughcare.Core.Infrastructure.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditHistoryIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_PersonId_Sequence_Changes",
                table: "AuditEvents",
                columns: new[] { "PersonId", "Sequence" },
                filter: "\"EventType\" IS NOT NULL OR \"Action\" = 'create' OR \"Action\" = 'update' OR \"Action\" = 'merge' OR \"Action\" = 'merged-into'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AuditEvents_PersonId_Sequence_Changes",
                table: "AuditEvents");
        }
    }
}
