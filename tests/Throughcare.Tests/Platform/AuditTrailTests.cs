using System.Net;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Audit;
using Throughcare.Tests.Infrastructure;
using Throughcare.Web.Infrastructure;

namespace Throughcare.Tests.Platform;

/// <summary>The audit trail: complete for person reads and writes, append-only, and hash-chained so tampering shows.</summary>
public sealed class AuditTrailTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private readonly TestData _data = new(factory);

    [Fact]
    public async Task ViewingAPerson_RecordsWhoWhatWhenAndTheCorrelationId()
    {
        var user = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var personId = await _data.CreatePersonAsync(user.OrganisationId);
        var browser = await Browser.SignInAsync(factory, user);

        var page = await browser.GetAsync($"/people/{personId}");

        page.Status.ShouldBe(HttpStatusCode.OK);
        var correlationId = page.Response.Headers.GetValues("X-Correlation-Id").Single();
        var audit = await factory.WithDbAsync(db => db.AuditEvents.SingleAsync(a => a.PersonId == personId && a.Action == AuditActions.View));
        audit.UserId.ShouldBe(user.Id);
        audit.UserName.ShouldBe(user.Email);
        audit.OrganisationId.ShouldBe(user.OrganisationId);
        audit.Role.ShouldBe(StaffRoles.Practitioner);
        audit.RecordType.ShouldBe(AuditRecordTypes.Person);
        audit.RecordId.ShouldBe(personId.ToString());
        audit.Outcome.ShouldBe(AuditOutcome.Success);
        audit.CorrelationId.ShouldBe(correlationId);
        audit.OccurredAt.ShouldBe(factory.UtcNow, TimeSpan.FromMinutes(1));
    }

    [Theory]
    [InlineData("partner-request-42", "partner-request-42")]
    [InlineData("0123456789abcdef0123456789abcdef", "0123456789abcdef0123456789abcdef")]
    [InlineData("<script>alert(1)</script> ' OR 1=1", "scriptalert1/scriptOR11")]
    public async Task ViewingAPerson_WithTheCallersRequestId_AuditsOurCorrelationIdAndKeepsTheirsApart(string supplied, string kept)
    {
        var user = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var personId = await _data.CreatePersonAsync(user.OrganisationId);
        var browser = await Browser.SignInAsync(factory, user);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/people/{personId}");
        request.Headers.TryAddWithoutValidation("X-Correlation-Id", supplied);

        var response = await browser.Client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var correlationId = response.Headers.GetValues("X-Correlation-Id").Single();
        correlationId.ShouldNotBe(supplied);
        correlationId.ShouldNotBe(kept);
        var audit = await factory.WithDbAsync(db => db.AuditEvents.SingleAsync(a => a.PersonId == personId && a.Action == AuditActions.View));
        audit.CorrelationId.ShouldBe(correlationId);
        audit.ClientRequestId.ShouldBe(kept);
    }

    [Fact]
    public async Task ClientRequestId_IsBoundedAndLeftOutWhenNothingUsableIsSent()
    {
        var user = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var first = await _data.CreatePersonAsync(user.OrganisationId);
        var second = await _data.CreatePersonAsync(user.OrganisationId);
        var browser = await Browser.SignInAsync(factory, user);

        foreach (var (personId, supplied) in new[] { (first, new string('a', 5000)), (second, "\"<>\"") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/people/{personId}");
            request.Headers.TryAddWithoutValidation("X-Correlation-Id", supplied);
            (await browser.Client.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var audits = await factory.WithDbAsync(db => db.AuditEvents.Where(a => (a.PersonId == first || a.PersonId == second) && a.Action == AuditActions.View).ToListAsync());
        audits.Single(a => a.PersonId == first).ClientRequestId.ShouldBe(new string('a', 64));
        audits.Single(a => a.PersonId == second).ClientRequestId.ShouldBeNull();
        (await factory.WithDbAsync(db => MaintenanceCommands.VerifyAuditChainAsync(db, CancellationToken.None))).FirstBreak.ShouldBeNull();
    }

    [Fact]
    public async Task EveryPersonReadAndWrite_LeavesExactlyOneAuditRowEach()
    {
        var user = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var browser = await Browser.SignInAsync(factory, user);
        var family = TestData.Unique("Auditperson").Replace(" ", "", StringComparison.Ordinal);
        var created = await browser.PostFormAsync("/people/new", new()
        {
            ["Input.GivenName"] = "Ada",
            ["Input.FamilyName"] = family,
            ["Input.DateOfBirth.Day"] = "1",
            ["Input.DateOfBirth.Month"] = "6",
            ["Input.DateOfBirth.Year"] = "1980",
            ["Input.IsPpo"] = "no",
            ["SubmissionId"] = Guid.NewGuid().ToString(),
        });
        var personId = Guid.Parse(created.Location!.Split('/', '?')[2]);

        await browser.GetAsync($"/people/{personId}");
        await browser.GetAsync($"/people/{personId}/history");
        await browser.PostFormAndFollowAsync("/people", new() { ["Input.Name"] = family });
        var edit = await browser.GetAsync($"/people/{personId}/edit");
        var version = edit.Document.QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        var token = edit.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        await browser.PostRawAsync($"/people/{personId}/edit", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.GivenName"] = "Ada",
            ["Input.FamilyName"] = family,
            ["Input.DateOfBirth.Day"] = "1",
            ["Input.DateOfBirth.Month"] = "6",
            ["Input.DateOfBirth.Year"] = "1980",
            ["Input.Borough"] = "hackney",
            ["Input.IsPpo"] = "no",
            ["Version"] = version,
        });

        var actions = await factory.WithDbAsync(db => db.AuditEvents.Where(a => a.PersonId == personId).OrderBy(a => a.Sequence).Select(a => a.Action).ToListAsync());
        actions.ShouldBe([AuditActions.Create, AuditActions.View, AuditActions.ViewHistory, AuditActions.SearchResult, AuditActions.View, AuditActions.Update]);
    }

    [Fact]
    public async Task Chain_IsIntact_AfterConcurrentWrites()
    {
        var user = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        var personId = await _data.CreatePersonAsync(user.OrganisationId);
        var browsers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Browser.SignInAsync(factory, user)));

        var pages = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => browsers[i % 4].GetAsync($"/people/{personId}")));

        pages.ShouldAllBe(p => p.Status == HttpStatusCode.OK);
        var (count, firstBreak) = await factory.WithDbAsync(db => MaintenanceCommands.VerifyAuditChainAsync(db, CancellationToken.None));
        firstBreak.ShouldBeNull();
        var sequences = await factory.WithDbAsync(db => db.AuditEvents.OrderBy(a => a.Sequence).Select(a => a.Sequence).ToListAsync());
        sequences.ShouldBe(Enumerable.Range(1, sequences.Count).Select(i => (long)i));
        count.ShouldBe(sequences.Count);
    }

    [Fact]
    public async Task AuditRows_CannotBeUpdatedOrDeleted()
    {
        var user = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        await _data.CreatePersonAsync(user.OrganisationId);

        var update = await Should.ThrowAsync<Exception>(() => factory.WithDbAsync(db =>
            db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEvents\" SET \"Action\" = 'edited'")));
        var delete = await Should.ThrowAsync<Exception>(() => factory.WithDbAsync(db =>
            db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEvents\"")));

        update.Message.ShouldContain("append-only");
        delete.Message.ShouldContain("append-only");
        if (TestDatabase.IsPostgres)
        {
            // With CASCADE: a plain TRUNCATE is already refused by the foreign key of the partnership actions, and the
            // trigger must refuse even the form that would get past it.
            (await Should.ThrowAsync<Exception>(() => factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("TRUNCATE \"AuditEvents\" CASCADE"))))
                .Message.ShouldContain("append-only");
        }
    }
}

/// <summary>Tampering needs the triggers removed, so it runs on a database of its own.</summary>
public sealed class AuditTamperTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private readonly TestData _data = new(factory);

    [Fact]
    public async Task EditingOneRow_IsDetectedByVerification()
    {
        var user = await _data.CreateStaffAsync(StaffRoles.Practitioner);
        for (var i = 0; i < 5; i++)
        {
            await _data.CreatePersonAsync(user.OrganisationId);
        }

        (await factory.WithDbAsync(db => MaintenanceCommands.VerifyAuditChainAsync(db, CancellationToken.None))).FirstBreak.ShouldBeNull();

        await factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(TestDatabase.IsPostgres
            ? "ALTER TABLE \"AuditEvents\" DISABLE TRIGGER USER; UPDATE \"AuditEvents\" SET \"Purpose\" = 'rewritten' WHERE \"Sequence\" = 3;"
            : "DROP TRIGGER AuditEvents_NoUpdate; UPDATE AuditEvents SET Purpose = 'rewritten' WHERE Sequence = 3;"));

        var (_, firstBreak) = await factory.WithDbAsync(db => MaintenanceCommands.VerifyAuditChainAsync(db, CancellationToken.None));
        firstBreak.ShouldBe(3);
    }
}
