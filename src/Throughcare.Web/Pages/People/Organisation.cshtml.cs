using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.People;
using Throughcare.Core.Domain.Referrals;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Security;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Web.Infrastructure.Security;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.People;

/// <summary>
/// Everyone the user's organisation works with (<see cref="OrganisationPeople"/>), paged and filtered. The filter is
/// posted and held under a search token (<see cref="SearchTokens"/>), as a search is, so that a name typed into it never
/// reaches a URL. Each person listed is a recorded read.
/// </summary>
public sealed class OrganisationModel(ReadOnlyDb readOnly, ReadAudit reads, SearchTokens tokens, CurrentUser user) : PageModel
{
    private readonly OrganisationPeople people = new(readOnly.Db, new PersonAccess(readOnly.Db, user), new ReferralAccess(readOnly.Db, user), user);

    public const int PageSize = 25;

    private static readonly InlineValidator<FilterInput> Validator = new()
    {
        v => v.RuleFor(x => x.Name).SafeText("Name", 200),
        v => v.RuleFor(x => x.ServiceId).Must(id => Guid.TryParse(id, out _)).When(x => !string.IsNullOrEmpty(x.ServiceId)).WithMessage("Select a service"),
        v => v.RuleFor(x => x.Care).Must(c => c is null or "open" or "closed").WithMessage("Select open or closed care"),
    };

    [BindProperty]
    public FilterInput Input { get; set; } = new();

    public IReadOnlyList<(Guid Id, string Name)> Services { get; private set; } = [];
    public IReadOnlyList<OrganisationPerson> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int CurrentPage { get; private set; }
    public int TotalPages { get; private set; }
    public string? Filter { get; private set; }
    public bool FilterExpired { get; private set; }
    public bool Filtered { get; private set; }

    /// <summary>Whether people are listed: not when a filter was refused.</summary>
    public bool Listed { get; private set; }

    public async Task OnGetAsync([FromQuery(Name = "filter")] string? filter, [FromQuery(Name = "page")] int pageNumber = 1)
    {
        var criteria = new OrganisationPeopleFilter(null, null, null);
        if (filter is not null)
        {
            if (tokens.Find<OrganisationPeopleFilter>(filter, user.RequireUserId()) is { } found)
            {
                (criteria, Filter) = (found, filter);
                Input = new FilterInput { Name = found.Name, ServiceId = found.ServiceId?.ToString(), Care = found.Open switch { true => "open", false => "closed", null => null } };
            }
            else
            {
                FilterExpired = true;
            }
        }

        Filtered = !criteria.IsEmpty;
        await LoadAsync(criteria, pageNumber);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // A refused filter lists no one: the form comes back with its errors alone.
        if (!Validator.Validate(Input).AddTo(ModelState))
        {
            Services = await people.ServicesAsync(HttpContext.RequestAborted);
            return Page();
        }

        var criteria = new OrganisationPeopleFilter(TextRules.Tidy(Input.Name), Guid.TryParse(Input.ServiceId, out var serviceId) ? serviceId : null, Input.Care switch { "open" => true, "closed" => false, _ => null });
        return criteria.IsEmpty
            ? RedirectToPage("/People/Organisation")
            : RedirectToPage("/People/Organisation", new { filter = tokens.Issue(user.RequireUserId(), criteria) });
    }

    /// <summary>Another page of the same filter.</summary>
    public string PageHrefTemplate => Filter is null ? "?page={page}" : $"{Url.Page("/People/Organisation", new { filter = Filter })}&page={{page}}";

    private async Task LoadAsync(OrganisationPeopleFilter criteria, int pageNumber)
    {
        var cancellationToken = HttpContext.RequestAborted;
        Services = await people.ServicesAsync(cancellationToken);
        Listed = true;
        (Rows, CurrentPage, TotalPages, Total) = await people.PageAsync(criteria, pageNumber, PageSize, cancellationToken);
        reads.ShownPeople(Rows.Select(r => r.PersonId), AuditActions.SearchResult, "organisation's people");
    }

    public static IEnumerable<SelectListItem> CareChoices => [new("Open", "open"), new("Closed", "closed")];

    public sealed class FilterInput
    {
        public string? Name { get; set; }
        public string? ServiceId { get; set; }
        public string? Care { get; set; }
    }
}
