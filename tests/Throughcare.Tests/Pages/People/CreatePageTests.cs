using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Audit;
using Throughcare.Tests.Infrastructure;
using static Throughcare.Tests.Pages.People.PeoplePages;

namespace Throughcare.Tests.Pages.People;

public sealed class CreatePageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private static readonly DateOnly DateOfBirth = new(1988, 6, 15);

    private readonly TestData _data = new(factory);

    [Fact]
    public async Task Post_ValidPerson_RedirectsToRecordAndAuditsCreateWithChanges()
    {
        var user = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var browser = await Browser.SignInAsync(factory, user);
        var family = UniqueFamilyName("Adeyemi");

        var page = await browser.PostFormAsync("/people/new", PersonForm("Tunde", family, DateOfBirth)
            .With("Input.Crn", "x123456")
            .With("Input.NhsNumber", "943 476 5919")
            .With("Input.Postcode", "se1 7tp"));

        page.Status.ShouldBe(HttpStatusCode.Redirect, page.Html);
        var personId = PersonIdFrom(page.Location);
        page.Location.ShouldBe($"/people/{personId}");
        (await browser.GetAsync(page.Location!)).Document.QuerySelector(".govuk-notification-banner__heading").Text().ShouldBe("Record created");
        (await browser.GetAsync(page.Location!)).Document.QuerySelector(".govuk-notification-banner").ShouldBeNull();
        var person = (await factory.FindPersonAsync(personId)).ShouldNotBeNull();
        person.Details.FamilyName.ShouldBe(family);
        person.Details.Crn.ShouldBe("X123456");
        person.Details.NhsNumber.ShouldBe("9434765919");
        person.Details.Postcode.ShouldBe("SE1 7TP");
        person.CreatedByOrganisationId.ShouldBe(user.OrganisationId);

        var audit = (await factory.AuditEventsAsync(personId, AuditActions.Create)).ShouldHaveSingleItem();
        audit.ShouldBeSuccessBy(user);
        audit.Role.ShouldBe(StaffRoles.Practitioner);
        var changes = JsonDocument.Parse(audit.Details!).RootElement.GetProperty("changes").EnumerateArray()
            .ToDictionary(c => c.GetProperty("field").GetString()!, c => c.GetProperty("to").GetString());
        changes["First name"].ShouldBe("Tunde");
        changes["Last name"].ShouldBe(family);
        changes["Date of birth"].ShouldBe("1988-06-15");
        changes["CRN"].ShouldBe("X123456");
    }

    [Theory]
    [InlineData("Input.GivenName", "", "Input_GivenName", "Enter a first name")]
    [InlineData("Input.GivenName", LongName, "Input_GivenName", "First name must be 100 characters or fewer")]
    [InlineData("Input.FamilyName", "", "Input_FamilyName", "Enter a last name")]
    [InlineData("Input.FamilyName", LongName, "Input_FamilyName", "Last name must be 100 characters or fewer")]
    [InlineData("Input.NhsNumber", "943 476 5918", "Input_NhsNumber", "Enter a valid NHS number")]
    [InlineData("Input.NhsNumber", "94347659", "Input_NhsNumber", "Enter an NHS number in the correct format, like 485 777 3456")]
    [InlineData("Input.Crn", "123456X", "Input_Crn", "Enter a CRN in the correct format, like X123456")]
    [InlineData("Input.PncNumber", "2012/0052834A", "Input_PncNumber", "Enter a valid PNC number")]
    [InlineData("Input.PncNumber", "2012-52834K", "Input_PncNumber", "Enter a PNC number in the correct format, like 2012/0052834K")]
    [InlineData("Input.PrisonNumber", "A12345B", "Input_PrisonNumber", "Enter a prison number in the correct format, like A1234BC")]
    [InlineData("Input.Phone", "call after 5", "Input_Phone", "Enter a phone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192")]
    [InlineData("Input.Email", "name.example.com", "Input_Email", "Enter an email address in the correct format, like name@example.com")]
    [InlineData("Input.Postcode", "SE1 7T", "Input_Postcode", "Enter a real postcode, like SE1 7TP")]
    [InlineData("Input.GenderIdentity", "unknown-code", "Input_GenderIdentity", "Select a gender identity")]
    [InlineData("Input.Borough", "atlantis", "Input_Borough", "Select a borough")]
    [InlineData("Input.Ethnicity", "martian", "Input_Ethnicity", "Select an ethnic group")]
    [InlineData("Input.PreferredLanguage", "klingon", "Input_PreferredLanguage", "Select a preferred language")]
    [InlineData("Input.InterpreterNeeded", "maybe", "Input_InterpreterNeeded", "Select whether an interpreter is needed")]
    [InlineData("Input.Religion", "unknown-code", "Input_Religion", "Select a religion or belief")]
    [InlineData("Input.SexualOrientation", "unknown-code", "Input_SexualOrientation", "Select a sexual orientation")]
    [InlineData("Input.Disability", "unknown-code", "Input_Disability", "Select whether the person is disabled")]
    [InlineData("Input.RoshLevel", "2", "Input_RoshLevel", "Select a RoSH level")]
    [InlineData("Input.MappaCategory", "4", "Input_MappaCategory", "Select a MAPPA category")]
    [InlineData("Input.MappaLevel", "0", "Input_MappaLevel", "Select a MAPPA level")]
    [InlineData("Input.IsPpo", "perhaps", "Input_IsPpo", "Select whether the person is a prolific and priority offender")]
    [InlineData("Input.OpdScreeningResult", "Pending", "Input_OpdScreeningResult", "Select an OPD screening result")]
    [InlineData("Input.OpdScreeningResult", "ScreenedIn", "Input_OpdScreenedOn", "Enter the date of the OPD screening")]
    public async Task Post_InvalidField_ShowsErrorAndCreatesNothing(string field, string value, string fieldId, string message)
    {
        var form = PersonForm("Amara", UniqueFamilyName("Invalid"), DateOfBirth).With(field, value);

        await PostRejectedAsync(form, fieldId, message);
    }

    [Theory]
    [InlineData("", "", "", "Enter a date of birth")]
    [InlineData("30", "2", "2000", "Date of birth must be a real date")]
    [InlineData("31", "12", "1899", "Date of birth must be after 1 January 1900")]
    [InlineData("1", "1", "2999", "Date of birth must be in the past")]
    public async Task Post_InvalidDateOfBirth_ShowsErrorAndCreatesNothing(string day, string month, string year, string message)
    {
        var form = PersonForm("Amara", UniqueFamilyName("Birthday"), DateOfBirth)
            .With("Input.DateOfBirth.Day", day).With("Input.DateOfBirth.Month", month).With("Input.DateOfBirth.Year", year);

        var page = await PostRejectedAsync(form, "Input_DateOfBirth", message);

        page.Document.InputValue("Input.DateOfBirth.Day").ShouldBe(day);
    }

    [Fact]
    public async Task Post_DateOfBirthToday_ShowsMustBeInThePast()
    {
        var today = factory.Today;

        await PostRejectedAsync(PersonForm("Amara", UniqueFamilyName("Today"), today), "Input_DateOfBirth", "Date of birth must be in the past");
    }

    [Fact]
    public async Task Post_DateOfBirthYesterdayInTheUk_JustAfterMidnightInSummer_IsAccepted()
    {
        // 23:30 UTC is 00:30 the next day in London in summer: the UK's yesterday is still today in UTC.
        var now = factory.UtcNow;
        var lateEvening = new DateTimeOffset(now.Date.AddHours(23).AddMinutes(30), TimeSpan.Zero);
        factory.Clock.SetUtcNow(lateEvening > now ? lateEvening : lateEvening.AddDays(1));
        var yesterdayInTheUk = factory.Today.AddDays(-1);
        DateOnly.FromDateTime(factory.UtcNow).ShouldBe(yesterdayInTheUk);
        var user = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var browser = await Browser.SignInAsync(factory, user);
        var family = UniqueFamilyName("Midnight");

        var page = await browser.PostFormAsync("/people/new", PersonForm("Amara", family, yesterdayInTheUk));

        page.Status.ShouldBe(HttpStatusCode.Redirect, string.Join(" | ", page.Document.ErrorSummary()));
        (await factory.FindPersonAsync(PersonIdFrom(page.Location)))!.Details.DateOfBirth.ShouldBe(yesterdayInTheUk);
        await PostRejectedAsync(PersonForm("Amara", UniqueFamilyName("Midnight"), factory.Today), "Input_DateOfBirth", "Date of birth must be in the past");
    }

    [Fact]
    public async Task Post_SimilarNameAndSameDateOfBirth_ShowsDuplicateWarningThenCreatesWhenConfirmed()
    {
        var user = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var existingId = await _data.CreatePersonAsync(user.OrganisationId, d => d with { GivenName = "Mohamed", FamilyName = "Rahman", DateOfBirth = DateOfBirth });
        var browser = await Browser.SignInAsync(factory, user);
        var form = PersonForm("Mohammed", "Rahman", DateOfBirth);

        var warning = await browser.PostFormAsync("/people/new", form, formPage: "/people/new");

        warning.Status.ShouldBe(HttpStatusCode.OK);
        warning.Html.ShouldContain("This person may already be in Throughcare");
        warning.Document.TableColumn(0).ShouldBe(["Mohamed Rahman"]);
        warning.Document.TableColumn(1).ShouldBe(["15 June 1988"]);
        warning.Document.TableColumn(2).ShouldBe(["Same date of birth and a similar name"]);
        (await factory.CountPeopleNamedAsync("Rahman")).ShouldBe(1);
        var check = (await factory.AuditEventsAsync(existingId, AuditActions.DuplicateCheck)).ShouldHaveSingleItem();
        check.ShouldBeSuccessBy(user);

        var confirmed = warning.Document.FormFields();
        confirmed["ConfirmedNotDuplicate"].ShouldBe("true");
        var created = await browser.PostRawAsync("/people/new", confirmed);

        created.Status.ShouldBe(HttpStatusCode.Redirect, created.Html);
        var newId = PersonIdFrom(created.Location);
        newId.ShouldNotBe(existingId);
        (await factory.CountPeopleNamedAsync("Rahman")).ShouldBe(2);
        (await factory.AuditEventsAsync(newId, AuditActions.Create)).ShouldHaveSingleItem().ShouldBeSuccessBy(user);
    }

    [Fact]
    public async Task Post_SameNhsNumber_ShowsDuplicateWarningAndCreatesNothing()
    {
        var user = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var nhsNumber = NewNhsNumber();
        var existingId = await _data.CreatePersonAsync(user.OrganisationId, d => d with { GivenName = "Precious", FamilyName = "Nwosu", NhsNumber = nhsNumber.Replace(" ", "", StringComparison.Ordinal) });
        var browser = await Browser.SignInAsync(factory, user);
        var family = UniqueFamilyName("Different");

        var warning = await browser.PostFormAsync("/people/new", PersonForm("Kofi", family, new DateOnly(1975, 1, 2)).With("Input.NhsNumber", nhsNumber));

        warning.Status.ShouldBe(HttpStatusCode.OK);
        warning.Document.TableColumn(0).ShouldBe(["Precious Nwosu"]);
        warning.Document.TableColumn(2).ShouldBe(["Same identifier"]);
        (await factory.CountPeopleNamedAsync(family)).ShouldBe(0);
        (await factory.AuditEventsAsync(existingId, AuditActions.DuplicateCheck)).ShouldHaveSingleItem().ShouldBeSuccessBy(user);
    }

    [Fact]
    public async Task Post_SameSubmissionTwice_CreatesOneRecord()
    {
        var user = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var browser = await Browser.SignInAsync(factory, user);
        var family = UniqueFamilyName("Twice");
        var form = PersonForm("Ife", family, DateOfBirth, Guid.NewGuid());

        var first = await browser.PostFormAsync("/people/new", form);
        var second = await browser.PostFormAsync("/people/new", form);

        first.Status.ShouldBe(HttpStatusCode.Redirect, first.Html);
        second.Status.ShouldBe(HttpStatusCode.Redirect, second.Html);
        second.Location.ShouldBe(first.Location);
        (await factory.CountPeopleNamedAsync(family)).ShouldBe(1);
        (await factory.AuditEventsAsync(PersonIdFrom(first.Location), AuditActions.Create)).ShouldHaveSingleItem();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Post_SubmissionIdUsedByAnotherOrganisation_ShowsTheFormAgainAndRevealsNothing(bool sameDetails)
    {
        var submissionId = Guid.NewGuid();
        var family = UniqueFamilyName("Reused");
        var first = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var theirs = await (await Browser.SignInAsync(factory, first)).PostFormAsync("/people/new", PersonForm("Kemi", family, DateOfBirth, submissionId));
        var theirPersonId = PersonIdFrom(theirs.Location);
        var user = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var browser = await Browser.SignInAsync(factory, user);
        var ours = sameDetails ? family : UniqueFamilyName("Other");

        var page = await browser.PostFormAsync("/people/new", PersonForm("Kemi", ours, DateOfBirth, submissionId));

        page.Status.ShouldBe(HttpStatusCode.BadRequest, page.Html);
        page.Location.ShouldBeNull();
        page.Html.ShouldNotContain(theirPersonId.ToString());
        page.Document.QuerySelector(".govuk-error-summary")!.TextContent.ShouldContain("This form has already been used");
        var fresh = page.Document.InputValue("SubmissionId");
        fresh.ShouldNotBeNull().ShouldNotBe(submissionId.ToString());
        (await factory.CountPeopleNamedAsync(ours)).ShouldBe(sameDetails ? 1 : 0);

        var again = await browser.PostRawAsync("/people/new", page.Document.FormFields());
        var repeated = await browser.PostRawAsync("/people/new", page.Document.FormFields());

        again.Status.ShouldBe(HttpStatusCode.Redirect, again.Html);
        repeated.Location.ShouldBe(again.Location);
        var created = PersonIdFrom(again.Location);
        created.ShouldNotBe(theirPersonId);
        (await factory.FindPersonAsync(created))!.CreatedByOrganisationId.ShouldBe(user.OrganisationId);
        (await factory.CountPeopleNamedAsync(ours)).ShouldBe(sameDetails ? 2 : 1);
    }

    [Fact]
    public async Task Post_TwentyConcurrentIdenticalSubmissions_CreateOneRecord()
    {
        var user = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var family = UniqueFamilyName("Concurrent");
        var form = PersonForm("Ngozi", family, DateOfBirth, Guid.NewGuid());
        var browsers = new List<(Browser Browser, string Token)>();
        for (var i = 0; i < 20; i++)
        {
            var browser = await Browser.SignInAsync(factory, user);
            browsers.Add((browser, await browser.GetTokenAsync("/people/new")));
        }

        var pages = await Task.WhenAll(browsers.Select(b =>
            b.Browser.PostRawAsync("/people/new", form.Append(KeyValuePair.Create("__RequestVerificationToken", b.Token)))));

        pages.Select(p => p.Status).ShouldAllBe(s => s == HttpStatusCode.Redirect);
        pages.Select(p => p.Location).Distinct().ShouldHaveSingleItem();
        (await factory.CountPeopleNamedAsync(family)).ShouldBe(1);
        var personId = PersonIdFrom(pages[0].Location);
        (await factory.AuditEventsAsync(personId, AuditActions.Create)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Post_ValidPerson_CreatesRecordAndShowsIt()
    {
        var user = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var browser = await Browser.SignInAsync(factory, user);
        var family = TestData.Unique("Okonkwo").Replace(" ", "", StringComparison.Ordinal);

        var created = await browser.PostFormAsync("/people/new", new()
        {
            ["Input.GivenName"] = "Chidi",
            ["Input.FamilyName"] = family,
            ["Input.DateOfBirth.Day"] = "14",
            ["Input.DateOfBirth.Month"] = "2",
            ["Input.DateOfBirth.Year"] = "1990",
            ["Input.NhsNumber"] = "943 476 5919",
            ["Input.IsPpo"] = "no",
            ["SubmissionId"] = Guid.NewGuid().ToString(),
        });

        created.Status.ShouldBe(HttpStatusCode.Redirect, created.Html);
        var view = await browser.GetAsync(created.Location!);
        view.Status.ShouldBe(HttpStatusCode.OK);
        view.Document.Heading().ShouldBe($"Chidi {family}");
        view.Document.GetSummaryListValue("Date of birth").ShouldBe("14 February 1990");
        view.Document.GetSummaryListValue("NHS number").ShouldBe("943 476 5919");
    }

    [Fact]
    public async Task Post_WithoutDateOfBirth_ShowsErrorAndCreatesNothing()
    {
        var user = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var browser = await Browser.SignInAsync(factory, user);
        var before = await factory.WithDbAsync(db => db.People.CountAsync());

        var page = await browser.PostFormAsync("/people/new", new()
        {
            ["Input.GivenName"] = "Chidi",
            ["Input.FamilyName"] = "Okafor",
            ["Input.IsPpo"] = "no",
            ["SubmissionId"] = Guid.NewGuid().ToString(),
        });

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError("Input_DateOfBirth", "Enter a date of birth");
        (await factory.WithDbAsync(db => db.People.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task Get_DataProtectionOfficer_IsForbidden()
    {
        var user = await _data.CreateStaffAsync(StaffRoles.DataProtectionOfficer);
        var browser = await Browser.SignInAsync(factory, user);

        var page = await browser.GetAsync("/people/new");

        page.Status.ShouldBe(HttpStatusCode.Forbidden);
    }

    /// <summary>Posts the form as a new practitioner and checks it is refused with the error and nothing written.</summary>
    private async Task<Page> PostRejectedAsync(Dictionary<string, string> form, string fieldId, string message)
    {
        var user = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var browser = await Browser.SignInAsync(factory, user);
        var creates = await factory.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.Action == AuditActions.Create));

        var page = await browser.PostFormAsync("/people/new", form);

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError(fieldId, message);
        (await factory.CountPeopleNamedAsync(form["Input.FamilyName"])).ShouldBe(0);
        (await factory.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.Action == AuditActions.Create))).ShouldBe(creates);
        return page;
    }
}
