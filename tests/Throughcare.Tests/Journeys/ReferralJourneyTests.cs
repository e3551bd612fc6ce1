using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Organisations;
using Throughcare.Core.Domain.People;
using Throughcare.Core.Domain.Referrals;
using Throughcare.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Throughcare.Tests.Journeys;

[Trait("Category", "Journey")]
[Collection(BrowserJourneys.Name)]
[LongRunning]
public sealed class ReferralJourneyTests(JourneyFixture fixture) : IClassFixture<JourneyFixture>
{
    [Fact]
    public async Task Practitioner_RefersAPerson_ReceivingManagerScreensAcceptsAndAllocates_AndReferrerSeesItAccepted()
    {
        var referring = await fixture.Data.CreateOrganisationAsync(OrganisationKind.Probation);
        var receiving = await fixture.Data.CreateOrganisationAsync(OrganisationKind.NhsTrust);
        var practitioner = await fixture.Data.CreateUserAsync(referring.Id, StaffRoles.Practitioner);
        var manager = await fixture.Data.CreateUserAsync(receiving.Id, StaffRoles.Manager);
        var referralData = new ReferralTestData(fixture.Factory);
        var service = await referralData.CreateServiceAsync(receiving.Id);
        var fmhp = await referralData.CreateWorkerAsync(receiving.Id, "fmhp", displayName: "Farah Mensah");
        var clw = await referralData.CreateWorkerAsync(receiving.Id, "clw", displayName: "Colin Walsh");
        var personId = await fixture.Data.CreatePersonAsync(referring.Id, d => d with
        {
            GivenName = "Daniel",
            FamilyName = "Okafor",
            DateOfBirth = new DateOnly(1988, 2, 9),
            GenderIdentity = "man",
            OpdScreeningResult = OpdScreeningResult.ScreenedIn,
        });
        const string personName = "Daniel Okafor";
        string referralPath;

        // The probation practitioner in organisation A makes and sends the referral.
        await using (var journey = await Journey.StartAsync(fixture))
        {
            var page = journey.Page;
            await journey.SignInAsync(practitioner.Email, practitioner.Password);
            await journey.GotoAsync($"/people/{personId}", personName);

            await journey.ClickLinkAsync("Refer to a service");
            await journey.ExpectPageAsync("Which service are you referring them to?");
            await journey.Field(service.Name).CheckAsync();
            await journey.ClickButtonAsync("Continue");
            await journey.ExpectPageAsync("Reason for the referral");
            var referralId = Guid.Parse(new Uri(page.Url).AbsolutePath.Split('/')[2]);
            referralPath = $"/referrals/{referralId}";

            await journey.Field("Probation").CheckAsync();
            await journey.Field("Why are you referring them?").FillAsync("Finding it hard to cope since release and wants support with his mental health.");
            await journey.Field("What does the person want help with? (optional)").FillAsync("Someone to talk to, and help with benefits.");
            await journey.ClickButtonAsync("Save and continue");
            await journey.ExpectPageAsync("The person's needs");

            await journey.Field("In the community").CheckAsync();
            await journey.Field("No preference").CheckAsync();
            await journey.ClickButtonAsync("Save and continue");
            await journey.ExpectPageAsync("Documents");

            foreach (var (label, fileName) in new[]
            {
                ("OPD pan-London referral form", "referral-form.pdf"),
                ("Level 2 or 3 formulation", "formulation.pdf"),
                ("OASys assessment", "oasys.pdf"),
            })
            {
                await journey.Field("Type of document").SelectOptionAsync(new SelectOptionValue { Label = label });
                await journey.Field("File").SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = "application/pdf", Buffer = Pdf(label) });
                await journey.ClickButtonAsync("Upload");
                await journey.ExpectPageAsync("Documents");
                await Expect(page.GetByRole(AriaRole.Link, new() { Name = fileName, Exact = true })).ToBeVisibleAsync();
            }

            await Expect(page.Locator(".govuk-summary-list .govuk-tag", new() { HasText = "Required" })).ToHaveCountAsync(0);
            await journey.ClickButtonAsync("Continue");
            await journey.ExpectPageAsync("Sharing the referral");

            await journey.Field("Consent: the person has agreed").CheckAsync();
            await journey.FillDateAsync("When did the person give consent?", fixture.Factory.Today.AddDays(-1));
            await journey.ClickButtonAsync("Save and continue");
            await journey.ExpectPageAsync("Check your answers before sending the referral");
            await Expect(page.Locator("#missing")).ToHaveCountAsync(0);
            await journey.ScreenshotAsync("referral-check-answers");

            await journey.ClickButtonAsync("Send referral");
            await journey.ExpectPageAsync($"Referral to {service.Name}");
            await Expect(page.GetByText("Referral sent")).ToBeVisibleAsync();
            new Uri(page.Url).AbsolutePath.ShouldBe(referralPath);

