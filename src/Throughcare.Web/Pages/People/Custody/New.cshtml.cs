using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Throughcare.Core.Domain.Access;
using Throughcare.Core.Domain.Custody;
using Throughcare.Core.Domain.Organisations;
using Throughcare.Core.Domain.People;
using Throughcare.Web.Infrastructure.Web;
using Throughcare.Web.Pages.Episodes;

namespace Throughcare.Web.Pages.People.Custody;

/// <summary>The key dates and release plan part of a custody form, shared by recording a period and changing its dates.</summary>
public interface IKeyDatesForm
{
    IReleasePlanInput Input { get; }
}

/// <summary>Record a period in custody: the prison that received them, the sentence, and what is known of its dates and release plan.</summary>
[Requires(PersonRight.RecordCustody)]
public sealed class NewModel(CustodyService custody) : PageModel, IKeyDatesForm
{
    [BindProperty]
    public CustodyInput Input { get; set; } = new();

    [BindProperty]
    public Guid SubmissionId { get; set; } = Guid.NewGuid();

    public PersonInView InView => HttpContext.Record<PersonInView>();

    IReleasePlanInput IKeyDatesForm.Input => Input;

    public IReadOnlyList<Organisation> Prisons { get; private set; } = [];

    public async Task OnGetAsync() => Prisons = await custody.PrisonsAsync(HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAsync()
    {
        Prisons = await custody.PrisonsAsync(HttpContext.RequestAborted);
        if (!(await custody.RulesAsync(HttpContext.RequestAborted)).Validate(Input).AddTo(ModelState))
        {
            return Page();
        }

        var result = await custody.RecordAsync(InView.Id, SubmissionId, Input, HttpContext.RequestAborted);
        return await this.AnswerAsync(result.ForInput(), new WriteAnswer
        {
            Done = id => RedirectToPage("/People/Custody/View", new { personId = InView.Id, custodyPeriodId = id }),
            Flash = "Period in custody recorded, and its journey of milestones set out",
        });
    }
}
