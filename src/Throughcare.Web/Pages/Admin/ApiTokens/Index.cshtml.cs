using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Throughcare.Web.Api;
using Throughcare.Web.Domain.Accounts;
using Throughcare.Web.Infrastructure.Database;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Admin.ApiTokens;

public sealed class IndexModel(ThroughcareDbContext db, ApiTokenService tokens) : PageModel
{
    private static readonly InlineValidator<TokenInput> Validator = new()
    {
        v => v.RuleFor(x => x.OrganisationId).Must(o => Guid.TryParse(o, out _)).WithMessage("Select an organisation"),
        v => v.RuleFor(x => x.Name).NotEmpty().WithMessage("Enter what the token is for").SafeText("Name", 200),
    };

    public sealed record Row(Guid Id, string Name, string Organisation, DateTime CreatedAt, DateTime? LastUsedAt, DateTime? RevokedAt);

    [BindProperty]
    public TokenInput Input { get; set; } = new();

    public IReadOnlyList<Row> Tokens { get; private set; } = [];
    public IReadOnlyList<SelectListItem> OrganisationItems { get; private set; } = [];
    public string? IssuedToken { get; private set; }
    public bool Revoked { get; private set; }

    public async Task OnGetAsync(bool revoked = false)
    {
        Revoked = revoked;
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (!Validator.Validate(Input).AddTo(ModelState))
        {
            return Page();
        }

        var organisationId = Guid.Parse(Input.OrganisationId!);
        if (!await db.Organisations.AnyAsync(o => o.Id == organisationId))
        {
            ModelState.AddModelError("Input.OrganisationId", "Select an organisation");
            return Page();
        }

        // The token is shown in this response only; the page is never cached (Cache-Control: no-store).
        IssuedToken = await tokens.IssueAsync(organisationId, Input.Name!.Trim(), [StaffRoles.Practitioner], HttpContext.RequestAborted);
        Input = new TokenInput();
        ModelState.Clear();
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid tokenId) =>
        await tokens.RevokeAsync(tokenId, HttpContext.RequestAborted) ? Redirect("/admin/api-tokens?revoked=true") : NotFound();

    private async Task LoadAsync()
    {
        OrganisationItems = await db.Organisations.OrderBy(o => o.Name).Select(o => new SelectListItem(o.Name, o.Id.ToString())).ToListAsync();
        Tokens = await (from t in db.ApiTokens
                        join u in db.Users on t.UserId equals u.Id
                        orderby t.CreatedAt descending
                        select new Row(t.Id, t.Name, u.Organisation!.Name, t.CreatedAt, t.LastUsedAt, t.RevokedAt)).Take(200).ToListAsync();
    }

    public sealed class TokenInput
    {
        public string? OrganisationId { get; set; }
        public string? Name { get; set; }
    }
}
