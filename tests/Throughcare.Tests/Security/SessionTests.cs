using System.Net;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Tests.Infrastructure;

namespace Throughcare.Tests.Security;

/// <summary>Sessions live on the server: sign-out, disabling, idle and absolute timeouts end them at once.</summary>
public sealed class SessionTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private readonly TestData _data = new(factory);

    [Fact]
    public async Task SignOut_RevokesTheSession_SoAReplayedCookieIsRefused()
    {
        var user = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var container = new System.Net.CookieContainer();
        var browser = await SignInWithCookiesAsync(user, container);
        var stolen = container.GetCookieHeader(new Uri("https://localhost/"));
        (await browser.GetAsync("/people")).Status.ShouldBe(HttpStatusCode.OK);

        var signedOut = await browser.PostFormAsync("/sign-out", []);
        signedOut.Location.ShouldNotBeNull().ShouldContain("/sign-in");

        var replay = factory.CreateBrowser();
        replay.DefaultRequestHeaders.Add("Cookie", stolen);
        var response = await replay.GetAsync(new Uri("/people", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldContain("/sign-in");
    }

    [Fact]
    public async Task EachSignIn_StartsANewServerSession()
    {
        var user = await _data.CreateStaffAsync(StaffRoles.Practitioner);

        await Browser.SignInAsync(factory, user);
        await Browser.SignInAsync(factory, user);

        var sessions = await factory.WithDbAsync(db => db.UserSessions.Where(s => s.UserId == user.Id).Select(s => s.Id).ToListAsync());
        sessions.Count.ShouldBe(2);
        sessions.Distinct().Count().ShouldBe(2);
    }

    [Fact]
    public async Task DisablingAUser_EndsTheirSessionOnTheNextRequest()
    {
        var user = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var browser = await Browser.SignInAsync(factory, user);
        (await browser.GetAsync("/people")).Status.ShouldBe(HttpStatusCode.OK);

        await DisableAsync(factory, user);

        await AssertSentToSignInAsync(browser);
    }

    [Fact]
    public async Task ThirtyMinutesIdle_EndsTheSession()
    {
        var user = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var browser = await Browser.SignInAsync(factory, user);

        await factory.WithDbAsync(db => db.UserSessions.Where(s => s.UserId == user.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, x => x.LastSeenAt.AddMinutes(-31))));

        var page = await browser.GetAsync("/people");
        page.Status.ShouldBe(HttpStatusCode.Redirect);
        var revoked = await factory.WithDbAsync(db => db.UserSessions.Where(s => s.UserId == user.Id).Select(s => s.RevokedAt).SingleAsync());
        revoked.ShouldNotBeNull();
    }

    [Fact]
    public async Task TwelveHours_EndsEvenAnActiveSession()
    {
        var user = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var browser = await Browser.SignInAsync(factory, user);
        (await browser.GetAsync("/people")).Status.ShouldBe(HttpStatusCode.OK);

        // Stay active every 20 minutes, so only the absolute limit can end the session.
        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromHours(12); elapsed += TimeSpan.FromMinutes(20))
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(20));
            (await browser.GetAsync("/account")).Status.ShouldBe(elapsed < TimeSpan.FromHours(11.6) ? HttpStatusCode.OK : HttpStatusCode.Redirect);
        }

        (await browser.GetAsync("/people")).Status.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Session_AbsoluteExpiryIsTwelveHoursAfterSignIn()
    {
        var user = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        await Browser.SignInAsync(factory, user);

        var session = await factory.WithDbAsync(db => db.UserSessions.SingleAsync(s => s.UserId == user.Id));

        (session.AbsoluteExpiresAt - session.CreatedAt).ShouldBe(TimeSpan.FromHours(12));
    }

    [Fact]
    public async Task ChangingRoles_AppliesOnTheNextRequest()
    {
        var user = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var browser = await Browser.SignInAsync(factory, user);
        (await browser.GetAsync("/people")).Status.ShouldBe(HttpStatusCode.OK);

        // A new security stamp (as a role change writes) invalidates the cookie's claims at once.
        await factory.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.SecurityStamp, "changed")));

        (await browser.GetAsync("/people")).Status.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task SigningOut_EndsTheSessionAtOnce_EvenWhileThisNodeTrustsWhatItLastRead()
    {
        var user = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var container = new System.Net.CookieContainer();
        var browser = await SignInWithCookiesAsync(user, container);
        var stolen = container.GetCookieHeader(new Uri("https://localhost/"));
        var replay = factory.CreateBrowser();
        replay.DefaultRequestHeaders.Add("Cookie", stolen);
        (await replay.GetAsync(new Uri("/people", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);

        await browser.PostFormAsync("/sign-out", []);

        // No time passes on the clock: the copy of the cookie is refused on its very next request.
        var response = await replay.GetAsync(new Uri("/people", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldContain("/sign-in");
    }

    [Fact]
    public async Task DisablingAUserOnAnotherNode_EndsTheirSessionHereWithinTheRecheckWindow()
    {
        var user = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var browser = await Browser.SignInAsync(factory, user);
        (await browser.GetAsync("/people")).Status.ShouldBe(HttpStatusCode.OK);
        await using var otherNode = new Platform.SecondNodeFactory(factory.Database);

        await DisableAsync(otherNode, user);

        // This node has not read the session since the change, within the window that ADR 0020 states.
        factory.Clock.Advance(TimeSpan.FromSeconds(4));
        (await browser.GetAsync("/people")).Status.ShouldBe(HttpStatusCode.OK);
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await AssertSentToSignInAsync(browser);
    }

    [Fact]
    public async Task LastSeen_IsWrittenAtMostOnceAMinute()
    {
        var user = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var browser = await Browser.SignInAsync(factory, user);
        var signedInAt = await LastSeenAsync(user);

        for (var i = 0; i < 5; i++)
        {
            factory.Clock.Advance(TimeSpan.FromSeconds(10));
            (await browser.GetAsync("/account")).Status.ShouldBe(HttpStatusCode.OK);
        }

        (await LastSeenAsync(user)).ShouldBe(signedInAt);
        factory.Clock.Advance(TimeSpan.FromSeconds(11));
        (await browser.GetAsync("/account")).Status.ShouldBe(HttpStatusCode.OK);
        (await LastSeenAsync(user)).ShouldBeGreaterThan(signedInAt.AddMinutes(1));
    }

    [Fact]
    public async Task ChangePassword_WithWeakPassword_ShowsPolicyMessages()
    {
        var user = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var browser = await Browser.SignInAsync(factory, user);

        var tooShort = await browser.PostFormAsync("/account/password", new() { ["Input.CurrentPassword"] = user.Password, ["Input.NewPassword"] = "short1", ["Input.ConfirmPassword"] = "short1" });
        var common = await browser.PostFormAsync("/account/password", new() { ["Input.CurrentPassword"] = user.Password, ["Input.NewPassword"] = "password1234", ["Input.ConfirmPassword"] = "password1234" });
        var mismatch = await browser.PostFormAsync("/account/password", new() { ["Input.CurrentPassword"] = user.Password, ["Input.NewPassword"] = "a long new passphrase", ["Input.ConfirmPassword"] = "a different passphrase" });

        tooShort.Document.AssertHasError("Input_NewPassword", "Password must be 12 characters or more");
        common.Document.AssertHasError("Input_NewPassword", "Choose a password that is harder to guess");
        mismatch.Document.AssertHasError("Input_ConfirmPassword", "Passwords do not match");
    }

    [Fact]
    public async Task ChangePassword_EndsOtherSessions_AndKeepsThisOne()
    {
        var user = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var other = await Browser.SignInAsync(factory, user);
        var browser = await Browser.SignInAsync(factory, user);

        var page = await browser.PostFormAsync("/account/password", new()
        {
            ["Input.CurrentPassword"] = user.Password,
            ["Input.NewPassword"] = "a brand new long passphrase",
            ["Input.ConfirmPassword"] = "a brand new long passphrase",
        });

        page.Location.ShouldBe("/account");
        var account = await browser.GetAsync("/account");
        account.Status.ShouldBe(HttpStatusCode.OK);
        account.Document.QuerySelector(".govuk-notification-banner__heading").Text().ShouldBe("Your password has been changed");
        (await other.GetAsync("/account")).Status.ShouldBe(HttpStatusCode.Redirect);
        (await Browser.Anonymous(factory).PostFormAsync("/sign-in", new() { ["Input.Email"] = user.Email, ["Input.Password"] = "a brand new long passphrase" }))
            .Status.ShouldBe(HttpStatusCode.Redirect);
    }

    private static Task DisableAsync(ThroughcareFactory node, TestUser user) =>
        node.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.DisabledAt, node.UtcNow)));

    private static async Task AssertSentToSignInAsync(Browser browser)
    {
        var page = await browser.GetAsync("/people");
        page.Status.ShouldBe(HttpStatusCode.Redirect);
        page.Location.ShouldNotBeNull().ShouldContain("/sign-in");
    }

    private Task<DateTime> LastSeenAsync(TestUser user) =>
        factory.WithDbAsync(db => db.UserSessions.Where(s => s.UserId == user.Id).Select(s => s.LastSeenAt).SingleAsync());

    private async Task<Browser> SignInWithCookiesAsync(TestUser user, System.Net.CookieContainer container)
    {
        var handler = new CookieContainerHandler(container);
        var client = factory.CreateDefaultClient(new Uri("https://localhost"), handler);
        var browser = new Browser(client);
        var page = await browser.PostFormAsync("/sign-in", new() { ["Input.Email"] = user.Email, ["Input.Password"] = user.Password });
        page.Status.ShouldBe(HttpStatusCode.Redirect);
        return browser;
    }
}

