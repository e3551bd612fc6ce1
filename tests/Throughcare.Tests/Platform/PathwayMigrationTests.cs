using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Tests.Infrastructure;
using Throughcare.Tests.Pages.Episodes;
using Throughcare.Web.Infrastructure;

namespace Throughcare.Tests.Platform;

/// <summary>The ResettlementPathwaysAsData migration of each provider: the plan's pathways, and records moved off "drugs and alcohol".</summary>
public sealed class PathwayMigrationTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private const string Migration = "ResettlementPathwaysAsData";

    [Fact]
    public async Task Migrated_SeedsThePlansSevenPathwaysInOrder_AndKeepsDrugsAndAlcoholRetired()
    {
        var pathways = await factory.WithDbAsync(db => db.ResettlementPathways.AsNoTracking().OrderBy(p => p.Position).Select(p => new { p.Code, p.Label, p.Position, p.Retired }).ToListAsync());

        pathways.Select(p => (p.Code, p.Label, p.Position, p.Retired)).ShouldBe(
        [
            ("accommodation", "Accommodation", 1, false),
            ("ete", "Education, training and employment", 2, false),
            ("health", "Mental and physical health (including alcohol)", 3, false),
            ("drugs", "Drugs", 4, false),
            ("finance", "Finance, benefit and debt", 5, false),
            ("children-families", "Children, families and support networks", 6, false),
            ("attitudes", "Attitudes, thinking and behaviour", 7, false),
            ("drugs-alcohol", "Drugs and alcohol (until November 2026)", 8, true),
        ]);
    }

    [Fact]
    public async Task Migrating_MovesRatingsGoalsAndContactsOffDrugsAndAlcohol_AndLeavesTheAuditTrailAsItWas()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync();
        var worker = scenario.EmotionalWorker.Id;
        var (assessmentId, goalId) = await factory.WithDbAsync(async db =>
        {
            var assessment = new NeedsAssessment { Id = Guid.NewGuid(), EpisodeId = scenario.Episode.Id, Occasion = AssessmentOccasion.Start, AssessedOn = factory.Today, RecordedAt = factory.UtcNow, RecordedByUserId = worker };
            assessment.Ratings =
            [
                new NeedRating { Id = Guid.NewGuid(), AssessmentId = assessment.Id, Pathway = "health", Level = NeedLevel.Low },
                new NeedRating { Id = Guid.NewGuid(), AssessmentId = assessment.Id, Pathway = "drugs-alcohol", Level = NeedLevel.High },
            ];
            var goal = new Goal { Id = Guid.NewGuid(), EpisodeId = scenario.Episode.Id, Description = "Stop drinking before noon", Pathway = "drugs-alcohol", CreatedAt = factory.UtcNow, CreatedByUserId = worker };
            db.AddRange(assessment, goal);
            await db.SaveChangesAsync();
            return (assessment.Id, goal.Id);
        });
        var contact = await ContactTestData.SeedAsync(factory, scenario, c => c.Pathways = ["health", "drugs-alcohol", "finance"]);
        var other = await ContactTestData.SeedAsync(factory, scenario, c => c.Pathways = ["accommodation"]);
        var trail = await factory.WithDbAsync(db => db.AuditEvents.AsNoTracking().OrderBy(a => a.Sequence).Select(a => new { a.Sequence, a.Details, a.Hash }).ToListAsync());

        // Back to before the migration, then forward again, as an upgrade of a database holding these records does.
        await factory.WithDbAsync(async db =>
        {
            var migrations = db.Database.GetMigrations().ToList();
            var ours = migrations.FindIndex(m => m.EndsWith("_" + Migration, StringComparison.Ordinal));
            ours.ShouldBeGreaterThan(0);
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(migrations[ours - 1]);
            await migrator.MigrateAsync(migrations[^1]);
            return 0;
        });

        var ratings = await factory.WithDbAsync(db => db.NeedRatings.AsNoTracking().Where(r => r.AssessmentId == assessmentId).OrderBy(r => r.Pathway).Select(r => new { r.Pathway, r.Level }).ToListAsync());
        ratings.Select(r => (r.Pathway, r.Level)).ShouldBe([("drugs", NeedLevel.High), ("health", NeedLevel.Low)]);
        (await factory.WithDbAsync(db => db.Goals.AsNoTracking().Where(g => g.Id == goalId).Select(g => g.Pathway).SingleAsync())).ShouldBe("drugs");
        (await factory.WithDbAsync(db => db.Contacts.AsNoTracking().SingleAsync(c => c.Id == contact.Id))).Pathways.ShouldBe(["health", "drugs", "finance"]);
        (await factory.WithDbAsync(db => db.Contacts.AsNoTracking().SingleAsync(c => c.Id == other.Id))).Pathways.ShouldBe(["accommodation"]);
        (await factory.WithDbAsync(db => db.ResettlementPathways.CountAsync())).ShouldBe(8);

        var after = await factory.WithDbAsync(db => db.AuditEvents.AsNoTracking().OrderBy(a => a.Sequence).Select(a => new { a.Sequence, a.Details, a.Hash }).ToListAsync());
        after.ShouldBe(trail);
        (await factory.WithDbAsync(db => MaintenanceCommands.VerifyAuditChainAsync(db, CancellationToken.None))).FirstBreak.ShouldBeNull();
    }
}
