using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Throughcare.Core.Infrastructure.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Episodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "InterventionList",
                table: "ServiceStrands",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "AtRiskMissedInARow",
                table: "Services",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "AtRiskWeeksWithoutContact",
                table: "Services",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "MinimumReengagementAttempts",
                table: "Services",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ReviewIntervalMonths",
                table: "Services",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<Guid>(
                name: "EndedByUserId",
                table: "EpisodeStrands",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CloseReason",
                table: "Episodes",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CloseReasonText",
                table: "Episodes",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ClosedAt",
                table: "Episodes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ClosureProposedAt",
                table: "Episodes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ClosureProposedByUserId",
                table: "Episodes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ClosureSignedOffByUserId",
                table: "Episodes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EndOfServiceSummary",
                table: "Episodes",
                type: "TEXT",
                maxLength: 8000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HardestThing1",
                table: "Episodes",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HardestThing2",
                table: "Episodes",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HardestThing3",
                table: "Episodes",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "HardestThingsRecordedAt",
                table: "Episodes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ReferringOrganisationId",
                table: "Episodes",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "ServiceOrganisationId",
                table: "Episodes",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            // Strands created before interventions were recorded take the list their worker role suggests.
            migrationBuilder.Sql("""
                UPDATE ServiceStrands SET InterventionList =
                    CASE WHEN WorkerRole IN ('clw', 'pathways-worker', 'peer-mentor') THEN 'practical' ELSE 'emotional' END
                """);

            // Episodes opened before these columns existed take them from their service and referral.
            migrationBuilder.Sql("""
                UPDATE Episodes SET
                    ServiceOrganisationId = (SELECT s.OrganisationId FROM Services s WHERE s.Id = Episodes.ServiceId),
                    ReferringOrganisationId = (SELECT r.ReferringOrganisationId FROM Referrals r WHERE r.Id = Episodes.ReferralId)
                """);

            migrationBuilder.CreateTable(
                name: "Contacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceStrandId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DurationMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Attendance = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Interventions = table.Column<string>(type: "TEXT", nullable: false),
                    Pathways = table.Column<string>(type: "TEXT", nullable: false),
                    IsReengagementAttempt = table.Column<bool>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    NoteRestricted = table.Column<bool>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CorrectedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CorrectedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Contacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Contacts_Episodes_EpisodeId",
                        column: x => x.EpisodeId,
                        principalTable: "Episodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Contacts_ServiceStrands_ServiceStrandId",
                        column: x => x.ServiceStrandId,
                        principalTable: "ServiceStrands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EpisodeExtensions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ToDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ByUserId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EpisodeExtensions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EpisodeExtensions_Episodes_EpisodeId",
                        column: x => x.EpisodeId,
                        principalTable: "Episodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EpisodeReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EpisodeReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EpisodeReviews_Episodes_EpisodeId",
                        column: x => x.EpisodeId,
                        principalTable: "Episodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EpisodeTransitions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EpisodeTransitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EpisodeTransitions_Episodes_EpisodeId",
                        column: x => x.EpisodeId,
                        principalTable: "Episodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Goals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Pathway = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Goals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Goals_Episodes_EpisodeId",
                        column: x => x.EpisodeId,
                        principalTable: "Episodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Instruments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Definition = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Retired = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Instruments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Instruments_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "NeedsAssessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Occasion = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AssessedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NeedsAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NeedsAssessments_Episodes_EpisodeId",
                        column: x => x.EpisodeId,
                        principalTable: "Episodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReflectiveReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WhatIsGoingOn = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    WhatMayHaveBeenMissed = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    WhatWasTried = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReflectiveReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReflectiveReviews_Episodes_EpisodeId",
                        column: x => x.EpisodeId,
                        principalTable: "Episodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContactRevisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContactId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Snapshot = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    NoteRestricted = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReplacedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReplacedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CorrectionReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContactRevisions_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GoalActions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GoalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GoalActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GoalActions_Goals_GoalId",
                        column: x => x.GoalId,
                        principalTable: "Goals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeasureResults",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstrumentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Occasion = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TakenOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Answers = table.Column<string>(type: "TEXT", nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: false),
                    Band = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeasureResults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeasureResults_Episodes_EpisodeId",
                        column: x => x.EpisodeId,
                        principalTable: "Episodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MeasureResults_Instruments_InstrumentId",
                        column: x => x.InstrumentId,
                        principalTable: "Instruments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "NeedRatings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssessmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Pathway = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NeedRatings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NeedRatings_NeedsAssessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "NeedsAssessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EpisodeStrands_ServiceStrandId",
                table: "EpisodeStrands",
                column: "ServiceStrandId");

            migrationBuilder.CreateIndex(
                name: "IX_Episodes_ReferringOrganisationId",
                table: "Episodes",
                column: "ReferringOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Episodes_ServiceOrganisationId",
                table: "Episodes",
                column: "ServiceOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactRevisions_ContactId_Number",
                table: "ContactRevisions",
                columns: new[] { "ContactId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_EpisodeId_OccurredAt",
                table: "Contacts",
                columns: new[] { "EpisodeId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_ServiceStrandId",
                table: "Contacts",
                column: "ServiceStrandId");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_SubmissionId",
                table: "Contacts",
                column: "SubmissionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EpisodeExtensions_EpisodeId",
                table: "EpisodeExtensions",
                column: "EpisodeId");

            migrationBuilder.CreateIndex(
                name: "IX_EpisodeReviews_EpisodeId",
                table: "EpisodeReviews",
                column: "EpisodeId");

            migrationBuilder.CreateIndex(
                name: "IX_EpisodeReviews_SubmissionId",
                table: "EpisodeReviews",
                column: "SubmissionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EpisodeTransitions_EpisodeId",
                table: "EpisodeTransitions",
                column: "EpisodeId");

            migrationBuilder.CreateIndex(
                name: "IX_GoalActions_EpisodeId",
                table: "GoalActions",
                column: "EpisodeId");

            migrationBuilder.CreateIndex(
                name: "IX_GoalActions_GoalId",
                table: "GoalActions",
                column: "GoalId");

            migrationBuilder.CreateIndex(
                name: "IX_GoalActions_SubmissionId",
                table: "GoalActions",
                column: "SubmissionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Goals_EpisodeId",
                table: "Goals",
                column: "EpisodeId");

            migrationBuilder.CreateIndex(
                name: "IX_Goals_SubmissionId",
                table: "Goals",
                column: "SubmissionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Instruments_OrganisationId_Code",
                table: "Instruments",
                columns: new[] { "OrganisationId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeasureResults_EpisodeId_InstrumentId_TakenOn",
                table: "MeasureResults",
                columns: new[] { "EpisodeId", "InstrumentId", "TakenOn" });

            migrationBuilder.CreateIndex(
                name: "IX_MeasureResults_InstrumentId",
                table: "MeasureResults",
                column: "InstrumentId");

            migrationBuilder.CreateIndex(
                name: "IX_MeasureResults_SubmissionId",
                table: "MeasureResults",
                column: "SubmissionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NeedRatings_AssessmentId_Pathway",
                table: "NeedRatings",
                columns: new[] { "AssessmentId", "Pathway" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NeedsAssessments_EpisodeId",
                table: "NeedsAssessments",
                column: "EpisodeId");

            migrationBuilder.CreateIndex(
                name: "IX_NeedsAssessments_SubmissionId",
                table: "NeedsAssessments",
                column: "SubmissionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReflectiveReviews_EpisodeId",
                table: "ReflectiveReviews",
                column: "EpisodeId");

            migrationBuilder.CreateIndex(
                name: "IX_ReflectiveReviews_SubmissionId",
                table: "ReflectiveReviews",
                column: "SubmissionId",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Episodes_Organisations_ReferringOrganisationId",
                table: "Episodes",
                column: "ReferringOrganisationId",
                principalTable: "Organisations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Episodes_Organisations_ServiceOrganisationId",
                table: "Episodes",
                column: "ServiceOrganisationId",
                principalTable: "Organisations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_EpisodeStrands_ServiceStrands_ServiceStrandId",
                table: "EpisodeStrands",
                column: "ServiceStrandId",
                principalTable: "ServiceStrands",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Episodes_Organisations_ReferringOrganisationId",
                table: "Episodes");

            migrationBuilder.DropForeignKey(
                name: "FK_Episodes_Organisations_ServiceOrganisationId",
                table: "Episodes");

            migrationBuilder.DropForeignKey(
                name: "FK_EpisodeStrands_ServiceStrands_ServiceStrandId",
                table: "EpisodeStrands");

            migrationBuilder.DropTable(
                name: "ContactRevisions");

            migrationBuilder.DropTable(
                name: "EpisodeExtensions");

            migrationBuilder.DropTable(
                name: "EpisodeReviews");

            migrationBuilder.DropTable(
                name: "EpisodeTransitions");

            migrationBuilder.DropTable(
                name: "GoalActions");

            migrationBuilder.DropTable(
                name: "MeasureResults");

            migrationBuilder.DropTable(
                name: "NeedRatings");

            migrationBuilder.DropTable(
                name: "ReflectiveReviews");

            migrationBuilder.DropTable(
                name: "Contacts");

            migrationBuilder.DropTable(
                name: "Goals");

            migrationBuilder.DropTable(
                name: "Instruments");

            migrationBuilder.DropTable(
                name: "NeedsAssessments");

            migrationBuilder.DropIndex(
                name: "IX_EpisodeStrands_ServiceStrandId",
                table: "EpisodeStrands");

            migrationBuilder.DropIndex(
                name: "IX_Episodes_ReferringOrganisationId",
                table: "Episodes");

            migrationBuilder.DropIndex(
                name: "IX_Episodes_ServiceOrganisationId",
                table: "Episodes");

            migrationBuilder.DropColumn(
                name: "InterventionList",
                table: "ServiceStrands");

            migrationBuilder.DropColumn(
                name: "AtRiskMissedInARow",
                table: "Services");

            migrationBuilder.DropColumn(
                name: "AtRiskWeeksWithoutContact",
                table: "Services");

            migrationBuilder.DropColumn(
                name: "MinimumReengagementAttempts",
                table: "Services");

            migrationBuilder.DropColumn(
                name: "ReviewIntervalMonths",
                table: "Services");

            migrationBuilder.DropColumn(
                name: "EndedByUserId",
                table: "EpisodeStrands");

            migrationBuilder.DropColumn(
                name: "CloseReason",
                table: "Episodes");

            migrationBuilder.DropColumn(
                name: "CloseReasonText",
                table: "Episodes");

            migrationBuilder.DropColumn(
                name: "ClosedAt",
                table: "Episodes");

            migrationBuilder.DropColumn(
                name: "ClosureProposedAt",
                table: "Episodes");

            migrationBuilder.DropColumn(
                name: "ClosureProposedByUserId",
                table: "Episodes");

            migrationBuilder.DropColumn(
                name: "ClosureSignedOffByUserId",
                table: "Episodes");

            migrationBuilder.DropColumn(
                name: "EndOfServiceSummary",
                table: "Episodes");

            migrationBuilder.DropColumn(
                name: "HardestThing1",
                table: "Episodes");

            migrationBuilder.DropColumn(
                name: "HardestThing2",
                table: "Episodes");

            migrationBuilder.DropColumn(
                name: "HardestThing3",
                table: "Episodes");

            migrationBuilder.DropColumn(
                name: "HardestThingsRecordedAt",
                table: "Episodes");

            migrationBuilder.DropColumn(
                name: "ReferringOrganisationId",
                table: "Episodes");

            migrationBuilder.DropColumn(
                name: "ServiceOrganisationId",
                table: "Episodes");
        }
    }
}
