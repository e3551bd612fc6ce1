using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Throughcare.Web.Domain.Accounts;
using Throughcare.Web.Domain.Audit;
using Throughcare.Web.Domain.People;
using Throughcare.Web.Infrastructure.Web;
using Throughcare.Web.TagHelpers;

namespace Throughcare.Web.Pages.People;

/// <summary>Search is a POST so that names, dates of birth and identifiers never appear in a URL or a log.</summary>
public sealed class IndexModel(PersonAccess access, ReadAudit reads, IAuthorizationService authorization) : PageModel
{
    public const int PageSize = 25;

    private static readonly InlineValidator<SearchInput> Validator = new()
    {
        v => v.RuleFor(x => x).Must(x => !string.IsNullOrWhiteSpace(x.Name) || !string.IsNullOrWhiteSpace(x.Identifier) || !x.DateOfBirth.IsEmpty)
            .WithName("Name").OverridePropertyName("Name").WithMessage("Enter a name, an identifier or a date of birth"),
        v => v.RuleFor(x => x.Name).SafeText("Name", 200),
        v => v.RuleFor(x => x.Identifier).SafeText("Identifier", 20),
        v => v.RuleFor(x => x.DateOfBirth).Must(d => d.IsEmpty || d.TryGetDate(out _))
            .WithMessage("Date of birth must be a real date"),
    };

    [BindProperty]
    public SearchInput Input { get; set; } = new();

    public IReadOnlyList<PersonSearchResult>? Results { get; private set; }
    public int Total { get; private set; }
    public int CurrentPage { get; private set; }
    public int TotalPages { get; private set; }
    public bool CanCreate { get; private set; }

    public async Task OnGetAsync() => await SetPermissionsAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await SetPermissionsAsync();
        if (!Validator.Validate(Input).AddTo(ModelState))
        {
            return Page();
        }

        var dob = Input.DateOfBirth.TryGetDate(out var date) ? date : (DateOnly?)null;
        var all = await PersonSearch.RunAsync(access, new PersonSearchQuery(Input.Name, dob, Input.Identifier), HttpContext.RequestAborted);
        Total = all.Count;
        TotalPages = Math.Max(1, (int)Math.Ceiling(Total / (double)PageSize));
        CurrentPage = Math.Clamp(Input.Page ?? 1, 1, TotalPages);
        Results = all.Skip((CurrentPage - 1) * PageSize).Take(PageSize).ToList();

        // Each person shown is a read of their record: audited before the page is returned.
        reads.ShownPeople(Results.Select(r => r.PersonId), AuditActions.SearchResult, null);
        return Page();
    }

    private async Task SetPermissionsAsync() =>
        CanCreate = (await authorization.AuthorizeAsync(User, Capabilities.EditPeople)).Succeeded;

    public sealed class SearchInput
    {
        public string? Name { get; set; }
        public string? Identifier { get; set; }
        public DateParts DateOfBirth { get; set; } = new();
        public int? Page { get; set; }
    }
}
