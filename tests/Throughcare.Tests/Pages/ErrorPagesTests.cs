using System.Net;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Tests.Infrastructure;

namespace Throughcare.Tests.Pages;

public sealed class ErrorPagesTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private readonly TestData _data = new(factory);

    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/people/not-a-guid")]
    [InlineData("/admin/organisations/00000000-0000-0000-0000-000000000001/nothing")]
    public async Task Get_UnknownUrl_ShowsPageNotFound(string url)
    {
        var browser = await Browser.SignInAsync(factory, await _data.CreateStaffAsync(StaffRoles.Practitioner));

        var page = await browser.GetAsync(url);

        page.Status.ShouldBe(HttpStatusCode.NotFound);
        page.Document.Heading().ShouldBe("Page not found");
        page.Document.QuerySelector(".govuk-header").ShouldNotBeNull();
        AssertNoStackTrace(page);
    }

    [Fact]
    public async Task Get_UnknownRecord_ShowsPageNotFound()
    {
        var browser = await Browser.SignInAsync(factory, await _data.CreateStaffAsync(StaffRoles.Administrator));

        var page = await browser.GetAsync($"/admin/organisations/{Guid.NewGuid()}");

        page.Status.ShouldBe(HttpStatusCode.NotFound);
        page.Document.Heading().ShouldBe("Page not found");
        AssertNoStackTrace(page);
    }

    [Fact]
    public async Task Get_PageTheRoleMayNotUse_ShowsNoPermission()
    {
        var browser = await Browser.SignInAsync(factory, await _data.CreateStaffAsync(StaffRoles.Practitioner));

        var page = await browser.GetAsync("/audit");

        page.Status.ShouldBe(HttpStatusCode.Forbidden);
        page.Document.Heading().ShouldBe("You do not have permission to view this page");
        page.Html.ShouldContain("Your role does not let you use this part of Throughcare.");
        AssertNoStackTrace(page);
    }

    [Fact]
    public async Task Post_WithoutAntiForgeryToken_ShowsBadRequest()
    {
        var browser = await Browser.SignInAsync(factory, await _data.CreateStaffAsync(StaffRoles.Practitioner));

        var page = await browser.PostRawAsync("/account/password", [new("Input.CurrentPassword", TestData.Password)]);

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.Heading().ShouldBe("There is a problem with your request");
        page.Document.ErrorSummary().ShouldBeEmpty();
        AssertNoStackTrace(page);
    }

    [Theory]
    [InlineData(400, "There is a problem with your request")]
    [InlineData(404, "Page not found")]
    [InlineData(405, "You cannot do that on this page")]
    [InlineData(413, "What you sent was too large")]
    [InlineData(429, "Too many attempts")]
    [InlineData(500, "Sorry, there is a problem with the service")]
    [InlineData(503, "Sorry, the service is unavailable")]
    public async Task Get_ErrorPage_ShowsGovUkHeadingWithoutStackTrace(int code, string heading)
    {
        var page = await Browser.Anonymous(factory).GetAsync($"/error/{code}");

        ((int)page.Status).ShouldBe(code);
        page.Document.Heading().ShouldBe(heading);
        AssertNoStackTrace(page);
    }

    [Fact]
    public async Task Put_ToAPage_ShowsMethodNotAllowedInPlainWords_NotAServiceProblem()
    {
        var browser = await Browser.SignInAsync(factory, await _data.CreateStaffAsync(StaffRoles.Practitioner));
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri("/people", UriKind.Relative))
        {
            Content = new StringContent("x=1", System.Text.Encoding.ASCII, "application/x-www-form-urlencoded"),
        };

        using var response = await browser.Client.SendAsync(request);
        var page = new Page(response, await response.Content.ReadAsStringAsync(), new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()));

        page.Status.ShouldBe(HttpStatusCode.MethodNotAllowed);
        page.Document.Heading().ShouldBe("You cannot do that on this page");
        page.Html.ShouldNotContain("Sorry, there is a problem with the service");
        page.Html.ShouldNotContain("service desk");
        AssertNoStackTrace(page);
    }

    [Fact]
    public async Task Get_AccessibilityStatement_RendersWithoutSigningIn()
    {
        var page = await Browser.Anonymous(factory).GetAsync("/accessibility");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Document.Heading().ShouldBe("Accessibility statement for Throughcare");
    }

    private static void AssertNoStackTrace(Page page)
    {
        page.Html.ShouldNotContain("   at ");
        page.Html.ShouldNotContain("Exception");
        page.Html.ShouldNotContain(".cs:line");
    }
}
