using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Tests.Infrastructure;
using Throughcare.Tests.Pages.Episodes;
using Throughcare.Web.Api;

namespace Throughcare.Tests.Api;

/// <summary>The Idempotency-Key header on every API POST, as the IETF draft describes it.</summary>
public sealed class IdempotencyKeyTests(IdempotencyKeyTests.Factory factory) : IClassFixture<IdempotencyKeyTests.Factory>
{
    /// <summary>Here a retry of a key still in flight waits a little for the first (the setting is zero by default), then gets 409.</summary>
    public sealed class Factory : ThroughcareFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Throughcare:Api:IdempotencyWait"] = "00:00:00.3" };
    }

    private sealed record Caller(EpisodeScenario Scenario, HttpClient Client, Guid ClientId);

    private async Task<Caller> CallerAsync()
    {
        var scenario = await ContactTestData.CreateAsync(factory);
        var client = await EpisodesApiTests.ClientForAsync(factory, scenario.Service.OrganisationId);
        var clientId = await factory.WithDbAsync(db => db.Users.Where(u => u.OrganisationId == scenario.Service.OrganisationId && u.IsIntegration).Select(u => u.Id).SingleAsync());
        return new Caller(scenario, client, clientId);
    }

    private string Path(Caller caller) => $"/api/v1/episodes/{caller.Scenario.Episode.Id}/contacts";

    private byte[] Contact(Caller caller, string note = "Spoke on the phone") =>
        JsonSerializer.SerializeToUtf8Bytes(ContactTestData.ApiContact(caller.Scenario, factory.Clock.GetUtcNow().AddDays(-1), note: note));

    private async Task<(HttpStatusCode Status, string? Location, string Body)> PostAsync(Caller caller, string? key, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, Path(caller)) { Content = content };
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation(IdempotencyKeys.Header, key);
        }

        using var response = await caller.Client.SendAsync(request);
        return (response.StatusCode, response.Headers.Location?.OriginalString, await response.Content.ReadAsStringAsync());
    }

    private Task<int> ContactsAsync(Caller caller) => factory.WithDbAsync(db => db.Contacts.CountAsync(c => c.EpisodeId == caller.Scenario.Episode.Id));

    [Fact]
    public async Task Keys_AreForgottenADayAfterFirstUse_AndARetryAfterThatStillLandsOnItsFirstRecord()
    {
        var caller = await CallerAsync();
        var old = Contact(caller, note: "The first contact");
        var first = await PostAsync(caller, "yesterday", old);
        first.Status.ShouldBe(HttpStatusCode.Created, first.Body);
        factory.Clock.Advance(TimeSpan.FromHours(25));
        (await PostAsync(caller, "today", Contact(caller, note: "The second contact"))).Status.ShouldBe(HttpStatusCode.Created);

        // The clock moving on a day fires the hourly sweep too; sweeping again finds nothing more to forget.
        await factory.Services.GetRequiredService<IdempotencySweeper>().SweepAsync(CancellationToken.None);

        var kept = await factory.WithDbAsync(db => db.Set<IdempotencyRecord>().Where(r => r.ClientId == caller.ClientId).Select(r => r.Key).ToListAsync());
        kept.ShouldBe(["today"]);
        var retried = await PostAsync(caller, "yesterday", old);
        ((int)retried.Status).ShouldBeInRange(200, 201, retried.Body);
        retried.Location.ShouldBe(first.Location);
        (await ContactsAsync(caller)).ShouldBe(2);
    }

    [Fact]
    public async Task Post_ThreeRetriesWithAKeyThatIsNotAGuid_RecordOneContact()
    {
        var caller = await CallerAsync();
        var body = Contact(caller);

        for (var i = 0; i < 3; i++)
        {
            (await PostAsync(caller, "order-2026-11-30/contact#1", body)).Status.ShouldBe(HttpStatusCode.Created);
        }

        (await ContactsAsync(caller)).ShouldBe(1);
    }

    [Fact]
    public async Task Post_SameKeyAndBody_ReplaysTheFirstAnswer_StatusLocationAndBody()
    {
        var caller = await CallerAsync();
        var body = Contact(caller);

        var first = await PostAsync(caller, "retry-me", body);
        var again = await PostAsync(caller, "retry-me", body);

        first.Status.ShouldBe(HttpStatusCode.Created, first.Body);
        again.ShouldBe(first);
        first.Location.ShouldNotBeNull();
        (await ContactsAsync(caller)).ShouldBe(1);
    }

    [Fact]
    public async Task Post_SameKeyWithADifferentBody_Is422_AndRecordsNothingMore()
    {
        var caller = await CallerAsync();
        (await PostAsync(caller, "one-key", Contact(caller))).Status.ShouldBe(HttpStatusCode.Created);

        var reused = await PostAsync(caller, "one-key", Contact(caller, note: "A different contact altogether"));

        reused.Status.ShouldBe(HttpStatusCode.UnprocessableEntity, reused.Body);
        reused.Body.ShouldContain("different request");
        (await ContactsAsync(caller)).ShouldBe(1);
        (await factory.WithDbAsync(db => db.Contacts.SingleAsync(c => c.EpisodeId == caller.Scenario.Episode.Id))).Note.ShouldBe("Spoke on the phone");
    }

    [Fact]
    public async Task Post_ReferralWithAReusedKey_ToAnotherService_Is422_AndSendsOnlyTheFirst()
    {
        var partner = await ReferralsApiTests.PartnerAsync(factory);
        var otherService = await new ReferralTestData(factory).CreateServiceAsync(partner.Service.OrganisationId);
        var client = ReferralsApiTests.Client(factory, partner.Token);

        async Task<HttpStatusCode> SendAsync(Guid serviceId)
        {
            using var content = ReferralsApiTests.Referral(partner.PersonId, serviceId);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/referrals") { Content = content };
            request.Headers.Add(IdempotencyKeys.Header, "referral-1");
            return (await client.SendAsync(request)).StatusCode;
        }

        (await SendAsync(partner.Service.Id)).ShouldBe(HttpStatusCode.Created);
        (await SendAsync(otherService.Id)).ShouldBe(HttpStatusCode.UnprocessableEntity);

        (await factory.WithDbAsync(db => db.Referrals.Where(r => r.PersonId == partner.PersonId).Select(r => r.ServiceId).ToListAsync()))
            .ShouldHaveSingleItem().ShouldBe(partner.Service.Id);
    }

    [Fact]
    public async Task Post_SameKeyFromAnotherClient_IsThatClientsOwn()
    {
        var first = await ReferralsApiTests.PartnerAsync(factory);
        var second = await ReferralsApiTests.PartnerAsync(factory);

        foreach (var partner in new[] { first, second })
        {
            using var content = ReferralsApiTests.Referral(partner.PersonId, partner.Service.Id);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/referrals") { Content = content };
            request.Headers.Add(IdempotencyKeys.Header, "shared-key");
            (await ReferralsApiTests.Client(factory, partner.Token).SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        (await factory.WithDbAsync(db => db.Referrals.CountAsync(r => r.PersonId == first.PersonId || r.PersonId == second.PersonId))).ShouldBe(2);
    }

    [Fact]
    public async Task Post_KeyTooLongOrWithAControlCharacter_Is400_AndRecordsNothing()
    {
        var caller = await CallerAsync();

        foreach (var key in new[] { new string('k', IdempotencyKeys.MaxLength + 1), "tab\there" })
        {
            var response = await PostAsync(caller, key, Contact(caller));

            response.Status.ShouldBe(HttpStatusCode.BadRequest, response.Body);
            response.Body.ShouldContain("255 printable ASCII characters");
        }

        (await ContactsAsync(caller)).ShouldBe(0);
    }

    [Fact]
    public async Task Post_KeyOfTheLongestLength_IsHonoured()
    {
        var caller = await CallerAsync();
        var key = new string('k', IdempotencyKeys.MaxLength);
        var body = Contact(caller);

        (await PostAsync(caller, key, body)).Status.ShouldBe(HttpStatusCode.Created);
        (await PostAsync(caller, key, body)).Status.ShouldBe(HttpStatusCode.Created);

        (await ContactsAsync(caller)).ShouldBe(1);
    }

    [Fact]
    public async Task Post_KeyStillInFlight_Is409_AndRecordsNothing()
    {
        var caller = await CallerAsync();
        var body = Contact(caller);
        await InFlightAsync(caller, "busy-key", body, leaseUntil: factory.UtcNow.AddMinutes(1));

        var response = await PostAsync(caller, "busy-key", body);

        response.Status.ShouldBe(HttpStatusCode.Conflict, response.Body);
        response.Body.ShouldContain("still being handled");
        (await ContactsAsync(caller)).ShouldBe(0);
    }

    [Fact]
    public async Task Post_KeyLeftInFlightByACrashedProcess_IsTakenOverAfterItsLease_AndCompletes()
    {
        var caller = await CallerAsync();
        var body = Contact(caller);
        await InFlightAsync(caller, "crashed-key", body, leaseUntil: factory.UtcNow.AddSeconds(-1));

        var response = await PostAsync(caller, "crashed-key", body);

        response.Status.ShouldBe(HttpStatusCode.Created, response.Body);
        (await ContactsAsync(caller)).ShouldBe(1);
        (await PostAsync(caller, "crashed-key", body)).ShouldBe(response);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheHeader_OnEveryPost()
    {
        var response = await factory.CreateBrowser().GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var posts = document.RootElement.GetProperty("paths").EnumerateObject()
            .Where(p => p.Value.TryGetProperty("post", out _)).Select(p => p.Value.GetProperty("post")).ToList();
        posts.Count.ShouldBe(5, "referrals, contacts, appointments on an episode and outside one, and custody periods");
        posts.ShouldAllBe(post => post.GetProperty("parameters").EnumerateArray()
            .Any(p => p.GetProperty("name").GetString() == IdempotencyKeys.Header && p.GetProperty("in").GetString() == "header"));
    }

    private Task InFlightAsync(Caller caller, string key, byte[] body, DateTime leaseUntil) => factory.WithDbAsync(async db =>
    {
        using var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes($"POST\n{Path(caller)}\n"));
        sha.AppendData(body);
        db.Set<IdempotencyRecord>().Add(new IdempotencyRecord
        {
            ClientId = caller.ClientId,
            Key = key,
            Fingerprint = Convert.ToHexStringLower(sha.GetHashAndReset()),
            State = IdempotencyState.InFlight,
            LeaseUntil = leaseUntil,
            CreatedAt = factory.UtcNow,
        });
        return await db.SaveChangesAsync();
    });
}
