using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Referrals;
using Throughcare.Core.Domain.Services;
using Throughcare.Tests.Infrastructure;

namespace Throughcare.Tests.Pages.Referrals;

/// <summary>A referrer, a receiving service in another organisation, a person and an unrelated organisation's user.</summary>
public sealed record ReferralScene(TestUser Referrer, TestUser Receiver, TestUser Unrelated, Guid PersonId, Service Service);

public static class ReferralPages
{
    public static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"u8.ToArray();
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
    public static readonly byte[] Docx = [.. "PK\u0003\u0004"u8, 20, 0, 6, 0, 8, 0, 0, 0, 33, 0];
    public static readonly byte[] Exe = [.. "MZ"u8, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0];

    public static async Task<ReferralScene> CreateSceneAsync(ThroughcareFactory factory, Action<Service>? configure = null)
    {
        var data = new TestData(factory);
        var referrer = await data.CreateStaffAsync(StaffRoles.Practitioner);
        var receivingOrganisation = await data.CreateOrganisationAsync();
        var receiver = await data.CreateUserAsync(receivingOrganisation.Id, StaffRoles.Manager);
        var unrelated = await data.CreateStaffAsync(StaffRoles.Manager);
        var personId = await data.CreatePersonAsync(referrer.OrganisationId);
        var service = await new ReferralTestData(factory).CreateServiceAsync(receivingOrganisation.Id, configure);
        return new ReferralScene(referrer, receiver, unrelated, personId, service);
    }

    public static Task<Referral> CreateReferralAsync(this ThroughcareFactory factory, ReferralScene scene, ReferralState state = ReferralState.Draft, bool withRequiredDocuments = false) =>
        new ReferralTestData(factory).CreateReferralAsync(scene.PersonId, scene.Service, scene.Referrer.OrganisationId, scene.Referrer.Id, state, withRequiredDocuments);

    /// <summary>The success banner the layout shows once after a write (carried in TempData), or null.</summary>
    public static string? Flash(this IHtmlDocument document) =>
        document.QuerySelector(".govuk-notification-banner--success .govuk-notification-banner__heading")?.TextContent.Trim();

    /// <summary>Neither the receiving organisation nor an unrelated one finds this page of the referral, and each try is audited as denied.</summary>
    public static async Task AssertOtherOrganisationsGetNotFoundAsync(this ThroughcareFactory factory, ReferralScene scene, Referral referral, string path)
    {
        foreach (var user in new[] { scene.Receiver, scene.Unrelated })
        {
            var browser = await Browser.SignInAsync(factory, user);
            var page = await browser.GetAsync(path);
            page.Status.ShouldBe(HttpStatusCode.NotFound, $"{user.Email} {path}");
            page.Html.ShouldNotContain(referral.Reason!);
            (await factory.DeniedAsync(referral.Id, user)).Count.ShouldBe(1, $"{user.Email} {path}");
        }
    }

    /// <summary>The user's refused attempts at the record, as the audit trail keeps them.</summary>
    public static Task<List<AuditEvent>> DeniedAsync(this ThroughcareFactory factory, Guid recordId, TestUser user) =>
        factory.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(a => a.RecordId == recordId.ToString() && a.UserId == user.Id && a.Action == AuditActions.AccessDenied && a.Outcome == AuditOutcome.Denied).ToListAsync());

    public static Task<Referral?> FindReferralAsync(this ThroughcareFactory factory, Guid referralId) =>
        factory.WithDbAsync(db => db.Referrals.AsNoTracking().Include(r => r.Documents).Include(r => r.Transitions).SingleOrDefaultAsync(r => r.Id == referralId));

    /// <summary>Posts the documents page's upload form as a browser would, with a file part.</summary>
    public static Task<Infrastructure.Page> UploadAsync(this Browser browser, Guid referralId, string documentType, string? fileName, byte[]? content, string? version = null) =>
        browser.UploadFilesAsync(referralId, documentType, [(fileName, content ?? [])], version);

    /// <summary>Posts the upload form with several files chosen at once, as a browser sends a <c>multiple</c> file input.</summary>
    public static async Task<Infrastructure.Page> UploadFilesAsync(this Browser browser, Guid referralId, string documentType, IEnumerable<(string? FileName, byte[] Content)> files, string? version = null)
    {
        var page = await browser.GetAsync($"/referrals/{referralId}/documents");
        var form = page.Document.QuerySelectorAll("form").Last(f => f.GetAttribute("enctype") == "multipart/form-data");
        using var body = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { new StringContent(version ?? form.QuerySelector("input[name=Version]")!.GetAttribute("value")!), "Version" },
            { new StringContent(documentType), "DocumentType" },
        };
        foreach (var (fileName, content) in files)
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            // Set by hand, as a browser sends it: .NET's own helper refuses empty and hostile file names.
            file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"Upload\"", FileName = "\"\"" };
            if (fileName is not null)
            {
                file.Headers.ContentDisposition.FileNameStar = fileName;
            }

            body.Add(file);
        }

        var response = await browser.Client.PostAsync(new Uri($"/referrals/{referralId}/documents", UriKind.Relative), body);
        var html = await response.Content.ReadAsStringAsync();
        return new Infrastructure.Page(response, html, new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html));
    }
}
