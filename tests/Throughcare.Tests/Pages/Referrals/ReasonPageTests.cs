using System.Net;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Referrals;
using Throughcare.Tests.Infrastructure;
using Throughcare.Tests.Pages.People;

namespace Throughcare.Tests.Pages.Referrals;

public sealed class ReasonPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    [Fact]
    public async Task Post_SeveralErrors_AreSummarisedInTheOrderOfTheFields()
    {
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var referral = await factory.CreateReferralAsync(scene);
        var browser = await Browser.SignInAsync(factory, scene.Referrer);
        var form = (await browser.GetAsync($"/referrals/{referral.Id}/reason")).Document.FormFields();
        form.Remove("Input.Source");

        var page = await browser.PostRawAsync($"/referrals/{referral.Id}/reason", form.With("Input.Reason", "").With("Input.HelpWanted", "a\u0007b"));

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertErrorSummaryInFieldOrder().ShouldBe(["#Input_Source", "#Input_Reason", "#Input_HelpWanted"]);
        page.Document.ErrorSummary()[0].ShouldBe("Select where the referral comes from");
    }

    [Fact]
    public async Task Post_SavesTheDraftAndGoesToNeeds_AndTheAnswersResume()
    {
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var referral = await factory.CreateReferralAsync(scene);
        var browser = await Browser.SignInAsync(factory, scene.Referrer);
        var form = (await browser.GetAsync($"/referrals/{referral.Id}/reason")).Document.FormFields();

        var saved = await browser.PostRawAsync($"/referrals/{referral.Id}/reason", form.With("Input.Source", "Court").With("Input.Reason", "Low mood since sentencing").With("Input.HelpWanted", ""));

        saved.Status.ShouldBe(HttpStatusCode.Redirect, saved.Html);
        saved.Location.ShouldBe($"/referrals/{referral.Id}/needs");
        var after = (await factory.FindReferralAsync(referral.Id))!;
        after.Source.ShouldBe(ReferralSource.Court);
        after.Reason.ShouldBe("Low mood since sentencing");
        after.HelpWanted.ShouldBeNull();
        (await factory.AuditEventsAsync(scene.PersonId, AuditActions.Update)).ShouldHaveSingleItem().ShouldBeSuccessBy(scene.Referrer);

        var resumed = await browser.GetAsync($"/referrals/{referral.Id}/reason");
        resumed.Document.QuerySelector("textarea[name='Input.Reason']").Text().ShouldBe("Low mood since sentencing");
        resumed.Document.QuerySelector("input[name='Input.Source'][checked]")!.GetAttribute("value").ShouldBe("Court");
    }

    [Theory]
    [InlineData("Input.Source", "", "Input_Source", "Select where the referral comes from")]
    [InlineData("Input.Source", "7", "Input_Source", "Select where the referral comes from")]
    [InlineData("Input.Source", "' OR 1=1 --", "Input_Source", "Select where the referral comes from")]
    [InlineData("Input.Reason", "", "Input_Reason", "Enter the reason for the referral")]
    [InlineData("Input.Reason", "bad\u0007nul", "Input_Reason", "Reason for the referral must not contain hidden control characters")]
    [InlineData("Input.Reason", "\u202Eevil", "Input_Reason", "Reason for the referral must not contain hidden control characters")]
    [InlineData("Input.HelpWanted", "bad\u0007bell", "Input_HelpWanted", "What the person wants help with must not contain hidden control characters")]
    public async Task Post_BadInput_ShowsErrorAndWritesNothing(string field, string value, string fieldId, string message)
    {
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var referral = await factory.CreateReferralAsync(scene);
        var browser = await Browser.SignInAsync(factory, scene.Referrer);
        var form = (await browser.GetAsync($"/referrals/{referral.Id}/reason")).Document.FormFields();

        var page = await browser.PostRawAsync($"/referrals/{referral.Id}/reason", form.With(field, value));

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError(fieldId, message);
        (await factory.FindReferralAsync(referral.Id))!.Version.ShouldBe(referral.Version);
        (await factory.AuditEventsAsync(scene.PersonId, AuditActions.Update)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Post_ReasonOverTheLimit_ShowsError()
    {
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var referral = await factory.CreateReferralAsync(scene);
        var browser = await Browser.SignInAsync(factory, scene.Referrer);
        var form = (await browser.GetAsync($"/referrals/{referral.Id}/reason")).Document.FormFields();

        var page = await browser.PostRawAsync($"/referrals/{referral.Id}/reason", form.With("Input.Reason", new string('a', 4001)));

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError("Input_Reason", "Reason for the referral must be 4000 characters or fewer");
    }

    [Fact]
    public async Task Post_StaleVersion_ShowsConflictAndWritesNothing()
    {
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var referral = await factory.CreateReferralAsync(scene);
        var browser = await Browser.SignInAsync(factory, scene.Referrer);
        var form = (await browser.GetAsync($"/referrals/{referral.Id}/reason")).Document.FormFields();

        var page = await browser.PostRawAsync($"/referrals/{referral.Id}/reason", form.With("Version", Guid.NewGuid().ToString()).With("Input.Reason", "Mine"));

        page.Status.ShouldBe(HttpStatusCode.Conflict);
        (await factory.FindReferralAsync(referral.Id))!.Reason.ShouldBe(referral.Reason);
    }

    /// <summary>Someone else saved first: the page shows what is saved now beside the user's answer, keeps that answer, and takes the saved version.</summary>
    [Fact]
    public async Task Post_AfterSomeoneElseSaved_ShowsTheirAnswerAndKeepsMine()
    {
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var referral = await factory.CreateReferralAsync(scene);
        var colleague = await Browser.SignInAsync(factory, await new TestData(factory).CreateUserAsync(scene.Referrer.OrganisationId, Core.Domain.Accounts.StaffRoles.Practitioner));
        var browser = await Browser.SignInAsync(factory, scene.Referrer);
        var mine = (await browser.GetAsync($"/referrals/{referral.Id}/reason")).Document.FormFields();
        (await colleague.PostRawAsync($"/referrals/{referral.Id}/reason", (await colleague.GetAsync($"/referrals/{referral.Id}/reason")).Document.FormFields()
            .With("Input.Reason", "Theirs: low mood"))).Status.ShouldBe(HttpStatusCode.Redirect);
        var saved = (await factory.FindReferralAsync(referral.Id))!;

        var page = await browser.PostRawAsync($"/referrals/{referral.Id}/reason", mine.With("Input.Reason", "Mine: housing"));

        page.Status.ShouldBe(HttpStatusCode.Conflict);
        page.Document.QuerySelectorAll("#conflict tbody tr").Select(r => (r.Children[0].Text(), r.Children[1].Text(), r.Children[2].Text()))
            .ShouldBe([("Reason for the referral", "Theirs: low mood", "Mine: housing")]);
        page.Document.QuerySelector("textarea[name='Input.Reason']").Text().ShouldBe("Mine: housing");
        page.Document.InputValue("Version").ShouldBe(saved.Version.ToString());
        (await factory.FindReferralAsync(referral.Id))!.Reason.ShouldBe("Theirs: low mood");

        var again = await browser.PostRawAsync($"/referrals/{referral.Id}/reason", page.Document.FormFields());

        again.Status.ShouldBe(HttpStatusCode.Redirect, again.Html);
        (await factory.FindReferralAsync(referral.Id))!.Reason.ShouldBe("Mine: housing");
    }

    [Theory]
    [InlineData(ReferralState.Submitted)]
    [InlineData(ReferralState.Accepted)]
    public async Task SentReferral_CannotBeEdited(ReferralState state)
    {
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var referral = await factory.CreateReferralAsync(scene, state);
        var browser = await Browser.SignInAsync(factory, scene.Referrer);

        (await browser.GetAsync($"/referrals/{referral.Id}/reason")).Status.ShouldBe(HttpStatusCode.NotFound);
        var token = await browser.GetTokenAsync($"/people/{scene.PersonId}/edit");
        var post = await browser.PostRawAsync($"/referrals/{referral.Id}/reason", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Version"] = referral.Version.ToString(),
            ["Input.Source"] = "Court",
            ["Input.Reason"] = "Changed",
        });

        // The referrer could change it before it was sent: the referral has moved on, and the answer says so.
        post.Status.ShouldBe(HttpStatusCode.Conflict);
        post.Document.Heading().ShouldBe("This referral has changed");
        (await factory.FindReferralAsync(referral.Id))!.Reason.ShouldBe(referral.Reason);
    }

    [Fact]
    public async Task Get_ReceivingOrUnrelatedOrganisation_ReturnsNotFound()
    {
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var referral = await factory.CreateReferralAsync(scene, ReferralState.AwaitingInformation);

        await factory.AssertOtherOrganisationsGetNotFoundAsync(scene, referral, $"/referrals/{referral.Id}/reason");
    }
}
