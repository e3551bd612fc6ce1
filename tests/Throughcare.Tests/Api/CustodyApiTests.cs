using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Custody;
using Throughcare.Core.Domain.Journeys;
using Throughcare.Core.Domain.Organisations;
using Throughcare.Core.Domain.People;
using Throughcare.Tests.Infrastructure;

namespace Throughcare.Tests.Api;

/// <summary>/api/v1/people/{id}/custody-periods, /api/v1/custody-periods/{id} and /api/v1/people/{id}/milestones: custody with the pages' rules.</summary>
public sealed class CustodyApiTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private sealed record Scenario(HttpClient Client, Guid ProbationId, Guid PersonId, Guid PrisonId, Guid OtherPrisonId);

    private async Task<Scenario> CreateAsync()
    {
        var data = new TestData(factory);
        var probation = await data.CreateOrganisationAsync();
        var prison = await data.CreateOrganisationAsync(OrganisationKind.Prison);
        var otherPrison = await data.CreateOrganisationAsync(OrganisationKind.Prison);
        var personId = await data.CreatePersonAsync(probation.Id);
        return new Scenario(await EpisodesApiTests.ClientForAsync(factory, probation.Id), probation.Id, personId, prison.Id, otherPrison.Id);
    }

    private DateOnly ReceptionOn => factory.Today.AddDays(-30);

    private DateOnly ExpectedRelease => factory.Today.AddDays(120);

    private object Period(Scenario s) => new
    {
        prisonId = s.PrisonId,
        receptionOn = ReceptionOn,
        sentenceType = "Determinate",
        sentenceOn = ReceptionOn,
        sentenceLengthMonths = 8,
        keyDates = new { conditionalRelease = ExpectedRelease, expectedRelease = ExpectedRelease },
        releaseBorough = "camden",
    };

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, Guid personId, object body, Guid? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/people/{personId}/custody-periods", UriKind.Relative)) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", (key ?? Guid.NewGuid()).ToString());
        return await client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> PatchAsync(HttpClient client, Guid periodId, object body, string? ifMatch, Guid? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, new Uri($"/api/v1/custody-periods/{periodId}", UriKind.Relative)) { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key.ToString());
        }

        return await client.SendAsync(request);
    }

    /// <summary>A period recorded through the API, and the ETag a change sends back.</summary>
    private async Task<(Guid Id, string ETag)> RecordAsync(Scenario s)
    {
        var created = await PostAsync(s.Client, s.PersonId, Period(s));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var one = await s.Client.GetAsync(created.Headers.Location);
        return (id, one.Headers.ETag!.Tag);
    }

    private Task<CustodyPeriod> PeriodAsync(Guid id) =>
        factory.WithDbAsync(db => db.CustodyPeriods.AsNoTracking().Include(p => p.Moves).Include(p => p.KeyDateChanges).SingleAsync(p => p.Id == id));

    private static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
    }

    [Fact]
    public async Task Post_RecordsOnce_PerIdempotencyKey_GivingThePrisonARole_AndTheJourney()
    {
        var s = await CreateAsync();
        var key = Guid.NewGuid();

        var created = await PostAsync(s.Client, s.PersonId, Period(s), key);
        var again = await PostAsync(s.Client, s.PersonId, Period(s), key);

        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        again.StatusCode.ShouldBe(HttpStatusCode.Created);
        again.Headers.Location.ShouldBe(created.Headers.Location);
        var period = await factory.WithDbAsync(db => db.CustodyPeriods.SingleAsync(p => p.PersonId == s.PersonId));
        (period.ReceptionPrisonId, period.ReceptionOn, period.SentenceType, period.SentenceLengthMonths, period.ExpectedReleaseOn, period.ReleaseBorough)
            .ShouldBe((s.PrisonId, ReceptionOn, SentenceType.Determinate, (int?)8, (DateOnly?)ExpectedRelease, "camden"));
        created.Headers.Location!.OriginalString.ShouldBe($"/api/v1/custody-periods/{period.Id}");
        (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("location").GetString().ShouldBe(created.Headers.Location.OriginalString);
        (await factory.WithDbAsync(db => db.PersonCareRoles.CountAsync(r => r.PersonId == s.PersonId && r.OrganisationId == s.PrisonId && r.Kind == CareRoleKind.Custody))).ShouldBe(1);
        (await factory.WithDbAsync(db => db.Milestones.CountAsync(m => m.PersonId == s.PersonId))).ShouldBe(ShippedJourney.Milestones.Count);
        (await factory.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.RecordId == period.Id.ToString() && a.Action == AuditActions.Create))).ShouldBe(1);

        var one = await s.Client.GetAsync(created.Headers.Location);
        one.StatusCode.ShouldBe(HttpStatusCode.OK);
        one.Headers.ETag!.Tag.ShouldBe($"\"{period.Version}\"");
        var body = await one.Content.ReadFromJsonAsync<JsonElement>();
        (body.GetProperty("id").GetGuid(), body.GetProperty("prisonId").GetGuid(), body.GetProperty("currentPrisonId").GetGuid(), body.GetProperty("sentenceType").GetString())
            .ShouldBe((period.Id, s.PrisonId, s.PrisonId, "Determinate"));
        body.GetProperty("keyDates").GetProperty("expectedRelease").GetString().ShouldBe(ExpectedRelease.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        body.GetProperty("keyDates").GetProperty("paroleEligibility").ValueKind.ShouldBe(JsonValueKind.Null);
        body.GetProperty("version").GetGuid().ShouldBe(period.Version);

        using var list = JsonDocument.Parse(await s.Client.GetStringAsync(new Uri($"/api/v1/people/{s.PersonId}/custody-periods", UriKind.Relative)));
        list.RootElement.EnumerateArray().ShouldHaveSingleItem().GetProperty("id").GetGuid().ShouldBe(period.Id);
    }

    [Fact]
    public async Task Post_BadInput_AnswersEveryErrorUnderItsField_AndWritesNothing()
    {
        var s = await CreateAsync();

        var response = await PostAsync(s.Client, s.PersonId, new
        {
            receptionOn = factory.Today.AddDays(10),
            sentenceType = "Hanging",
            keyDates = new { expectedRelease = factory.Today.AddDays(5) },
            releaseBorough = "atlantis",
            accommodation = "Castle",
        });

        var errors = await ErrorsAsync(response);
        errors.GetProperty("prisonId")[0].GetString().ShouldBe("Select the prison that received them");
        errors.GetProperty("receptionOn")[0].GetString().ShouldBe("Reception date must be today or in the past");
        errors.GetProperty("sentenceType")[0].GetString()!.ShouldStartWith("Select the type of sentence: one of Remand, Determinate");
        errors.GetProperty("keyDates.expectedRelease")[0].GetString()!.ShouldStartWith("Expected release date must be on or after the reception date");
        errors.GetProperty("releaseBorough")[0].GetString().ShouldBe("Select a borough from the list");
        errors.GetProperty("accommodation")[0].GetString()!.ShouldStartWith("Select the accommodation on release: one of");
        (await factory.WithDbAsync(db => db.CustodyPeriods.CountAsync(p => p.PersonId == s.PersonId))).ShouldBe(0);
        (await factory.WithDbAsync(db => db.Milestones.CountAsync(m => m.PersonId == s.PersonId))).ShouldBe(0);
    }

    [Fact]
    public async Task GetMilestones_ListsTheJourneyInOrder_WithWhereEachStandsToday()
    {
        var s = await CreateAsync();
        var (periodId, _) = await RecordAsync(s);

        using var list = JsonDocument.Parse(await s.Client.GetStringAsync(new Uri($"/api/v1/people/{s.PersonId}/milestones", UriKind.Relative)));

        var milestones = list.RootElement.EnumerateArray().ToList();
        milestones.Select(m => m.GetProperty("code").GetString()!).ShouldBe(ShippedJourney.Milestones.OrderBy(d => d.Order).Select(d => d.Code));
        milestones.ShouldAllBe(m => m.GetProperty("custodyPeriodId").GetGuid() == periodId);
        var firstNight = milestones.Single(m => m.GetProperty("code").GetString() == ShippedJourney.FirstNight);
        (firstNight.GetProperty("standing").GetString(), firstNight.GetProperty("overdue").GetBoolean(), firstNight.GetProperty("state").GetString())
            .ShouldBe(("Overdue", true, "Open"));
        var definition = await factory.WithDbAsync(db => db.MilestoneDefinitions.SingleAsync(d => d.TemplateId == ShippedJourney.TemplateId && d.Code == ShippedJourney.FirstNight));
        (firstNight.GetProperty("ownerKind").GetString(), firstNight.GetProperty("owner").GetString()).ShouldBe((definition.OwnerKind.ToString(), definition.Owner));
        var housing = milestones.Single(m => m.GetProperty("code").GetString() == ShippedJourney.EmergencyHousing);
        (housing.GetProperty("standing").GetString(), housing.GetProperty("overdue").GetBoolean()).ShouldBe(("Due", false));
        housing.GetProperty("dueOn").GetString().ShouldBe(ExpectedRelease.AddDays(-28).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        milestones.Single(m => m.GetProperty("code").GetString() == ShippedJourney.ReleaseAppointment).GetProperty("standing").GetString().ShouldBe("Waiting");
        (await factory.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.RecordType == AuditRecordTypes.Person && a.RecordId == s.PersonId.ToString() && a.Action == AuditActions.View)))
            .ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Patch_WithoutIfMatch_Answers428_AndWithAStaleOne412_ChangingNothing()
    {
        var s = await CreateAsync();
        var (periodId, _) = await RecordAsync(s);
        var before = await PeriodAsync(periodId);
        var change = new { keyDates = new { expectedRelease = factory.Today.AddDays(200) }, reason = "Sentence recalculated" };

        (await PatchAsync(s.Client, periodId, change, ifMatch: null)).StatusCode.ShouldBe(HttpStatusCode.PreconditionRequired);
        (await PatchAsync(s.Client, periodId, change, ifMatch: $"\"{Guid.NewGuid()}\"")).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);

        var after = await PeriodAsync(periodId);
        (after.Version, after.ExpectedReleaseOn).ShouldBe((before.Version, before.ExpectedReleaseOn));
        after.KeyDateChanges.ShouldBeEmpty();
    }

    [Fact]
    public async Task Patch_ExpectedRelease_RedatesTheReleaseMilestones_AndKeepsTheChangeWithItsReason()
    {
        var s = await CreateAsync();
        var (periodId, etag) = await RecordAsync(s);
        var moved = factory.Today.AddDays(200);

        var response = await PatchAsync(s.Client, periodId, new { keyDates = new { expectedRelease = moved }, reason = "Sentence recalculated" }, etag);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var period = await PeriodAsync(periodId);
        (period.ExpectedReleaseOn, period.ConditionalReleaseOn, period.ReleaseBorough).ShouldBe((moved, ExpectedRelease, "camden"));
        response.Headers.ETag!.Tag.ShouldBe($"\"{period.Version}\"");
        response.Headers.ETag.Tag.ShouldNotBe(etag);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("keyDates").GetProperty("conditionalRelease").GetString().ShouldNotBeNull();
        var change = period.KeyDateChanges.ShouldHaveSingleItem();
        (change.KeyDate, change.From, change.To, change.Reason).ShouldBe((KeyDate.ExpectedRelease, (DateOnly?)ExpectedRelease, (DateOnly?)moved, "Sentence recalculated"));
        var housing = await factory.WithDbAsync(db => db.Milestones.Where(m => m.CustodyPeriodId == periodId)
            .Join(db.MilestoneDefinitions, m => m.DefinitionId, d => d.Id, (m, d) => new { m, d.Code })
            .Where(x => x.Code == ShippedJourney.EmergencyHousing).Select(x => x.m).SingleAsync());
        (housing.DueOn, housing.Applies).ShouldBe((moved.AddDays(-28), true));
    }

    [Fact]
    public async Task Patch_KeyDateSetToNull_ClearsIt_AndBadChangesAnswer400()
    {
        var s = await CreateAsync();
        var (periodId, etag) = await RecordAsync(s);

        (await ErrorsAsync(await PatchAsync(s.Client, periodId, new { keyDates = new { conditionalRelease = (DateOnly?)null } }, etag)))
            .GetProperty("reason")[0].GetString().ShouldBe(CustodyRules.ReasonRequired);
        (await ErrorsAsync(await PatchAsync(s.Client, periodId, new { reason = "Nothing else" }, etag))).GetProperty("body")[0].GetString()!.ShouldStartWith("Send exactly one change");
        (await ErrorsAsync(await PatchAsync(s.Client, periodId, new { releaseBorough = "camden", move = new { toPrisonId = s.OtherPrisonId } }, etag)))
            .GetProperty("body").GetArrayLength().ShouldBe(1);
        (await ErrorsAsync(await PatchAsync(s.Client, periodId, new { keyDates = new { parole = factory.Today } }, etag))).GetProperty("keyDates.parole").GetArrayLength().ShouldBe(1);
        var errors = await ErrorsAsync(await PatchAsync(s.Client, periodId, new { keyDates = new { licenceExpiry = ReceptionOn.AddDays(-1) }, accommodation = "Shed" }, etag));
        errors.GetProperty("keyDates.licenceExpiry")[0].GetString()!.ShouldStartWith("Licence expiry date must be on or after the reception date");
        errors.GetProperty("accommodation")[0].GetString()!.ShouldStartWith("Select the accommodation on release: one of");
        (await PeriodAsync(periodId)).Version.ShouldBe(Guid.Parse(etag.Trim('"')));

        var cleared = await PatchAsync(s.Client, periodId, new { keyDates = new { conditionalRelease = (DateOnly?)null }, reason = "Not eligible", accommodation = "Settled" }, etag);

        cleared.StatusCode.ShouldBe(HttpStatusCode.OK, await cleared.Content.ReadAsStringAsync());
        var period = await PeriodAsync(periodId);
        (period.ConditionalReleaseOn, period.ExpectedReleaseOn, period.Accommodation).ShouldBe((null, ExpectedRelease, ReleaseAccommodation.Settled));
        period.KeyDateChanges.ShouldHaveSingleItem().KeyDate.ShouldBe(KeyDate.ConditionalRelease);
    }

    [Fact]
    public async Task Patch_Move_ChangesTheCurrentPrison_AndARetryWithTheSameKeyGetsTheSameAnswer()
    {
        var s = await CreateAsync();
        var (periodId, etag) = await RecordAsync(s);
        var move = new { move = new { toPrisonId = s.OtherPrisonId, movedOn = factory.Today.AddDays(-5), reason = "Transfer" } };
        var key = Guid.NewGuid();

        var response = await PatchAsync(s.Client, periodId, move, etag, key);
        var retried = await PatchAsync(s.Client, periodId, move, etag, key);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("currentPrisonId").GetGuid().ShouldBe(s.OtherPrisonId);
        retried.StatusCode.ShouldBe(HttpStatusCode.OK);
        var period = await PeriodAsync(periodId);
        (period.CurrentPrisonId, period.Moves.ShouldHaveSingleItem().Reason).ShouldBe((s.OtherPrisonId, MoveReason.Transfer));
        (await factory.WithDbAsync(db => db.PersonCareRoles.CountAsync(r => r.PersonId == s.PersonId && r.OrganisationId == s.OtherPrisonId && r.Kind == CareRoleKind.Custody))).ShouldBe(1);

        var stale = await PatchAsync(s.Client, periodId, new { move = new { toPrisonId = s.PrisonId, movedOn = factory.Today, reason = "Transfer" } }, etag);
        stale.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        var invalid = await PatchAsync(s.Client, periodId, new { move = new { toPrisonId = s.OtherPrisonId, movedOn = factory.Today.AddDays(1), reason = "Sideways" } }, response.Headers.ETag!.Tag);
        var errors = await ErrorsAsync(invalid);
        errors.GetProperty("move.toPrisonId")[0].GetString().ShouldBe("Select a prison other than the one they are in");
        errors.GetProperty("move.movedOn")[0].GetString().ShouldBe("Date of the move must be today or in the past");
        errors.GetProperty("move.reason")[0].GetString()!.ShouldStartWith("Select why they moved: one of");
    }

    [Fact]
    public async Task Patch_Release_RecordsTheReleaseDate()
    {
        var s = await CreateAsync();
        var (periodId, etag) = await RecordAsync(s);

        var response = await PatchAsync(s.Client, periodId,
            new { release = new { releasedOn = factory.Today, kind = "AutomaticOnLicence", accommodation = "Settled", releaseBorough = "hackney" } }, etag);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        (body.GetProperty("releaseKind").GetString(), body.GetProperty("releaseBorough").GetString(), body.GetProperty("accommodation").GetString())
            .ShouldBe(("AutomaticOnLicence", "hackney", "Settled"));
        var period = await PeriodAsync(periodId);
        (period.ReleasedOn, period.ReleaseKind).ShouldBe((factory.Today, ReleaseKind.AutomaticOnLicence));

        var again = await PatchAsync(s.Client, periodId,
            new { release = new { releasedOn = factory.Today, kind = "Parole", accommodation = "Settled", releaseBorough = "hackney" } }, response.Headers.ETag!.Tag);
        (await ErrorsAsync(again)).GetProperty("custody period")[0].GetString().ShouldBe("Their release is recorded already");
    }

    [Fact]
    public async Task OrganisationWithNoRoleInTheirCare_GetsNotFound_Everywhere()
    {
        var s = await CreateAsync();
        var (periodId, etag) = await RecordAsync(s);
        var outsider = await new TestData(factory).CreateOrganisationAsync();
        var client = await EpisodesApiTests.ClientForAsync(factory, outsider.Id);
        var before = await PeriodAsync(periodId);

        (await client.GetAsync(new Uri($"/api/v1/people/{s.PersonId}/custody-periods", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync(new Uri($"/api/v1/people/{s.PersonId}/milestones", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync(new Uri($"/api/v1/custody-periods/{periodId}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await PostAsync(client, s.PersonId, Period(s))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await PatchAsync(client, periodId, new { keyDates = new { expectedRelease = factory.Today.AddDays(200) }, reason = "Guess" }, etag)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await factory.WithDbAsync(db => db.CustodyPeriods.CountAsync(p => p.PersonId == s.PersonId))).ShouldBe(1);
        (await PeriodAsync(periodId)).Version.ShouldBe(before.Version);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheChange_WithItsIfMatchAndIdempotencyKeyHeaders()
    {
        using var document = JsonDocument.Parse(await factory.CreateBrowser().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        var paths = document.RootElement.GetProperty("paths");
        paths.GetProperty("/api/v1/people/{personId}/custody-periods").GetProperty("post").GetProperty("tags")[0].GetString().ShouldBe("Custody");
        paths.GetProperty("/api/v1/people/{personId}/milestones").TryGetProperty("get", out _).ShouldBeTrue();
        var headers = paths.GetProperty("/api/v1/custody-periods/{custodyPeriodId}").GetProperty("patch").GetProperty("parameters").EnumerateArray()
            .Where(p => p.GetProperty("in").GetString() == "header").Select(p => p.GetProperty("name").GetString()).ToList();
        headers.ShouldBe(["Idempotency-Key", "If-Match"], ignoreOrder: true);
    }
}
