using System.Net;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Tests.Infrastructure;

namespace Throughcare.Tests.Security;

public sealed class HeaderTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private readonly TestData _data = new(factory);

    [Theory]
    [InlineData("/sign-in")]
    [InlineData("/accessibility")]
    [InlineData("/error/404")]
    public async Task Get_AnonymousPage_HasSecurityHeaders(string url)
    {
        var response = await factory.CreateBrowser().GetAsync(new Uri(url, UriKind.Relative));

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("script-src 'self'");
        csp.ShouldNotContain("unsafe-inline");
        csp.ShouldContain("frame-ancestors 'none'");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("no-referrer");
        response.Headers.GetValues("Strict-Transport-Security").Single().ShouldContain("max-age=31536000");
        response.Headers.Contains("Server").ShouldBeFalse();
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
    }

    [Fact]
    public async Task SignIn_SetsHostPrefixedSecureHttpOnlyCookies()
    {
        var user = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var browser = Browser.Anonymous(factory);
        var token = await browser.GetTokenAsync("/sign-in");
        var page = await browser.PostRawAsync("/sign-in", [new("Input.Email", user.Email), new("Input.Password", user.Password), new("__RequestVerificationToken", token)]);

        page.Status.ShouldBe(HttpStatusCode.Redirect);
        var cookies = page.Response.Headers.GetValues("Set-Cookie").ToList();
        var session = cookies.Single(c => c.StartsWith("__Host-Throughcare=", StringComparison.Ordinal));
        session.ShouldContain("secure");
        session.ShouldContain("httponly");
        session.ShouldContain("samesite=lax");
        session.ShouldContain("path=/");
        session.ShouldNotContain("expires", Case.Insensitive);
    }

    [Fact]
    public async Task Get_SignedInPage_IsNotCached()
    {
        var user = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var browser = await Browser.SignInAsync(factory, user);

        var page = await browser.GetAsync("/people");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Response.Headers.CacheControl!.NoStore.ShouldBeTrue();
    }
}

public sealed class UnreadableFormTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    [Fact]
    public async Task Post_FormWithNulCharacter_Answers400WithTheGovUkPage_AndCreatesNothing()
    {
        var user = await new TestData(factory).CreateStaffAsync(StaffRoles.Practitioner);
        var browser = await Browser.SignInAsync(factory, user);
        var token = await browser.GetTokenAsync("/people/new");
        var before = await factory.WithDbAsync(db => db.People.CountAsync());

        var page = await browser.PostRawAsync("/people/new", [new("Input.GivenName", "A"), new("Input.FamilyName", "John\0son"), new("Input.IsPpo", "no"), new("__RequestVerificationToken", token)]);

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.Heading().ShouldBe("There is a problem with your request");
        (await factory.WithDbAsync(db => db.People.CountAsync())).ShouldBe(before);
    }
}
