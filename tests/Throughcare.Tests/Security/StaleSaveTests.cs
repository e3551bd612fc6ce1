using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Tests.Infrastructure;
using Throughcare.Tests.Pages.Episodes;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Tests.Security;

/// <summary>
/// A form that changes an existing record, and the field two people change differently from one loaded version. Saved
/// is what the first one's save shows on the conflict page when it is not the value itself (a state, say); a date field
/// takes days after the date the form's valid values hold. Reloads says whether the form, loaded again, shows the saved
/// value (a form that changes a state shows an empty form again). FormStays is false where the first save leaves nothing
/// for the form to do (the only unmet rule is overridden): the user's input is then kept in the conflict table alone.
/// </summary>
public sealed record StaleForm(string Form, string Field, string First, string Second, string? Saved = null, bool IsDate = false, bool Reloads = true, bool FormStays = true)
{
    public override string ToString() => Form;
}

/// <summary>
/// Every form that changes an existing record (HostileForms names how to reach each one), saved from a stale version: the
/// second save answers 409 with what is saved now beside the user's own input, which the form keeps, and writes nothing.
/// </summary>
public sealed class StaleSaveTests(ThroughcareFactory factory) : HostileFormHarness(factory), IClassFixture<ThroughcareFactory>
{
    private static readonly StaleForm[] Forms =
    [
        new("people edit", "Input.GivenName", "Adaeze", "Ngozi"),
        new("organisation edit", "Input.Name", "Riverside Trust first", "Riverside Trust second"),
        new("staff account edit", "Input.DisplayName", "Priya Shah-Evans", "Priya Evans"),
        new("service edit", "Input.Name", "Pathways first", "Pathways second"),
        new("episode contact correction", "Input.Note", "Corrected by the first worker.", "Corrected by the second worker."),
        new("episode priorities", "Input.First", "Housing before anything else", "Employment before anything else"),
        new("episode action update", "Input.DueOn", "3", "10", IsDate: true),
        new("episode extension", "Input.NewPlannedEnd", "30", "0", IsDate: true, Reloads: false),
        new("episode strand end", "Input.Reason", "Practical work is done", "The strand has finished", Saved: "Ended on"),
        new("episode disengage", "Input.Reason", "Not answering calls for six weeks", "Moved out of the area", Reloads: false),
        new("episode reengage", "Input.Reason", "Came to the drop-in", "Answered the phone at last", Reloads: false),
        new("referral reason", "Input.Reason", "Low mood since sentencing", "Struggling since release"),
        new("referral needs", "Input.AccessibilityNeeds", "Step-free access", "A quiet room"),
        new("referral sharing", "Input.SharingNote", "Signed consent form on file", "Consent given by phone"),
        new("referral allocation", "Strands[0].Reason", "Speaks the same language", "Has worked with him before", Reloads: false, FormStays: false),
        new("referral screening override", "Override.Reason", "Screened in by the prison team last month", "The OPD screening is booked for next week", Reloads: false, FormStays: false),
        new("appointment reschedule", "Input.Time", "11:00", "12:00"),
        new("episode close", "Input.Summary", "Settled with family; no further support needed.", "Moved to the coast; handed over to the local team.", Reloads: false),
    ];

