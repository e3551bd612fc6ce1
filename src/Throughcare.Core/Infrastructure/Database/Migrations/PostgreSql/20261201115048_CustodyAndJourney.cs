using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Throughcare.Core.Infrastructure.Database.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class CustodyAndJourney : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "CustodyPeriodId",
                table: "PersonCareRoles",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Borough",
                table: "Organisations",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "BoroughLeads",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Borough = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OrganisationName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    AddedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AddedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    RemovedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RemovedByUserId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BoroughLeads", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BoroughLeads_AspNetUsers_AddedByUserId",
                        column: x => x.AddedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BoroughLeads_AspNetUsers_RemovedByUserId",
                        column: x => x.RemovedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "JourneyTemplates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PublishedByUserId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JourneyTemplates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JourneyTemplates_AspNetUsers_PublishedByUserId",
                        column: x => x.PublishedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReleaseListSends",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Borough = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    ScheduledWeek = table.Column<DateOnly>(type: "date", nullable: true),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SentByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    WindowWeeks = table.Column<int>(type: "integer", nullable: false),
                    Recipients = table.Column<string>(type: "text", nullable: false),
                    Rows = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReleaseListSends", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReleaseListSends_AspNetUsers_SentByUserId",
                        column: x => x.SentByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CustodyPeriods",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReceptionPrisonId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReceptionOn = table.Column<DateOnly>(type: "date", nullable: false),
                    SentenceOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SentenceType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SentenceLengthMonths = table.Column<int>(type: "integer", nullable: true),
                    ConditionalReleaseOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ParoleEligibilityOn = table.Column<DateOnly>(type: "date", nullable: true),
                    TariffExpiryOn = table.Column<DateOnly>(type: "date", nullable: true),
                    HomeDetentionCurfewEligibilityOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ExpectedReleaseOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ExpectedReleaseConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    LicenceExpiryOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SentenceExpiryOn = table.Column<DateOnly>(type: "date", nullable: true),
                    TopUpSupervisionEndOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReleaseBorough = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Accommodation = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ReleasedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReleaseKind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    AccommodationAtThreeMonths = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Engagement = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Ete = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    OutcomesRecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    OutcomesRecordedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecalledFromPeriodId = table.Column<Guid>(type: "uuid", nullable: true),
                    JourneyTemplateId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    SubmissionId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustodyPeriods", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CustodyPeriods_AspNetUsers_CreatedByUserId",
                        column: x => x.CreatedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CustodyPeriods_CustodyPeriods_RecalledFromPeriodId",
                        column: x => x.RecalledFromPeriodId,
                        principalTable: "CustodyPeriods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CustodyPeriods_JourneyTemplates_JourneyTemplateId",
                        column: x => x.JourneyTemplateId,
                        principalTable: "JourneyTemplates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CustodyPeriods_Organisations_ReceptionPrisonId",
                        column: x => x.ReceptionPrisonId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CustodyPeriods_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MilestoneDefinitions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TemplateId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Anchor = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AnchorMilestoneCode = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Offset = table.Column<int>(type: "integer", nullable: false),
                    Unit = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OnlyIfSentenceOverMonths = table.Column<int>(type: "integer", nullable: true),
                    OnlyIfIndeterminate = table.Column<bool>(type: "boolean", nullable: false),
                    OnlyIfNoAccommodation = table.Column<bool>(type: "boolean", nullable: false),
                    OnlyIfBorough = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    OnlyIfServiceId = table.Column<Guid>(type: "uuid", nullable: true),
                    OwnerKind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Owner = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    ReminderDaysBefore = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MilestoneDefinitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MilestoneDefinitions_JourneyTemplates_TemplateId",
                        column: x => x.TemplateId,
                        principalTable: "JourneyTemplates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MilestoneDefinitions_Services_OnlyIfServiceId",
                        column: x => x.OnlyIfServiceId,
                        principalTable: "Services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CustodyMoves",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CustodyPeriodId = table.Column<Guid>(type: "uuid", nullable: false),
                    FromPrisonId = table.Column<Guid>(type: "uuid", nullable: false),
                    ToPrisonId = table.Column<Guid>(type: "uuid", nullable: false),
                    MovedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedByUserId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustodyMoves", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CustodyMoves_AspNetUsers_RecordedByUserId",
                        column: x => x.RecordedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CustodyMoves_CustodyPeriods_CustodyPeriodId",
                        column: x => x.CustodyPeriodId,
                        principalTable: "CustodyPeriods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CustodyMoves_Organisations_FromPrisonId",
                        column: x => x.FromPrisonId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CustodyMoves_Organisations_ToPrisonId",
                        column: x => x.ToPrisonId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "KeyDateChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CustodyPeriodId = table.Column<Guid>(type: "uuid", nullable: false),
                    KeyDate = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: true),
                    To = table.Column<DateOnly>(type: "date", nullable: true),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ChangedByUserId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KeyDateChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KeyDateChanges_AspNetUsers_ChangedByUserId",
                        column: x => x.ChangedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_KeyDateChanges_CustodyPeriods_CustodyPeriodId",
                        column: x => x.CustodyPeriodId,
                        principalTable: "CustodyPeriods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Milestones",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    CustodyPeriodId = table.Column<Guid>(type: "uuid", nullable: false),
                    DefinitionId = table.Column<Guid>(type: "uuid", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Applies = table.Column<bool>(type: "boolean", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Evidence = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    NotApplicableReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RecordedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    RemindedFor = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Milestones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Milestones_AspNetUsers_RecordedByUserId",
                        column: x => x.RecordedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Milestones_CustodyPeriods_CustodyPeriodId",
                        column: x => x.CustodyPeriodId,
                        principalTable: "CustodyPeriods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Milestones_MilestoneDefinitions_DefinitionId",
                        column: x => x.DefinitionId,
                        principalTable: "MilestoneDefinitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Milestones_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "JourneyTemplates",
                columns: new[] { "Id", "Name", "PublishedAt", "PublishedByUserId", "Version" },
                values: new object[] { new Guid("6a0f3c1e-2b4d-4e7a-9c11-000000000001"), "Custody to community", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), null, 1 });

            migrationBuilder.InsertData(
                table: "MilestoneDefinitions",
                columns: new[] { "Id", "Anchor", "AnchorMilestoneCode", "Code", "Offset", "OnlyIfBorough", "OnlyIfIndeterminate", "OnlyIfNoAccommodation", "OnlyIfSentenceOverMonths", "OnlyIfServiceId", "Order", "Owner", "OwnerKind", "ReminderDaysBefore", "TemplateId", "Title", "Unit" },
                values: new object[,]
                {
                    { new Guid("6a0f3c1e-2b4d-4e7a-9c11-100000000001"), "Reception", null, "first-night", 0, null, false, false, null, null, 1, "Prison", "OrganisationKind", 7, new Guid("6a0f3c1e-2b4d-4e7a-9c11-000000000001"), "First-night needs assessment", "CalendarDays" },
                    { new Guid("6a0f3c1e-2b4d-4e7a-9c11-100000000002"), "Reception", null, "wing-induction", 5, null, false, false, null, null, 2, "Prison", "OrganisationKind", 7, new Guid("6a0f3c1e-2b4d-4e7a-9c11-000000000001"), "Wing induction", "WorkingDays" },
                    { new Guid("6a0f3c1e-2b4d-4e7a-9c11-100000000003"), "Reception", null, "initial-needs-assessment", 10, null, false, false, null, null, 3, "Prison", "OrganisationKind", 7, new Guid("6a0f3c1e-2b4d-4e7a-9c11-000000000001"), "Initial needs assessment", "WorkingDays" },
                    { new Guid("6a0f3c1e-2b4d-4e7a-9c11-100000000004"), "Reception", null, "pathway-referrals", 15, null, false, false, null, null, 4, "Prison", "OrganisationKind", 7, new Guid("6a0f3c1e-2b4d-4e7a-9c11-000000000001"), "Initial referrals to the resettlement pathway leads", "WorkingDays" },
                    { new Guid("6a0f3c1e-2b4d-4e7a-9c11-100000000005"), "Sentence", null, "oasys", 15, null, false, false, null, null, 5, "Probation", "OrganisationKind", 7, new Guid("6a0f3c1e-2b4d-4e7a-9c11-000000000001"), "OASys assessment completed by the offender manager", "CalendarDays" },
                    { new Guid("6a0f3c1e-2b4d-4e7a-9c11-100000000006"), "Sentence", null, "supervision-plan", 15, null, false, false, null, null, 6, "Probation", "OrganisationKind", 7, new Guid("6a0f3c1e-2b4d-4e7a-9c11-000000000001"), "Initial supervision plan", "CalendarDays" },
                    { new Guid("6a0f3c1e-2b4d-4e7a-9c11-100000000007"), "Sentence", null, "offender-supervisor-assessment", 21, null, false, false, null, null, 7, "Prison", "OrganisationKind", 7, new Guid("6a0f3c1e-2b4d-4e7a-9c11-000000000001"), "Offender supervisor assessment", "CalendarDays" },
                    { new Guid("6a0f3c1e-2b4d-4e7a-9c11-100000000008"), "Sentence", null, "initial-conference", 21, null, false, false, null, null, 8, "Probation", "OrganisationKind", 7, new Guid("6a0f3c1e-2b4d-4e7a-9c11-000000000001"), "Initial case conference", "CalendarDays" },
                    { new Guid("6a0f3c1e-2b4d-4e7a-9c11-100000000009"), "Reception", null, "housing-assessment", 28, null, false, false, null, null, 9, "LocalAuthority", "OrganisationKind", 7, new Guid("6a0f3c1e-2b4d-4e7a-9c11-000000000001"), "Borough housing assessment", "CalendarDays" },
                    { new Guid("6a0f3c1e-2b4d-4e7a-9c11-100000000010"), "ParoleEligibility", null, "parole-dossier", -182, null, true, false, null, null, 10, "Probation", "OrganisationKind", 7, new Guid("6a0f3c1e-2b4d-4e7a-9c11-000000000001"), "Parole review preparation begun", "CalendarDays" },
                    { new Guid("6a0f3c1e-2b4d-4e7a-9c11-100000000011"), "ExpectedRelease", null, "outside-agency-referrals", -91, null, false, false, 12, null, 11, "Probation", "OrganisationKind", 7, new Guid("6a0f3c1e-2b4d-4e7a-9c11-000000000001"), "Referrals and liaison with outside agencies", "CalendarDays" },
                    { new Guid("6a0f3c1e-2b4d-4e7a-9c11-100000000012"), "ExpectedRelease", null, "emergency-housing", -28, null, false, true, null, null, 12, "LocalAuthority", "OrganisationKind", 7, new Guid("6a0f3c1e-2b4d-4e7a-9c11-000000000001"), "Emergency housing application", "CalendarDays" },
                    { new Guid("6a0f3c1e-2b4d-4e7a-9c11-100000000013"), "ExpectedRelease", null, "discharge-review-conference", -21, null, false, false, null, null, 13, "Probation", "OrganisationKind", 7, new Guid("6a0f3c1e-2b4d-4e7a-9c11-000000000001"), "Discharge review case conference", "CalendarDays" },
                    { new Guid("6a0f3c1e-2b4d-4e7a-9c11-100000000014"), "Milestone", "discharge-review-conference", "discharge-plan", 5, null, false, false, null, null, 14, "Prison", "OrganisationKind", 7, new Guid("6a0f3c1e-2b4d-4e7a-9c11-000000000001"), "Discharge plan sent to the offender manager and borough leads", "WorkingDays" },
                    { new Guid("6a0f3c1e-2b4d-4e7a-9c11-100000000015"), "Release", null, "release-appointment", 1, null, false, false, null, null, 15, null, "AllocatedWorker", null, new Guid("6a0f3c1e-2b4d-4e7a-9c11-000000000001"), "Appointment within 24 hours of release", "CalendarDays" },
                    { new Guid("6a0f3c1e-2b4d-4e7a-9c11-100000000016"), "Release", null, "outcomes-three-months", 91, null, false, false, null, null, 16, null, "AllocatedWorker", null, new Guid("6a0f3c1e-2b4d-4e7a-9c11-000000000001"), "Case outcome indicators at three months", "CalendarDays" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_PersonCareRoles_CustodyPeriodId_OrganisationId",
                table: "PersonCareRoles",
                columns: new[] { "CustodyPeriodId", "OrganisationId" });

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_Borough",
                table: "Organisations",
                column: "Borough");

            migrationBuilder.CreateIndex(
                name: "IX_BoroughLeads_AddedByUserId",
                table: "BoroughLeads",
                column: "AddedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_BoroughLeads_Borough",
                table: "BoroughLeads",
                column: "Borough");

            migrationBuilder.CreateIndex(
                name: "IX_BoroughLeads_RemovedByUserId",
                table: "BoroughLeads",
                column: "RemovedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_CustodyMoves_CustodyPeriodId",
                table: "CustodyMoves",
                column: "CustodyPeriodId");

            migrationBuilder.CreateIndex(
                name: "IX_CustodyMoves_FromPrisonId",
                table: "CustodyMoves",
                column: "FromPrisonId");

            migrationBuilder.CreateIndex(
                name: "IX_CustodyMoves_RecordedByUserId",
                table: "CustodyMoves",
                column: "RecordedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_CustodyMoves_ToPrisonId",
                table: "CustodyMoves",
                column: "ToPrisonId");

            migrationBuilder.CreateIndex(
                name: "IX_CustodyPeriods_CreatedByUserId",
                table: "CustodyPeriods",
                column: "CreatedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_CustodyPeriods_JourneyTemplateId",
                table: "CustodyPeriods",
                column: "JourneyTemplateId");

            migrationBuilder.CreateIndex(
                name: "IX_CustodyPeriods_PersonId_ReceptionOn",
                table: "CustodyPeriods",
                columns: new[] { "PersonId", "ReceptionOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CustodyPeriods_RecalledFromPeriodId",
                table: "CustodyPeriods",
                column: "RecalledFromPeriodId");

            migrationBuilder.CreateIndex(
                name: "IX_CustodyPeriods_ReceptionPrisonId",
                table: "CustodyPeriods",
                column: "ReceptionPrisonId");

            migrationBuilder.CreateIndex(
                name: "IX_CustodyPeriods_ReleaseBorough_ExpectedReleaseOn",
                table: "CustodyPeriods",
                columns: new[] { "ReleaseBorough", "ExpectedReleaseOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CustodyPeriods_ReleaseBorough_ReleasedOn",
                table: "CustodyPeriods",
                columns: new[] { "ReleaseBorough", "ReleasedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CustodyPeriods_SubmissionId",
                table: "CustodyPeriods",
                column: "SubmissionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JourneyTemplates_Name_Version",
                table: "JourneyTemplates",
                columns: new[] { "Name", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JourneyTemplates_PublishedByUserId",
                table: "JourneyTemplates",
                column: "PublishedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_KeyDateChanges_ChangedByUserId",
                table: "KeyDateChanges",
                column: "ChangedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_KeyDateChanges_CustodyPeriodId_ChangedAt",
                table: "KeyDateChanges",
                columns: new[] { "CustodyPeriodId", "ChangedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MilestoneDefinitions_OnlyIfServiceId",
                table: "MilestoneDefinitions",
                column: "OnlyIfServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_MilestoneDefinitions_TemplateId_Code",
                table: "MilestoneDefinitions",
                columns: new[] { "TemplateId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Milestones_CustodyPeriodId_DefinitionId",
                table: "Milestones",
                columns: new[] { "CustodyPeriodId", "DefinitionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Milestones_DefinitionId",
                table: "Milestones",
                column: "DefinitionId");

            migrationBuilder.CreateIndex(
                name: "IX_Milestones_PersonId",
                table: "Milestones",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Milestones_RecordedByUserId",
                table: "Milestones",
                column: "RecordedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Milestones_State_DueOn",
                table: "Milestones",
                columns: new[] { "State", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ReleaseListSends_Borough_ScheduledWeek",
                table: "ReleaseListSends",
                columns: new[] { "Borough", "ScheduledWeek" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReleaseListSends_Borough_SentAt",
                table: "ReleaseListSends",
                columns: new[] { "Borough", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ReleaseListSends_SentByUserId",
                table: "ReleaseListSends",
                column: "SentByUserId");

            migrationBuilder.AddForeignKey(
                name: "FK_PersonCareRoles_CustodyPeriods_CustodyPeriodId",
                table: "PersonCareRoles",
                column: "CustodyPeriodId",
                principalTable: "CustodyPeriods",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_PersonCareRoles_CustodyPeriods_CustodyPeriodId",
                table: "PersonCareRoles");

            migrationBuilder.DropTable(
                name: "BoroughLeads");

            migrationBuilder.DropTable(
                name: "CustodyMoves");

            migrationBuilder.DropTable(
                name: "KeyDateChanges");

            migrationBuilder.DropTable(
                name: "Milestones");

            migrationBuilder.DropTable(
                name: "ReleaseListSends");

            migrationBuilder.DropTable(
                name: "CustodyPeriods");

            migrationBuilder.DropTable(
                name: "MilestoneDefinitions");

            migrationBuilder.DropTable(
                name: "JourneyTemplates");

            migrationBuilder.DropIndex(
                name: "IX_PersonCareRoles_CustodyPeriodId_OrganisationId",
                table: "PersonCareRoles");

            migrationBuilder.DropIndex(
                name: "IX_Organisations_Borough",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "CustodyPeriodId",
                table: "PersonCareRoles");

            migrationBuilder.DropColumn(
                name: "Borough",
                table: "Organisations");
        }
    }
}
