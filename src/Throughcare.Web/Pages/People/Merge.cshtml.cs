using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.People;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.People;

/// <summary>An administrator merges two records; both must be records their organisation can see.</summary>
[Authorize(Policy = Capabilities.MergePeople)]
public sealed class MergeModel(PersonAccess access, PersonService people, ReadAudit reads) : PageModel
{
    private static readonly InlineValidator<MergeInput> Validator = new()
    {
        v => v.RuleFor(x => x.KeepPersonId).Must(id => Guid.TryParse(id, out _)).WithMessage("Enter the reference of the record to keep, like 3f2b1c9e-…"),
        v => v.RuleFor(x => x.MergePersonId).Must(id => Guid.TryParse(id, out _)).WithMessage("Enter the reference of the record to merge"),
        v => v.RuleFor(x => x.MergePersonId).NotEqual(x => x.KeepPersonId).When(x => x.KeepPersonId is not null).WithMessage("Enter two different records"),
        v => v.RuleFor(x => x.Reason).NotEmpty().WithMessage("Enter why these are the same person").SafeText("Reason", 1000, multiline: true),
    };

    [BindProperty]
    public MergeInput Input { get; set; } = new();

    public IReadOnlyList<(string Field, string? Keep, string? Merge)>? Preview { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!Validator.Validate(Input).AddTo(ModelState))
        {
            return Page();
        }

        var keepId = Guid.Parse(Input.KeepPersonId!);
        var mergeId = Guid.Parse(Input.MergePersonId!);
        var pair = await access.Listable.AsNoTracking().Where(p => p.Id == keepId || p.Id == mergeId).ToListAsync();
        var keep = pair.SingleOrDefault(p => p.Id == keepId);
        var merge = pair.SingleOrDefault(p => p.Id == mergeId);
        if (keep is null)
        {
            ModelState.AddModelError("Input.KeepPersonId", "No record with this reference was found");
        }

        if (merge is null)
        {
            ModelState.AddModelError("Input.MergePersonId", "No record with this reference was found");
        }

        if (keep is null || merge is null)
        {
            return Page();
        }

        if (!Input.Confirmed)
        {
            Preview = FieldChanges.Compare(keep.Details, merge.Details).Select(c => (c.Field, c.From, c.To)).ToList();
            reads.ShownPeople([keepId, mergeId], AuditActions.View, "merge");
            return Page();
        }

        return await this.AnswerAsync((await people.MergeAsync(new MergePeople { KeepPersonId = keepId, MergePersonId = mergeId, Reason = Input.Reason!.Trim() }, HttpContext.RequestAborted)).InForm("Input"), new WriteAnswer
        {
            Done = personId => RedirectToPage("/People/View", new { personId }),
            Flash = "Records merged",
        });
    }

    public sealed class MergeInput
    {
        public string? KeepPersonId { get; set; }
        public string? MergePersonId { get; set; }
        public string? Reason { get; set; }
        public bool Confirmed { get; set; }
    }
}
