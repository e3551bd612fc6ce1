using System.Net;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.ReferenceData;
using Throughcare.Core.Domain.Referrals;
using Throughcare.Tests.Infrastructure;
using Throughcare.Tests.Pages.People;

namespace Throughcare.Tests.Pages.Referrals;

public sealed class DocumentsPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    [Fact]
    public async Task Upload_SeveralFiles_StoresEach()
    {
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var referral = await factory.CreateReferralAsync(scene);
        var browser = await Browser.SignInAsync(factory, scene.Referrer);
        (await browser.GetAsync($"/referrals/{referral.Id}/documents")).Document.QuerySelector("input[type=file][name=Upload]")!.HasAttribute("multiple").ShouldBeTrue();

        var uploaded = await browser.UploadFilesAsync(referral.Id, DocumentTypes.Other, [("letter.pdf", ReferralPages.Pdf), ("scan.png", ReferralPages.Png)]);

        uploaded.Status.ShouldBe(HttpStatusCode.Redirect, uploaded.Html);
        (await factory.FindReferralAsync(referral.Id))!.Documents.Select(d => d.FileName).ShouldBe(["letter.pdf", "scan.png"], ignoreOrder: true);
        (await browser.GetAsync(uploaded.Location!)).Document.Flash().ShouldBe("2 documents uploaded");
    }

    [Fact]
    public async Task Upload_SeveralFilesOneBad_KeepsTheOthersAndNamesTheBadOne()
    {
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var referral = await factory.CreateReferralAsync(scene);
        var browser = await Browser.SignInAsync(factory, scene.Referrer);

        var page = await browser.UploadFilesAsync(referral.Id, DocumentTypes.Other, [("letter.pdf", ReferralPages.Pdf), ("tool.pdf", ReferralPages.Exe), ("empty.pdf", []), ("scan.png", ReferralPages.Png)]);

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError("Upload", "tool.pdf must be a PDF, Word document (.docx or .doc), PNG or JPEG");
        page.Document.AssertHasError("Upload", "empty.pdf is empty");
        page.Document.ErrorSummary().ShouldBe(["tool.pdf must be a PDF, Word document (.docx or .doc), PNG or JPEG", "empty.pdf is empty"]);
        (await factory.FindReferralAsync(referral.Id))!.Documents.Select(d => d.FileName).ShouldBe(["letter.pdf", "scan.png"], ignoreOrder: true);
        page.Document.QuerySelectorAll("a[href*='/documents/']").Select(a => a.Text()).ShouldBe(["letter.pdf", "scan.png"], ignoreOrder: true);
        var again = await browser.UploadFilesAsync(referral.Id, DocumentTypes.Other, [("fixed.pdf", ReferralPages.Pdf)], page.Document.QuerySelectorAll("input[name=Version]")[^1].GetAttribute("value"));
        again.Status.ShouldBe(HttpStatusCode.Redirect, "the form shown after the refusal carries the version the stored files made");
        (await factory.FindReferralAsync(referral.Id))!.Documents.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Upload_SeveralErrors_AreSummarisedInTheOrderOfTheFields()
    {
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var referral = await factory.CreateReferralAsync(scene);
        var browser = await Browser.SignInAsync(factory, scene.Referrer);

        var page = await browser.UploadFilesAsync(referral.Id, "", [(null, [])]);

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertErrorSummaryInFieldOrder().ShouldBe(["#DocumentType", "#Upload"]);
    }

    [Fact]
    public async Task Get_ShowsRequiredAndOptionalDocumentsWithStatus()
    {
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var referral = await factory.CreateReferralAsync(scene);
        var browser = await Browser.SignInAsync(factory, scene.Referrer);

        var page = await browser.GetAsync($"/referrals/{referral.Id}/documents");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Document.GetSummaryListValue("OASys assessment").ShouldBe("Required");
        page.Document.GetSummaryListValue("Pre-sentence report").ShouldBe("Optional");
        page.Document.QuerySelector("form[enctype='multipart/form-data']").ShouldNotBeNull();
    }

    [Theory]
    [InlineData("formulation.pdf", "pdf", "application/pdf")]
    [InlineData("scan.png", "png", "image/png")]
    [InlineData("letter.docx", "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    public async Task Upload_ValidFile_IsStoredNamedForItsContentAndAudited(string fileName, string kind, string contentType)
    {
        var bytes = kind switch { "pdf" => ReferralPages.Pdf, "png" => ReferralPages.Png, _ => ReferralPages.Docx };
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var referral = await factory.CreateReferralAsync(scene);
        var browser = await Browser.SignInAsync(factory, scene.Referrer);

        var uploaded = await browser.UploadAsync(referral.Id, DocumentTypes.Formulation, fileName, bytes);

        uploaded.Status.ShouldBe(HttpStatusCode.Redirect, uploaded.Html);
        uploaded.Location.ShouldBe($"/referrals/{referral.Id}/documents");
        var document = (await factory.FindReferralAsync(referral.Id))!.Documents.ShouldHaveSingleItem();
        document.FileName.ShouldBe(fileName);
        document.ContentType.ShouldBe(contentType);
        document.StoredName.ShouldNotContain(".");
        (await factory.AuditEventsAsync(scene.PersonId, AuditActions.Create)).ShouldContain(a => a.RecordType == AuditRecordTypes.Document && a.UserId == scene.Referrer.Id);
        var page = await browser.GetAsync(uploaded.Location!);
        page.Document.Flash().ShouldBe("Document uploaded");
        page.Document.GetSummaryListValue("Level 2 or 3 formulation").ShouldBe("Uploaded");
        page.Document.QuerySelector($"a[href='/referrals/{referral.Id}/documents/{document.Id}']").Text().ShouldBe(fileName);
    }

    [Fact]
    public async Task Upload_HostileFileName_IsStoredSafelyAndEncodedOnThePage()
    {
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var referral = await factory.CreateReferralAsync(scene);
        var browser = await Browser.SignInAsync(factory, scene.Referrer);

        (await browser.UploadAsync(referral.Id, DocumentTypes.Other, "..\\..\\évil\u202E\"<b>.pdf", ReferralPages.Pdf)).Status.ShouldBe(HttpStatusCode.Redirect);

        var document = (await factory.FindReferralAsync(referral.Id))!.Documents.ShouldHaveSingleItem();
        document.FileName.ShouldBe("évil<b>.pdf");
        var page = await browser.GetAsync($"/referrals/{referral.Id}/documents");
        page.Html.ShouldNotContain("évil<b>");
        page.Html.ShouldContain("vil&lt;b&gt;.pdf");
    }

    [Theory]
    [InlineData("report.pdf", "exe", "The selected file must be a PDF, Word document (.docx or .doc), PNG or JPEG")]
    [InlineData("zip.pdf", "docx", "The selected file must be a PDF, Word document (.docx or .doc), PNG or JPEG")]
    [InlineData("empty.pdf", "empty", "The selected file is empty")]
    [InlineData(null, "empty", "Select a file")]
    public async Task Upload_BadFile_ShowsErrorAndStoresNothing(string? fileName, string kind, string message)
    {
        var bytes = kind switch { "exe" => ReferralPages.Exe, "docx" => ReferralPages.Docx, _ => [] };
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var referral = await factory.CreateReferralAsync(scene);
        var browser = await Browser.SignInAsync(factory, scene.Referrer);

        var page = await browser.UploadAsync(referral.Id, DocumentTypes.Formulation, fileName, bytes);

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError("Upload", message);
        (await factory.FindReferralAsync(referral.Id))!.Documents.ShouldBeEmpty();
        (await factory.AuditEventsAsync(scene.PersonId, AuditActions.Create)).ShouldNotContain(a => a.RecordType == AuditRecordTypes.Document);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-type")]
    [InlineData("=cmd|' /C calc'!A0")]
    public async Task Upload_WithoutAValidType_ShowsError(string documentType)
    {
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var referral = await factory.CreateReferralAsync(scene);
        var browser = await Browser.SignInAsync(factory, scene.Referrer);

        var page = await browser.UploadAsync(referral.Id, documentType, "a.pdf", ReferralPages.Pdf);

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError("DocumentType", "Select the type of document");
        (await factory.FindReferralAsync(referral.Id))!.Documents.ShouldBeEmpty();
    }

    [Fact]
    public async Task Remove_DeletesTheDocumentAndAuditsIt()
    {
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var referral = await factory.CreateReferralAsync(scene);
        var browser = await Browser.SignInAsync(factory, scene.Referrer);
        await browser.UploadAsync(referral.Id, DocumentTypes.OASys, "oasys.pdf", ReferralPages.Pdf);
        var page = await browser.GetAsync($"/referrals/{referral.Id}/documents");
        var form = page.Document.QuerySelectorAll("form").First(f => f.QuerySelector("input[name=DocumentId]") is not null);
        var fields = form.QuerySelectorAll("input[name]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");

        var removed = await browser.PostRawAsync(form.GetAttribute("action")!, fields);

        removed.Status.ShouldBe(HttpStatusCode.Redirect, removed.Html);
        (await factory.FindReferralAsync(referral.Id))!.Documents.ShouldBeEmpty();
        (await factory.AuditEventsAsync(scene.PersonId, AuditActions.Delete)).ShouldHaveSingleItem().RecordType.ShouldBe(AuditRecordTypes.Document);
    }

    [Fact]
    public async Task Upload_WithAStaleVersion_ShowsConflictKeepsTheTypeAndStoresNothing()
    {
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var referral = await factory.CreateReferralAsync(scene);
        var browser = await Browser.SignInAsync(factory, scene.Referrer);
        var stale = (await browser.GetAsync($"/referrals/{referral.Id}/documents")).Document.QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        (await browser.UploadAsync(referral.Id, DocumentTypes.OASys, "oasys.pdf", ReferralPages.Pdf)).Status.ShouldBe(HttpStatusCode.Redirect);

        var page = await browser.UploadAsync(referral.Id, DocumentTypes.Formulation, "formulation.pdf", ReferralPages.Pdf, version: stale);

        page.Status.ShouldBe(HttpStatusCode.Conflict);
        page.Document.QuerySelector("[data-conflict]").ShouldNotBeNull();
        (page.Document.QuerySelector("select[name=DocumentType]") as AngleSharp.Html.Dom.IHtmlSelectElement)!.Value.ShouldBe(DocumentTypes.Formulation);
        page.Html.ShouldContain("oasys.pdf");
        (await factory.FindReferralAsync(referral.Id))!.Documents.ShouldHaveSingleItem().FileName.ShouldBe("oasys.pdf");
    }

    [Fact]
    public async Task Remove_AnotherReferralsDocument_ShowsErrorAndRemovesNothing()
    {
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var referral = await factory.CreateReferralAsync(scene);
        var other = await factory.CreateReferralAsync(scene, withRequiredDocuments: true);
        var browser = await Browser.SignInAsync(factory, scene.Referrer);
        var form = (await browser.GetAsync($"/referrals/{referral.Id}/documents")).Document.FormFields();

        var page = await browser.PostRawAsync($"/referrals/{referral.Id}/documents?handler=Remove", form.With("DocumentId", other.Documents[0].Id.ToString()));

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.ErrorSummary().ShouldBe(["Document not found"]);
        (await factory.FindReferralAsync(other.Id))!.Documents.Count.ShouldBe(other.Documents.Count);
        (await factory.AuditEventsAsync(scene.PersonId, AuditActions.Delete)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Get_ReceivingOrUnrelatedOrganisation_ReturnsNotFound()
    {
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var referral = await factory.CreateReferralAsync(scene, ReferralState.AwaitingInformation);

        await factory.AssertOtherOrganisationsGetNotFoundAsync(scene, referral, $"/referrals/{referral.Id}/documents");
    }

    [Fact]
    public async Task SentReferral_RefusesUploads()
    {
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var referral = await factory.CreateReferralAsync(scene, ReferralState.Submitted);
        var browser = await Browser.SignInAsync(factory, scene.Referrer);

        (await browser.GetAsync($"/referrals/{referral.Id}/documents")).Status.ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class SmallUploadFactory : ThroughcareFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Throughcare:Uploads:MaxBytes"] = "1024" };
}

public sealed class DocumentUploadLimitTests(SmallUploadFactory factory) : IClassFixture<SmallUploadFactory>
{
    [Fact]
    public async Task Upload_OverTheLimit_ShowsErrorAndStoresNothing()
    {
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var referral = await factory.CreateReferralAsync(scene);
        var browser = await Browser.SignInAsync(factory, scene.Referrer);

        var page = await browser.UploadAsync(referral.Id, DocumentTypes.Formulation, "big.pdf", [.. ReferralPages.Pdf, .. new byte[2000]]);

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError("Upload", "The selected file must be smaller than 1 KB");
        (await factory.FindReferralAsync(referral.Id))!.Documents.ShouldBeEmpty();
    }

    [Fact]
    public async Task Upload_FarLargerBody_Returns413()
    {
        var scene = await ReferralPages.CreateSceneAsync(factory);
        var referral = await factory.CreateReferralAsync(scene);
        var browser = await Browser.SignInAsync(factory, scene.Referrer);

        var page = await browser.UploadAsync(referral.Id, DocumentTypes.Formulation, "huge.pdf", [.. ReferralPages.Pdf, .. new byte[3 * 1024 * 1024]]);

        page.Status.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await factory.FindReferralAsync(referral.Id))!.Documents.ShouldBeEmpty();
    }
}
