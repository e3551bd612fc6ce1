using FluentValidation;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Throughcare.Web.Domain.Accounts;
using Throughcare.Web.Domain.Audit;
using Throughcare.Web.Infrastructure.Database;
using Throughcare.Web.Infrastructure.Security;
using Throughcare.Web.Infrastructure.Web;
using Throughcare.Web.TagHelpers;

namespace Throughcare.Web.Pages.Audit;

/// <summary>The data protection officer's search of the audit trail, limited to their organisation's part of it.</summary>
public sealed class IndexModel(ThroughcareDbContext db, CurrentUser currentUser, AuditLog audit) : PageModel
{
    private static readonly InlineValidator<AuditFilter> Validator = new()
    {
        v => v.RuleFor(x => x.User).SafeText("Staff email address", 256),
        v => v.RuleFor(x => x.Person).Must(p => Guid.TryParse(p, out _)).When(x => x.Person is not null).WithMessage("Enter a person reference in the correct format"),
        v => v.RuleFor(x => x.OrganisationId).Must(o => Guid.TryParse(o, out _)).When(x => x.OrganisationId is not null).WithMessage("Select an organisation"),
        v => v.RuleFor(x => x.From).Must(d => d.IsEmpty || d.TryGetDate(out _)).WithMessage("From must be a real date"),
        v => v.RuleFor(x => x.To).Must(d => d.IsEmpty || d.TryGetDate(out _)).WithMessage("To must be a real date"),
    };

    public sealed record Row(DateTime OccurredAt, string? UserName, string? Organisation, string? Role, string Action, string RecordType, Guid? PersonId, AuditOutcome Outcome);

    [BindProperty(SupportsGet = true)]
    public AuditFilter Filter { get; set; } = new();

    public IReadOnlyList<Row>? Rows { get; private set; }
    public IReadOnlyList<SelectListItem> OrganisationItems { get; private set; } = [];
    public int CurrentPage { get; private set; }
    public int TotalPages { get; private set; }
    public string PageHrefTemplate { get; private set; } = "";

    // "page" is also the route value Razor Pages keeps the page's path in: bound from there it fails, and the list answers 400.
    public async Task<IActionResult> OnGetAsync([FromQuery] int page = 1)
    {
        OrganisationItems = await db.Organisations.OrderBy(o => o.Name).Select(o => new SelectListItem(o.Name, o.Id.ToString())).ToListAsync();
        if (!Request.Query.Any(q => q.Key.StartsWith("Filter.", StringComparison.Ordinal)))
        {
            return Page();
        }

        if (!Validator.Validate(Filter).AddTo(ModelState, "Filter"))
        {
            return Page();
        }

        var ownOrganisation = currentUser.RequireOrganisationId();
        var events = db.AuditEvents.AsNoTracking()
            .Where(a => a.OrganisationId == ownOrganisation || (a.PersonId != null && db.People.Any(p => p.Id == a.PersonId)));
        var byStaff = !string.IsNullOrWhiteSpace(Filter.User);
        Guid? staffUserId = null;
        if (byStaff)
        {
            var user = Filter.User!.Trim();
            events = events.Where(a => a.UserName == user);
            staffUserId = await db.Users.Where(u => u.UserName == user).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(HttpContext.RequestAborted);
        }

        if (Guid.TryParse(Filter.Person, out var personId))
        {
            events = events.Where(a => a.PersonId == personId);
        }

        if (Guid.TryParse(Filter.OrganisationId, out var organisationId))
        {
            events = events.Where(a => a.OrganisationId == organisationId);
        }

        // The dates are days in the UK: each starts at midnight in London, an hour before midnight UTC in summer.
        if (Filter.From.TryGetDate(out var from))
        {
            var start = StartOfUkDay(from);
            events = events.Where(a => a.OccurredAt >= start);
        }

        // The last day there is (31 December 9999) has no next day to stop before: nothing can be later anyway.
        if (Filter.To.TryGetDate(out var to) && to < DateOnly.MaxValue)
        {
            var end = StartOfUkDay(to.AddDays(1));
            events = events.Where(a => a.OccurredAt < end);
        }

        var query = events.OrderByDescending(a => a.Sequence).Select(a => new Row(
            a.OccurredAt, a.UserName, db.Organisations.Where(o => o.Id == a.OrganisationId).Select(o => o.Name).FirstOrDefault(),
            a.Role, a.Action, a.RecordType, a.PersonId, a.Outcome));
        (Rows, CurrentPage, TotalPages) = await Paging.PageAsync(query, page, 50, HttpContext.RequestAborted);

        // The same search, another page of it: a query string on this page's own address.
        var queryString = new QueryBuilder(Request.Query.Where(q => q.Key != "page").SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v ?? ""))));
        PageHrefTemplate = $"{queryString}&page={{page}}";
        audit.Record(new AuditTrailSearched(
            ownOrganisation, byStaff, staffUserId, Guid.TryParse(Filter.Person, out var person) ? person : null, Guid.TryParse(Filter.OrganisationId, out var organisation) ? organisation : null,
            Filter.From.TryGetDate(out var fromDate) ? fromDate : null, Filter.To.TryGetDate(out var toDate) ? toDate : null, CurrentPage));
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        return Page();
    }

    /// <summary>Midnight in London on the day, in UTC; the first day there is starts at the first instant there is.</summary>
    private static DateTime StartOfUkDay(DateOnly day) =>
        day == DateOnly.MinValue ? DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc) : Display.FromLondon(day, TimeOnly.MinValue);

    public sealed class AuditFilter
    {
        public string? User { get; set; }
        public string? Person { get; set; }
        public string? OrganisationId { get; set; }
        public DateParts From { get; set; } = new();
        public DateParts To { get; set; } = new();
    }
}
