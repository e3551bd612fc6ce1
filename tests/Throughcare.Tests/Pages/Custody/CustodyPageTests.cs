using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Custody;
using Throughcare.Core.Domain.Journeys;
using Throughcare.Core.Domain.Organisations;
using Throughcare.Core.Domain.People;
using Throughcare.Tests.Infrastructure;

namespace Throughcare.Tests.Pages.Custody;

/// <summary>
/// Custody on its pages: a period recorded sets out the journey and gives the prison its role; a moved key date needs a
/// reason and the milestones follow it at once, on the journey and the timeline; moves, release, recall and the
/// milestones' own forms; the organisation's list of milestones due.
/// </summary>
public sealed class CustodyPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private readonly TestData _data = new(factory);

    private sealed record Scene(Guid PersonId, Organisation Probation, Organisation Prison, Organisation OpenPrison, TestUser Officer, TestUser Dpo, TestUser Outsider);

    private async Task<Scene> CreateAsync()
    {
        var probation = await _data.CreateOrganisationAsync(OrganisationKind.Probation);
        var prison = await _data.CreateOrganisationAsync(OrganisationKind.Prison, name: TestData.Unique("HMP Brixton"));
        var open = await _data.CreateOrganisationAsync(OrganisationKind.Prison, name: TestData.Unique("HMP Standford Hill"));
        var outside = await _data.CreateOrganisationAsync();
        return new Scene(
            await _data.CreatePersonAsync(probation.Id), probation, prison, open,
            await _data.CreateUserAsync(probation.Id, StaffRoles.Practitioner),
            await _data.CreateUserAsync(probation.Id, StaffRoles.DataProtectionOfficer),
            await _data.CreateUserAsync(outside.Id, StaffRoles.Manager));
    }

    private static void Date(Dictionary<string, string> form, string field, DateOnly? date)
    {
        form[field + ".Day"] = date?.Day.ToString(CultureInfo.InvariantCulture) ?? "";
        form[field + ".Month"] = date?.Month.ToString(CultureInfo.InvariantCulture) ?? "";
        form[field + ".Year"] = date?.Year.ToString(CultureInfo.InvariantCulture) ?? "";
    }

    private Dictionary<string, string> NewForm(Scene scene, int expectedReleaseInDays = 200)
    {
        var form = new Dictionary<string, string>
        {
            ["SubmissionId"] = Guid.NewGuid().ToString(),
            ["Input.PrisonId"] = scene.Prison.Id.ToString(),
            ["Input.SentenceType"] = nameof(SentenceType.Determinate),
            ["Input.SentenceLengthMonths"] = "18",
            ["Input.ExpectedReleaseConfirmed"] = "false",
            ["Input.ReleaseBorough"] = "southwark",
        };
        Date(form, "Input.ReceptionOn", factory.Today.AddDays(-30));
        Date(form, "Input.SentenceOn", factory.Today.AddDays(-28));
        Date(form, "Input.Dates.ExpectedRelease", factory.Today.AddDays(expectedReleaseInDays));
        return form;
    }

    private async Task<CustodyPeriod> RecordAsync(Browser browser, Scene scene, int expectedReleaseInDays = 200)
    {
        var posted = await browser.PostFormAsync($"/people/{scene.PersonId}/custody/new", NewForm(scene, expectedReleaseInDays));
        posted.Status.ShouldBe(HttpStatusCode.Redirect, string.Join(" | ", posted.Document.ErrorSummary()));
        return await factory.WithDbAsync(db => db.CustodyPeriods.AsNoTracking().OrderByDescending(p => p.CreatedAt).FirstAsync(p => p.PersonId == scene.PersonId));
    }

    private Task<Dictionary<string, Milestone>> MilestonesAsync(Guid periodId) =>
        factory.WithDbAsync(db => db.Milestones.AsNoTracking().Where(m => m.CustodyPeriodId == periodId)
            .Join(db.MilestoneDefinitions, m => m.DefinitionId, d => d.Id, (m, d) => new { m, d.Code }).ToDictionaryAsync(x => x.Code, x => x.m));

    /// <summary>The dates form as the page fills it, with the expected release moved and a reason.</summary>
    private static Dictionary<string, string> DatesForm(CustodyPeriod period, DateOnly expectedRelease, string reason)
    {
        var form = new Dictionary<string, string>
        {
            ["Version"] = period.Version.ToString(),
            ["Input.ExpectedReleaseConfirmed"] = period.ExpectedReleaseConfirmed ? "true" : "false",
            ["Input.ReleaseBorough"] = period.ReleaseBorough ?? "",
            ["Input.Reason"] = reason,
        };
        foreach (var date in Enum.GetValues<KeyDate>())
        {
            Date(form, $"Input.Dates.{date}", date == KeyDate.ExpectedRelease ? expectedRelease : period.Get(date));
        }

        return form;
    }

    [Fact]
    public async Task Record_SetsOutTheJourney_GivesThePrisonItsRole_AndBadInputWritesNothing()
    {
        var scene = await CreateAsync();
        var officer = await Browser.SignInAsync(factory, scene.Officer);

        var form = await officer.GetAsync($"/people/{scene.PersonId}/custody/new");
        form.Status.ShouldBe(HttpStatusCode.OK);
        form.Document.QuerySelectorAll("#Input_PrisonId option").Select(o => o.GetAttribute("value")).ShouldContain(scene.Prison.Id.ToString());

        var empty = await officer.PostFormAsync($"/people/{scene.PersonId}/custody/new", new() { ["SubmissionId"] = Guid.NewGuid().ToString() });
        empty.Status.ShouldBe(HttpStatusCode.BadRequest);
        empty.Document.ErrorSummary().ShouldBe(["Select the prison that received them", "Enter the reception date", "Select the type of sentence"], ignoreOrder: true);
        var noLength = NewForm(scene);
        noLength["Input.SentenceLengthMonths"] = "";
        Date(noLength, "Input.Dates.ExpectedRelease", factory.Today.AddDays(-400));
        var refused = await officer.PostFormAsync($"/people/{scene.PersonId}/custody/new", noLength);
        refused.Document.ErrorSummary().ShouldBe(
            ["Enter the sentence length in months", $"Expected release date must be on or after the reception date, {factory.Today.AddDays(-30).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}"],
            ignoreOrder: true);
        (await factory.WithDbAsync(db => db.CustodyPeriods.CountAsync(p => p.PersonId == scene.PersonId))).ShouldBe(0);

        var period = await RecordAsync(officer, scene);
        (period.ReceptionPrisonId, period.SentenceType, period.SentenceLengthMonths, period.ExpectedReleaseOn, period.ReleaseBorough)
            .ShouldBe((scene.Prison.Id, SentenceType.Determinate, 18, factory.Today.AddDays(200), "southwark"));
        var milestones = await MilestonesAsync(period.Id);
        milestones.Count.ShouldBe(ShippedJourney.Milestones.Count);
        milestones[ShippedJourney.FirstNight].DueOn.ShouldBe(factory.Today.AddDays(-30));
        (milestones[ShippedJourney.EmergencyHousing].DueOn, milestones[ShippedJourney.EmergencyHousing].Applies).ShouldBe((factory.Today.AddDays(172), true));
        milestones["outside-agency-referrals"].Applies.ShouldBeTrue("18 months is over 12");
        milestones["parole-dossier"].Applies.ShouldBeFalse("only for indeterminate sentences");
        milestones[ShippedJourney.ReleaseAppointment].DueOn.ShouldBeNull();
        (await factory.WithDbAsync(db => db.PersonCareRoles.SingleAsync(r => r.CustodyPeriodId == period.Id)))
            .ShouldSatisfyAllConditions(r => r.OrganisationId.ShouldBe(scene.Prison.Id), r => r.Kind.ShouldBe(CareRoleKind.Custody), r => r.EndedAt.ShouldBeNull());

        var journey = await officer.GetAsync($"/people/{scene.PersonId}/journey");
        journey.Document.QuerySelector($"tr[data-milestone='{ShippedJourney.FirstNight}']").Text().ShouldContain("Overdue");
        journey.Document.QuerySelector($"tr[data-milestone='{ShippedJourney.ReleaseAppointment}']").Text().ShouldContain("Waiting for the release");

        // The prison now holds a role in their care: its staff find the person. The data protection officer reads the
        // custody but records nothing; an organisation with no role finds nothing.
        var prisonOfficer = await Browser.SignInAsync(factory, await _data.CreateUserAsync(scene.Prison.Id, StaffRoles.Practitioner));
        (await prisonOfficer.GetAsync($"/people/{scene.PersonId}/custody/{period.Id}")).Status.ShouldBe(HttpStatusCode.OK);
        var dpo = await Browser.SignInAsync(factory, scene.Dpo);
        (await dpo.GetAsync($"/people/{scene.PersonId}/custody/{period.Id}")).Status.ShouldBe(HttpStatusCode.OK);
        (await dpo.PostFormAsync($"/people/{scene.PersonId}/custody/{period.Id}/dates", DatesForm(period, factory.Today.AddDays(100), "Moved"))).Status.ShouldBe(HttpStatusCode.NotFound);
        var outsider = await Browser.SignInAsync(factory, scene.Outsider);
        (await outsider.GetAsync($"/people/{scene.PersonId}/custody/{period.Id}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await outsider.GetAsync($"/people/{scene.PersonId}/journey")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task MovingTheExpectedRelease_NeedsAReason_ThenTheJourneyFollowsForwardAndBack_AndTheTimelineSaysWhy()
    {
        var scene = await CreateAsync();
        var officer = await Browser.SignInAsync(factory, scene.Officer);
        var period = await RecordAsync(officer, scene);
        var path = $"/people/{scene.PersonId}/custody/{period.Id}/dates";
        var later = factory.Today.AddDays(214);

        var noReason = await officer.PostFormAsync(path, DatesForm(period, later, ""));
        noReason.Status.ShouldBe(HttpStatusCode.BadRequest);
        noReason.Document.ErrorSummary().ShouldBe([CustodyRules.ReasonRequired]);
        (await MilestonesAsync(period.Id))[ShippedJourney.EmergencyHousing].DueOn.ShouldBe(factory.Today.AddDays(172));

        var moved = await officer.PostFormAsync(path, DatesForm(period, later, "Recalculated after remand time was credited"));
        moved.Status.ShouldBe(HttpStatusCode.Redirect, string.Join(" | ", moved.Document.ErrorSummary()));
        var milestones = await MilestonesAsync(period.Id);
        milestones[ShippedJourney.EmergencyHousing].DueOn.ShouldBe(later.AddDays(-28));
        milestones[ShippedJourney.DischargeConference].DueOn.ShouldBe(later.AddDays(-21));
        milestones[ShippedJourney.FirstNight].DueOn.ShouldBe(factory.Today.AddDays(-30), "dated from the reception, which did not move");
        var change = await factory.WithDbAsync(db => db.KeyDateChanges.AsNoTracking().SingleAsync(c => c.CustodyPeriodId == period.Id));
        (change.KeyDate, change.From, change.To, change.Reason, change.ChangedByUserId)
            .ShouldBe((KeyDate.ExpectedRelease, factory.Today.AddDays(200), later, "Recalculated after remand time was credited", scene.Officer.Id));

        var view = await officer.GetAsync($"/people/{scene.PersonId}/custody/{period.Id}");
        view.Document.QuerySelector("#history-ExpectedRelease").Text().ShouldContain("Recalculated after remand time was credited");
        var timeline = await officer.GetAsync($"/people/{scene.PersonId}/timeline?kind=custody");
        timeline.Html.ShouldContain("Expected release date changed");
        timeline.Html.ShouldContain("milestones&#x27; dates moved");
        timeline.Html.ShouldContain("Why: Recalculated after remand time was credited");

        // The form the user loaded before that change is stale: nothing is overwritten.
        var stale = await officer.PostFormAsync(path, DatesForm(period, later.AddDays(7), "Another change"));
        stale.Status.ShouldBe(HttpStatusCode.Conflict);
        (await MilestonesAsync(period.Id))[ShippedJourney.EmergencyHousing].DueOn.ShouldBe(later.AddDays(-28));

        // And back, earlier than it first was: the dates follow.
        var current = await factory.WithDbAsync(db => db.CustodyPeriods.AsNoTracking().SingleAsync(p => p.Id == period.Id));
        var earlier = factory.Today.AddDays(150);
        (await officer.PostFormAsync(path, DatesForm(current, earlier, "Home detention curfew granted"))).Status.ShouldBe(HttpStatusCode.Redirect);
        (await MilestonesAsync(period.Id))[ShippedJourney.EmergencyHousing].DueOn.ShouldBe(earlier.AddDays(-28));
    }

    [Fact]
    public async Task MoveReleaseAndRecall_AndTheMilestonesForms()
    {
        var scene = await CreateAsync();
        var officer = await Browser.SignInAsync(factory, scene.Officer);
        var period = await RecordAsync(officer, scene, expectedReleaseInDays: 10);
        var root = $"/people/{scene.PersonId}/custody/{period.Id}";

        var move = new Dictionary<string, string> { ["Version"] = period.Version.ToString(), ["Input.ToPrisonId"] = scene.Prison.Id.ToString(), ["Input.Reason"] = nameof(MoveReason.ProgressiveMove) };
        Date(move, "Input.MovedOn", factory.Today.AddDays(-3));
        (await officer.PostFormAsync(root + "/move", move)).Document.ErrorSummary().ShouldBe(["Select a prison other than the one they are in"]);
        move["Input.ToPrisonId"] = scene.OpenPrison.Id.ToString();
        (await officer.PostFormAsync(root + "/move", move)).Status.ShouldBe(HttpStatusCode.Redirect);
        var view = await officer.GetAsync(root);
        view.Document.QuerySelector("#current-prison").Text().ShouldBe(scene.OpenPrison.Name);
        (await factory.WithDbAsync(db => db.PersonCareRoles.AnyAsync(r => r.CustodyPeriodId == period.Id && r.OrganisationId == scene.OpenPrison.Id))).ShouldBeTrue();

        // The discharge review conference is done: the discharge plan chained to it is dated five working days on.
        var milestones = await MilestonesAsync(period.Id);
        milestones[ShippedJourney.DischargePlan].DueOn.ShouldBeNull();
        var conference = milestones[ShippedJourney.DischargeConference];
        var done = new Dictionary<string, string> { ["Version"] = conference.Version.ToString(), ["Input.Evidence"] = "Minutes sent to the borough lead" };
        Date(done, "Input.DoneOn", factory.Today.AddDays(-2));
        var marked = await officer.PostFormAsync($"/people/{scene.PersonId}/journey/{conference.Id}?handler=Done", done);
        marked.Status.ShouldBe(HttpStatusCode.Redirect, string.Join(" | ", marked.Document.ErrorSummary()));
        milestones = await MilestonesAsync(period.Id);
        (milestones[ShippedJourney.DischargeConference].State, milestones[ShippedJourney.DischargeConference].Evidence).ShouldBe((MilestoneState.Done, "Minutes sent to the borough lead"));
        milestones[ShippedJourney.DischargePlan].DueOn.ShouldBe(WorkingDays.Add(factory.Today.AddDays(-2), 5));

        var housing = milestones[ShippedJourney.EmergencyHousing];
        var noReason = await officer.PostFormAsync($"/people/{scene.PersonId}/journey/{housing.Id}?handler=NotApplicable", new() { ["Version"] = housing.Version.ToString(), ["Reason"] = "" });
        noReason.Status.ShouldBe(HttpStatusCode.BadRequest);
        (await MilestonesAsync(period.Id))[ShippedJourney.EmergencyHousing].State.ShouldBe(MilestoneState.Open);

        var current = await factory.WithDbAsync(db => db.CustodyPeriods.AsNoTracking().SingleAsync(p => p.Id == period.Id));
        var release = new Dictionary<string, string>
        {
            ["Version"] = current.Version.ToString(),
            ["Input.Kind"] = nameof(ReleaseKind.AutomaticOnLicence),
            ["Input.Accommodation"] = nameof(ReleaseAccommodation.ApprovedPremises),
            ["Input.ReleaseBorough"] = "lambeth",
        };
        Date(release, "Input.ReleasedOn", factory.Today.AddDays(1));
        (await officer.PostFormAsync(root + "/release", release)).Document.ErrorSummary().ShouldBe(["Release date must be today or in the past"]);
        Date(release, "Input.ReleasedOn", factory.Today.AddDays(-1));
        (await officer.PostFormAsync(root + "/release", release)).Status.ShouldBe(HttpStatusCode.Redirect);
        milestones = await MilestonesAsync(period.Id);
        milestones[ShippedJourney.ReleaseAppointment].DueOn.ShouldBe(factory.Today);
        milestones[ShippedJourney.EmergencyHousing].Applies.ShouldBeFalse("approved premises were found");

        current = await factory.WithDbAsync(db => db.CustodyPeriods.AsNoTracking().SingleAsync(p => p.Id == period.Id));
        var recall = new Dictionary<string, string> { ["Version"] = current.Version.ToString(), ["SubmissionId"] = Guid.NewGuid().ToString(), ["Input.PrisonId"] = scene.Prison.Id.ToString() };
        Date(recall, "Input.RecalledOn", factory.Today);
        var recalled = await officer.PostFormAsync(root + "/recall", recall);
        recalled.Status.ShouldBe(HttpStatusCode.Redirect, string.Join(" | ", recalled.Document.ErrorSummary()));
        var second = await factory.WithDbAsync(db => db.CustodyPeriods.AsNoTracking().SingleAsync(p => p.RecalledFromPeriodId == period.Id));
        (second.SentenceType, second.ReceptionOn, second.LicenceExpiryOn).ShouldBe((SentenceType.Recall, factory.Today, current.LicenceExpiryOn));
        recalled.Location.ShouldBe($"/people/{scene.PersonId}/custody/{second.Id}");
        (await MilestonesAsync(second.Id)).Count.ShouldBe(ShippedJourney.Milestones.Count);
    }

    [Fact]
    public async Task MilestonesDue_ListsOverdueAndThisWeeks_ForThePeopleTheOrganisationSees_ByBorough()
    {
        var scene = await CreateAsync();
        var officer = await Browser.SignInAsync(factory, scene.Officer);
        var period = await RecordAsync(officer, scene);
        var firstNight = (await MilestonesAsync(period.Id))[ShippedJourney.FirstNight];

        var list = await officer.GetAsync("/milestones?show=overdue");
        list.Status.ShouldBe(HttpStatusCode.OK);
        list.Document.QuerySelector($"tr[data-milestone='{firstNight.Id}']").Text().ShouldContain("Overdue");
        (await officer.GetAsync("/milestones?show=week")).Document.QuerySelector($"tr[data-milestone='{firstNight.Id}']").ShouldBeNull();
        (await officer.GetAsync("/milestones?borough=southwark")).Document.QuerySelector($"tr[data-milestone='{firstNight.Id}']").ShouldNotBeNull();
        (await officer.GetAsync("/milestones?borough=lambeth")).Document.QuerySelector($"tr[data-milestone='{firstNight.Id}']").ShouldBeNull();

        var outsider = await Browser.SignInAsync(factory, scene.Outsider);
        (await outsider.GetAsync("/milestones")).Document.QuerySelector($"tr[data-milestone='{firstNight.Id}']").ShouldBeNull();
        (await factory.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.PersonId == scene.PersonId && a.UserId == scene.Officer.Id && a.Purpose == "milestones"))).ShouldBeTrue();
    }

    [Fact]
    public async Task Reminders_GoToTheOwnerOnce_PerDueDate_WithoutThePersonsName()
    {
        var scene = await CreateAsync();
        var council = await _data.CreateOrganisationAsync(OrganisationKind.LocalAuthority);
        await factory.WithDbAsync(db => db.Organisations.Where(o => o.Id == council.Id).ExecuteUpdateAsync(o => o.SetProperty(x => x.Borough, "southwark")));
        var housing = await _data.CreateUserAsync(council.Id, StaffRoles.Manager);
        var officer = await Browser.SignInAsync(factory, scene.Officer);
        var period = await RecordAsync(officer, scene, expectedReleaseInDays: 30);
        var reminders = factory.Services.GetRequiredService<MilestoneReminderService>();
        Task<List<Core.Domain.Notifications.OutboxMessage>> SentAsync() =>
            factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.To == housing.Email).OrderBy(m => m.CreatedAt).ToListAsync());

        // The emergency housing application, the council's, is due in two days: its manager is reminded, once.
        await reminders.SendDueAsync(CancellationToken.None);
        await reminders.SendDueAsync(CancellationToken.None);
        var sent = (await SentAsync()).ShouldHaveSingleItem();
        sent.Body.ShouldContain("Emergency housing application");
        sent.Body.ShouldContain(Core.Infrastructure.Text.Display.Date(factory.Today.AddDays(2)));
        var name = await factory.WithDbAsync(db => db.People.Where(p => p.Id == scene.PersonId).Select(p => p.Details.FamilyName).SingleAsync());
        sent.Body.ShouldNotContain(name);

        // The release moves a day on: the new due date is reminded of again.
        (await officer.PostFormAsync($"/people/{scene.PersonId}/custody/{period.Id}/dates", DatesForm(period, factory.Today.AddDays(31), "Recalculated"))).Status.ShouldBe(HttpStatusCode.Redirect);
        await reminders.SendDueAsync(CancellationToken.None);
        (await SentAsync()).Count.ShouldBe(2);
        (await MilestonesAsync(period.Id))[ShippedJourney.EmergencyHousing].RemindedFor.ShouldBe(factory.Today.AddDays(3));
    }
}
