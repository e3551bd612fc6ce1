using System.Net;
using Microsoft.EntityFrameworkCore;
using Throughcare.Tests.Infrastructure;
using Throughcare.Tests.Pages.People;
using Throughcare.Tests.Pages.Services;
using Throughcare.Web.Domain.Accounts;
using Throughcare.Web.Domain.Audit;

namespace Throughcare.Tests.Pages.Admin;

/// <summary>The job role, languages and gender identity allocation matches staff on, on the staff account pages.</summary>
public sealed class StaffProfileTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private readonly TestData _data = new(factory);

    private Task<ApplicationUser> FindUserAsync(string email) =>
        factory.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));

    private Task<List<AuditEvent>> UserAuditAsync(Guid userId, string action) =>
        factory.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(a => a.RecordType == AuditRecordTypes.User && a.RecordId == userId.ToString() && a.Action == action).ToListAsync());

    /// <summary>The account form (the page's first post form; the second disables the account).</summary>
    private static async Task<(AngleSharp.Html.Dom.IHtmlDocument Page, Dictionary<string, string> Form)> EditFormAsync(Browser browser, string url, TestUser worker)
    {
        var page = (await browser.GetAsync(url)).Document;
        var form = new Dictionary<string, string>
        {
            ["Input.DisplayName"] = worker.DisplayName,
            ["Input.Roles"] = StaffRoles.Practitioner,
            ["__RequestVerificationToken"] = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        };
        return (page, form);
    }

    [Fact]
    public async Task Create_WithJobRoleLanguagesAndGender_SavesShowsAndAuditsThem()
    {
        var admin = await _data.CreateStaffAsync(StaffRoles.Administrator);
        var browser = await Browser.SignInAsync(factory, admin);
        var email = $"clw-{Guid.NewGuid():N}@example.test";
        var form = (await browser.GetAsync("/admin/users/new")).Document.FormFields()
            .With("Input.DisplayName", "Jordan Clarke")
            .With("Input.Email", email)
            .With("Input.OrganisationId", admin.OrganisationId.ToString())
            .With("Input.Roles", StaffRoles.Practitioner)
            .With("Input.Password", TestData.Password)
            .With("Input.JobRole", "clw")
            .With("Input.GenderIdentity", "man");

        var saved = await browser.PostWithAsync("/admin/users/new", form, ("Input.Languages", "pl"), ("Input.Languages", "en"));

        saved.Status.ShouldBe(HttpStatusCode.Redirect, saved.Html);
        var user = await FindUserAsync(email);
        (user.JobRole, user.GenderIdentity).ShouldBe(("clw", "man"));
        user.Languages.ShouldBe(["pl", "en"], ignoreOrder: true);
        (await UserAuditAsync(user.Id, AuditActions.Create)).ShouldHaveSingleItem().Changes()
            .ShouldContain(("Job role", null, "clw"));

        var page = await browser.GetAsync($"/admin/users/{user.Id}");
        page.Document.GetSummaryListValue("Job role").ShouldBe("Community link worker");
        page.Document.GetSummaryListValue("Languages").ShouldBe("Polish, English");
        page.Document.QuerySelector("select[name='Input.JobRole'] option:checked")!.GetAttribute("value").ShouldBe("clw");
        page.Document.QuerySelectorAll("input[name='Input.Languages']:checked").Select(i => i.GetAttribute("value")).ShouldBe(["en", "pl"], ignoreOrder: true);
    }

    [Fact]
    public async Task Edit_ChangeJobRoleAndLanguages_SavesThemAndAuditsFromTo()
    {
        var admin = await _data.CreateStaffAsync(StaffRoles.Administrator);
        var worker = await _data.CreateUserAsync(admin.OrganisationId, StaffRoles.Practitioner);
        var browser = await Browser.SignInAsync(factory, admin);
        var url = $"/admin/users/{worker.Id}";
        var (before, form) = await EditFormAsync(browser, url, worker);
        before.GetSummaryListValue("Job role").ShouldBe("Not recorded");
        form.With("Input.JobRole", "fmhp");

        var saved = await browser.PostWithAsync(url, form, ("Input.Languages", "en"), ("Input.Languages", "gu"));

        saved.Status.ShouldBe(HttpStatusCode.Redirect, saved.Html);
        var user = await FindUserAsync(worker.Email);
        user.JobRole.ShouldBe("fmhp");
        user.Languages.ShouldBe(["en", "gu"], ignoreOrder: true);
        (await UserAuditAsync(worker.Id, AuditActions.Update)).ShouldHaveSingleItem().Changes().ShouldBe(
            [("Job role", null, "fmhp"), ("Languages", null, "en, gu")], ignoreOrder: true);
        var page = await browser.GetAsync(url);
        page.Document.GetSummaryListValue("Job role").ShouldBe("Forensic mental health practitioner");
        page.Document.GetSummaryListValue("Languages").ShouldBe("English, Gujarati");
    }

    [Theory]
    [InlineData("Input.JobRole", "astronaut", "Input_JobRole", "Select a job role from the list")]
    [InlineData("Input.Languages", "klingon", "Input_Languages", "Select languages from the list")]
    [InlineData("Input.GenderIdentity", "unknown", "Input_GenderIdentity", "Select a gender identity from the list")]
    public async Task Edit_ValueNotOnTheList_ShowsErrorAndChangesNothing(string field, string value, string fieldId, string message)
    {
        var admin = await _data.CreateStaffAsync(StaffRoles.Administrator);
        var worker = await _data.CreateUserAsync(admin.OrganisationId, StaffRoles.Practitioner);
        var browser = await Browser.SignInAsync(factory, admin);
        var url = $"/admin/users/{worker.Id}";
        var (_, form) = await EditFormAsync(browser, url, worker);
        form.With(field, value);

        var page = await browser.PostRawAsync(url, form);

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError(fieldId, message);
        var user = await FindUserAsync(worker.Email);
        (user.JobRole, user.GenderIdentity, user.Languages.Count).ShouldBe((null, null, 0));
        (await UserAuditAsync(worker.Id, AuditActions.Update)).ShouldBeEmpty();
    }
}
