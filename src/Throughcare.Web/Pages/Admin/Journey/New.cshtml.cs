using Throughcare.Core.Domain.Journeys;

namespace Throughcare.Web.Pages.Admin.Journey;

/// <summary>Add a milestone to the journey template, at its end.</summary>
public sealed class NewModel(JourneyTemplates templates) : MilestoneFormModel(templates)
{
    protected override string? Code => null;

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Input = new MilestoneDefinitionInput { Unit = OffsetUnit.CalendarDays, OwnerKind = MilestoneOwnerKind.AllocatedWorker, Offset = "0" };
    }
}