    public static TheoryData<StaleForm> Cases => [.. Forms];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Post_FromAStaleVersion_AnswersTheConflictPageKeepingTheInputAndWritesNothing(StaleForm row)
    {
        var session = await HostileForms.Find(row.Form).StartAsync(Factory);
        var token = await TokenAsync(session);

        // Both people load the form at the same version; the first saves.
        var seenBySecond = await session.ValidFieldsAsync();
        var seenByFirst = await session.ValidFieldsAsync();
        var (first, firstShown) = Change(seenByFirst, row.Field, row.First, row.IsDate);
        var saved = await SendAsync(session, token, first);
        saved.Status.ShouldBe(HttpStatusCode.Redirect, $"{row.Form}, first save: {string.Join(" | ", saved.Document.ErrorSummary())}");

        var (second, secondShown) = Change(seenBySecond, row.Field, row.Second, row.IsDate);
        var writesBefore = await CountAsync();
        var stale = await SendAsync(session, token, second);

        stale.Status.ShouldBe(HttpStatusCode.Conflict, $"{row.Form}: {stale.Document.Heading()} {string.Join(" | ", stale.Document.ErrorSummary())}");
        stale.Document.QuerySelector("[data-conflict]").ShouldNotBeNull(row.Form);
        stale.Html.ShouldContain(WebUtility.HtmlEncode(row.Saved ?? firstShown), Case.Sensitive, $"{row.Form}: what is saved now");
        foreach (var (name, value) in second.Where(f => row.FormStays && (row.IsDate ? f.Key.StartsWith($"{row.Field}.", StringComparison.Ordinal) : f.Key == row.Field)))
        {
            FieldValues(stale.Document, name).ShouldContain(value, $"{row.Form}: the form keeps {name}");
        }

        (await CountAsync()).ShouldBe(writesBefore, $"{row.Form}: the stale save wrote nothing");
        if (row.Saved is null)
        {
            stale.Document.QuerySelectorAll("[data-yours]").Select(c => c.TextContent.Trim()).ShouldContain(secondShown, $"{row.Form}: the user's own input beside it");
        }

        if (row.Saved is null && row.Reloads)
        {
            var reloaded = await session.Browser.GetAsync(session.FormPage ?? session.Url);
            reloaded.Html.ShouldContain(WebUtility.HtmlEncode(firstShown), Case.Sensitive, $"{row.Form}: the first save is kept");
            reloaded.Html.ShouldNotContain(WebUtility.HtmlEncode(secondShown), Case.Sensitive, $"{row.Form}: the second save is not");
        }
    }

    /// <summary>Forms whose right depends on the record's state, and how the record moves on while the form is open.</summary>
    public static TheoryData<string, string> MovedOnCases => new()
    {
        { "referral withdraw", "withdrawn" },
        { "episode contact", "closed" },
        { "episode needs", "closed" },
        { "episode close", "closed" },
        { "appointment booking", "closed" },
    };

    [Theory]
    [MemberData(nameof(MovedOnCases))]
    public async Task Post_AfterTheRecordMovedOn_AnswersThatItChangedNotThatItIsMissing(string form, string nowState)
    {
        var session = await HostileForms.Find(form).StartAsync(Factory);
        var token = await TokenAsync(session);
        var fields = await session.ValidFieldsAsync();
        if (nowState == "withdrawn")
        {
            // Someone withdraws it first, from the same page.
            (await SendAsync(session, token, fields)).Status.ShouldBe(HttpStatusCode.Redirect, form);
        }
        else
        {
            // Someone signs the closure off while the form is open.
            var episodeId = Guid.Parse(session.Url.Split('/')[2]);
            await Factory.WithDbAsync(db => db.Episodes.Where(e => e.Id == episodeId).ExecuteUpdateAsync(u => u.SetProperty(e => e.State, EpisodeState.Closed)));
        }

        var writesBefore = await CountAsync();
        var answer = await SendAsync(session, token, fields);

        answer.Status.ShouldBe(HttpStatusCode.Conflict, $"{form}: {answer.Document.Heading()}");
        answer.Document.Heading().ShouldEndWith("has changed", Case.Sensitive, form);
        answer.Document.QuerySelector("main strong")?.TextContent.ShouldBe(nowState, form);
        answer.Document.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ShouldContain(h => h != null && session.Url.StartsWith(h + "/", StringComparison.Ordinal) || session.Url.StartsWith(h + "?", StringComparison.Ordinal), form);
        (await CountAsync()).ShouldBe(writesBefore, $"{form}: nothing was written");
    }