            await journey.SignOutAsync();
            await journey.AssertAccessibleAsync();
        }

        // The manager of organisation B, which runs the service, screens, accepts and allocates it.
        await using (var journey = await Journey.StartAsync(fixture))
        {
            var page = journey.Page;
            await journey.SignInAsync(manager.Email, manager.Password);
            await journey.GotoAsync($"/services/{service.Id}/sift", "Referrals");
            var row = page.Locator("tbody tr", new() { HasText = personName });
            await Expect(row).ToContainTextAsync("Submitted");
            await journey.ScreenshotAsync("referral-sift");

            await journey.ClickLinkAsync(personName);
            await journey.ExpectPageAsync($"Screen the referral of {personName}");
            await journey.ClickButtonAsync("Start screening");
            await journey.ExpectPageAsync($"Screen the referral of {personName}");
            await Expect(page.Locator(".govuk-notification-banner--success .govuk-notification-banner__heading")).ToHaveTextAsync("Screening started");
            await Expect(page.Locator("[data-rule] .govuk-tag", new() { HasText = "Not met" })).ToHaveCountAsync(0);
            await Expect(page.Locator("[data-rule] .govuk-tag", new() { HasText = "Unknown" })).ToHaveCountAsync(0);

            await journey.Field("Screening notes").FillAsync("Meets the criteria; formulation supports a community place.");
            await journey.Field("Accept the referral").CheckAsync();
            await journey.ClickButtonAsync("Save decision");
            await journey.ExpectPageAsync($"Screen the referral of {personName}");
            await Expect(page.Locator(".govuk-notification-banner--success .govuk-notification-banner__heading")).ToHaveTextAsync("Referral accepted");

            await journey.ClickLinkAsync("Allocate workers");
            await journey.ExpectPageAsync($"Allocate workers for {personName}");
            var emotional = page.Locator("[data-strand]", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Emotional support" }) });
            var practical = page.Locator("[data-strand]", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Practical support" }) });
            await emotional.GetByLabel("The person needs emotional support").CheckAsync();
            await emotional.GetByLabel($"{fmhp.DisplayName} (suggested)", new() { Exact = true }).CheckAsync();
            await practical.GetByLabel("The person needs practical support").CheckAsync();
            await practical.GetByLabel($"{clw.DisplayName} (suggested)", new() { Exact = true }).CheckAsync();
            await journey.ScreenshotAsync("referral-allocation");
            await journey.ClickButtonAsync("Confirm allocation");
            await journey.ExpectPageAsync($"Allocate workers for {personName}");
            await Expect(page.Locator(".govuk-notification-banner--success .govuk-notification-banner__heading")).ToHaveTextAsync("Workers allocated: the episode of care is open");
            await Expect(page.Locator("tr[data-allocated]", new() { HasText = "Emotional support" })).ToContainTextAsync(fmhp.DisplayName);
            await Expect(page.Locator("tr[data-allocated]", new() { HasText = "Practical support" })).ToContainTextAsync(clw.DisplayName);

            await journey.SignOutAsync();
            await journey.AssertAccessibleAsync();
        }

        var referralGuid = Guid.Parse(referralPath.Split('/')[2]);
        var episode = await fixture.Factory.WithDbAsync(db => db.Episodes.AsNoTracking().Include(e => e.Strands).SingleAsync(e => e.ReferralId == referralGuid));
        episode.PersonId.ShouldBe(personId);
        episode.ServiceId.ShouldBe(service.Id);
        episode.Strands.Select(s => (s.ServiceStrandId, s.WorkerUserId)).OrderBy(s => s.WorkerUserId).ShouldBe(
            new[]
            {
                (service.Strands.Single(s => s.WorkerRole == "fmhp").Id, fmhp.Id),
                (service.Strands.Single(s => s.WorkerRole == "clw").Id, clw.Id),
            }.OrderBy(s => s.Item2));
        var state = await fixture.Factory.WithDbAsync(db => db.Referrals.AsNoTracking().Where(r => r.Id == referralGuid).Select(r => r.State).SingleAsync());
        state.ShouldBe(ReferralState.Accepted);

        // The referrer signs in again and sees the decision.
        await using (var journey = await Journey.StartAsync(fixture))
        {
            var page = journey.Page;
            await journey.SignInAsync(practitioner.Email, practitioner.Password);
            await journey.GotoAsync(referralPath, $"Referral to {service.Name}");
            await Expect(page.Locator("h1 + p .govuk-tag")).ToHaveTextAsync("Accepted");
            await Expect(page.Locator(".govuk-summary-list__row", new() { HasText = "Decision" }).Locator("dd").First).ToContainTextAsync("Accepted on");
            await journey.ScreenshotAsync("referral-accepted");

            await journey.SignOutAsync();
            await journey.AssertAccessibleAsync();
        }
    }

    /// <summary>A minimal, well-formed one-page PDF, so content sniffing and any validation see a real PDF.</summary>
    private static byte[] Pdf(string title)
    {
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            null,
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        var text = $"BT /F1 18 Tf 72 770 Td ({title}) Tj ET";
        objects[3] = $"<< /Length {text.Length} >>\nstream\n{text}\nendstream";

        var pdf = new StringBuilder("%PDF-1.7\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(Encoding.ASCII.GetByteCount(pdf.ToString()));
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = Encoding.ASCII.GetByteCount(pdf.ToString());
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append($"{offset:D10} 00000 n \n");
        }

        pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
