using System.Net;
using Microsoft.EntityFrameworkCore;
using Throughcare.Tests.Infrastructure;
using Throughcare.Web.Domain.Audit;
using Throughcare.Web.Domain.Episodes;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Tests.Pages.Episodes;

/// <summary>An episode begun weeks ago, so contacts can be dated in the past, and a valid contact form for it.</summary>
public static class ContactTestData
{
    public static async Task<EpisodeScenario> CreateAsync(ThroughcareFactory factory, EpisodeState state = EpisodeState.Engaging)
    {
        var scenario = await new EpisodeTestData(factory).CreateScenarioAsync(state);
        await factory.WithDbAsync(async db =>
        {
            var episode = await db.Episodes.Include(e => e.Strands).SingleAsync(e => e.Id == scenario.Episode.Id);
            episode.StartedOn = episode.StartedOn.AddDays(-60);
            foreach (var strand in episode.Strands)
            {
                strand.StartedAt = strand.StartedAt.AddDays(-60);
            }

            return await db.SaveChangesAsync();
        });
        return scenario;
    }

    public static DateOnly Yesterday => TestTime.StartDate.AddDays(-1);

    public static Dictionary<string, string> ValidForm(EpisodeScenario scenario, Action<Dictionary<string, string>>? change = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["SubmissionId"] = Guid.NewGuid().ToString(),
            ["Input.Date.Day"] = Yesterday.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Date.Month"] = Yesterday.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Date.Year"] = Yesterday.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Time"] = "14:30",
            ["Input.DurationMinutes"] = "50",
            ["Input.Mode"] = nameof(ContactMode.FaceToFace),
            ["Input.StrandId"] = scenario.EmotionalStrand.Id.ToString(),
            ["Input.Attendance"] = nameof(Attendance.Attended),
            ["Input.Interventions"] = "safety-planning",
            ["Input.Pathways"] = "health",
            ["Input.Note"] = "Talked through the week.",
        };
        change?.Invoke(fields);
        return fields;
    }

    /// <summary>A contact put straight into the database, for tests about reading.</summary>
    public static Task<Contact> SeedAsync(ThroughcareFactory factory, EpisodeScenario scenario, Action<Contact>? change = null) =>
        factory.WithDbAsync(async db =>
        {
            var contact = new Contact
            {
                Id = Guid.NewGuid(),
                EpisodeId = scenario.Episode.Id,
                ServiceStrandId = scenario.EmotionalStrand.Id,
                OccurredAt = factory.UtcNow.AddDays(-2),
                DurationMinutes = 45,
                Mode = ContactMode.Phone,
                Attendance = Attendance.Attended,
                Interventions = ["safety-planning"],
                Note = "Seeded note",
                RecordedAt = factory.UtcNow,
                RecordedByUserId = scenario.EmotionalWorker.Id,
            };
            change?.Invoke(contact);
            db.Contacts.Add(contact);
            await db.SaveChangesAsync();
            return contact;
        });
}

