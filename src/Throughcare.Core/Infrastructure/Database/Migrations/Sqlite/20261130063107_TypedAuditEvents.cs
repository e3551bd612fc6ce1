using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Throughcare.Core.Infrastructure.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TypedAuditEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AuditEvents_PersonId",
                table: "AuditEvents");

            migrationBuilder.AddColumn<Guid>(
                name: "AggregateId",
                table: "AuditEvents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EventType",
                table: "AuditEvents",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_AggregateId",
                table: "AuditEvents",
                column: "AggregateId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_PersonId_Sequence",
                table: "AuditEvents",
                columns: new[] { "PersonId", "Sequence" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AuditEvents_AggregateId",
                table: "AuditEvents");

            migrationBuilder.DropIndex(
                name: "IX_AuditEvents_PersonId_Sequence",
                table: "AuditEvents");

            migrationBuilder.DropColumn(
                name: "AggregateId",
                table: "AuditEvents");

            migrationBuilder.DropColumn(
                name: "EventType",
                table: "AuditEvents");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_PersonId",
                table: "AuditEvents",
                column: "PersonId");
        }
    }
}
