using FluentValidation;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.People;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Security;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Web.Infrastructure.Security;
using Throughcare.Web.Infrastructure.Web;
using Throughcare.Web.TagHelpers;

namespace Throughcare.Web.Pages.Audit;

/// <summary>
/// The data protection officer's search of the audit trail, limited to their organisation's part of it, and its export.
/// The search is posted and kept under a search token (<see cref="SearchTokens"/>), so a person's name never travels in
/// a URL; filters without a name (staff, organisation, dates, as the home page links them) may also come in the query.
/// </summary>
public sealed class IndexModel(ThroughcareDbContext db, ReadOnlyDb readOnly, CurrentUser currentUser, AuditLog audit, ReadAudit reads, TimeProvider time, Throughcare.Core.Domain.ReferenceData.PathwayCatalogue pathways, SearchTokens tokens) : PageModel
{
    public const int PageSize = 50;
    private const string Purpose = "audit search";

    private static readonly InlineValidator<AuditFilter> Validator = new()
    {
        v => v.RuleFor(x => x.User).SafeText("Staff email address", 256),
        v => v.RuleFor(x => x.Person).SafeText("Person's name", 200),
        v => v.RuleFor(x => x.OrganisationId).Must(o => Guid.TryParse(o, out _)).When(x => x.OrganisationId is not null).WithMessage("Select an organisation"),
        v => v.RuleFor(x => x.From).Must(d => d.IsEmpty || d.TryGetDate(out _)).WithMessage("From must be a real date"),
        v => v.RuleFor(x => x.To).Must(d => d.IsEmpty || d.TryGetDate(out _)).WithMessage("To must be a real date"),
    };

    [BindProperty(SupportsGet = true)]
    public AuditFilter Filter { get; set; } = new();