    [Fact]
    public async Task Api_ContactOnAnEpisodeClosedSinceItWasRead_AnswersConflictNotNotFound()
    {
        var scenario = await ContactTestData.CreateAsync(Factory, EpisodeState.Engaging);
        var client = await Api.EpisodesApiTests.ClientForAsync(Factory, scenario.Service.OrganisationId);
        await Factory.WithDbAsync(db => db.Episodes.Where(e => e.Id == scenario.Episode.Id).ExecuteUpdateAsync(u => u.SetProperty(e => e.State, EpisodeState.Closed)));

        using var response = await client.PostAsJsonAsync(new Uri($"/api/v1/episodes/{scenario.Episode.Id}/contacts", UriKind.Relative),
            ContactTestData.ApiContact(scenario, Factory.Clock.GetUtcNow().AddDays(-1)));

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync()).ShouldContain("The episode is now closed");
        (await Factory.WithDbAsync(db => db.Contacts.CountAsync(c => c.EpisodeId == scenario.Episode.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task Post_TwentyCorrectionsOfOneContactAtOnce_OneWinsAndTheOthersSeeTheConflictPage()
    {
        const int People = 20;
        var scenario = await ContactTestData.CreateAsync(Factory, EpisodeState.Disengaged);
        var contact = await ContactTestData.SeedAsync(Factory, scenario);
        var url = $"{scenario.Path}/contacts/{contact.Id}/correct";
        var version = await Factory.WithDbAsync(db => db.Contacts.Where(c => c.Id == contact.Id).Select(c => c.Version).SingleAsync());
        var browsers = await Task.WhenAll(Enumerable.Range(0, People).Select(_ => Browser.SignInAsync(Factory, scenario.EmotionalWorker)));
        var tokens = await Task.WhenAll(browsers.Select(b => b.GetTokenAsync(url)));

        var answers = await Task.WhenAll(browsers.Select((browser, i) =>
        {
            var fields = ContactTestData.ValidForm(scenario, f =>
            {
                f.Remove("SubmissionId");
                f["Input.Note"] = $"Correction number {i.ToString(CultureInfo.InvariantCulture)}.";
                f["Version"] = version.ToString();
                f["Reason"] = "Recorded against the wrong strand";
                f["__RequestVerificationToken"] = tokens[i];
            });
            return browser.PostRawAsync(url, fields);
        }));

        answers.Select(a => a.Status).Where(s => s is not (HttpStatusCode.Redirect or HttpStatusCode.Conflict)).ShouldBeEmpty();
        answers.Count(a => a.Status == HttpStatusCode.Redirect).ShouldBe(1);
        var winner = Array.FindIndex(answers, a => a.Status == HttpStatusCode.Redirect);
        var saved = await Factory.WithDbAsync(async db => new
        {
            Note = await db.Contacts.Where(c => c.Id == contact.Id).Select(c => c.Note).SingleAsync(),
            Revisions = await db.ContactRevisions.CountAsync(r => r.ContactId == contact.Id),
        });
        saved.Note.ShouldBe($"Correction number {winner.ToString(CultureInfo.InvariantCulture)}.");
        saved.Revisions.ShouldBe(1);
        foreach (var (loser, i) in answers.Select((a, i) => (a, i)).Where(x => x.a.Status == HttpStatusCode.Conflict))
        {
            FieldValues(loser.Document, "Input.Note").ShouldContain($"Correction number {i.ToString(CultureInfo.InvariantCulture)}.");
            loser.Document.QuerySelectorAll("[data-saved]").Select(c => c.TextContent.Trim()).ShouldContain(saved.Note);
        }
    }

    /// <summary>The fields with one changed, and the value as the page shows it: a date group takes days after its date.</summary>
    private static (List<KeyValuePair<string, string>> Fields, string Shown) Change(List<KeyValuePair<string, string>> fields, string field, string value, bool isDate)
    {
        if (!isDate)
        {
            return (Replace(fields, field, [value]), value);
        }

        string Part(string part) => fields.Single(f => f.Key == $"{field}.{part}").Value;
        var date = new DateOnly(int.Parse(Part("Year"), CultureInfo.InvariantCulture), int.Parse(Part("Month"), CultureInfo.InvariantCulture), int.Parse(Part("Day"), CultureInfo.InvariantCulture))
            .AddDays(int.Parse(value, CultureInfo.InvariantCulture));
        var changed = Replace(Replace(Replace(fields, $"{field}.Day", [date.Day.ToString(CultureInfo.InvariantCulture)]),
            $"{field}.Month", [date.Month.ToString(CultureInfo.InvariantCulture)]), $"{field}.Year", [date.Year.ToString(CultureInfo.InvariantCulture)]);
        return (changed, Display.Date(date));
    }

    /// <summary>What the form holds for a field: an input's value, a textarea's text, the chosen option or checked boxes.</summary>
    private static List<string> FieldValues(IHtmlDocument document, string name) =>
        document.QuerySelectorAll($"[name='{name}']").SelectMany(element => element switch
        {
            IHtmlTextAreaElement area => [area.Value],
            IHtmlSelectElement select => select.SelectedOptions.Select(o => o.Value),
            IHtmlInputElement { Type: "radio" or "checkbox" } box => box.IsChecked ? [box.Value] : [],
            IHtmlInputElement input => [input.Value],
            _ => [],
        }).ToList();
}
