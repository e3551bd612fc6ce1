using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Throughcare.Core.Domain;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Security;
using Throughcare.Tests.Infrastructure;
using Throughcare.Web.Infrastructure.Security;

namespace Throughcare.Tests.Domain;

/// <summary>The engagement service's own refusals, whatever page or endpoint calls it.</summary>
public sealed class EngagementServiceTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    [Fact]
    public async Task ClosedEpisode_RefusesEveryChange()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Closed);
        var id = scenario.Episode.Id;
        var version = await VersionAsync(id);

        var outcomes = new List<WriteResult>
        {
            await AsAsync(scenario.Manager, [StaffRoles.Manager], s => s.DisengageAsync(id, version, "Gone", default)),
            await AsAsync(scenario.Manager, [StaffRoles.Manager], s => s.ReengageAsync(id, version, "Back", default)),
            await AsAsync(scenario.Manager, [StaffRoles.Manager], s => s.RecordReflectiveReviewAsync(new ReflectiveReviewOptions
            {
                EpisodeId = id, WhatIsGoingOn = "a", WhatMayHaveBeenMissed = "b", WhatWasTried = "c", SubmissionId = Guid.NewGuid(),
            }, default)),
            await AsAsync(scenario.Manager, [StaffRoles.Manager], s => s.ProposeClosureAsync(new ClosureOptions
            {
                EpisodeId = id, Version = version, Reason = EpisodeCloseReason.Completed, Summary = "Done",
            }, default)),
            await AsAsync(scenario.Manager, [StaffRoles.Manager], s => s.SignOffAsync(id, version, default)),
            await AsAsync(scenario.Manager, [StaffRoles.Manager], s => s.ReturnClosureAsync(id, version, "No", default)),
        };

        outcomes.ShouldAllBe(o => o is WriteResult.Refused && ((WriteResult.Refused)o).Message == EpisodeWork.ClosedMessage);
        (await VersionAsync(id)).ShouldBe(version);
        (await factory.WithDbAsync(db => db.EpisodeTransitions.CountAsync(t => t.EpisodeId == id))).ShouldBe(0);
    }

    [Fact]
    public async Task ClosedEpisode_RefusesGoalsReviewsStrandsWorkersAndMeasures_Too()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Closed);
        var id = scenario.Episode.Id;
        var version = await VersionAsync(id);
        var instrumentId = await factory.WithDbAsync(db => db.Instruments.Where(i => i.OrganisationId == null).Select(i => i.Id).FirstAsync());
        var today = factory.Today;

        var outcomes = new List<WriteResult>
        {
            await AsAsync(scenario.Manager, [StaffRoles.Manager], sp => sp.GetRequiredService<PlanService>().AddGoalAsync(new AddGoal { EpisodeId = id, Description = "Housing", SubmissionId = Guid.NewGuid() }, default)),
            await AsAsync(scenario.Manager, [StaffRoles.Manager], sp => sp.GetRequiredService<ReviewService>().RecordAsync(new RecordReview { EpisodeId = id, HeldOn = today, Summary = "Late review", SubmissionId = Guid.NewGuid() }, default)),
            await AsAsync(scenario.Manager, [StaffRoles.Manager], sp => sp.GetRequiredService<StrandService>().EndAsync(new EndStrand { EpisodeId = id, StrandId = scenario.Episode.Strands[0].Id, Version = version, Reason = "Done" }, default)),
            await AsAsync(scenario.Manager, [StaffRoles.Manager], sp => sp.GetRequiredService<StrandService>().ReallocateAsync(new ReallocateStrand
            {
                EpisodeId = id, StrandId = scenario.Episode.Strands[0].Id, Version = version, WorkerUserId = scenario.Colleague.Id, Reason = "Leave",
            }, default)),
            await AsAsync(scenario.Manager, [StaffRoles.Manager], sp => sp.GetRequiredService<MeasureService>().RecordAsync(new RecordMeasure
            {
                EpisodeId = id, InstrumentId = instrumentId, Occasion = AssessmentOccasion.End, TakenOn = today, Answers = [0, 0, 0, 0, 0, 0, 0, 0, 0], SubmissionId = Guid.NewGuid(),
            }, default)),
        };

        outcomes.ShouldAllBe(o => o is WriteResult.Refused && ((WriteResult.Refused)o).Message == EpisodeWork.ClosedMessage);
        (await VersionAsync(id)).ShouldBe(version);
        (await factory.WithDbAsync(db => db.Goals.CountAsync(g => g.EpisodeId == id))).ShouldBe(0);
        (await factory.WithDbAsync(db => db.EpisodeReviews.CountAsync(r => r.EpisodeId == id))).ShouldBe(0);
    }

    [Fact]
    public async Task SignOff_ByAPractitioner_IsRefused()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Closing);

        var outcome = await AsAsync(scenario.EmotionalWorker, [StaffRoles.Practitioner], s => s.SignOffAsync(scenario.Episode.Id, scenario.Episode.Version, default));

        outcome.ShouldBeOfType<WriteResult.Refused>().Message.ShouldBe("Only a manager can sign off a closure");
    }

    [Fact]
    public async Task SignOff_ForDisengagement_ChecksTheRulesAgain()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Closing);
        await factory.WithDbAsync(async db =>
        {
            var episode = await db.Episodes.SingleAsync(e => e.Id == scenario.Episode.Id);
            episode.CloseReason = EpisodeCloseReason.Disengaged;
            db.EpisodeTransitions.Add(new EpisodeTransition { Id = Guid.NewGuid(), EpisodeId = episode.Id, From = EpisodeState.Disengaged, To = EpisodeState.Closing, At = factory.UtcNow.AddDays(-1), Reason = "Closure proposed" });
            return await db.SaveChangesAsync();
        });

        var version = await VersionAsync(scenario.Episode.Id);

        var outcome = await AsAsync(scenario.Manager, [StaffRoles.Manager], s => s.SignOffAsync(scenario.Episode.Id, version, default));

        outcome.ShouldBeOfType<WriteResult.Refused>().Message.ShouldBe("Record a reflective review before closing for disengagement");
        (await factory.WithDbAsync(db => db.Episodes.SingleAsync(e => e.Id == scenario.Episode.Id))).State.ShouldBe(EpisodeState.Closing);
    }

    private Task<Guid> VersionAsync(Guid episodeId) => factory.WithDbAsync(db => db.Episodes.Where(e => e.Id == episodeId).Select(e => e.Version).SingleAsync());

    private Task<T> AsAsync<T>(TestUser user, string[] roles, Func<EngagementService, Task<T>> work) =>
        AsAsync(user, roles, (IServiceProvider services) => work(services.GetRequiredService<EngagementService>()));

    private async Task<T> AsAsync<T>(TestUser user, string[] roles, Func<IServiceProvider, Task<T>> work)
    {
        var accessor = factory.Services.GetRequiredService<IHttpContextAccessor>();
        var previous = accessor.HttpContext;
        accessor.HttpContext = new DefaultHttpContext
        {
            User = new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()),
                new Claim(ClaimTypes.Name, user.Email),
                new Claim(ThroughcareClaims.OrganisationId, user.OrganisationId.ToString()),
                .. roles.Select(r => new Claim(ClaimTypes.Role, r)),
            ], "Test")),
        };
        try
        {
            await using var scope = factory.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<AccessScope>().ForOrganisation(user.OrganisationId);
            return await work(scope.ServiceProvider);
        }
        finally
        {
            accessor.HttpContext = previous;
        }
    }
}
