using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Throughcare.Tests.Infrastructure;
using Throughcare.Web.Domain.Accounts;
using Throughcare.Web.Domain.Audit;

namespace Throughcare.Tests.Pages.Audit;

/// <summary>/audit: a data protection officer searches their organisation's part of the audit trail; the search is itself audited.</summary>
public sealed class AuditSearchPageTests(ThroughcareFactory factory) : IClassFixture<ThroughcareFactory>
{
    private readonly TestData _data = new(factory);

    private Task<List<AuditEvent>> SearchesByAsync(TestUser officer) =>
        factory.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(a => a.UserId == officer.Id && a.Action == AuditActions.AuditSearch).ToListAsync());

    /// <summary>An event by a member of the organisation's staff at the instant given.</summary>
    private Task<int> EventAtAsync(TestUser member, DateTime at) =>
        factory.WithDbAsync(db =>
        {
            db.AuditEvents.Add(new AuditEvent
            {
                UserId = member.Id,
                UserName = member.Email,
                OrganisationId = member.OrganisationId,
                RecordType = AuditRecordTypes.Organisation,
                RecordId = member.OrganisationId.ToString(),
                Action = AuditActions.View,
                OccurredAt = AuditChain.TruncateToMicroseconds(at),
            });
            return db.SaveChangesAsync();
        });

    private static string Day(DateOnly date, string field) =>
        string.Create(CultureInfo.InvariantCulture, $"Filter.{field}.Day={date.Day}&Filter.{field}.Month={date.Month}&Filter.{field}.Year={date.Year}");

    [Fact]
    public async Task Get_WithoutAFilter_ShowsTheFormAndRecordsNoSearch()
    {
        var officer = await _data.CreateStaffAsync(StaffRoles.DataProtectionOfficer);
        var browser = await Browser.SignInAsync(factory, officer);

        var page = await browser.GetAsync("/audit");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Document.Heading().ShouldBe("Audit trail");
        page.Document.QuerySelector("table").ShouldBeNull();
        (await SearchesByAsync(officer)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Get_ByStaffEmail_ShowsTheirEventsAndRecordsTheSearchWithTheAccountNotTheTypedText()
    {
        var officer = await _data.CreateStaffAsync(StaffRoles.DataProtectionOfficer);
        var member = await _data.CreateUserAsync(officer.OrganisationId, StaffRoles.Practitioner);
        await EventAtAsync(member, factory.UtcNow);
        var browser = await Browser.SignInAsync(factory, officer);

        var page = await browser.GetAsync($"/audit?Filter.User={Uri.EscapeDataString(member.Email)}");
        var nobody = await browser.GetAsync($"/audit?Filter.User={Uri.EscapeDataString("no-one-" + member.Email)}");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Document.TableColumn(1).ShouldAllBe(who => who.StartsWith(member.Email, StringComparison.Ordinal));
        page.Document.TableColumn(1).ShouldNotBeEmpty();
        nobody.Html.ShouldContain("No audit events match.");
        var searches = await SearchesByAsync(officer);
        searches.Count.ShouldBe(2);
        searches.ShouldAllBe(a => a.EventType == nameof(AuditTrailSearched) && a.RecordId == officer.OrganisationId.ToString());
        searches.ShouldAllBe(a => !a.Details!.Contains(member.Email));
        var found = JsonSerializer.Deserialize<AuditTrailSearched>(searches[0].Details!, AuditEventTypes.Json)!;
        (found.ByStaff, found.StaffUserId).ShouldBe((true, member.Id));
        var missed = JsonSerializer.Deserialize<AuditTrailSearched>(searches[1].Details!, AuditEventTypes.Json)!;
        (missed.ByStaff, missed.StaffUserId).ShouldBe((true, (Guid?)null));
    }

    [Fact]
    public async Task Get_ByDay_TakesTheDayInTheUk_SoAnEventJustAfterMidnightInSummerIsOnTheNextDay()
    {
        var officer = await _data.CreateStaffAsync(StaffRoles.DataProtectionOfficer);
        var member = await _data.CreateUserAsync(officer.OrganisationId, StaffRoles.Practitioner);

        // 23:30 UTC on a summer day is 00:30 the next day in London.
        var utcDay = DateOnly.FromDateTime(factory.UtcNow).AddDays(-3);
        await EventAtAsync(member, utcDay.ToDateTime(new TimeOnly(23, 30), DateTimeKind.Utc));
        var ukDay = utcDay.AddDays(1);
        var browser = await Browser.SignInAsync(factory, officer);
        var byMember = $"/audit?Filter.User={Uri.EscapeDataString(member.Email)}";

        var onUkDay = await browser.GetAsync($"{byMember}&{Day(ukDay, "From")}&{Day(ukDay, "To")}");
        var onUtcDay = await browser.GetAsync($"{byMember}&{Day(utcDay, "From")}&{Day(utcDay, "To")}");

        onUkDay.Document.TableColumn(0).ShouldBe([$"{ukDay.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))} at 12:30am"]);
        onUtcDay.Html.ShouldContain("No audit events match.");
    }

    [Theory]
    [InlineData("Filter.Person=not-a-reference", "Filter_Person", "Enter a person reference in the correct format")]
    [InlineData("Filter.From.Day=30&Filter.From.Month=2&Filter.From.Year=2026", "Filter_From", "From must be a real date")]
    [InlineData("Filter.OrganisationId=%3Cscript%3E", "Filter_OrganisationId", "Select an organisation")]
    public async Task Get_BadFilter_ShowsTheErrorAndRecordsNoSearch(string query, string fieldId, string message)
    {
        var officer = await _data.CreateStaffAsync(StaffRoles.DataProtectionOfficer);
        var browser = await Browser.SignInAsync(factory, officer);

        var page = await browser.GetAsync($"/audit?{query}");

        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Document.AssertHasError(fieldId, message);
        page.Html.ShouldNotContain("<script>");
        (await SearchesByAsync(officer)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(StaffRoles.Practitioner)]
    [InlineData(StaffRoles.Administrator)]
    [InlineData(StaffRoles.PartnershipAdministrator)]
    public async Task Get_AsAnyoneButADataProtectionOfficer_Returns403(string role)
    {
        var browser = await Browser.SignInAsync(factory, await _data.CreateStaffAsync(role));

        (await browser.GetAsync("/audit?Filter.User=someone%40example.test")).Status.ShouldBe(HttpStatusCode.Forbidden);
    }
}
