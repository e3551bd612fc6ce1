using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Tests.Infrastructure;
using Throughcare.Tests.Pages.Episodes;

namespace Throughcare.Tests.Api;

public sealed class EpisodesApiTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    /// <summary>A partner system's client, with a token the organisation's administrator issued.</summary>
    internal static async Task<HttpClient> ClientForAsync(ThroughcareFactory factory, Guid organisationId)
    {
        var admin = await new TestData(factory).CreateUserAsync(organisationId, StaffRoles.Administrator);
        var browser = await Browser.SignInAsync(factory, admin);
        var issued = await browser.PostFormAsync("/admin/api-tokens", new() { ["Input.Name"] = "Case system" });
        issued.Status.ShouldBe(HttpStatusCode.OK);
        var client = factory.CreateBrowser();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", issued.Document.QuerySelector(".app-token").Text());
        return client;
    }

    private object Contact(EpisodeScenario scenario, string attendance = "Attended", string[]? interventions = null) => new
    {
        occurredAt = factory.Clock.GetUtcNow().AddDays(-1),
        durationMinutes = 45,
        mode = "Phone",
        strandId = scenario.EmotionalStrand.Id,
        attendance,
        interventions = interventions ?? ["motivational-interviewing"],
        pathways = new[] { "accommodation" },
        note = "Spoke on the phone",
        noteRestricted = false,
        isReengagementAttempt = false,
    };

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, EpisodeScenario scenario, object body, Guid? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/episodes/{scenario.Episode.Id}/contacts", UriKind.Relative)) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", (key ?? Guid.NewGuid()).ToString());
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Post_RecordsTheContactOnce_PerIdempotencyKey_AndGetShowsTheEpisode()
    {
        var scenario = await ContactTestData.CreateAsync(factory);
        var client = await ClientForAsync(factory, scenario.Service.OrganisationId);
        var key = Guid.NewGuid();

        var contactBody = Contact(scenario);

        var created = await PostAsync(client, scenario, contactBody, key);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        created.Headers.Location.ShouldNotBeNull();
        var again = await PostAsync(client, scenario, contactBody, key);
        again.StatusCode.ShouldBe(HttpStatusCode.Created);
        again.Headers.Location.ShouldBe(created.Headers.Location);

        var contact = await factory.WithDbAsync(db => db.Contacts.SingleAsync(c => c.EpisodeId == scenario.Episode.Id));
        var clientId = await factory.WithDbAsync(db => db.Users.Where(u => u.OrganisationId == scenario.Service.OrganisationId && u.IsIntegration).Select(u => u.Id).SingleAsync());
        contact.SubmissionId.ShouldBe(Web.Api.IdempotencyKeys.SubmissionId(clientId, key.ToString()));
        contact.Mode.ShouldBe(ContactMode.Phone);
        contact.Interventions.ShouldBe(["motivational-interviewing"]);
        (await factory.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.RecordId == contact.Id.ToString() && a.Action == AuditActions.Create))).ShouldBe(1);
        (await factory.EpisodeEventsAsync<ContactRecorded>(scenario)).ShouldHaveSingleItem().Event<ContactRecorded>().ContactId.ShouldBe(contact.Id);
        created.Headers.Location!.OriginalString.ShouldBe($"/api/v1/episodes/{scenario.Episode.Id}/contacts/{contact.Id}");
        using (var createdBody = JsonDocument.Parse(await created.Content.ReadAsStringAsync()))
        {
            createdBody.RootElement.GetProperty("location").GetString().ShouldBe(created.Headers.Location.OriginalString);
        }


        var read = await client.GetAsync(new Uri($"/api/v1/episodes/{scenario.Episode.Id}", UriKind.Relative));
        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var body = JsonDocument.Parse(await read.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("state").GetString().ShouldBe("Active");
        body.RootElement.GetProperty("service").GetString().ShouldBe(scenario.Service.Name);
        body.RootElement.GetProperty("strands").GetArrayLength().ShouldBe(2);
        body.RootElement.GetProperty("strands").EnumerateArray().Select(s => s.GetProperty("worker").GetString()).ShouldContain(scenario.EmotionalWorker.DisplayName);
        body.RootElement.GetProperty("lastContactAt").GetDateTime().ShouldBe(contact.OccurredAt, TimeSpan.FromMinutes(1));
        body.RootElement.GetProperty("atRisk").GetBoolean().ShouldBeFalse();

        var fetched = await client.GetAsync(created.Headers.Location);
        fetched.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var record = JsonDocument.Parse(await fetched.Content.ReadAsStringAsync());
        record.RootElement.GetProperty("id").GetGuid().ShouldBe(contact.Id);
        record.RootElement.GetProperty("mode").GetString().ShouldBe("Phone");
        record.RootElement.GetProperty("note").GetString().ShouldBe("Spoke on the phone");
        (await client.GetAsync(new Uri($"/api/v1/episodes/{scenario.Episode.Id}/contacts/{Guid.NewGuid()}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Post_BadInput_Answers400WithFieldMessages_AndRecordsNothing()
    {
        var scenario = await ContactTestData.CreateAsync(factory);
        var client = await ClientForAsync(factory, scenario.Service.OrganisationId);

        var response = await PostAsync(client, scenario, new
        {
            occurredAt = factory.Clock.GetUtcNow().AddDays(3),
            durationMinutes = 900,
            mode = "Telepathy",
            strandId = scenario.EmotionalStrand.Id,
            attendance = "DidNotAttend",
            interventions = new[] { "safety-planning" },
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors");
        errors.GetProperty("occurredAt")[0].GetString().ShouldBe("Date of the contact must be today or in the past");
        errors.GetProperty("durationMinutes")[0].GetString().ShouldBe("Length must be between 1 and 600 minutes");
        errors.GetProperty("mode")[0].GetString().ShouldNotBeNull().ShouldStartWith("Select how the contact took place");
        errors.GetProperty("interventions")[0].GetString().ShouldBe("Interventions can only be recorded for a contact that took place");
        (await factory.WithDbAsync(db => db.Contacts.CountAsync(c => c.EpisodeId == scenario.Episode.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task OutsiderToken_GetsNotFound_ForReadAndWrite()
    {
        var scenario = await ContactTestData.CreateAsync(factory);
        var client = await ClientForAsync(factory, scenario.Outsider.OrganisationId);

        (await client.GetAsync(new Uri($"/api/v1/episodes/{scenario.Episode.Id}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await PostAsync(client, scenario, Contact(scenario))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await factory.WithDbAsync(db => db.Contacts.CountAsync(c => c.EpisodeId == scenario.Episode.Id))).ShouldBe(0);
        (await factory.CreateBrowser().GetAsync(new Uri($"/api/v1/episodes/{scenario.Episode.Id}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task EpisodeAndAppointmentEndpoints_AreInTheOpenApiDocument()
    {
        var response = await factory.CreateBrowser().GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths");
        paths.GetProperty("/api/v1/episodes/{episodeId}").TryGetProperty("get", out _).ShouldBeTrue();
        paths.GetProperty("/api/v1/episodes/{episodeId}/contacts").TryGetProperty("post", out _).ShouldBeTrue();
        paths.GetProperty("/api/v1/episodes/{episodeId}/contacts/{contactId}").TryGetProperty("get", out _).ShouldBeTrue();
        paths.GetProperty("/api/v1/people/{personId}/appointments").TryGetProperty("get", out _).ShouldBeTrue();
        paths.GetProperty("/api/v1/episodes/{episodeId}/appointments").TryGetProperty("post", out _).ShouldBeTrue();
        paths.GetProperty("/api/v1/episodes/{episodeId}/appointments/{appointmentId}").TryGetProperty("get", out _).ShouldBeTrue();
    }
}
