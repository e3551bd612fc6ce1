using System.Net;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Audit;
using Throughcare.Tests.Infrastructure;
using Throughcare.Web.Pages.Account;

namespace Throughcare.Tests.Security;

public sealed class SignInTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private readonly TestData _data = new(factory);

    private static Dictionary<string, string> Credentials(string email, string password) =>
        new() { ["Input.Email"] = email, ["Input.Password"] = password };

    [Fact]
    public async Task Post_CorrectPassword_SignsInAndAuditsIt()
    {
        var user = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var browser = Browser.Anonymous(factory);

        var page = await browser.PostFormAsync("/sign-in?returnUrl=%2Fpeople", Credentials(user.Email, user.Password));

        page.Status.ShouldBe(HttpStatusCode.Redirect);
        page.Location.ShouldBe("/people");
        (await browser.GetAsync("/people")).Status.ShouldBe(HttpStatusCode.OK);
        var audit = await factory.WithDbAsync(db => db.AuditEvents.Where(a => a.UserId == user.Id && a.Action == AuditActions.SignIn).ToListAsync());
        audit.ShouldHaveSingleItem().Outcome.ShouldBe(AuditOutcome.Success);
    }

    [Theory]
    [InlineData("//evil.example/")]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example")]
    public async Task Post_ExternalReturnUrl_RedirectsHome(string returnUrl)
    {
        var user = await _data.CreateStaffAsync(StaffRoles.Practitioner);

        var page = await Browser.Anonymous(factory).PostFormAsync($"/sign-in?returnUrl={Uri.EscapeDataString(returnUrl)}", Credentials(user.Email, user.Password));

        page.Location.ShouldBe("/");
    }

    [Fact]
    public async Task Post_UnknownUserAndWrongPassword_GetTheSameAnswer()
    {
        var user = await _data.CreateStaffAsync(StaffRoles.Practitioner);

        var unknown = await Browser.Anonymous(factory).PostFormAsync("/sign-in", Credentials("nobody-" + user.Email, user.Password));
        var wrong = await Browser.Anonymous(factory).PostFormAsync("/sign-in", Credentials(user.Email, "not the right password"));

        unknown.Status.ShouldBe(HttpStatusCode.BadRequest);
        wrong.Status.ShouldBe(HttpStatusCode.BadRequest);
        unknown.Document.ErrorSummary().ShouldBe(wrong.Document.ErrorSummary());
        unknown.Document.AssertHasError("Input_Email", SignInModel.WrongDetails);
        unknown.Html.ShouldNotContain("not the right password");
    }

    [Fact]
    public async Task Post_EmptyFields_ShowErrors()
    {
        var page = await Browser.Anonymous(factory).PostFormAsync("/sign-in", Credentials("", ""));

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError("Input_Email", "Enter your email address");
        page.Document.AssertHasError("Input_Password", "Enter your password");
    }

    [Fact]
    public async Task Post_TenWrongPasswords_LocksTheAccountEvenForTheRightOne()
    {
        var user = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        for (var i = 0; i < 10; i++)
        {
            (await Browser.Anonymous(factory).PostFormAsync("/sign-in", Credentials(user.Email, $"wrong password {i}"))).Status.ShouldBe(HttpStatusCode.BadRequest);
        }

        var page = await Browser.Anonymous(factory).PostFormAsync("/sign-in", Credentials(user.Email, user.Password));

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError("Input_Email", SignInModel.WrongDetails);
        var lockedOut = await factory.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.UserId == user.Id && a.EventType == nameof(SignInRefused) && a.Details!.Contains(nameof(SignInRefusal.LockedOut))));
        lockedOut.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Post_DisabledUser_CannotSignIn()
    {
        var user = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        await factory.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.DisabledAt, factory.UtcNow)));

        var page = await Browser.Anonymous(factory).PostFormAsync("/sign-in", Credentials(user.Email, user.Password));

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError("Input_Email", SignInModel.WrongDetails);
    }

    [Fact]
    public async Task Get_ProtectedPageAnonymously_RedirectsToSignIn()
    {
        var page = await Browser.Anonymous(factory).GetAsync("/people");

        page.Status.ShouldBe(HttpStatusCode.Redirect);
        page.Location.ShouldNotBeNull().ShouldStartWith("/sign-in?returnUrl=%2Fpeople");
    }
}

/// <summary>A host with the real sign-in rate limit of 10 attempts a minute.</summary>
public sealed class RateLimitedFactory : ThroughcareFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Throughcare:RateLimits:SignInPerMinute"] = "10" };
}

/// <summary>The limits on guessing credentials: passwords at sign-in, and the calendar feed's address, which is one.</summary>
public sealed class RateLimitTests(RateLimitedFactory factory) : IClassFixture<RateLimitedFactory>
{
    [Fact]
    public async Task Get_ManyCalendarAddressGuesses_AreRefusedWith429AndRetryAfter_AtTheRealLimit()
    {
        var client = Browser.Anonymous(factory).Client;
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 35; i++)
        {
            last = await client.GetAsync(new Uri($"/calendar/{new string((char)('A' + (i % 26)), 43)}.ics", UriKind.Relative));
            statuses.Add(last.StatusCode);
        }

        // The default is 30 a minute from one address, and no test setting changes it.
        statuses.Take(30).ShouldAllBe(s => s == HttpStatusCode.NotFound);
        statuses.Skip(30).ShouldAllBe(s => s == HttpStatusCode.TooManyRequests);
        last!.Headers.RetryAfter.ShouldNotBeNull();
    }

    [Fact]
    public async Task Post_ManySignInAttempts_AreRefusedWith429AndRetryAfter()
    {
        var browser = Browser.Anonymous(factory);
        var token = await browser.GetTokenAsync("/sign-in");
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 15; i++)
        {
            var page = await browser.PostRawAsync("/sign-in", [new("Input.Email", "someone@example.test"), new("Input.Password", "wrong password here"), new("__RequestVerificationToken", token)]);
            statuses.Add(page.Status);
            last = page.Response;
        }

        statuses.Count(s => s == HttpStatusCode.TooManyRequests).ShouldBeGreaterThanOrEqualTo(4);
        statuses.ShouldNotContain(HttpStatusCode.InternalServerError);
        last!.Headers.RetryAfter.ShouldNotBeNull();
    }
}
