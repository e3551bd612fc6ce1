using Microsoft.AspNetCore.Mvc;
using Throughcare.Core.Domain.Journeys;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Admin.Journey;

/// <summary>Change or remove one milestone of the journey template; either publishes a new version.</summary>
public sealed class EditModel(JourneyTemplates templates) : MilestoneFormModel(templates)
{
    [FromRoute]
    public string MilestoneCode { get; set; } = "";

    protected override string? Code => MilestoneCode;

    public MilestoneDefinition Milestone => Current.Milestones.Single(m => m.Code == MilestoneCode);

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        if (Current.Milestones.All(m => m.Code != MilestoneCode))
        {
            return NotFound();
        }

        Input = MilestoneDefinitionInput.From(Milestone);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync()
    {
        var shown = Version;
        await LoadAsync();
        if (Current.Milestones.All(m => m.Code != MilestoneCode))
        {
            return NotFound();
        }

        Input = MilestoneDefinitionInput.From(Milestone);
        return await this.AnswerAsync(await Templates.RemoveAsync(MilestoneCode, shown, HttpContext.RequestAborted), Answer("Milestone removed in a new version of the template"));
    }
}
