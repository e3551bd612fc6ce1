using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Throughcare.Core.Infrastructure.Database.Migrations.PostgreSql
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Label = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Retired = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
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

            // Contacts keep their pathways as an array of codes.
            migrationBuilder.Sql($"UPDATE \"Contacts\" SET \"Pathways\" = array_replace(\"Pathways\", '{from}', '{to}') WHERE '{from}' = ANY(\"Pathways\");");
        }
    }
}
