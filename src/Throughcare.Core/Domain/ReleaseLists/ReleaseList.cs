using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Custody;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Domain.Journeys;
using Throughcare.Core.Domain.Organisations;
using Throughcare.Core.Domain.People;
using Throughcare.Core.Domain.ReferenceData;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Security;
using Throughcare.Core.Infrastructure.Text;

namespace Throughcare.Core.Domain.ReleaseLists;

/// <summary>One person due for release to a borough, as the list shows, exports and sends them: labels, not codes.</summary>
public sealed record ReleaseListRow(
    Guid PersonId, Guid CustodyPeriodId, string Name, string? PrisonNumber, DateOnly ReleaseOn, bool Confirmed, string Prison, string Sentence,
    string Rosh, string Mappa, string Workers, string Accommodation, string HousingAssessment, string EmergencyHousing);

/// <summary>One person released to a borough, with the case outcome indicators recorded until the end of contact.</summary>
public sealed record ArchiveRow(
    Guid PersonId, Guid CustodyPeriodId, string Name, DateOnly ReleasedOn, string AccommodationOnRelease, string AccommodationAtThreeMonths,
    string AppointmentWithin24Hours, string Engagement, string Ete, string ReturnToCustody);

/// <summary>
/// Reads a borough's release list and archive list: the one query for the pages, the exports, the API and the weekly
/// e-mail. People come through the people filter, so a list shows only those the reader's organisation may see; who may
/// read a borough's lists at all is <see cref="MayRead"/>.
/// </summary>
public sealed class ReleaseListReader(ThroughcareDbContext db, CustodyAccess custody, CurrentUser user)
{
    public const int DefaultWeeks = 12;
    public const int MaximumWeeks = 52;

    /// <summary>How long after release a person stays on the archive list.</summary>
    public const int ArchiveMonths = 12;

