using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Tests.Infrastructure;

namespace Throughcare.Tests.Security;

/// <summary>What an identity may get from one cell: anything (its markers still checked), no success at all, or exactly 404.</summary>
public enum Expect
{
    MaySucceed,
    Refused,
    NotFound,
}

/// <summary>Someone the matrix sends requests as, with the markers they may never see and what they may expect of each cell.</summary>
public sealed class MatrixIdentity
{
    public required string Name { get; init; }

    public required HttpClient Client { get; init; }

    /// <summary>The anti-forgery token the identity's own forms carry, so a refused POST is refused for its access, not its token.</summary>
    public string? FormToken { get; init; }

    public required IReadOnlySet<Marker> Forbidden { get; init; }

    public required Func<MatrixCell, Expect> Expect { get; init; }

    /// <summary>Whether the identity may change records at all through this cell; the matrix sends only the POSTs it must refuse.</summary>
    public bool SendsPost(MatrixCell cell) => cell.Body.IsRead || Expect(cell) != Security.Expect.MaySucceed;

    public override string ToString() => Name;
}

/// <summary>
/// The identities of the access matrix, from QUALITY.md: staff of another organisation in every role and that
/// organisation's API token; the referrer, who may see part; an organisation whose care role has ended; a colleague
/// with no role in the case; roles without the permission (commissioner, volunteer, administrator, data protection
/// officer for writing); a user signed in, then disabled; anonymous. The service's manager, the worker and the
/// service's own token are there too: they may see nearly everything, and show that the markers can be seen at all.
/// </summary>
public static class AccessMatrixIdentities
{
    private static readonly HtmlParser Parser = new();

    /// <summary>Markers of the receiving service's own work, on the episode and outside it: the referring organisation never sees them.</summary>
    public static readonly IReadOnlySet<Marker> EpisodeWork = new HashSet<Marker>
    {
        Marker.ContactNote, Marker.RestrictedNote, Marker.SecondContactNote, Marker.ReviewSummary, Marker.GoalText, Marker.ActionText,
        Marker.Priority, Marker.Reflection, Marker.NeedsNote, Marker.AppointmentPlace, Marker.OutsideAppointmentPlace,
    };

    /// <summary>Markers of referrals the receiving organisation may not see: a draft not yet sent, those sent to another organisation.</summary>
    private static readonly IReadOnlySet<Marker> OtherReferrals = new HashSet<Marker> { Marker.DraftReason, Marker.DeclinedReason, Marker.WithdrawnReason };

    private static IReadOnlySet<Marker> All => Enum.GetValues<Marker>().ToHashSet();

    private static IReadOnlySet<Marker> Union(params IEnumerable<Marker>[] sets) => sets.SelectMany(s => s).ToHashSet();