    public IReadOnlyList<AuditTrailRow>? Rows { get; private set; }
    public int Total { get; private set; }
    public IReadOnlyList<string> PeopleMatched { get; private set; } = [];
    public IReadOnlyList<SelectListItem> OrganisationItems { get; private set; } = [];
    public int CurrentPage { get; private set; }
    public int TotalPages { get; private set; }
    public string PageHrefTemplate { get; private set; } = "";
    public string ExportHref { get; private set; } = "";
    public bool Expired { get; private set; }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!Validator.Validate(Filter).AddTo(ModelState, "Filter"))
        {
            await LoadOrganisationsAsync();
            return Page();
        }

        return RedirectToPage(new { search = tokens.Issue(currentUser.RequireUserId(), Filter) });
    }

    // "page" is also the route value Razor Pages keeps the page's path in: bound from there it fails, and the list answers 400.
    public async Task<IActionResult> OnGetAsync(string? search, [FromQuery] int page = 1)
    {
        await LoadOrganisationsAsync();
        if (!FilterFrom(search) || await CriteriaAsync() is not { } criteria)
        {
            return Page();
        }

        var trail = new AuditTrailSearch(readOnly.Db, pathways);
        var (stored, current, totalPages) = await Paging.PageAsync(AuditTrailSearch.Newest(trail.Events(criteria)), page, PageSize, HttpContext.RequestAborted);
        (CurrentPage, TotalPages) = (current, totalPages);
        Total = await trail.Events(criteria).CountAsync(HttpContext.RequestAborted);
        var (rows, labels) = await trail.LabelAsync(stored, HttpContext.RequestAborted);
        Rows = rows;

        // The same search, another page of it or all of it as a file: its token, or the query string it came with.
        var filters = search is not null ? new List<KeyValuePair<string, string>> { KeyValuePair.Create("search", search) }
            : Request.Query.Where(q => q.Key.StartsWith("Filter.", StringComparison.Ordinal)).SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v ?? ""))).ToList();
        PageHrefTemplate = $"{new QueryBuilder(filters)}&page={{page}}";
        ExportHref = Url.Page("/Audit/Index", "Export", new RouteValueDictionary(filters.GroupBy(f => f.Key).ToDictionary(g => g.Key, g => (object?)g.Select(f => f.Value).ToArray()))) ?? "";

        audit.Record(new AuditTrailSearched(
            criteria.OwnOrganisation, criteria.StaffEmail is not null, criteria.StaffUserId, null, criteria.StaffOrganisation, criteria.From, criteria.To, CurrentPage,
            criteria.ByPerson, criteria.People));
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        reads.ShownPeople(AuditTrailSearch.PeopleShown(stored, labels), AuditActions.SearchResult, Purpose);
        return Page();
    }

    /// <summary>Every event the search matches, as a CSV file for a spreadsheet: the export is itself recorded, with its filters.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? search)
    {
        if (!FilterFrom(search) || await CriteriaAsync() is not { } criteria)
        {
            await LoadOrganisationsAsync();
            return Page();
        }

        var trail = new AuditTrailSearch(readOnly.Db, pathways);
        var cancellationToken = HttpContext.RequestAborted;
        var count = await trail.Events(criteria).CountAsync(cancellationToken);
        audit.Record(new AuditTrailExported(
            criteria.OwnOrganisation, criteria.StaffEmail is not null, criteria.StaffUserId, criteria.ByPerson, criteria.People, criteria.StaffOrganisation, criteria.From, criteria.To, count));
        await db.SaveChangesAsync(cancellationToken);

        // Everyone the file names is read: recorded before the first byte of it is sent.
        var shown = await trail.Events(criteria).Where(a => a.PersonId != null && readOnly.Db.People.Any(p => p.Id == a.PersonId)).Select(a => a.PersonId!.Value).Distinct().ToListAsync(cancellationToken);
        reads.ShownPeople(shown, AuditActions.Export, Purpose);
        return new AuditTrailCsv(trail.AllAsync(criteria, cancellationToken), $"audit-trail-{Display.Today(time).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}.csv");
    }

    private async Task LoadOrganisationsAsync() =>
        OrganisationItems = await readOnly.Db.Organisations.OrderBy(o => o.Name).Select(o => new SelectListItem(o.Name, o.Id.ToString())).ToListAsync();

    /// <summary>
    /// Whether there is a search to run: the filter a token holds (an unknown or expired token is said to have expired),
    /// or filters in the query string, where a person's name is never taken from.
    /// </summary>
    private bool FilterFrom(string? search)
    {
        if (search is not null)
        {
            var found = tokens.Find<AuditFilter>(search, currentUser.RequireUserId());
            (Filter, Expired) = (found ?? new AuditFilter(), found is null);
            return found is not null;
        }

        Filter.Person = null;
        return Request.Query.Any(q => q.Key.StartsWith("Filter.", StringComparison.Ordinal) && q.Key != "Filter.Person");
    }

    /// <summary>The filter checked and resolved: the staff account its email address names and the people its name matches.</summary>
    private async Task<AuditTrailCriteria?> CriteriaAsync()
    {
        if (!Validator.Validate(Filter).AddTo(ModelState, "Filter"))
        {
            return null;
        }

        var cancellationToken = HttpContext.RequestAborted;
        var email = string.IsNullOrWhiteSpace(Filter.User) ? null : Filter.User.Trim();
        Guid? staffUserId = email is null ? null : await readOnly.Db.Users.Where(u => u.UserName == email).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(cancellationToken);
        var byPerson = !string.IsNullOrWhiteSpace(Filter.Person);
        var matched = byPerson ? await PersonSearch.RunAsync(new PersonAccess(readOnly.Db, currentUser), new PersonSearchQuery(Filter.Person, null, null), cancellationToken) : [];
        PeopleMatched = matched.Select(m => m.Name).ToList();
        return new AuditTrailCriteria(
            currentUser.RequireOrganisationId(), email, staffUserId, byPerson, matched.Select(m => m.PersonId).ToList(),
            Guid.TryParse(Filter.OrganisationId, out var organisation) ? organisation : null,
            Filter.From.TryGetDate(out var from) ? from : null, Filter.To.TryGetDate(out var to) ? to : null);
    }

    public sealed class AuditFilter
    {
        public string? User { get; set; }
        public string? Person { get; set; }
        public string? OrganisationId { get; set; }
        public DateParts From { get; set; } = new();
        public DateParts To { get; set; } = new();
    }
}