    /// <summary>
    /// Whether the user may read this borough's lists: staff who see people; a local authority's staff only their own
    /// borough's. (Each list then shows only the people the organisation holds a role with.)
    /// </summary>
    public async Task<bool> MayReadAsync(string borough, CancellationToken cancellationToken)
    {
        if (Boroughs.All.Find(borough) is null || !user.Holds(Accounts.Capabilities.ViewPeople) || user.OrganisationId is not { } organisationId)
        {
            return false;
        }

        var serves = await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId).Select(o => new { o.Kind, o.Borough }).SingleOrDefaultAsync(cancellationToken);
        return MayRead(serves?.Kind, serves?.Borough, borough);
    }

    /// <summary>The rule <see cref="MayReadAsync"/> applies, for an organisation of this kind serving this borough.</summary>
    public static bool MayRead(OrganisationKind? kind, string? serves, string borough) =>
        kind is not null && (kind != OrganisationKind.LocalAuthority || serves is null || serves == borough);

    /// <summary>The people due for release to the borough within the window, soonest first.</summary>
    public async Task<IReadOnlyList<ReleaseListRow>> DueAsync(string borough, DateOnly today, int weeks, CancellationToken cancellationToken)
    {
        var until = today.AddDays(7 * weeks);
        var periods = await custody.Visible().AsNoTracking().Include(p => p.Moves)
            .Where(p => p.ReleaseBorough == borough && p.ReleasedOn == null && p.ExpectedReleaseOn != null && p.ExpectedReleaseOn >= today && p.ExpectedReleaseOn <= until)
            .OrderBy(p => p.ExpectedReleaseOn).ThenBy(p => p.PersonId)
            .ToListAsync(cancellationToken);
        var facts = await FactsAsync(periods, cancellationToken);
        return periods.Select(p =>
        {
            var person = facts.People[p.PersonId];
            return new ReleaseListRow(
                p.PersonId, p.Id, person.Name, person.PrisonNumber, p.ExpectedReleaseOn!.Value, p.ExpectedReleaseConfirmed, facts.Prisons.GetValueOrDefault(p.CurrentPrisonId, "Unknown"),
                CustodyLabels.Sentence(p.SentenceType) + (p.SentenceLengthMonths is { } months ? $", {months} months" : ""),
                person.Rosh, person.Mappa, string.Join(", ", facts.Workers.GetValueOrDefault(p.PersonId, [])), CustodyLabels.Accommodation(p.Accommodation),
                Standing(facts, p.Id, "housing-assessment", today), Standing(facts, p.Id, ShippedJourney.EmergencyHousing, today));
        }).ToList();
    }

    /// <summary>The people released to the borough in the last <see cref="ArchiveMonths"/> months, most recent first, with their outcomes.</summary>
    public async Task<IReadOnlyList<ArchiveRow>> ArchiveAsync(string borough, DateOnly today, CancellationToken cancellationToken)
    {
        var since = today.AddMonths(-ArchiveMonths);
        var periods = await custody.Visible().AsNoTracking().Include(p => p.Moves)
            .Where(p => p.ReleaseBorough == borough && p.ReleasedOn != null && p.ReleasedOn >= since)
            .OrderByDescending(p => p.ReleasedOn).ThenBy(p => p.PersonId)
            .ToListAsync(cancellationToken);
        var facts = await FactsAsync(periods, cancellationToken);
        var people = periods.Select(p => p.PersonId).Distinct().ToList();
        var later = await custody.Visible().AsNoTracking().Where(p => people.Contains(p.PersonId))
            .Select(p => new { p.Id, p.PersonId, p.ReceptionOn, p.RecalledFromPeriodId }).ToListAsync(cancellationToken);
        return periods.Select(p =>
        {
            var returned = later.Where(l => l.PersonId == p.PersonId && l.Id != p.Id && l.ReceptionOn >= p.ReleasedOn).OrderBy(l => l.ReceptionOn).FirstOrDefault();
            return new ArchiveRow(
                p.PersonId, p.Id, facts.People[p.PersonId].Name, p.ReleasedOn!.Value, CustodyLabels.Accommodation(p.Accommodation),
                p.AccommodationAtThreeMonths is null ? "Not recorded" : CustodyLabels.Accommodation(p.AccommodationAtThreeMonths),
                AppointmentKept(facts, p, today), CustodyLabels.Engagement(p.Engagement), CustodyLabels.Ete(p.Ete),
                returned is null ? "No" : $"{(returned.RecalledFromPeriodId == p.Id ? "Recalled" : "Returned to custody")} on {Display.Date(returned.ReceptionOn)}");
        }).ToList();
    }

    /// <summary>Whether the appointment within 24 hours of release was kept, from its milestone.</summary>
    private static string AppointmentKept(Facts facts, CustodyPeriod period, DateOnly today)
    {
        if (facts.Milestone(period.Id, ShippedJourney.ReleaseAppointment) is not { } milestone)
        {
            return "Not recorded";
        }

        return milestone switch
        {
            { State: MilestoneState.Done, DoneOn: { } done } when done <= period.ReleasedOn!.Value.AddDays(1) => "Yes",
            { State: MilestoneState.Done } => "Later",
            { State: MilestoneState.NotApplicable } => "Not applicable",
            _ when MilestoneStatus.IsOverdue(milestone, today) => "No",
            _ => "Not yet",
        };
    }

    private static string Standing(Facts facts, Guid periodId, string code, DateOnly today) =>
        facts.Milestone(periodId, code) is { } milestone ? MilestoneStatus.Label(MilestoneStatus.Of(milestone, today)) : "Not in the journey";

    private sealed record PersonFacts(string Name, string? PrisonNumber, string Rosh, string Mappa);

    private sealed record Facts(
        IReadOnlyDictionary<Guid, PersonFacts> People, IReadOnlyDictionary<Guid, string> Prisons, IReadOnlyDictionary<Guid, List<string>> Workers,
        IReadOnlyList<(Guid PeriodId, string Code, Milestone Milestone)> Milestones)
    {
        public Milestone? Milestone(Guid periodId, string code) => Milestones.FirstOrDefault(m => m.PeriodId == periodId && m.Code == code).Milestone;
    }

    private async Task<Facts> FactsAsync(IReadOnlyList<CustodyPeriod> periods, CancellationToken cancellationToken)
    {
        var people = periods.Select(p => p.PersonId).Distinct().ToList();
        var found = await db.People.AsNoTracking().Where(p => people.Contains(p.Id))
            .Select(p => new { p.Id, p.Details.GivenName, p.Details.FamilyName, p.Details.PrisonNumber, p.Details.RoshLevel, p.Details.MappaCategory, p.Details.MappaLevel })
            .ToListAsync(cancellationToken);
        var prisonIds = periods.Select(p => p.CurrentPrisonId).Distinct().ToList();
        var prisons = await db.Organisations.AsNoTracking().Where(o => prisonIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);

        // The workers on their open episodes that the reader's organisation may see (the episodes' own filter decides).
        var workers = await (
            from e in db.Episodes.AsNoTracking()
            where people.Contains(e.PersonId) && e.State != EpisodeState.Closed
            join s in db.EpisodeStrands on e.Id equals s.EpisodeId
            where s.EndedAt == null
            join u in db.Users on s.WorkerUserId equals u.Id
            select new { e.PersonId, u.DisplayName }).ToListAsync(cancellationToken);
        var ids = periods.Select(p => p.Id).ToList();
        var milestones = await db.Milestones.AsNoTracking().Where(m => ids.Contains(m.CustodyPeriodId))
            .Join(db.MilestoneDefinitions, m => m.DefinitionId, d => d.Id, (m, d) => new { m, d.Code })
            .Where(x => x.Code == "housing-assessment" || x.Code == ShippedJourney.EmergencyHousing || x.Code == ShippedJourney.ReleaseAppointment)
            .ToListAsync(cancellationToken);
        return new Facts(
            found.ToDictionary(p => p.Id, p => new PersonFacts(
                $"{p.GivenName} {p.FamilyName}", p.PrisonNumber, p.RoshLevel is { } rosh ? PersonLabels.Rosh(rosh) : "Not recorded",
                p.MappaCategory is { } category ? $"Category {category}" + (p.MappaLevel is { } level ? $", level {level}" : "") : "None")),
            prisons,
            workers.GroupBy(w => w.PersonId).ToDictionary(g => g.Key, g => g.Select(w => w.DisplayName).Distinct().Order().ToList()),
            milestones.Select(x => (x.m.CustodyPeriodId, x.Code, x.m)).ToList());
    }
}
