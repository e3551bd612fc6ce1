using System.Net;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Custody;
using Throughcare.Core.Domain.Journeys;
using Throughcare.Core.Domain.Organisations;
using Throughcare.Tests.Infrastructure;

namespace Throughcare.Tests.Pages.Admin;

/// <summary>
/// The journey template edited on pages by a partnership administrator: each change publishes a new version, periods
/// already open keep theirs, new periods take the new one; bad input and cycles are refused and change nothing.
/// </summary>
public sealed class JourneyTemplatePageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private readonly TestData _data = new(factory);

    private Task<int> VersionAsync() => factory.WithDbAsync(db => db.JourneyTemplates.MaxAsync(t => t.Version));

    private static Dictionary<string, string> Form(MilestoneDefinition d, int version, Action<Dictionary<string, string>>? change = null)
    {
        var input = MilestoneDefinitionInput.From(d);
        var form = new Dictionary<string, string>
        {
            ["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Title"] = input.Title!,
            ["Input.Anchor"] = input.Anchor!.ToString()!,
            ["Input.AnchorMilestoneCode"] = input.AnchorMilestoneCode ?? "",
            ["Input.Offset"] = input.Offset!,
            ["Input.Unit"] = input.Unit!.ToString()!,
            ["Input.OwnerKind"] = input.OwnerKind!.ToString()!,
            ["Input.Owner"] = input.Owner ?? "",
            ["Input.ReminderDaysBefore"] = input.ReminderDaysBefore ?? "",
            ["Input.OnlyIfSentenceOverMonths"] = input.OnlyIfSentenceOverMonths ?? "",
            ["Input.OnlyIfIndeterminate"] = input.OnlyIfIndeterminate ? "true" : "false",
            ["Input.OnlyIfNoAccommodation"] = input.OnlyIfNoAccommodation ? "true" : "false",
            ["Input.OnlyIfBorough"] = input.OnlyIfBorough ?? "",
        };
        change?.Invoke(form);
        return form;
    }

    private async Task<CustodyPeriod> RecordAsync(Browser officer, Guid personId, Guid prisonId)
    {
        var today = factory.Today;
        var form = new Dictionary<string, string>
        {
            ["SubmissionId"] = Guid.NewGuid().ToString(),
            ["Input.PrisonId"] = prisonId.ToString(),
            ["Input.SentenceType"] = nameof(SentenceType.Determinate),
            ["Input.SentenceLengthMonths"] = "24",
            ["Input.ReceptionOn.Day"] = today.AddDays(-10).Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.ReceptionOn.Month"] = today.AddDays(-10).Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.ReceptionOn.Year"] = today.AddDays(-10).Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.SentenceOn.Day"] = today.AddDays(-10).Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.SentenceOn.Month"] = today.AddDays(-10).Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.SentenceOn.Year"] = today.AddDays(-10).Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Dates.ExpectedRelease.Day"] = today.AddDays(100).Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Dates.ExpectedRelease.Month"] = today.AddDays(100).Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Dates.ExpectedRelease.Year"] = today.AddDays(100).Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        (await officer.PostFormAsync($"/people/{personId}/custody/new", form)).Status.ShouldBe(HttpStatusCode.Redirect);
        return await factory.WithDbAsync(db => db.CustodyPeriods.AsNoTracking().OrderByDescending(p => p.CreatedAt).FirstAsync(p => p.PersonId == personId));
    }

    private Task<DateOnly?> DueAsync(Guid periodId, string code) =>
        factory.WithDbAsync(db => db.Milestones.Where(m => m.CustodyPeriodId == periodId)
            .Join(db.MilestoneDefinitions, m => m.DefinitionId, d => d.Id, (m, d) => new { m.DueOn, d.Code }).Where(x => x.Code == code).Select(x => x.DueOn).SingleAsync());

    [Fact]
    public async Task AChange_PublishesANewVersion_OpenPeriodsKeepTheirs_NewPeriodsTakeIt()
    {
        var probation = await _data.CreateOrganisationAsync(OrganisationKind.Probation);
        var prison = await _data.CreateOrganisationAsync(OrganisationKind.Prison);
        var officer = await Browser.SignInAsync(factory, await _data.CreateUserAsync(probation.Id, StaffRoles.Practitioner));
        var before = await RecordAsync(officer, await _data.CreatePersonAsync(probation.Id), prison.Id);
        var admin = await Browser.SignInAsync(factory, await _data.CreateStaffAsync(StaffRoles.PartnershipAdministrator));
        var version = await VersionAsync();
        var housing = await factory.WithDbAsync(db => db.MilestoneDefinitions.AsNoTracking()
            .SingleAsync(m => m.Code == ShippedJourney.EmergencyHousing && db.JourneyTemplates.Any(t => t.Id == m.TemplateId && t.Version == version)));
        var path = $"/admin/journey/milestones/{housing.Code}";

        (await admin.GetAsync("/admin/journey")).Document.QuerySelector($"tr[data-milestone='{housing.Code}']").Text().ShouldContain("28 days before the expected release date");
        var bad = await admin.PostFormAsync(path, Form(housing, version, f => f["Input.Offset"] = "a month"));
        bad.Status.ShouldBe(HttpStatusCode.BadRequest);
        bad.Document.ErrorSummary().ShouldBe([$"Enter the offset as a whole number of days from -{JourneyTemplates.MaximumOffset} to {JourneyTemplates.MaximumOffset}, negative for before, like -28"]);
        (await VersionAsync()).ShouldBe(version);

        var saved = await admin.PostFormAsync(path, Form(housing, version, f => f["Input.Offset"] = "-35"));
        saved.Status.ShouldBe(HttpStatusCode.Redirect, string.Join(" | ", saved.Document.ErrorSummary()));
        (await VersionAsync()).ShouldBe(version + 1);
        (await admin.PostFormAsync(path, Form(housing, version, f => f["Input.Offset"] = "-42"))).Status.ShouldBe(HttpStatusCode.Conflict, "the form showed a version that is no longer in force");

        var after = await RecordAsync(officer, await _data.CreatePersonAsync(probation.Id), prison.Id);
        (await DueAsync(before.Id, housing.Code)).ShouldBe(factory.Today.AddDays(100 - 28), "a period opened before keeps its version");
        (await DueAsync(after.Id, housing.Code)).ShouldBe(factory.Today.AddDays(100 - 35));
        var published = (await factory.WithDbAsync(db => db.JourneyTemplates.Where(t => t.Version == version + 1).Select(t => t.Id).SingleAsync())).ToString();
        (await factory.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.EventType == nameof(JourneyTemplatePublished) && a.RecordId == published))).ShouldBe(1);
    }

    [Fact]
    public async Task Cycles_FollowedMilestones_AndOtherAdministrators_AreRefused()
    {
        var admin = await Browser.SignInAsync(factory, await _data.CreateStaffAsync(StaffRoles.PartnershipAdministrator));
        var version = await VersionAsync();
        var conference = await factory.WithDbAsync(db => db.MilestoneDefinitions.AsNoTracking()
            .SingleAsync(m => m.Code == ShippedJourney.DischargeConference && db.JourneyTemplates.Any(t => t.Id == m.TemplateId && t.Version == version)));

        // The discharge plan follows the conference: the conference cannot follow the plan, nor be removed.
        var cycle = await admin.PostFormAsync($"/admin/journey/milestones/{conference.Code}", Form(conference, version, f =>
        {
            f["Input.Anchor"] = nameof(MilestoneAnchor.Milestone);
            f["Input.AnchorMilestoneCode"] = ShippedJourney.DischargePlan;
        }));
        cycle.Document.ErrorSummary().ShouldBe(["A milestone cannot follow one that follows it"]);
        var removed = await admin.PostFormAsync($"/admin/journey/milestones/{conference.Code}?handler=Remove", new() { ["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        removed.Status.ShouldBe(HttpStatusCode.BadRequest);
        removed.Document.ErrorSummary().Single().ShouldContain("follows this milestone");
        (await VersionAsync()).ShouldBe(version);

        var added = await admin.PostFormAsync("/admin/journey/new", new()
        {
            ["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Title"] = "GP registration",
            ["Input.Anchor"] = nameof(MilestoneAnchor.Release),
            ["Input.Offset"] = "10",
            ["Input.Unit"] = nameof(OffsetUnit.WorkingDays),
            ["Input.OwnerKind"] = nameof(MilestoneOwnerKind.AllocatedWorker),
        });
        added.Status.ShouldBe(HttpStatusCode.Redirect, string.Join(" | ", added.Document.ErrorSummary()));
        var latest = await factory.WithDbAsync(db => db.JourneyTemplates.Include(t => t.Milestones).OrderByDescending(t => t.Version).FirstAsync());
        latest.Milestones.Single(m => m.Title == "GP registration").ShouldSatisfyAllConditions(m => m.Code.ShouldBe("gp-registration"), m => m.Order.ShouldBe(latest.Milestones.Count));
        latest.Version.ShouldBe(version + 1);

        var orgAdmin = await Browser.SignInAsync(factory, await _data.CreateStaffAsync(StaffRoles.Administrator));
        (await orgAdmin.GetAsync("/admin/journey")).Status.ShouldBe(HttpStatusCode.Forbidden);
    }
}