/// <summary>A host that trusts what it last read of a session for ten minutes, so a test can tell what empties that memory.</summary>
public sealed class LongRecheckFactory : ThroughcareFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Throughcare:Sessions:RecheckAfter"] = "00:10:00" };
}

public sealed class SessionMemoryTests(LongRecheckFactory factory) : IClassFixture<LongRecheckFactory>
{
    private readonly TestData _data = new(factory);

    [Fact]
    public async Task WritingLastSeen_DoesNotMakeThisNodeReadEverySessionAgain()
    {
        var active = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var other = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var activeBrowser = await Browser.SignInAsync(factory, active);
        var otherBrowser = await Browser.SignInAsync(factory, other);
        (await otherBrowser.GetAsync("/account")).Status.ShouldBe(HttpStatusCode.OK);
        await using var otherNode = new Platform.SecondNodeFactory(factory.Database);
        await otherNode.WithDbAsync(db => db.Users.Where(u => u.Id == other.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.DisabledAt, otherNode.UtcNow)));

        factory.Clock.Advance(TimeSpan.FromSeconds(61));
        (await activeBrowser.GetAsync("/account")).Status.ShouldBe(HttpStatusCode.OK);

        var lastSeen = await factory.WithDbAsync(db => db.UserSessions.Where(s => s.UserId == active.Id).Select(s => s.LastSeenAt).SingleAsync());
        lastSeen.ShouldBeGreaterThan(factory.UtcNow.AddSeconds(-30));
        // The other session is still answered from this node's memory: the last-seen write emptied nothing, and the
        // change made on the other node is not seen here until the (here ten-minute) window has passed.
        (await otherBrowser.GetAsync("/account")).Status.ShouldBe(HttpStatusCode.OK);
        factory.Clock.Advance(TimeSpan.FromMinutes(10));
        (await otherBrowser.GetAsync("/account")).Status.ShouldBe(HttpStatusCode.Redirect);
    }
}
