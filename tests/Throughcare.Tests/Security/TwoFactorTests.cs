using System.Net;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Tests.Infrastructure;
using Throughcare.Web.Infrastructure.Security;

namespace Throughcare.Tests.Security;

public sealed class TwoFactorTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private readonly TestData _data = new(factory);

    [Fact]
    public async Task SettingUpTwoFactor_ThenSigningIn_AsksForTheCode()
    {
        var user = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var browser = await Browser.SignInAsync(factory, user);
        var key = (await browser.GetAsync("/account/two-factor")).Document.QuerySelector(".app-key").Text();
        key.ShouldNotBeEmpty();

        var wrong = await browser.PostFormAsync("/account/two-factor", new() { ["Input.Code"] = "000000" });
        wrong.Status.ShouldBe(HttpStatusCode.BadRequest);
        wrong.Document.AssertHasError("Input_Code", "The security code is not correct. Enter the code your authenticator app shows now");

        var enabled = await browser.PostFormAsync("/account/two-factor", new() { ["Input.Code"] = Totp.CurrentCode(key) });
        enabled.Location.ShouldBe("/account");
        var account = await browser.GetAsync("/account");
        account.Document.GetSummaryListValue("Two-factor authentication").ShouldNotBeNull().ShouldStartWith("On");
        account.Document.QuerySelector(".govuk-notification-banner__heading").Text().ShouldBe("Two-factor authentication is now on");

        var fresh = Browser.Anonymous(factory);
        var password = await fresh.PostFormAsync("/sign-in", new() { ["Input.Email"] = user.Email, ["Input.Password"] = user.Password });
        password.Location.ShouldNotBeNull().ShouldStartWith("/sign-in/two-factor");
        (await fresh.GetAsync("/people")).Status.ShouldBe(HttpStatusCode.Redirect);

        var code = await fresh.PostFormAsync("/sign-in/two-factor", new() { ["Input.Code"] = Totp.CurrentCode(key) }, "/sign-in/two-factor");
        code.Status.ShouldBe(HttpStatusCode.Redirect);
        (await fresh.GetAsync("/people")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SettingUpTwoFactor_ShowsTheKeyAsAQrCodeForTheAccount()
    {
        var user = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var browser = await Browser.SignInAsync(factory, user);

        var page = (await browser.GetAsync("/account/two-factor")).Document;

        var key = page.QuerySelector(".app-key").Text().Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var image = page.QuerySelector("img.app-qr-code").ShouldNotBeNull();
        image.GetAttribute("alt").ShouldNotBeNullOrWhiteSpace();
        var source = image.GetAttribute("src").ShouldNotBeNull();
        source.ShouldBe(AuthenticatorQrCode.DataUri(user.Email, key));
        Convert.FromBase64String(source["data:image/png;base64,".Length..])[..8].ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        AuthenticatorQrCode.Uri(user.Email, key).ShouldBe($"otpauth://totp/Throughcare:{Uri.EscapeDataString(user.Email)}?secret={key}&issuer=Throughcare&digits=6");
    }

    [Fact]
    public async Task OrganisationRequiringTwoFactor_SendsUsersWithoutItToSetUp()
    {
        var organisation = await _data.CreateOrganisationAsync(requireTwoFactor: true);
        var user = await _data.CreateUserAsync(organisation.Id, StaffRoles.Practitioner);
        var browser = await Browser.SignInAsync(factory, user);

        var page = await browser.GetAsync("/people");

        page.Status.ShouldBe(HttpStatusCode.Redirect);
        page.Location.ShouldBe("/account/two-factor");
        var setup = await browser.GetAsync("/account/two-factor");
        setup.Status.ShouldBe(HttpStatusCode.OK);
        setup.Html.ShouldContain("Your organisation requires two-factor authentication");
    }

    [Fact]
    public async Task TwoFactorSignIn_WithoutPasswordStep_GoesBackToSignIn()
    {
        var before = factory.UtcNow;

        var page = await Browser.Anonymous(factory).GetAsync("/sign-in/two-factor");

        page.Status.ShouldBe(HttpStatusCode.Redirect);
        page.Location.ShouldNotBeNull().ShouldContain("/sign-in");
        (await factory.WithDbAsync(db => db.UserSessions.CountAsync(s => s.RevokedAt == null && s.CreatedAt > before))).ShouldBe(0);
    }
}
