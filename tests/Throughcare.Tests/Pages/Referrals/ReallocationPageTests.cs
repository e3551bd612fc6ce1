using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Domain.Referrals;
using Throughcare.Tests.Infrastructure;
using Throughcare.Tests.Pages.Episodes;
using static Throughcare.Tests.Pages.People.PeoplePages;

namespace Throughcare.Tests.Pages.Referrals;

/// <summary>
/// The allocation page's change of worker (/referrals/{id}/allocation?handler=Reallocate): a change to the episode, made
/// against the version the manager saw, refused once the episode has closed, audited and e-mailed with the change.
/// </summary>
public sealed class ReallocationPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private readonly ReferralTestData _referrals = new(factory);

    private static string Url(Guid referralId) => $"/referrals/{referralId}/allocation";

    /// <summary>The reallocation form of the strand as the page shows it, with a new worker and a reason.</summary>
    private static Dictionary<string, string> ReallocateForm(Page page, EpisodeStrand strand, Guid workerId, string reason)
    {
        var form = page.Document.QuerySelector<IHtmlFormElement>($"form[data-reallocate='{strand.Id}']").ShouldNotBeNull();
        return new()
        {
            ["Reallocate.EpisodeStrandId"] = strand.Id.ToString(),
            ["Reallocate.Version"] = form.QuerySelector<IHtmlInputElement>("input[name='Reallocate.Version']")!.Value,
            ["Reallocate.WorkerId"] = workerId.ToString(),
            ["Reallocate.Reason"] = reason,
        };
    }

    [Fact]
    public async Task Post_Reallocate_EndsTheEarlierWorkerAndKeepsHistory()
    {
        var s = await _referrals.CreateScenarioAsync(ReferralState.Accepted);
        var one = await _referrals.CreateWorkerAsync(s.Service.OrganisationId, "fmhp");
        await _referrals.CreateWorkerAsync(s.Service.OrganisationId, "clw");
        var two = await _referrals.CreateWorkerAsync(s.Service.OrganisationId, "fmhp");
        var browser = await Browser.SignInAsync(factory, s.Manager);
        var allocated = await browser.PostRawAsync(Url(s.Referral.Id), (await browser.GetAsync(Url(s.Referral.Id))).Document.FormFields());
        allocated.Status.ShouldBe(HttpStatusCode.Redirect, allocated.Html);
        var strand = await factory.WithDbAsync(db => db.EpisodeStrands.SingleAsync(x => x.ServiceStrandId == s.Service.Strands[0].Id && (x.WorkerUserId == one.Id || x.WorkerUserId == two.Id)));
        var (first, next) = strand.WorkerUserId == one.Id ? (one, two) : (two, one);
        var fields = ReallocateForm(await browser.GetAsync(Url(s.Referral.Id)), strand, next.Id, "");

        var refused = await browser.PostFormAsync(Url(s.Referral.Id) + "?handler=Reallocate", fields, Url(s.Referral.Id));
        refused.Status.ShouldBe(HttpStatusCode.BadRequest);
        refused.Document.AssertHasError("Reallocate_Reason", "Enter the reason for the change of worker");

        var page = await browser.PostFormAsync(Url(s.Referral.Id) + "?handler=Reallocate", fields.With("Reallocate.Reason", "First worker on long-term leave"), Url(s.Referral.Id));

        page.Status.ShouldBe(HttpStatusCode.Redirect, page.Html);
        page.Location.ShouldBe(Url(s.Referral.Id));
        var strands = await factory.WithDbAsync(db => db.EpisodeStrands.AsNoTracking().Where(x => x.EpisodeId == strand.EpisodeId && x.ServiceStrandId == strand.ServiceStrandId).OrderBy(x => x.StartedAt).ToListAsync());
        strands.Select(x => (x.WorkerUserId, x.EndedAt is null, x.EndReason ?? x.AllocationReason)).ShouldBe([
            (first.Id, false, "First worker on long-term leave"),
            (next.Id, true, "First worker on long-term leave"),
        ]);
        strands[0].EndedByUserId.ShouldBe(s.Manager.Id);
        var mail = (await factory.OutboxToAsync(next.Email)).ShouldHaveSingleItem();
        mail.Body.ShouldEndWith($"/episodes/{strand.EpisodeId}");
        var view = await browser.GetAsync(page.Location!);
        view.Document.QuerySelector(".govuk-notification-banner--success .govuk-notification-banner__heading").Text().ShouldBe("Worker changed");
        view.Document.QuerySelector("[data-history]").Text().ShouldContain("First worker on long-term leave");
        var row = await factory.WithDbAsync(db => db.AuditEvents.AsNoTracking().SingleAsync(a => a.AggregateId == strand.EpisodeId && a.EventType == nameof(EpisodeWorkerChanged)));
        (row.RecordType, row.Action, row.UserId).ShouldBe((AuditRecordTypes.Episode, AuditActions.Update, (Guid?)s.Manager.Id));
        var changed = row.Event<EpisodeWorkerChanged>();
        (changed.EpisodeStrandId, changed.FromWorkerId, changed.ToWorkerId, changed.Reason).ShouldBe((strand.Id, first.Id, next.Id, "First worker on long-term leave"));
    }

    [Fact]
    public async Task Post_Reallocate_ToTheSameWorker_IsRefused()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        var browser = await Browser.SignInAsync(factory, scenario.Manager);
        var strand = scenario.Episode.Strands.Single(x => x.ServiceStrandId == scenario.EmotionalStrand.Id);
        var fields = ReallocateForm(await browser.GetAsync(Url(scenario.Referral.Id)), strand, scenario.EmotionalWorker.Id, "Same again");

        var page = await browser.PostFormAsync(Url(scenario.Referral.Id) + "?handler=Reallocate", fields, Url(scenario.Referral.Id));

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError("Reallocate_WorkerId", "Choose a different worker from the service's organisation");
        (await factory.WithDbAsync(db => db.EpisodeStrands.CountAsync(x => x.EpisodeId == scenario.Episode.Id))).ShouldBe(2);
    }

    /// <summary>Two managers change the same episode: the second sees what the first saved, keeps their own choice, and nothing is lost.</summary>
    [Fact]
    public async Task Post_Reallocate_WithAStaleVersion_IsAConflict_ShowingTheWorkerSavedNow()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        var browser = await Browser.SignInAsync(factory, scenario.Manager);
        var strand = scenario.Episode.Strands.Single(x => x.ServiceStrandId == scenario.EmotionalStrand.Id);
        var seen = await browser.GetAsync(Url(scenario.Referral.Id));

        // Someone else changes the episode in between: a contact recorded renews its version.
        await factory.WithDbAsync(db => db.Episodes.Where(e => e.Id == scenario.Episode.Id).ExecuteUpdateAsync(x => x.SetProperty(e => e.Version, Guid.NewGuid())));
        var page = await browser.PostFormAsync(Url(scenario.Referral.Id) + "?handler=Reallocate", ReallocateForm(seen, strand, scenario.Colleague.Id, "Worker on leave"), Url(scenario.Referral.Id));

        page.Status.ShouldBe(HttpStatusCode.Conflict);
        page.Document.QuerySelector("[data-conflict]").ShouldNotBeNull();
        var row = page.Document.QuerySelectorAll("#conflict tbody tr").ShouldHaveSingleItem();
        (row.QuerySelector("[data-saved]").Text(), row.QuerySelector("[data-yours]").Text()).ShouldBe((scenario.EmotionalWorker.DisplayName, scenario.Colleague.DisplayName));
        var form = page.Document.QuerySelector<IHtmlFormElement>($"form[data-reallocate='{strand.Id}']").ShouldNotBeNull();
        form.QuerySelector<IHtmlTextAreaElement>("textarea[name='Reallocate.Reason']")!.Value.ShouldBe("Worker on leave");
        form.QuerySelector<IHtmlSelectElement>("select[name='Reallocate.WorkerId']")!.Value.ShouldBe(scenario.Colleague.Id.ToString());
        form.QuerySelector<IHtmlInputElement>("input[name='Reallocate.Version']")!.Value.ShouldBe((await factory.EpisodeVersionAsync(scenario)).ToString());
        (await factory.WithDbAsync(db => db.EpisodeStrands.CountAsync(x => x.EpisodeId == scenario.Episode.Id && x.EndedAt == null && x.WorkerUserId == scenario.EmotionalWorker.Id))).ShouldBe(1);
        (await factory.OutboxToAsync(scenario.Colleague.Email)).ShouldBeEmpty();
        (await factory.EpisodeEventsAsync<EpisodeWorkerChanged>(scenario)).ShouldBeEmpty();

        // Having seen it, the manager saves their choice again.
        var again = await browser.PostFormAsync(Url(scenario.Referral.Id) + "?handler=Reallocate", ReallocateForm(page, strand, scenario.Colleague.Id, "Worker on leave"), Url(scenario.Referral.Id));
        again.Status.ShouldBe(HttpStatusCode.Redirect, again.Html);
    }

    /// <summary>The strand a change of worker names must be one of this referral's episode, whatever version is posted.</summary>
    [Fact]
    public async Task Post_Reallocate_AStrandOfAnotherEpisode_IsNotFound_AndChangesNothing()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        var other = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        var foreign = other.Episode.Strands.Single(x => x.ServiceStrandId == other.EmotionalStrand.Id);
        var browser = await Browser.SignInAsync(factory, scenario.Manager);

        foreach (var version in new[] { await factory.EpisodeVersionAsync(scenario), Guid.NewGuid() })
        {
            var page = await browser.PostFormAsync(Url(scenario.Referral.Id) + "?handler=Reallocate", new()
            {
                ["Reallocate.EpisodeStrandId"] = foreign.Id.ToString(),
                ["Reallocate.Version"] = version.ToString(),
                ["Reallocate.WorkerId"] = scenario.Colleague.Id.ToString(),
                ["Reallocate.Reason"] = "Worker on leave",
            }, Url(scenario.Referral.Id));

            page.Status.ShouldBe(HttpStatusCode.NotFound);
        }

        (await factory.WithDbAsync(db => db.EpisodeStrands.CountAsync(x => x.EpisodeId == scenario.Episode.Id || x.EpisodeId == other.Episode.Id))).ShouldBe(4);
        (await factory.EpisodeEventsAsync<EpisodeWorkerChanged>(scenario)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Get_ClosedEpisode_OffersNoChangeOfWorker()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Closed);
        var browser = await Browser.SignInAsync(factory, scenario.Manager);

        var allocation = await browser.GetAsync(Url(scenario.Referral.Id));

        allocation.Status.ShouldBe(HttpStatusCode.OK);
        allocation.Document.QuerySelector("form[data-reallocate]").ShouldBeNull();
    }

    /// <summary>A closed episode is the end of its life cycle: not even a strand its closure left running changes worker.</summary>
    [Fact]
    public async Task Post_Reallocate_OnAClosedEpisode_IsRefused_AndChangesNothing()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Closed);
        var strand = scenario.Episode.Strands.Single(x => x.ServiceStrandId == scenario.EmotionalStrand.Id);
        await factory.WithDbAsync(db => db.EpisodeStrands.Where(x => x.Id == strand.Id).ExecuteUpdateAsync(x => x.SetProperty(y => y.EndedAt, (DateTime?)null)));
        var browser = await Browser.SignInAsync(factory, scenario.Manager);

        var page = await browser.PostFormAsync(Url(scenario.Referral.Id) + "?handler=Reallocate", new()
        {
            ["Reallocate.EpisodeStrandId"] = strand.Id.ToString(),
            ["Reallocate.Version"] = (await factory.EpisodeVersionAsync(scenario)).ToString(),
            ["Reallocate.WorkerId"] = scenario.Colleague.Id.ToString(),
            ["Reallocate.Reason"] = "Worker on leave",
        }, Url(scenario.Referral.Id));

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.ErrorSummary().ShouldContain(EpisodeWork.ClosedMessage);
        (await factory.WithDbAsync(db => db.EpisodeStrands.CountAsync(x => x.EpisodeId == scenario.Episode.Id))).ShouldBe(2);
        (await factory.OutboxToAsync(scenario.Colleague.Email)).ShouldBeEmpty();
        (await factory.EpisodeEventsAsync<EpisodeWorkerChanged>(scenario)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Post_Reallocate_ByTheReferrerOrAnOutsider_IsNotFound()
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(EpisodeState.Active);
        var strand = scenario.Episode.Strands.Single(x => x.ServiceStrandId == scenario.EmotionalStrand.Id);
        foreach (var user in new[] { scenario.Referrer, scenario.Outsider, scenario.EmotionalWorker })
        {
            var browser = await Browser.SignInAsync(factory, user);
            var token = await browser.GetTokenAsync("/account/password");
            var page = await browser.PostRawAsync(Url(scenario.Referral.Id) + "?handler=Reallocate",
            [
                new("Reallocate.EpisodeStrandId", strand.Id.ToString()), new("Reallocate.Version", (await factory.EpisodeVersionAsync(scenario)).ToString()),
                new("Reallocate.WorkerId", scenario.Colleague.Id.ToString()), new("Reallocate.Reason", "x"), new("__RequestVerificationToken", token),
            ]);
            ((int)page.Status).ShouldBeOneOf(403, 404);
        }

        (await factory.WithDbAsync(db => db.EpisodeStrands.CountAsync(x => x.EpisodeId == scenario.Episode.Id))).ShouldBe(2);
    }
}