public sealed class ContactPagesTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private const string Secret = "RESTRICTED-NOTE-7f3a";

    [Fact]
    public async Task Post_ValidContact_StoresItAuditsIt_AndTheFirstAttendedContactMakesTheEpisodeActive()
    {
        var scenario = await ContactTestData.CreateAsync(factory);
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);

        var response = await browser.PostFormAsync(scenario.Path + "/contacts/new", ContactTestData.ValidForm(scenario));

        response.Status.ShouldBe(HttpStatusCode.Redirect, response.Html);
        response.Location.ShouldBe(scenario.Path + "/contacts?done=recorded");
        var contact = await factory.WithDbAsync(db => db.Contacts.SingleAsync(c => c.EpisodeId == scenario.Episode.Id));
        contact.DurationMinutes.ShouldBe(50);
        contact.Interventions.ShouldBe(["safety-planning"]);
        contact.Pathways.ShouldBe(["health"]);
        contact.Note.ShouldBe("Talked through the week.");
        contact.RecordedByUserId.ShouldBe(scenario.EmotionalWorker.Id);
        Display.LondonDate(contact.OccurredAt).ShouldBe(ContactTestData.Yesterday);
        (await factory.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.RecordType == AuditRecordTypes.Contact && a.RecordId == contact.Id.ToString() && a.Action == AuditActions.Create))).ShouldBe(1);
        var episode = await factory.WithDbAsync(db => db.Episodes.SingleAsync(e => e.Id == scenario.Episode.Id));
        episode.State.ShouldBe(EpisodeState.Active);
        var transition = await factory.WithDbAsync(db => db.EpisodeTransitions.SingleAsync(t => t.EpisodeId == scenario.Episode.Id));
        (transition.From, transition.To, transition.Reason).ShouldBe((EpisodeState.Engaging, EpisodeState.Active, "First attended contact"));

        var list = await browser.GetAsync(scenario.Path + "/contacts?done=recorded");
        list.Status.ShouldBe(HttpStatusCode.OK);
        list.Html.ShouldContain("Contact recorded");
        list.Document.QuerySelectorAll("#contacts tbody tr").Length.ShouldBe(1);
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
        (await factory.WithDbAsync(db => db.Episodes.SingleAsync(e => e.Id == scenario.Episode.Id))).State.ShouldBe(EpisodeState.Engaging);
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
        (await factory.WithDbAsync(db => db.Episodes.SingleAsync(e => e.Id == scenario.Episode.Id))).State.ShouldBe(EpisodeState.Engaging);
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
    }

    [Fact]
    public async Task Correct_KeepsTheEarlierVersion_AndShowsItInTheHistory()
    {
        var scenario = await ContactTestData.CreateAsync(factory, EpisodeState.Active);
        var contact = await ContactTestData.SeedAsync(factory, scenario, c => c.Note = "Original wording");
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);
        var path = $"{scenario.Path}/contacts/{contact.Id}";

        var response = await browser.PostFormAsync(path + "/correct", ContactTestData.ValidForm(scenario, f =>
        {
            f.Remove("SubmissionId");
            f["Version"] = contact.Version.ToString();
            f["Input.Note"] = "Corrected wording";
            f["Reason"] = "Typed the wrong session";
        }));

        response.Status.ShouldBe(HttpStatusCode.Redirect, response.Html);
        var saved = await factory.WithDbAsync(db => db.Contacts.Include(c => c.Revisions).SingleAsync(c => c.Id == contact.Id));
        saved.Note.ShouldBe("Corrected wording");
        saved.CorrectedByUserId.ShouldBe(scenario.EmotionalWorker.Id);
        var revision = saved.Revisions.ShouldHaveSingleItem();
        (revision.Note, revision.CorrectionReason, revision.Number).ShouldBe(("Original wording", "Typed the wrong session", 1));
        ContactSnapshot.Read(revision.Snapshot)!.DurationMinutes.ShouldBe(45);
        (await factory.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.RecordId == contact.Id.ToString() && a.Action == AuditActions.Update))).ShouldBe(1);

        var page = await browser.GetAsync(path);
        page.Document.GetSummaryListValue("Case note").ShouldBe("Corrected wording");
        var history = page.Document.QuerySelector("#revisions").Text();
        history.ShouldContain("Original wording");
        history.ShouldContain("Typed the wrong session");
        history.ShouldContain(Display.DateTime(contact.OccurredAt));
    }

    [Fact]
    public async Task Correct_WithoutReason_Or_WithAStaleVersion_ChangesNothing()
    {
        var scenario = await ContactTestData.CreateAsync(factory, EpisodeState.Active);
        var contact = await ContactTestData.SeedAsync(factory, scenario);
        var browser = await Browser.SignInAsync(factory, scenario.EmotionalWorker);
        var url = $"{scenario.Path}/contacts/{contact.Id}/correct";

        var noReason = await browser.PostFormAsync(url, ContactTestData.ValidForm(scenario, f => f["Version"] = contact.Version.ToString()));
        noReason.Status.ShouldBe(HttpStatusCode.BadRequest);
        noReason.Document.AssertHasError("Reason", "Enter the reason for the correction");

        var stale = await browser.PostFormAsync(url, ContactTestData.ValidForm(scenario, f =>
        {
            f["Version"] = Guid.NewGuid().ToString();
            f["Reason"] = "Late change";
        }));
        stale.Status.ShouldBe(HttpStatusCode.Conflict);
        stale.Document.QuerySelector("[data-conflict]").ShouldNotBeNull();

        (await factory.WithDbAsync(db => db.ContactRevisions.CountAsync(r => r.ContactId == contact.Id))).ShouldBe(0);
        (await factory.WithDbAsync(db => db.Contacts.SingleAsync(c => c.Id == contact.Id))).Note.ShouldBe("Seeded note");
    }

    [Fact]
    public async Task RestrictedNote_IsReadOnlyByTheEpisodeTeamAndTheDpo_AndTheirReadIsAudited()
    {
        var scenario = await ContactTestData.CreateAsync(factory, EpisodeState.Active);
        var contact = await ContactTestData.SeedAsync(factory, scenario, c => { c.Note = Secret; c.NoteRestricted = true; });
        await factory.WithDbAsync(async db =>
        {
            db.ContactRevisions.Add(new ContactRevision
            {
                Id = Guid.NewGuid(),
                ContactId = contact.Id,
                Number = 1,
                Snapshot = "{}",
                Note = Secret + "-earlier",
                NoteRestricted = true,
                ReplacedAt = factory.UtcNow,
                ReplacedByUserId = scenario.EmotionalWorker.Id,
                CorrectionReason = "Wrong date",
            });
            return await db.SaveChangesAsync();
        });
        var detail = $"{scenario.Path}/contacts/{contact.Id}";

        var colleague = await Browser.SignInAsync(factory, scenario.Colleague);
        foreach (var url in new[] { scenario.Path + "/contacts", detail })
        {
            var page = await colleague.GetAsync(url);
            page.Status.ShouldBe(HttpStatusCode.OK, url);
            page.Html.ShouldNotContain(Secret);
            page.Html.ShouldContain("This note is restricted");
        }

        (await colleague.GetAsync(detail + "/correct")).Status.ShouldBe(HttpStatusCode.NotFound);

        foreach (var user in new[] { scenario.EmotionalWorker, scenario.PracticalWorker, scenario.Manager, scenario.Dpo })
        {
            var browser = await Browser.SignInAsync(factory, user);
            (await browser.GetAsync(scenario.Path + "/contacts")).Html.ShouldContain(Secret);
            var page = await browser.GetAsync(detail);
            page.Html.ShouldContain(Secret);
            page.Html.ShouldContain(Secret + "-earlier");
            (await factory.WithDbAsync(db => db.AuditEvents.Where(a => a.RecordType == AuditRecordTypes.Contact && a.RecordId == contact.Id.ToString() && a.UserId == user.Id && a.Action == AuditActions.View).Select(a => a.Details).SingleAsync()))
                .ShouldNotBeNull().ShouldContain("\"restricted\":true");
        }
    }

    [Fact]
    public async Task Dpo_ReadsButCannotRecord_AndReferrerAndOutsiderFindNothing()
    {
        var scenario = await ContactTestData.CreateAsync(factory, EpisodeState.Active);
        var contact = await ContactTestData.SeedAsync(factory, scenario);
        var detail = $"{scenario.Path}/contacts/{contact.Id}";

        var dpo = await Browser.SignInAsync(factory, scenario.Dpo);
        var list = await dpo.GetAsync(scenario.Path + "/contacts");
        list.Status.ShouldBe(HttpStatusCode.OK);
        list.Document.QuerySelector("#record-contact").ShouldBeNull();
        (await dpo.GetAsync(detail)).Document.QuerySelector("#correct-contact").ShouldBeNull();
        (await dpo.GetAsync(scenario.Path + "/contacts/new")).Status.ShouldBe(HttpStatusCode.NotFound);
        var token = await dpo.GetTokenAsync(scenario.Path + "/contacts");
        var posted = await dpo.PostRawAsync(scenario.Path + "/contacts/new", [.. ContactTestData.ValidForm(scenario), KeyValuePair.Create("__RequestVerificationToken", token)]);
        posted.Status.ShouldBe(HttpStatusCode.NotFound);
        (await factory.WithDbAsync(db => db.Contacts.CountAsync(c => c.EpisodeId == scenario.Episode.Id))).ShouldBe(1);

        foreach (var user in new[] { scenario.Referrer, scenario.Outsider })
        {
            var browser = await Browser.SignInAsync(factory, user);
            foreach (var url in new[] { scenario.Path + "/contacts", scenario.Path + "/contacts/new", detail, detail + "/correct" })
            {
                (await browser.GetAsync(url)).Status.ShouldBe(HttpStatusCode.NotFound, url);
            }
        }
    }

    [Fact]
    public async Task ClosedEpisode_TakesNoContacts()
    {
        var scenario = await ContactTestData.CreateAsync(factory, EpisodeState.Closed);
        var browser = await Browser.SignInAsync(factory, scenario.Manager);

        (await browser.GetAsync(scenario.Path + "/contacts")).Document.QuerySelector("#record-contact").ShouldBeNull();
        (await browser.GetAsync(scenario.Path + "/contacts/new")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ContactsPage_CountsAttendedSessionsByIntervention_AndShowsTheEmptyState()
    {
        var scenario = await ContactTestData.CreateAsync(factory, EpisodeState.Active);
        var browser = await Browser.SignInAsync(factory, scenario.Colleague);
        (await browser.GetAsync(scenario.Path + "/contacts")).Document.QuerySelector("#no-contacts").ShouldNotBeNull();

        await ContactTestData.SeedAsync(factory, scenario, c => c.Interventions = ["safety-planning", "psychoeducation"]);
        await ContactTestData.SeedAsync(factory, scenario, c => { c.Interventions = ["safety-planning"]; c.Attendance = Attendance.Late; });
        await ContactTestData.SeedAsync(factory, scenario, c => { c.Interventions = ["safety-planning"]; c.Attendance = Attendance.DidNotAttend; });
        await ContactTestData.SeedAsync(factory, scenario, c => { c.ServiceStrandId = scenario.PracticalStrand.Id; c.Interventions = ["benefits"]; });

        var page = await browser.GetAsync(scenario.Path + "/contacts");

        var rows = page.Document.QuerySelectorAll("#dose tbody tr").Select(r => string.Join("|", r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()))).ToList();
        rows.ShouldBe([$"{scenario.EmotionalStrand.Name}|Safety planning|2", $"{scenario.EmotionalStrand.Name}|Psychoeducation|1", $"{scenario.PracticalStrand.Name}|Benefits|1"], ignoreOrder: true);
        page.Document.QuerySelectorAll("#contacts tbody tr").Length.ShouldBe(4);
    }
}
