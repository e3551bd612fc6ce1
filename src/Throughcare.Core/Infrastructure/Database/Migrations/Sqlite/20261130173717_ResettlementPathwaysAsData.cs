using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Throughcare.Core.Infrastructure.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ResettlementPathwaysAsData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ResettlementPathways",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Retired = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResettlementPathways", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ResettlementPathways_Code",
                table: "ResettlementPathways",
                column: "Code",
                unique: true);

            ResettlementPathwaysSeed.Insert(migrationBuilder);
            MovePathway(migrationBuilder, ResettlementPathwaysSeed.FormerDrugs, ResettlementPathwaysSeed.Drugs);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            MovePathway(migrationBuilder, ResettlementPathwaysSeed.Drugs, ResettlementPathwaysSeed.FormerDrugs);
            migrationBuilder.DropTable(
                name: "ResettlementPathways");
        }

        private static void MovePathway(MigrationBuilder migrationBuilder, string from, string to)
        {
            ResettlementPathwaysSeed.MoveSingleCodes(migrationBuilder, from, to);

            // Contacts keep their pathways as a JSON array of codes.
            migrationBuilder.Sql($"UPDATE \"Contacts\" SET \"Pathways\" = replace(\"Pathways\", '\"{from}\"', '\"{to}\"') WHERE \"Pathways\" LIKE '%\"{from}\"%';");
        }
    }
}
