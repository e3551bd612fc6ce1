using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Tests.Infrastructure;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Tests.Pages.Episodes;

/// <summary>/episodes/{id}/contacts/new: recording a contact, or an attempt at one.</summary>
public sealed class NewContactPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    [Fact]
    public async Task Get_DefaultsToNowInTheUkAndTheWorkersOwnStrand_WithItsInterventionsFirst()
    {
        var scenario = await ContactTestData.CreateAsync(factory);
        var browser = await Browser.SignInAsync(factory, scenario.PracticalWorker);

        var before = Display.ToLondon(factory.UtcNow);
        var page = await browser.GetAsync(scenario.Path + "/contacts/new");
        var after = Display.ToLondon(factory.UtcNow);

        page.Status.ShouldBe(HttpStatusCode.OK);
        string? Value(string name) => page.Document.QuerySelector($"input[name='{name}']")?.GetAttribute("value");
        var today = Display.Today(factory.Clock);
        (Value("Input.Date.Day"), Value("Input.Date.Month"), Value("Input.Date.Year"))
            .ShouldBe((today.Day.ToString(CultureInfo.InvariantCulture), today.Month.ToString(CultureInfo.InvariantCulture), today.Year.ToString(CultureInfo.InvariantCulture)));
        Value("Input.Time").ShouldBeOneOf(before.ToString("HH:mm", CultureInfo.InvariantCulture), after.ToString("HH:mm", CultureInfo.InvariantCulture));
        Value("Input.Time").ShouldNotBe(factory.UtcNow.ToString("HH:mm", CultureInfo.InvariantCulture), "UK time, not UTC (the test clock is in British Summer Time)");
        page.Document.QuerySelector("input[name='Input.StrandId'][checked]")!.GetAttribute("value").ShouldBe(scenario.PracticalStrand.Id.ToString());
        var groups = page.Document.QuerySelectorAll("[data-module='govuk-checkboxes'] .app-choices__group").Select(g => g.Text()).ToList();
        groups[0].ShouldBe("Practical support strand");
        groups.Count.ShouldBe(2);

        var emotional = await (await Browser.SignInAsync(factory, scenario.EmotionalWorker)).GetAsync(scenario.Path + "/contacts/new");
        emotional.Document.QuerySelector("input[name='Input.StrandId'][checked]")!.GetAttribute("value").ShouldBe(scenario.EmotionalStrand.Id.ToString());
        emotional.Document.QuerySelector(".app-choices__group").Text().ShouldBe("Emotional support strand");
    }

    [Fact]
    public async Task Get_AManagerWithNoStrand_ChoosesTheStrandThemselves()
    {
        var scenario = await ContactTestData.CreateAsync(factory);

        var page = await (await Browser.SignInAsync(factory, scenario.Manager)).GetAsync(scenario.Path + "/contacts/new");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Document.QuerySelectorAll("input[name='Input.StrandId'][checked]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Post_SeveralErrors_AreSummarisedInTheOrderOfTheFields()
    {
        var scenario = await ContactTestData.CreateAsync(factory);
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var page = await browser.PostFormAsync(scenario.Path + "/contacts/new", ContactTestData.ValidForm(scenario, f =>
        {
            f.Remove("Input.Mode");
            f.Remove("Input.StrandId");
            f.Remove("Input.Attendance");
            f["Input.DurationMinutes"] = "";
            f["Input.Note"] = "a\u0007b";
        }));

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertErrorSummaryInFieldOrder().ShouldBe(["#Input_DurationMinutes", "#Input_Mode", "#Input_StrandId", "#Input_Attendance", "#Input_Note"]);
    }

    [Fact]
    public async Task Post_ValidContact_StoresItAuditsIt_AndTheFirstAttendedContactMakesTheEpisodeActive()
    {
        var scenario = await ContactTestData.CreateAsync(factory);
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var response = await browser.PostFormAsync(scenario.Path + "/contacts/new", ContactTestData.ValidForm(scenario));

        response.Status.ShouldBe(HttpStatusCode.Redirect, response.Html);
        response.Location.ShouldBe(scenario.Path + "/contacts");
        var contact = await factory.WithDbAsync(db => db.Contacts.SingleAsync(c => c.EpisodeId == scenario.Episode.Id));
        contact.DurationMinutes.ShouldBe(50);
        contact.Interventions.ShouldBe(["safety-planning"]);
        contact.Pathways.ShouldBe(["health"]);
        contact.Note.ShouldBe("Talked through the week.");
        contact.RecordedByUserId.ShouldBe(scenario.EmotionalWorker.Id);
        Display.LondonDate(contact.OccurredAt).ShouldBe(ContactTestData.Yesterday);
        var episode = await factory.LoadEpisodeAsync(scenario);
        episode.State.ShouldBe(EpisodeState.Active);
        var transition = await factory.WithDbAsync(db => db.EpisodeTransitions.SingleAsync(t => t.EpisodeId == scenario.Episode.Id));
        (transition.From, transition.To, transition.Reason).ShouldBe((EpisodeState.Engaging, EpisodeState.Active, "First attended contact"));

        var list = await browser.GetAsync(response.Location!);
        list.Status.ShouldBe(HttpStatusCode.OK);
        list.Banner().ShouldBe("Contact recorded");
        list.Document.QuerySelectorAll("#contacts tbody tr").Length.ShouldBe(1);
        (await browser.GetAsync(response.Location!)).Banner().ShouldBeNull();
    }

    [Fact]
    public async Task Post_ValidContact_IsAuditedAsATypedEvent_WithoutTheNote()
    {
        var scenario = await ContactTestData.CreateAsync(factory);
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        (await browser.PostFormAsync(scenario.Path + "/contacts/new", ContactTestData.ValidForm(scenario, f => f["Input.Note"] = "Spoke about his brother's death"))).Status.ShouldBe(HttpStatusCode.Redirect);

        var contact = await factory.WithDbAsync(db => db.Contacts.SingleAsync(c => c.EpisodeId == scenario.Episode.Id));
        var row = (await factory.EpisodeEventsAsync<ContactRecorded>(scenario)).ShouldHaveSingleItem();
        row.ShouldBeAbout(AuditRecordTypes.Contact, contact.Id, AuditActions.Create, scenario, scenario.EmotionalWorker);
        var recorded = row.Event<ContactRecorded>();
        (recorded.Contact.Mode, recorded.Contact.ServiceStrandId, recorded.Contact.Attendance, recorded.HasNote).ShouldBe((ContactMode.FaceToFace, scenario.EmotionalStrand.Id, Attendance.Attended, true));
        (await factory.EpisodeEventsAsync<EpisodeStateChanged>(scenario)).ShouldHaveSingleItem().Event<EpisodeStateChanged>().To.ShouldBe(EpisodeState.Active);
        await factory.ShouldNotBeInTheAuditTrailAsync(scenario, "his brother's death");
    }

    [Fact]
    public async Task Post_DidNotAttend_DoesNotMakeTheEpisodeActive()
    {
        var scenario = await ContactTestData.CreateAsync(factory);
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var response = await browser.PostFormAsync(scenario.Path + "/contacts/new", ContactTestData.ValidForm(scenario, f =>
        {
            f["Input.Attendance"] = nameof(Attendance.DidNotAttend);
            f.Remove("Input.Interventions");
        }));

        response.Status.ShouldBe(HttpStatusCode.Redirect, response.Html);
        (await factory.LoadEpisodeAsync(scenario)).State.ShouldBe(EpisodeState.Engaging);
        (await factory.EpisodeEventsAsync<EpisodeStateChanged>(scenario)).ShouldBeEmpty();
    }

    public static TheoryData<string, string, string, string> BadInputs => new()
    {
        { "Input.Date.Day", "", "Input_Date", "Date of the contact must be a real date" },
        { "Input.Date.Day", "32", "Input_Date", "Date of the contact must be a real date" },
        { "Input.Date.Month", "13", "Input_Date", "Date of the contact must be a real date" },
        { "Input.Date.Year", "2099", "Input_Date", "Date of the contact must be today or in the past" },
        { "Input.Date.Year", "2000", "Input_Date", "" },
        { "Input.Time", "", "Input_Time", "Enter the time of the contact" },
        { "Input.Time", "2.30pm", "Input_Time", "Enter the time of the contact as 24-hour time, like 14:30" },
        { "Input.DurationMinutes", "", "Input_DurationMinutes", "Enter the length of the contact in minutes" },
        { "Input.DurationMinutes", "an hour", "Input_DurationMinutes", "Length must be a whole number of minutes, like 45" },
        { "Input.DurationMinutes", "601", "Input_DurationMinutes", "Length must be between 1 and 600 minutes" },
        { "Input.DurationMinutes", "0", "Input_DurationMinutes", "Length must be between 1 and 600 minutes" },
        { "Input.Mode", "", "Input_Mode", "Select how the contact took place" },
        { "Input.StrandId", "", "Input_StrandId", "Select the strand of support" },
        { "Input.StrandId", "6f9619ff-8b86-d011-b42d-00c04fc964ff", "Input_StrandId", "Select one of the episode's strands of support" },
        { "Input.Attendance", "", "Input_Attendance", "Select whether the person attended" },
        { "Input.Attendance", nameof(Attendance.CancelledByPerson), "Input_Interventions", "Interventions can only be recorded for a contact that took place" },
        { "Input.Interventions", "benefits", "Input_Interventions", "Benefits is not an intervention of the emotional support strand: select from its list" },
        { "Input.Pathways", "astrology", "Input_Pathways", "Select resettlement pathways from the list" },
        { "Input.Note", new string('a', 8001), "Input_Note", "Case note must be 8000 characters or fewer" },
        { "Input.IsReengagementAttempt", "true", "Input_IsReengagementAttempt", "A re-engagement attempt can only be recorded while the episode is disengaged" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Post_BadInput_ShowsItsMessage_Answers400_AndChangesNothing(string field, string value, string fieldId, string message)
    {
        var scenario = await ContactTestData.CreateAsync(factory);
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var response = await browser.PostFormAsync(scenario.Path + "/contacts/new", ContactTestData.ValidForm(scenario, f => f[field] = value));

        response.Status.ShouldBe(HttpStatusCode.BadRequest);
        if (message.Length > 0)
        {
            response.Document.AssertHasError(fieldId, message);
        }
        else
        {
            response.Document.ErrorSummary().ShouldContain(e => e.StartsWith("Date of the contact must be on or after the episode started", StringComparison.Ordinal));
        }

        (await factory.WithDbAsync(db => db.Contacts.CountAsync(c => c.EpisodeId == scenario.Episode.Id))).ShouldBe(0);
        (await factory.LoadEpisodeAsync(scenario)).State.ShouldBe(EpisodeState.Engaging);
        (await factory.EpisodeEventsAsync<ContactRecorded>(scenario)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Post_Twice_WithTheSameSubmissionId_RecordsOneContact()
    {
        var scenario = await ContactTestData.CreateAsync(factory);
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);
        var form = ContactTestData.ValidForm(scenario);

        (await browser.PostFormAsync(scenario.Path + "/contacts/new", form)).Status.ShouldBe(HttpStatusCode.Redirect);
        (await browser.PostFormAsync(scenario.Path + "/contacts/new", form)).Status.ShouldBe(HttpStatusCode.Redirect);

        (await factory.WithDbAsync(db => db.Contacts.CountAsync(c => c.EpisodeId == scenario.Episode.Id))).ShouldBe(1);
        (await factory.EpisodeEventsAsync<ContactRecorded>(scenario)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Dpo_CannotRecord_NorAnyoneOnAClosedEpisode()
    {
        var scenario = await ContactTestData.CreateAsync(factory, EpisodeState.Active);
        await ContactTestData.SeedAsync(factory, scenario);
        var dpo = await Browser.SignInAsync(factory, scenario.Dpo);

        (await dpo.GetAsync(scenario.Path + "/contacts/new")).Status.ShouldBe(HttpStatusCode.NotFound);
        var token = await dpo.GetTokenAsync(scenario.Path + "/contacts");
        var posted = await dpo.PostRawAsync(scenario.Path + "/contacts/new", [.. ContactTestData.ValidForm(scenario), KeyValuePair.Create("__RequestVerificationToken", token)]);
        posted.Status.ShouldBe(HttpStatusCode.NotFound);
        (await factory.WithDbAsync(db => db.Contacts.CountAsync(c => c.EpisodeId == scenario.Episode.Id))).ShouldBe(1);

        var closed = await ContactTestData.CreateAsync(factory, EpisodeState.Closed);
        (await (await Browser.SignInAsync(factory, closed.Manager)).GetAsync(closed.Path + "/contacts/new")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ReferrerAndOutsider_GetNotFound()
    {
        var scenario = await ContactTestData.CreateAsync(factory, EpisodeState.Active);

        await factory.ShouldFindNothingAsync(scenario, [scenario.Referrer, scenario.Outsider], "/contacts/new");
    }

    [Fact]
    public async Task RetiredDrugsAndAlcohol_IsNotOffered_AndIsRefused()
    {
        var scenario = await ContactTestData.CreateAsync(factory);
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var form = await browser.GetAsync(scenario.Path + "/contacts/new");
        var page = await browser.PostFormAsync(scenario.Path + "/contacts/new", ContactTestData.ValidForm(scenario, f => f["Input.Pathways"] = "drugs-alcohol"));

        form.Document.QuerySelectorAll("input[name='Input.Pathways']").Select(i => i.GetAttribute("value")).ShouldBe(Pages.Episodes.PlanTestData.Pathways);
        form.Document.QuerySelector("label[for='Input_Pathways-6']").Text().ShouldBe("Children, families and support networks");
        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError("Input_Pathways", "Select resettlement pathways from the list");
        (await factory.WithDbAsync(db => db.Contacts.CountAsync(c => c.EpisodeId == scenario.Episode.Id))).ShouldBe(0);
    }
}
