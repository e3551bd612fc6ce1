using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Throughcare.Core.Infrastructure.Database.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class CareRoleBasis : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EndReason",
                table: "PersonCareRoles",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ReferralId",
                table: "PersonCareRoles",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_PersonCareRoles_ReferralId",
                table: "PersonCareRoles",
                column: "ReferralId");

            // Each existing role of kind Referral is tied to the latest referral that gave it, and ended as the domain
            // now ends roles: at the decision for a declined or withdrawn referral, after the follow-up period for a
            // closed episode.
            migrationBuilder.Sql("""
                UPDATE "PersonCareRoles" SET "ReferralId" = (
                    SELECT r."Id" FROM "Referrals" r JOIN "Services" s ON s."Id" = r."ServiceId"
                    WHERE r."PersonId" = "PersonCareRoles"."PersonId" AND s."OrganisationId" = "PersonCareRoles"."OrganisationId" AND r."State" <> 'Draft'
                    ORDER BY r."SubmittedAt" DESC LIMIT 1)
                WHERE "Kind" = 'Referral'
                """);
            migrationBuilder.Sql("""
                UPDATE "PersonCareRoles" SET
                    "EndedAt" = COALESCE((SELECT r."DecidedAt" FROM "Referrals" r WHERE r."Id" = "PersonCareRoles"."ReferralId"), "StartedAt"),
                    "EndReason" = 'Referral ' || lower((SELECT r."State" FROM "Referrals" r WHERE r."Id" = "PersonCareRoles"."ReferralId"))
                WHERE "EndedAt" IS NULL
                    AND (SELECT r."State" FROM "Referrals" r WHERE r."Id" = "PersonCareRoles"."ReferralId") IN ('Declined', 'Withdrawn')
                """);
            migrationBuilder.Sql("""
                UPDATE "PersonCareRoles" SET
                    "EndedAt" = (SELECT e."ClosedAt" + interval '90 days' FROM "Episodes" e WHERE e."ReferralId" = "PersonCareRoles"."ReferralId"),
                    "EndReason" = 'Episode closed; follow-up of 90 days'
                WHERE "EndedAt" IS NULL
                    AND EXISTS (SELECT 1 FROM "Episodes" e WHERE e."ReferralId" = "PersonCareRoles"."ReferralId" AND e."State" = 'Closed' AND e."ClosedAt" IS NOT NULL)
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PersonCareRoles_ReferralId",
                table: "PersonCareRoles");

            migrationBuilder.DropColumn(
                name: "EndReason",
                table: "PersonCareRoles");

            migrationBuilder.DropColumn(
                name: "ReferralId",
                table: "PersonCareRoles");
        }
    }
}
