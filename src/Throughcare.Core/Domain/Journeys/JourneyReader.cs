using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Custody;
using Throughcare.Core.Domain.Organisations;
using Throughcare.Core.Infrastructure.Database;

namespace Throughcare.Core.Domain.Journeys;

/// <summary>A milestone with its definition, as the journey, the lists and the API show it.</summary>
/// <param name="AnchorTitle">The title of the milestone whose completion dates this one, for a chained milestone.</param>
public sealed record MilestoneRow(Milestone Milestone, MilestoneDefinition Definition, string? AnchorTitle = null)
{
    /// <summary>How it is dated, in words: "5 working days after the reception date".</summary>
    public string Rule => JourneyReader.Rule(Definition, AnchorTitle);

    /// <summary>What it waits for before it has a date.</summary>
    public string WaitingFor => Definition.Anchor == MilestoneAnchor.Milestone && AnchorTitle is not null ? $"\"{AnchorTitle}\" to be done" : JourneyPlanner.AnchorLabel(Definition);

    public MilestoneStanding Standing(DateOnly today) => MilestoneStatus.Of(Milestone, today);

    public string Owner => JourneyReader.OwnerLabel(Definition);
}

/// <summary>Reads a person's journey: their custody periods' milestones, in the template's order, through the access rules.</summary>
public sealed class JourneyReader(ThroughcareDbContext db, MilestoneAccess milestones, CustodyAccess custody)
{
    /// <summary>The person's periods the user may see, the latest first, each with its milestones in order.</summary>
    public async Task<IReadOnlyList<(CustodyPeriod Period, IReadOnlyList<MilestoneRow> Milestones)>> ForPersonAsync(Guid personId, CancellationToken cancellationToken)
    {
        var periods = await custody.Visible().AsNoTracking().Include(p => p.Moves).Where(p => p.PersonId == personId)
            .OrderByDescending(p => p.ReceptionOn).ThenByDescending(p => p.CreatedAt).ToListAsync(cancellationToken);
        var rows = await RowsAsync(milestones.Visible().Where(m => m.PersonId == personId), cancellationToken);
        return periods.Select(p => (p, (IReadOnlyList<MilestoneRow>)rows.Where(r => r.Milestone.CustodyPeriodId == p.Id).OrderBy(r => r.Definition.Order).ToList())).ToList();
    }

    /// <summary>One milestone with its definition, or null when the user may not see it.</summary>
    public async Task<MilestoneRow?> FindAsync(Guid milestoneId, CancellationToken cancellationToken) =>
        (await RowsAsync(milestones.Visible().Where(m => m.Id == milestoneId), cancellationToken)).SingleOrDefault();

    public async Task<List<MilestoneRow>> RowsAsync(IQueryable<Milestone> query, CancellationToken cancellationToken)
    {
        var found = await query.AsNoTracking().Join(db.MilestoneDefinitions.AsNoTracking(), m => m.DefinitionId, d => d.Id, (m, d) => new { m, d }).ToListAsync(cancellationToken);
        var chained = found.Where(x => x.d.AnchorMilestoneCode is not null).Select(x => (x.d.TemplateId, Code: x.d.AnchorMilestoneCode!)).Distinct().ToList();
        var templates = chained.Select(c => c.TemplateId).Distinct().ToList();
        var titles = chained.Count == 0 ? [] : (await db.MilestoneDefinitions.AsNoTracking().Where(d => templates.Contains(d.TemplateId)).Select(d => new { d.TemplateId, d.Code, d.Title }).ToListAsync(cancellationToken))
            .ToDictionary(d => (d.TemplateId, d.Code), d => d.Title);
        return found.Select(x => new MilestoneRow(x.m, x.d, x.d.AnchorMilestoneCode is { } code ? titles.GetValueOrDefault((x.d.TemplateId, code)) : null)).ToList();
    }

    public static string OwnerLabel(MilestoneDefinition definition) => definition.OwnerKind switch
    {
        MilestoneOwnerKind.AllocatedWorker => "Allocated worker",
        MilestoneOwnerKind.OrganisationKind when Enum.TryParse<OrganisationKind>(definition.Owner, out var kind) => OrganisationKinds.Label(kind),
        _ => definition.Owner ?? "Not set",
    };

    /// <summary>How the milestone is dated, in words: "5 working days after the reception date".</summary>
    public static string Rule(MilestoneDefinition definition, string? anchorTitle)
    {
        var anchor = definition.Anchor == MilestoneAnchor.Milestone ? $"\"{anchorTitle ?? definition.AnchorMilestoneCode}\" is done" : JourneyPlanner.AnchorLabel(definition);
        if (definition.Offset == 0)
        {
            return $"On {anchor}";
        }

        var days = Math.Abs(definition.Offset);
        var unit = definition.Unit == OffsetUnit.WorkingDays ? (days == 1 ? "working day" : "working days") : (days == 1 ? "day" : "days");
        return $"{days} {unit} {(definition.Offset < 0 ? "before" : "after")} {anchor}";
    }
}
