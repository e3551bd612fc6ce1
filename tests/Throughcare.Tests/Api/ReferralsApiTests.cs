using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Organisations;
using Throughcare.Core.Domain.ReferenceData;
using Throughcare.Core.Domain.Referrals;
using Throughcare.Tests.Infrastructure;

namespace Throughcare.Tests.Api;

public sealed class ReferralsApiTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    internal static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

    private readonly TestData _data = new(factory);
    private readonly ReferralTestData _referrals = new(factory);

    internal sealed record Partner(Organisation Probation, string Token, Guid PersonId, Core.Domain.Services.Service Service);

    private Task<Partner> PartnerAsync() => PartnerAsync(factory);

    /// <summary>A probation service with an API token, a person it holds and another organisation's service to refer to.</summary>
    internal static async Task<Partner> PartnerAsync(ThroughcareFactory factory)
    {
        var data = new TestData(factory);
        var probation = await data.CreateOrganisationAsync(OrganisationKind.Probation);
        var provider = await data.CreateOrganisationAsync(OrganisationKind.VoluntarySector);
        var service = await new ReferralTestData(factory).CreateServiceAsync(provider.Id);
        var personId = await data.CreatePersonAsync(probation.Id);
        var admin = await data.CreateUserAsync(probation.Id, StaffRoles.Administrator);
        var browser = await Browser.SignInAsync(factory, admin);
        var issued = await browser.PostFormAsync("/admin/api-tokens", new() { ["Input.Name"] = "Case system" });
        issued.Status.ShouldBe(HttpStatusCode.OK);
        var token = issued.Document.QuerySelector(".app-token").Text();
        token.ShouldStartWith("tc_");
        return new Partner(probation, token, personId, service);
    }

    internal static MultipartFormDataContent Referral(Guid personId, Guid serviceId, Action<Dictionary<string, string>>? change = null, params (string Type, string Name, byte[] Bytes)[] files)
    {
        var fields = new Dictionary<string, string>
        {
            ["personId"] = personId.ToString(),
            ["serviceId"] = serviceId.ToString(),
            ["source"] = "Probation",
            ["reason"] = "Struggling after release",
            ["helpWanted"] = "Somewhere to live",
            ["personSetting"] = "Community",
            ["sharingBasis"] = "PublicTask",
        };
        change?.Invoke(fields);
        var content = new MultipartFormDataContent();
        foreach (var (key, value) in fields)
        {
            content.Add(new StringContent(value), key);
        }

        foreach (var (type, name, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(file, type, name);
        }

        return content;
    }

    private HttpClient Client(string? token) => Client(factory, token);

    internal static HttpClient Client(ThroughcareFactory factory, string? token)
    {
        var client = factory.CreateBrowser();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    [Fact]
    public async Task Post_WithDocuments_SubmitsTheReferral_AndGetReadsItsState()
    {
        var partner = await PartnerAsync();
        var client = Client(partner.Token);

        using var content = Referral(partner.PersonId, partner.Service.Id, null,
            (DocumentTypes.ReferralForm, "form.pdf", Pdf), (DocumentTypes.Formulation, "formulation.pdf", Pdf), (DocumentTypes.OASys, "oasys.pdf", Pdf));
        var created = await client.PostAsync(new Uri("/api/v1/referrals", UriKind.Relative), content);

        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var id = body.RootElement.GetProperty("id").GetGuid();
        created.Headers.Location!.OriginalString.ShouldBe($"/api/v1/referrals/{id}");
        body.RootElement.GetProperty("location").GetString().ShouldBe($"/api/v1/referrals/{id}");
        var read = await client.GetAsync(created.Headers.Location);
        using var state = JsonDocument.Parse(await read.Content.ReadAsStringAsync());
        state.RootElement.GetProperty("state").GetString().ShouldBe("Submitted");
        state.RootElement.GetProperty("documents").GetArrayLength().ShouldBe(3);

        var referral = await factory.WithDbAsync(db => db.Referrals.Include(r => r.Documents).SingleAsync(r => r.Id == id));
        referral.ReferringOrganisationId.ShouldBe(partner.Probation.Id);
        referral.State.ShouldBe(ReferralState.Submitted);
        referral.Documents.Select(d => d.Sha256).Distinct().ShouldHaveSingleItem().ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Pdf)));
        var audit = await factory.WithDbAsync(db => db.AuditEvents.Where(a => a.RecordId == id.ToString()).Select(a => a.Action).ToListAsync());
        audit.ShouldContain(AuditActions.Create);
        audit.ShouldContain(AuditActions.View);
    }

    [Fact]
    public async Task Post_WithoutToken_Or_WithARevokedToken_Is401()
    {
        var partner = await PartnerAsync();
        using var anonymous = Referral(partner.PersonId, partner.Service.Id);
        (await Client(null).PostAsync(new Uri("/api/v1/referrals", UriKind.Relative), anonymous)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var tokenId = await factory.WithDbAsync(db => (from t in db.ApiTokens join u in db.Users on t.UserId equals u.Id where u.OrganisationId == partner.Probation.Id select t.Id).SingleAsync());
        var admin = await _data.CreateUserAsync(partner.Probation.Id, StaffRoles.Administrator);
        var browser = await Browser.SignInAsync(factory, admin);
        (await browser.PostFormAsync($"/admin/api-tokens?handler=Revoke&tokenId={tokenId}", [], "/admin/api-tokens")).Status.ShouldBe(HttpStatusCode.Redirect);

        using var revoked = Referral(partner.PersonId, partner.Service.Id);
        (await Client(partner.Token).PostAsync(new Uri("/api/v1/referrals", UriKind.Relative), revoked)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Client("tc_not-a-real-token").GetAsync(new Uri($"/api/v1/referrals/{Guid.NewGuid()}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Post_BadInput_Answers400WithFieldErrors_AndWritesNothing()
    {
        var partner = await PartnerAsync();
        var before = await factory.WithDbAsync(db => db.Referrals.CountAsync());

        using var content = Referral(partner.PersonId, partner.Service.Id, f =>
        {
            f.Remove("reason");
            f["source"] = "Telepathy";
            f["sharingBasis"] = "Consent";
            f["helpWanted"] = "bad\u202Etext";
        }, (DocumentTypes.OASys, "oasys.pdf", Encoding.ASCII.GetBytes("MZ this is a program")), ("not-a-type", "x.pdf", Pdf));
        var response = await Client(partner.Token).PostAsync(new Uri("/api/v1/referrals", UriKind.Relative), content);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors");
        errors.GetProperty("reason")[0].GetString().ShouldBe("Enter the reason for the referral");
        errors.GetProperty("source")[0].GetString().ShouldNotBeNull().ShouldStartWith("Select where the referral comes from");
        errors.GetProperty("consentGivenOn")[0].GetString().ShouldNotBeNull().ShouldStartWith("Enter the date the person gave consent");
        errors.GetProperty("helpWanted")[0].GetString().ShouldBe("What the person wants help with must not contain hidden control characters");
        errors.GetProperty(DocumentTypes.OASys)[0].GetString().ShouldNotBeNull().ShouldStartWith("The selected file must be a PDF");
        errors.TryGetProperty("not-a-type", out _).ShouldBeTrue();
        (await factory.WithDbAsync(db => db.Referrals.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task Post_ForAPersonTheOrganisationDoesNotHold_Is404()
    {
        var partner = await PartnerAsync();
        var elsewhere = await _data.CreateOrganisationAsync();
        var stranger = await _data.CreatePersonAsync(elsewhere.Id);

        using var content = Referral(stranger, partner.Service.Id);
        var response = await Client(partner.Token).PostAsync(new Uri("/api/v1/referrals", UriKind.Relative), content);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await factory.WithDbAsync(db => db.Referrals.CountAsync(r => r.PersonId == stranger))).ShouldBe(0);
    }

    [Fact]
    public async Task Post_ToAServiceNotAcceptingReferrals_Is400ProblemAndWritesNothing()
    {
        var partner = await PartnerAsync();
        await factory.WithDbAsync(db => db.Services.Where(s => s.Id == partner.Service.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.AcceptingReferrals, false)));

        using var content = Referral(partner.PersonId, partner.Service.Id);
        var response = await Client(partner.Token).PostAsync(new Uri("/api/v1/referrals", UriKind.Relative), content);

        await ShouldBeBadRequestProblemAsync(response);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        problem.RootElement.GetProperty("errors").GetProperty("referral")[0].GetString().ShouldBe($"{partner.Service.Name} is not accepting referrals");
        (await factory.WithDbAsync(db => db.Referrals.CountAsync(r => r.PersonId == partner.PersonId))).ShouldBe(0);
    }

    /// <summary>Half past midnight in the UK in summer, consent given today in the UK is not in the future, though UTC is a day behind.</summary>
    [Fact]
    public async Task Post_ConsentGivenTodayJustAfterUkMidnightInSummer_IsAccepted()
    {
        var today = factory.MoveToJustAfterUkMidnight();
        var partner = await PartnerAsync();

        using var content = Referral(partner.PersonId, partner.Service.Id, f =>
        {
            f["sharingBasis"] = "Consent";
            f["consentGivenOn"] = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }, (DocumentTypes.ReferralForm, "form.pdf", Pdf), (DocumentTypes.Formulation, "formulation.pdf", Pdf), (DocumentTypes.OASys, "oasys.pdf", Pdf));
        var created = await Client(partner.Token).PostAsync(new Uri("/api/v1/referrals", UriKind.Relative), content);

        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        (await factory.WithDbAsync(db => db.Referrals.SingleAsync(r => r.PersonId == partner.PersonId))).ConsentGivenOn.ShouldBe(today);
    }

    [Fact]
    public async Task Get_AnotherOrganisationsReferral_Is404()
    {
        var partner = await PartnerAsync();
        var other = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var otherPerson = await _data.CreatePersonAsync(other.OrganisationId);
        var theirs = await _referrals.CreateReferralAsync(otherPerson, partner.Service, other.OrganisationId, other.Id, ReferralState.Submitted);

        var response = await Client(partner.Token).GetAsync(new Uri($"/api/v1/referrals/{theirs.Id}", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Post_TwiceWithTheSameIdempotencyKey_CreatesOneReferral()
    {
        var partner = await PartnerAsync();
        var client = Client(partner.Token);
        var key = Guid.NewGuid().ToString();

        var ids = new List<Guid>();
        for (var i = 0; i < 2; i++)
        {
            using var content = Referral(partner.PersonId, partner.Service.Id);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/referrals") { Content = content };
            request.Headers.Add("Idempotency-Key", key);
            var response = await client.SendAsync(request);
            response.StatusCode.ShouldBe(HttpStatusCode.Created);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            ids.Add(body.RootElement.GetProperty("id").GetGuid());
        }

        ids.Distinct().ShouldHaveSingleItem();
        (await factory.WithDbAsync(db => db.Referrals.CountAsync(r => r.PersonId == partner.PersonId))).ShouldBe(1);
    }

    [Fact]
    public async Task Post_MultipartWithoutABoundary_Is400ProblemAndWritesNothing()
    {
        var partner = await PartnerAsync();
        var before = await factory.WithDbAsync(db => db.Referrals.CountAsync());
        using var content = new ByteArrayContent(Encoding.ASCII.GetBytes("--x\r\nContent-Disposition: form-data; name=\"reason\"\r\n\r\nHelp\r\n--x--\r\n"));
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data");

        var response = await Client(partner.Token).PostAsync(new Uri("/api/v1/referrals", UriKind.Relative), content);

        await ShouldBeBadRequestProblemAsync(response);
        (await factory.WithDbAsync(db => db.Referrals.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task Post_MultipartCutShort_Is400ProblemAndWritesNothing()
    {
        var partner = await PartnerAsync();
        var before = await factory.WithDbAsync(db => db.Referrals.CountAsync());
        using var whole = Referral(partner.PersonId, partner.Service.Id, null, (DocumentTypes.ReferralForm, "form.pdf", Pdf));
        var bytes = await whole.ReadAsByteArrayAsync();
        using var content = new ByteArrayContent(bytes[..(bytes.Length - 60)]);
        content.Headers.ContentType = whole.Headers.ContentType;

        var response = await Client(partner.Token).PostAsync(new Uri("/api/v1/referrals", UriKind.Relative), content);

        await ShouldBeBadRequestProblemAsync(response);
        (await factory.WithDbAsync(db => db.Referrals.CountAsync())).ShouldBe(before);
    }

    [Theory]
    [InlineData("evil.html", "evil.pdf")]
    [InlineData("setup.exe", "setup.pdf")]
    [InlineData("..\\..\\r\u00e9port\u202Egnp.pdf\u0007", "r\u00e9portgnp.pdf")]
    public async Task Post_DocumentNamedForAnotherType_IsNamedForItsContent(string uploadedAs, string servedAs)
    {
        var partner = await PartnerAsync();
        var client = Client(partner.Token);

        using var content = Referral(partner.PersonId, partner.Service.Id, null, (DocumentTypes.Other, uploadedAs, Pdf));
        var created = await client.PostAsync(new Uri("/api/v1/referrals", UriKind.Relative), content);

        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var id = body.RootElement.GetProperty("id").GetGuid();
        using var state = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/v1/referrals/{id}", UriKind.Relative)));
        state.RootElement.GetProperty("documents")[0].GetProperty("fileName").GetString().ShouldBe(servedAs);
        var stored = await factory.WithDbAsync(db => db.ReferralDocuments.Where(d => d.ReferralId == id).Select(d => d.FileName).SingleAsync());
        stored.ShouldNotContain('\u202E');
        stored.ShouldNotContain('\u0007');
        stored.ShouldNotContain('\\');
    }

    private static async Task ShouldBeBadRequestProblemAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, text);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        using var problem = JsonDocument.Parse(text);
        problem.RootElement.GetProperty("status").GetInt32().ShouldBe(400);
        text.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheReferralEndpoints()
    {
        var document = await factory.CreateBrowser().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        document.ShouldContain("/api/v1/referrals");
        document.ShouldContain("SubmitReferral");
        document.ShouldContain("GetReferral");
    }
}
