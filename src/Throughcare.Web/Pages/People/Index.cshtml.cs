using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.People;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Security;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Web.Infrastructure.Security;
using Throughcare.Web.Infrastructure.Web;
using Throughcare.Web.TagHelpers;

namespace Throughcare.Web.Pages.People;

/// <summary>
/// Search is posted, so that names, dates of birth and identifiers never appear in a URL or a log, then redirected to a
/// page that shows the results under a short-lived search token (<see cref="SearchTokens"/>): the browser's Back button
/// and the page links return to the results without posting again.
/// </summary>
public sealed class IndexModel(ReadOnlyDb readOnly, ReadAudit reads, IAuthorizationService authorization, SearchTokens tokens, CurrentUser user) : PageModel
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

    /// <summary>The token the results are shown under, for the page links.</summary>
    public string? Search { get; private set; }

    /// <summary>A search token was given that no longer opens a search (expired, unknown or another user's).</summary>
    public bool SearchExpired { get; private set; }

    public async Task OnGetAsync([FromQuery(Name = "search")] string? search, [FromQuery(Name = "page")] int? pageNumber)
    {
        await SetPermissionsAsync();
        if (search is null)
        {
            return;
        }

        if (tokens.Find<SearchCriteria>(search, user.RequireUserId()) is not { } criteria)
        {
            SearchExpired = true;
            return;
        }

        Search = search;
        Input = new SearchInput { Name = criteria.Name, Identifier = criteria.Identifier, DateOfBirth = DateParts.From(criteria.DateOfBirth) };
        var all = await PersonSearch.RunAsync(new PersonAccess(readOnly.Db, user), new PersonSearchQuery(criteria.Name, criteria.DateOfBirth, criteria.Identifier), HttpContext.RequestAborted);
        Total = all.Count;
        TotalPages = Math.Max(1, (int)Math.Ceiling(Total / (double)PageSize));
        CurrentPage = Math.Clamp(pageNumber ?? 1, 1, TotalPages);
        Results = all.Skip((CurrentPage - 1) * PageSize).Take(PageSize).ToList();

        // Each person shown is a read of their record: audited before the page is returned.
        reads.ShownPeople(Results.Select(r => r.PersonId), AuditActions.SearchResult, null);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!Validator.Validate(Input).AddTo(ModelState))
        {
            await SetPermissionsAsync();
            return Page();
        }

        var dob = Input.DateOfBirth.TryGetDate(out var date) ? date : (DateOnly?)null;
        var search = tokens.Issue(user.RequireUserId(), new SearchCriteria(TextRules.Tidy(Input.Name), dob, TextRules.Tidy(Input.Identifier)));
        return RedirectToPage("/People/Index", pageHandler: null, routeValues: new { search }, fragment: "results");
    }

    /// <summary>Another page of the same results, under the same token.</summary>
    public string PageHrefTemplate => $"{Url.Page("/People/Index", new { search = Search })}&page={{page}}#results";

    private async Task SetPermissionsAsync() =>
        CanCreate = (await authorization.AuthorizeAsync(User, Capabilities.EditPeople)).Succeeded;

    /// <summary>What was searched for, held on the server under the search token.</summary>
    public sealed record SearchCriteria(string? Name, DateOnly? DateOfBirth, string? Identifier);

    public sealed class SearchInput
    {
        public string? Name { get; set; }
        public string? Identifier { get; set; }
        public DateParts DateOfBirth { get; set; } = new();
    }
}
