using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Tests.Infrastructure;
using Throughcare.Tests.Pages.People;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Tests.Pages.Episodes;

/// <summary>/episodes/{id}/contacts/{contactId}/correct: a correction keeps the earlier version, who replaced it and why.</summary>
public sealed partial class CorrectContactPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private static Dictionary<string, string> CorrectionForm(EpisodeScenario scenario, Guid version, string note, string reason) =>
        ContactTestData.ValidForm(scenario, f =>
        {
            f.Remove("SubmissionId");
            f["Version"] = version.ToString();
            f["Input.Note"] = note;
            f["Reason"] = reason;
        });

    [Fact]
    public async Task Post_KeepsTheEarlierVersion_AndShowsItInTheHistory()
    {
        var scenario = await ContactTestData.CreateAsync(factory, EpisodeState.Active);
        var contact = await ContactTestData.SeedAsync(factory, scenario, c => c.Note = "Original wording");
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);
        var path = $"{scenario.Path}/contacts/{contact.Id}";

        var response = await browser.PostFormAsync(path + "/correct", CorrectionForm(scenario, contact.Version, "Corrected wording", "Typed the wrong session"));

        response.Status.ShouldBe(HttpStatusCode.Redirect, response.Html);
        response.Location.ShouldBe(path);
        var saved = await factory.WithDbAsync(db => db.Contacts.Include(c => c.Revisions).SingleAsync(c => c.Id == contact.Id));
        saved.Note.ShouldBe("Corrected wording");
        saved.CorrectedByUserId.ShouldBe(scenario.EmotionalWorker.Id);
        var revision = saved.Revisions.ShouldHaveSingleItem();
        (revision.Note, revision.CorrectionReason, revision.Number).ShouldBe(("Original wording", "Typed the wrong session", 1));
        ContactSnapshot.Read(revision.Snapshot)!.DurationMinutes.ShouldBe(45);

        var page = await browser.GetAsync(path);
        page.Banner().ShouldBe("Contact corrected");
        page.Document.GetSummaryListValue("Case note").ShouldBe("Corrected wording");
        var history = page.Document.QuerySelector("#revisions").Text();
        history.ShouldContain("Original wording");
        history.ShouldContain("Typed the wrong session");
        history.ShouldContain(Display.DateTime(contact.OccurredAt));
    }

    [Fact]
    public async Task Post_IsAuditedAsATypedEvent_ThatTheNoteChanged_NeverItsWords()
    {
        var scenario = await ContactTestData.CreateAsync(factory, EpisodeState.Active);
        var contact = await ContactTestData.SeedAsync(factory, scenario, c => c.Note = "Original wording");
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        (await browser.PostFormAsync($"{scenario.Path}/contacts/{contact.Id}/correct", CorrectionForm(scenario, contact.Version, "Corrected wording", "Typed the wrong session")))
            .Status.ShouldBe(HttpStatusCode.Redirect);

        var row = (await factory.EpisodeEventsAsync<ContactCorrected>(scenario)).ShouldHaveSingleItem();
        row.ShouldBeAbout(AuditRecordTypes.Contact, contact.Id, AuditActions.Update, scenario, scenario.EmotionalWorker);
        var corrected = row.Event<ContactCorrected>();
        (corrected.Revision, corrected.NoteChanged, corrected.Reason).ShouldBe((1, true, "Typed the wrong session"));
        (corrected.Before.Mode, corrected.After.Mode).ShouldBe((ContactMode.Phone, ContactMode.FaceToFace));
        await factory.ShouldNotBeInTheAuditTrailAsync(scenario, "Original wording", "Corrected wording");
    }

    /// <summary>The change history names the correction with labels: not enum codes, strand ids or ISO timestamps.</summary>
    [Fact]
    public async Task Post_ShowsInTheChangeHistoryWithLabels_NotCodes()
    {
        var scenario = await ContactTestData.CreateAsync(factory, EpisodeState.Active);
        var contact = await ContactTestData.SeedAsync(factory, scenario);
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);
        var form = CorrectionForm(scenario, contact.Version, "Seeded note", "Wrong strand");
        form["Input.StrandId"] = scenario.PracticalStrand.Id.ToString();
        form["Input.Interventions"] = "benefits";
        (await browser.PostFormAsync($"{scenario.Path}/contacts/{contact.Id}/correct", form)).Status.ShouldBe(HttpStatusCode.Redirect);

        var history = await browser.GetAsync($"/people/{scenario.PersonId}/history");

        var entry = history.Document.QuerySelectorAll(".moj-timeline__item").Single(e => e.QuerySelector(".moj-timeline__title").Text() == "Contact corrected");
        var rows = entry.QuerySelectorAll("tbody tr").ToDictionary(r => r.QuerySelector("th").Text(), r => r.QuerySelectorAll("td").Select(td => td.Text()).ToList());
        rows["How"].ShouldBe(["Phone", "Face to face"]);
        rows["Strand"].ShouldBe([scenario.EmotionalStrand.Name, scenario.PracticalStrand.Name]);
        rows["Interventions"].ShouldBe(["Safety planning", "Benefits"]);
        rows["Date and time"].ShouldBe([Display.DateTime(contact.OccurredAt), Display.DateTime(Display.FromLondon(ContactTestData.Yesterday, new TimeOnly(14, 30)))]);
        rows.ShouldNotContainKey("Case note");
        var text = entry.QuerySelector(".moj-timeline__description").Text();
        text.ShouldContain("Reason: Wrong strand");
        text.ShouldNotContain("FaceToFace");
        text.ShouldNotContain(scenario.PracticalStrand.Id.ToString());
        IsoTimestamp().IsMatch(text).ShouldBeFalse(text);
    }

    [Fact]
    public async Task Post_WithoutReason_ShowsError_AndChangesNothing()
    {
        var scenario = await ContactTestData.CreateAsync(factory, EpisodeState.Active);
        var contact = await ContactTestData.SeedAsync(factory, scenario);
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var noReason = await browser.PostFormAsync($"{scenario.Path}/contacts/{contact.Id}/correct", CorrectionForm(scenario, contact.Version, "New note", ""));

        noReason.Status.ShouldBe(HttpStatusCode.BadRequest);
        noReason.Document.AssertHasError("Reason", "Enter the reason for the correction");
        (await factory.WithDbAsync(db => db.ContactRevisions.CountAsync(r => r.ContactId == contact.Id))).ShouldBe(0);
        (await factory.EpisodeEventsAsync<ContactCorrected>(scenario)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Post_StaleVersion_ShowsTheConflictWithWhatIsSaved_KeepsTheInput_AndChangesNothing()
    {
        var scenario = await ContactTestData.CreateAsync(factory, EpisodeState.Active);
        var contact = await ContactTestData.SeedAsync(factory, scenario);
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);
        var url = $"{scenario.Path}/contacts/{contact.Id}/correct";

        var stale = await browser.PostFormAsync(url, CorrectionForm(scenario, Guid.NewGuid(), "My late note", "Late change"));

        stale.Status.ShouldBe(HttpStatusCode.Conflict);
        stale.Document.QuerySelector("[data-conflict]").ShouldNotBeNull();
        var note = stale.Document.QuerySelectorAll("#conflict tbody tr").Single(r => r.QuerySelector("th").Text() == "Case note");
        (note.QuerySelector("[data-saved]").Text(), note.QuerySelector("[data-yours]").Text()).ShouldBe(("Seeded note", "My late note"));
        stale.Document.QuerySelector<IHtmlTextAreaElement>("textarea[name='Input.Note']")!.Value.ShouldBe("My late note");
        stale.Document.QuerySelector<IHtmlTextAreaElement>("textarea[name='Reason']")!.Value.ShouldBe("Late change");
        stale.Document.QuerySelector<IHtmlInputElement>("input[name=Version]")!.Value.ShouldBe(contact.Version.ToString());
        (await factory.WithDbAsync(db => db.ContactRevisions.CountAsync(r => r.ContactId == contact.Id))).ShouldBe(0);
        (await factory.WithDbAsync(db => db.Contacts.SingleAsync(c => c.Id == contact.Id))).Note.ShouldBe("Seeded note");

        // Having seen what is saved, the user saves their own answers again.
        var again = await browser.PostRawAsync(url, stale.Document.FormFields());
        again.Status.ShouldBe(HttpStatusCode.Redirect, again.Html);
        (await factory.WithDbAsync(db => db.Contacts.SingleAsync(c => c.Id == contact.Id))).Note.ShouldBe("My late note");
    }

    [Fact]
    public async Task RestrictedNote_CannotBeCorrectedByAColleagueWhoMayNotReadIt()
    {
        var scenario = await ContactTestData.CreateAsync(factory, EpisodeState.Active);
        var contact = await ContactTestData.SeedAsync(factory, scenario, c => c.NoteRestricted = true);

        await factory.ShouldFindNothingAsync(scenario, [scenario.Colleague, scenario.Dpo], $"/contacts/{contact.Id}/correct");
        (await (await Browser.SignInAsync(factory, scenario.EmotionalWorker)).GetAsync($"{scenario.Path}/contacts/{contact.Id}/correct")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ReferrerAndOutsider_GetNotFound()
    {
        var scenario = await ContactTestData.CreateAsync(factory, EpisodeState.Active);
        var contact = await ContactTestData.SeedAsync(factory, scenario);

        await factory.ShouldFindNothingAsync(scenario, [scenario.Referrer, scenario.Outsider], $"/contacts/{contact.Id}/correct");
    }

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex IsoTimestamp();
}