    public static async Task<IReadOnlyList<MatrixIdentity>> SignInAsync(ThroughcareFactory factory, AccessScenario scenario)
    {
        var staff = scenario.Staff;
        var identities = new List<MatrixIdentity>();

        async Task Add(string name, TestUser user, IReadOnlySet<Marker> forbidden, Func<MatrixCell, Expect> expect)
        {
            var browser = await Browser.SignInAsync(factory, user);
            identities.Add(new MatrixIdentity { Name = name, Client = browser.Client, FormToken = await browser.GetTokenAsync("/sign-out"), Forbidden = forbidden, Expect = expect });
        }

        // The receiving service: its manager and the worker see the episode, restricted notes included.
        await Add("receiving manager", staff["manager"], OtherReferrals, OnPages(cell => cell.Mismatched ? Expect.NotFound : Expect.MaySucceed));
        await Add("receiving worker", staff["worker"], OtherReferrals, OnPages(cell => cell.Mismatched ? Expect.NotFound : Expect.MaySucceed));

        // Same organisation, no role in this case: everything but the restricted note, which they may not overwrite either.
        await Add("colleague", staff["colleague"], Union(OtherReferrals, [Marker.RestrictedNote]), OnPages(cell =>
            cell.Mismatched ? Expect.NotFound
            : cell.Endpoint.IsWrite && cell.Names("contactId", scenario.RestrictedContact.Id.ToString("D")) ? Expect.NotFound
            : Expect.MaySucceed));

        // The data protection officer reads the episode and records nothing; screening is the service's managers' business.
        await Add("receiving data protection officer", staff["data protection officer"], Union(OtherReferrals, [Marker.ScreeningNotes]), OnPages(cell =>
            cell.Mismatched || (cell.Endpoint.IsWrite && cell.TouchesCare) ? Expect.Refused : Expect.MaySucceed));

        // Roles without the permission: the administrator runs the organisation, not the episode.
        await Add("receiving administrator", staff["administrator"], Union(OtherReferrals, EpisodeWork), Administrator(scenario.Receiving.Id));
        await Add("receiving commissioner", staff["commissioner"], All, Outsider(scenario, partnershipAdministrator: false));
        await Add("receiving volunteer", staff["volunteer"], All, Outsider(scenario, partnershipAdministrator: false));

        // The referrer sees the referral and the episode's overview, never the service's own work; so does a practitioner
        // of the referring organisation. Its other roles see less: the data protection officer reads no referral, the
        // administrator no episode, the commissioner and the volunteer no one's care.
        var referring = Union(EpisodeWork, [Marker.ScreeningNotes]);
        var referrer = OnPages(cell =>
            cell.Mismatched ? Expect.NotFound
            : cell.Names("episodeId") && !cell.Endpoint.Pattern.EndsWith("{episodeId:guid}", StringComparison.Ordinal) ? Expect.NotFound
            : ChangesOthersService(cell, scenario.Referring.Id) ? Expect.Refused
            : Expect.MaySucceed);
        await Add("referrer", staff["referrer"], referring, referrer);
        await Add("referring practitioner", staff["referring " + StaffRoles.Practitioner], referring, referrer);
        await Add("referring data protection officer", staff["referring " + StaffRoles.DataProtectionOfficer], referring, OnPages(cell =>
            cell.Mismatched || (cell.Endpoint.IsWrite && cell.TouchesCare) || cell.Names("referralId") || ChangesOthersService(cell, scenario.Referring.Id)
            || (cell.Names("episodeId") && !cell.Endpoint.Pattern.EndsWith("{episodeId:guid}", StringComparison.Ordinal))
                ? Expect.Refused
                : Expect.MaySucceed));
        await Add("referring administrator", staff["referring " + StaffRoles.Administrator], referring, Administrator(scenario.Referring.Id));
        await Add("referring commissioner", staff["referring " + StaffRoles.Commissioner], All, Outsider(scenario, partnershipAdministrator: false));
        await Add("referring volunteer", staff["referring " + StaffRoles.Volunteer], All, Outsider(scenario, partnershipAdministrator: false));

        // The organisation whose referral was declined: its care role has ended.
        await Add("ended-role manager", staff["ended manager"], All, Outsider(scenario, partnershipAdministrator: false));
        await Add("ended-role practitioner", staff["ended practitioner"], All, Outsider(scenario, partnershipAdministrator: false));

        foreach (var role in StaffRoles.All)
        {
            await Add("other organisation's " + StaffRoles.Label(role).ToLowerInvariant(), staff["outside " + role], All,
                Outsider(scenario, partnershipAdministrator: role == StaffRoles.PartnershipAdministrator));
        }

        // Signed in, then disabled: refused from the next request on.
        var disabled = await Browser.SignInAsync(factory, staff["disabled"]);
        var disabledToken = await disabled.GetTokenAsync("/sign-out");
        await factory.WithDbAsync(async db => await db.Users.Where(u => u.Id == staff["disabled"].Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.DisabledAt, factory.UtcNow)));
        identities.Add(new MatrixIdentity { Name = "disabled manager", Client = disabled.Client, FormToken = disabledToken, Forbidden = All, Expect = SignedOut });

        var anonymous = Browser.Anonymous(factory);
        identities.Add(new MatrixIdentity { Name = "anonymous", Client = anonymous.Client, FormToken = await anonymous.GetTokenAsync("/sign-in"), Forbidden = All, Expect = SignedOut });

        identities.Add(new MatrixIdentity
        {
            Name = "other organisation's API token",
            Client = WithToken(factory, await IssueTokenAsync(factory, staff["outside " + StaffRoles.Administrator])),
            Forbidden = All,
            Expect = cell => cell.Endpoint.IsAnonymous || (cell.Endpoint.IsApi && !cell.TouchesCare && !cell.Names(RouteValueKind.Administration)) ? Expect.MaySucceed : Expect.Refused,
        });
        identities.Add(new MatrixIdentity
        {
            Name = "receiving organisation's API token",
            Client = WithToken(factory, await IssueTokenAsync(factory, staff["administrator"])),
            Forbidden = Union(OtherReferrals, [Marker.RestrictedNote]),
            Expect = cell => cell.Endpoint.IsAnonymous ? Expect.MaySucceed : !cell.Endpoint.IsApi ? Expect.Refused : cell.Mismatched ? Expect.NotFound : Expect.MaySucceed,
        });

