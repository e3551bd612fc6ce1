using System.Net;
using Microsoft.EntityFrameworkCore;
using Throughcare.Tests.Infrastructure;
using Throughcare.Web.Domain.Accounts;

namespace Throughcare.Tests.Pages;

public sealed class PeopleSmokeTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private readonly TestData _data = new(factory);

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
}
