using System.Net;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.ReferenceData;
using Throughcare.Core.Domain.Referrals;
using Throughcare.Tests.Infrastructure;
using Throughcare.Tests.Pages.People;

namespace Throughcare.Tests.Pages.Referrals;

/// <summary>/referrals/{referralId}/documents/{documentId}: a referral's document, as an attachment, for the two organisations at its ends.</summary>
public sealed class DownloadPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    [Theory]
    [InlineData("formulation.pdf", "pdf", "application/pdf")]
    [InlineData("scan.png", "png", "image/png")]
    [InlineData("letter.docx", "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    public async Task Get_UploadedFile_DownloadsWithIdenticalBytesAsAnAttachmentAndIsAudited(string fileName, string kind, string contentType)
    {
        var bytes = kind switch { "pdf" => ReferralPages.Pdf, "png" => ReferralPages.Png, _ => ReferralPages.Docx };
        var (scene, referral, browser) = await UploadedAsync(fileName, bytes);
        var document = (await factory.FindReferralAsync(referral.Id))!.Documents.ShouldHaveSingleItem();

        var download = await browser.Client.GetAsync(new Uri($"/referrals/{referral.Id}/documents/{document.Id}", UriKind.Relative));

        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(bytes);
        download.Content.Headers.ContentType!.MediaType.ShouldBe(contentType);
        download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        download.Content.Headers.ContentDisposition.FileNameStar.ShouldBe(fileName);
        download.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        (await factory.AuditEventsAsync(scene.PersonId, AuditActions.Download)).ShouldHaveSingleItem().ShouldBeSuccessBy(scene.Referrer).RecordId.ShouldBe(document.Id.ToString());
    }

    [Fact]
    public async Task Get_HostileFileName_IsEncodedInTheAttachmentName()
    {
        var (_, referral, browser) = await UploadedAsync("..\\..\\évil\u202E\"<b>.pdf", ReferralPages.Pdf);
        var document = (await factory.FindReferralAsync(referral.Id))!.Documents.ShouldHaveSingleItem();

        var download = await browser.Client.GetAsync(new Uri($"/referrals/{referral.Id}/documents/{document.Id}", UriKind.Relative));

        download.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("évil<b>.pdf");
    }

    [Theory]
    [InlineData("evil.html", "evil.pdf")]
    [InlineData("setup.exe", "setup.pdf")]
    [InlineData("no-extension", "no-extension.pdf")]
    [InlineData(".html", "html.pdf")]
    public async Task Get_FileNamedForAnotherType_IsNamedForItsContent(string uploadedAs, string servedAs)
    {
        var (_, referral, browser) = await UploadedAsync(uploadedAs, ReferralPages.Pdf);
        var document = (await factory.FindReferralAsync(referral.Id))!.Documents.ShouldHaveSingleItem();

        var download = await browser.Client.GetAsync(new Uri($"/referrals/{referral.Id}/documents/{document.Id}", UriKind.Relative));

        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        download.Content.Headers.ContentDisposition.FileNameStar.ShouldBe(servedAs);
        download.Content.Headers.ContentDisposition.FileName!.Trim('"').ShouldBe(servedAs);
    }

    [Fact]
    public async Task Get_WithAnotherReferralsDocumentId_ReturnsNotFound()
    {
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var referral = await factory.CreateReferralAsync(scene, ReferralState.Declined, withRequiredDocuments: true);
        var other = await factory.CreateReferralAsync(scene, ReferralState.Submitted, withRequiredDocuments: true);
        var browser = await Browser.SignInAsync(factory, scene.Referrer);

        (await browser.GetAsync($"/referrals/{referral.Id}/documents/{other.Documents[0].Id}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await factory.AuditEventsAsync(scene.PersonId, AuditActions.Download)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Get_UnrelatedOrganisation_ReturnsNotFoundAndIsAuditedAsDenied()
    {
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var referral = await factory.CreateReferralAsync(scene, ReferralState.Submitted, withRequiredDocuments: true);
        var browser = await Browser.SignInAsync(factory, scene.Unrelated);

        (await browser.GetAsync($"/referrals/{referral.Id}/documents/{referral.Documents[0].Id}")).Status.ShouldBe(HttpStatusCode.NotFound);

        (await factory.AuditEventsAsync(scene.PersonId, AuditActions.Download)).ShouldBeEmpty();
        (await factory.DeniedAsync(referral.Id, scene.Unrelated)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Get_ReceivingOrganisation_CannotDownloadFromADraft()
    {
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var referral = await factory.CreateReferralAsync(scene, withRequiredDocuments: true);
        var browser = await Browser.SignInAsync(factory, scene.Receiver);

        (await browser.GetAsync($"/referrals/{referral.Id}/documents/{referral.Documents[0].Id}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await factory.AuditEventsAsync(scene.PersonId, AuditActions.Download)).ShouldBeEmpty();
    }

    private async Task<(ReferralScene Scene, Referral Referral, Browser Browser)> UploadedAsync(string fileName, byte[] bytes)
    {
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var referral = await factory.CreateReferralAsync(scene);
        var browser = await Browser.SignInAsync(factory, scene.Referrer);
        (await browser.UploadAsync(referral.Id, DocumentTypes.Other, fileName, bytes)).Status.ShouldBe(HttpStatusCode.Redirect);
        return (scene, referral, browser);
    }
}