        return identities;
    }

    /// <summary>Issues a token as the organisation's administrator does, on the API tokens page.</summary>
    public static async Task<string> IssueTokenAsync(ThroughcareFactory factory, TestUser administrator)
    {
        var browser = await Browser.SignInAsync(factory, administrator);
        var issued = await browser.PostFormAsync("/admin/api-tokens", new() { ["Input.Name"] = TestData.Unique("Case system") });
        issued.Status.ShouldBe(HttpStatusCode.OK);
        return issued.Document.QuerySelector(".app-token")?.TextContent.Trim() ?? throw new InvalidOperationException("No token was shown");
    }

    public static HttpClient WithToken(ThroughcareFactory factory, string token)
    {
        var client = factory.CreateBrowser();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A person signed in with a browser: the API, which takes tokens only, refuses them whatever they may see.</summary>
    private static Func<MatrixCell, Expect> OnPages(Func<MatrixCell, Expect> pages) => cell => cell.Endpoint.IsApi ? Expect.Refused : pages(cell);

    /// <summary>An organisation's administrator: its own staff, details and services, people it holds a role with, no episode.</summary>
    private static Func<MatrixCell, Expect> Administrator(Guid organisationId) => OnPages(cell =>
        cell.Mismatched || cell.Names("episodeId") || (cell.Endpoint.IsWrite && cell.Names("referralId")) || ChangesOthersService(cell, organisationId)
        || cell.Fills.Any(f => f.Kind == RouteValueKind.Administration && f.OrganisationId != organisationId)
            ? Expect.Refused
            : Expect.MaySucceed);

    /// <summary>A service's catalogue entry is open to all staff; only its own organisation changes it.</summary>
    private static bool ChangesOthersService(MatrixCell cell, Guid? organisationId) =>
        cell.Endpoint.IsWrite && cell.Fills.Any(f => f.Kind == RouteValueKind.Service && f.OrganisationId != organisationId);

    /// <summary>Someone outside the case: no success on anything that names its records, its staff or its organisations.</summary>
    private static Func<MatrixCell, Expect> Outsider(AccessScenario scenario, bool partnershipAdministrator) => OnPages(cell =>
    {
        if (cell.Mismatched || cell.TouchesCare || ChangesOthersService(cell, null))
        {
            return Expect.Refused;
        }

        // A partnership administrator changes any organisation's details, never its staff, and the partnership's pathways and journey template.
        var administered = cell.Fills.Where(f => f.Kind == RouteValueKind.Administration).ToList();
        return administered.Count == 0 || (partnershipAdministrator && administered.All(f => f.Key is "organisationId" or "pathwayId" or "milestoneCode"))
            ? Expect.MaySucceed
            : Expect.Refused;
    });

    private static Expect SignedOut(MatrixCell cell) => cell.Endpoint.IsAnonymous ? Expect.MaySucceed : Expect.Refused;

    /// <summary>The named fields of the page's forms that post to this cell, with the values the page filled in.</summary>
    public static Dictionary<string, string> FormFields(string html, string pagePath, string? handler)
    {
        var document = Parser.ParseDocument(html);
        var fields = new Dictionary<string, string>();
        var forms = document.QuerySelectorAll("form").Where(f => !string.Equals(f.GetAttribute("method"), "get", StringComparison.OrdinalIgnoreCase)).ToList();
        var own = forms.Where(f => PostsTo(f.GetAttribute("action"), pagePath, handler)).ToList();
        foreach (var element in (own.Count > 0 ? own : forms.Where(f => f.GetAttribute("action") is null or "")).SelectMany(f => f.QuerySelectorAll("input, select, textarea")))
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || name == "__RequestVerificationToken" || fields.ContainsKey(name))
            {
                continue;
            }

            var type = element.GetAttribute("type");
            var value = element.LocalName switch
            {
                "select" => element.QuerySelectorAll("option").Select(o => o.GetAttribute("value")).FirstOrDefault(v => !string.IsNullOrEmpty(v)),
                "textarea" => element.TextContent,
                _ when type is "checkbox" or "radio" => element.GetAttribute("value"),
                _ => element.GetAttribute("value"),
            };
            fields[name] = value ?? "";
        }

        return fields;
    }

    private static bool PostsTo(string? action, string pagePath, string? handler)
    {
        if (string.IsNullOrEmpty(action))
        {
            return handler is null;
        }

        var path = action.Split('?')[0];
        var named = action.Contains("handler=", StringComparison.OrdinalIgnoreCase) ? action[(action.IndexOf("handler=", StringComparison.OrdinalIgnoreCase) + 8)..].Split('&')[0] : null;
        return string.Equals(path, pagePath, StringComparison.OrdinalIgnoreCase) && string.Equals(named, handler, StringComparison.OrdinalIgnoreCase);
    }
}
