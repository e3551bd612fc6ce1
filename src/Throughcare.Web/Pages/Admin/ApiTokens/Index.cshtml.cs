using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Web.Api;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Admin.ApiTokens;

/// <summary>The administrator's own organisation's API tokens: issued for its integration account only.</summary>
public sealed class IndexModel(ApiTokenService tokens, AdministrationScope scope) : PageModel
{
    private static readonly InlineValidator<TokenInput> Validator = new()
    {
        v => v.RuleFor(x => x.Name).NotEmpty().WithMessage("Enter what the token is for").SafeText("Name", 200),
    };

    public sealed record Row(Guid Id, string Name, DateTime CreatedAt, DateTime? LastUsedAt, DateTime? RevokedAt);

    [BindProperty]
    public TokenInput Input { get; set; } = new();

    public IReadOnlyList<Row> Tokens { get; private set; } = [];
    public string? IssuedToken { get; private set; }

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (!Validator.Validate(Input).AddTo(ModelState))
        {
            return Page();
        }

        // The token is shown in this response only; the page is never cached (Cache-Control: no-store).
        IssuedToken = await tokens.IssueAsync(Input.Name!.Trim(), [StaffRoles.Practitioner], HttpContext.RequestAborted);
        if (IssuedToken is null)
        {
            return NotFound();
        }

        Input = new TokenInput();
        ModelState.Clear();
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid tokenId) =>
        await this.AnswerAsync(await tokens.RevokeAsync(tokenId, HttpContext.RequestAborted), new WriteAnswer
        {
            Done = _ => RedirectToPage("/Admin/ApiTokens/Index"),
            Flash = "Token revoked. It stops working on its next request.",
        });

    private async Task LoadAsync() =>
        Tokens = await scope.Tokens.OrderByDescending(t => t.CreatedAt)
            .Select(t => new Row(t.Id, t.Name, t.CreatedAt, t.LastUsedAt, t.RevokedAt)).Take(200).ToListAsync();

    /// <summary>No organisation field: a token is always for the administrator's own organisation.</summary>
    public sealed class TokenInput
    {
        public string? Name { get; set; }
    }
}
