using FluentValidation;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
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

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1)
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
        if (!string.IsNullOrWhiteSpace(Filter.User))
        {
            var user = Filter.User.Trim();
            events = events.Where(a => a.UserName == user);
        }

        if (Guid.TryParse(Filter.Person, out var personId))
        {
            events = events.Where(a => a.PersonId == personId);
        }

        if (Guid.TryParse(Filter.OrganisationId, out var organisationId))
        {
            events = events.Where(a => a.OrganisationId == organisationId);
        }

        if (Filter.From.TryGetDate(out var from))
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            events = events.Where(a => a.OccurredAt >= start);
        }

        if (Filter.To.TryGetDate(out var to))
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            events = events.Where(a => a.OccurredAt < end);
        }

        var query = events.OrderByDescending(a => a.Sequence).Select(a => new Row(
            a.OccurredAt, a.UserName, db.Organisations.Where(o => o.Id == a.OrganisationId).Select(o => o.Name).FirstOrDefault(),
            a.Role, a.Action, a.RecordType, a.PersonId, a.Outcome));
        (Rows, CurrentPage, TotalPages) = await Paging.PageAsync(query, pageNumber, 50, HttpContext.RequestAborted);

        var queryString = new QueryBuilder(Request.Query.Where(q => q.Key != "page").SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v ?? ""))));
        PageHrefTemplate = $"/audit{queryString}&page={{page}}";
        audit.Add(AuditRecordTypes.Audit, null, AuditActions.AuditSearch, details: new { Filter.User, Filter.Person, Filter.OrganisationId, page = CurrentPage });
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        return Page();
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
