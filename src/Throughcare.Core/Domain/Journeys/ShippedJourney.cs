using Throughcare.Core.Domain.Organisations;

namespace Throughcare.Core.Domain.Journeys;

/// <summary>
/// The journey Throughcare ships: the resettlement process map's milestones from reception to the end of contact
/// (DOMAIN.md, "The journey template"), seeded as version 1 of its template. Administrators publish later versions on
/// the journey pages; this one stays as the history of the periods opened under it.
/// </summary>
public static class ShippedJourney
{
    public const string Name = "Custody to community";

    public static readonly Guid TemplateId = new("6a0f3c1e-2b4d-4e7a-9c11-000000000001");

    /// <summary>When version 1 came into force: before any period a database can hold.</summary>
    public static readonly DateTime PublishedAt = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public const string FirstNight = "first-night";
    public const string DischargeConference = "discharge-review-conference";
    public const string DischargePlan = "discharge-plan";
    public const string EmergencyHousing = "emergency-housing";
    public const string ReleaseAppointment = "release-appointment";

    public static JourneyTemplate Template => new()
    {
        Id = TemplateId,
        Name = Name,
        Version = 1,
        PublishedAt = PublishedAt,
    };

    // Before the milestones, which static initialisation reads in order.
    private static readonly OrganisationKind? Prison = OrganisationKind.Prison;
    private static readonly OrganisationKind? Probation = OrganisationKind.Probation;
    private static readonly OrganisationKind? LocalAuthority = OrganisationKind.LocalAuthority;

    public static IReadOnlyList<MilestoneDefinition> Milestones { get; } =
    [
        Define(1, FirstNight, "First-night needs assessment", MilestoneAnchor.Reception, 0, OffsetUnit.CalendarDays, Prison),
        Define(2, "wing-induction", "Wing induction", MilestoneAnchor.Reception, 5, OffsetUnit.WorkingDays, Prison),
        Define(3, "initial-needs-assessment", "Initial needs assessment", MilestoneAnchor.Reception, 10, OffsetUnit.WorkingDays, Prison),
        Define(4, "pathway-referrals", "Initial referrals to the resettlement pathway leads", MilestoneAnchor.Reception, 15, OffsetUnit.WorkingDays, Prison),
        Define(5, "oasys", "OASys assessment completed by the offender manager", MilestoneAnchor.Sentence, 15, OffsetUnit.CalendarDays, Probation),
        Define(6, "supervision-plan", "Initial supervision plan", MilestoneAnchor.Sentence, 15, OffsetUnit.CalendarDays, Probation),
        Define(7, "offender-supervisor-assessment", "Offender supervisor assessment", MilestoneAnchor.Sentence, 21, OffsetUnit.CalendarDays, Prison),
        Define(8, "initial-conference", "Initial case conference", MilestoneAnchor.Sentence, 21, OffsetUnit.CalendarDays, Probation),
        Define(9, "housing-assessment", "Borough housing assessment", MilestoneAnchor.Reception, 28, OffsetUnit.CalendarDays, LocalAuthority),
        Define(10, "parole-dossier", "Parole review preparation begun", MilestoneAnchor.ParoleEligibility, -182, OffsetUnit.CalendarDays, Probation, indeterminate: true),
        Define(11, "outside-agency-referrals", "Referrals and liaison with outside agencies", MilestoneAnchor.ExpectedRelease, -91, OffsetUnit.CalendarDays, Probation, overMonths: 12),
        Define(12, EmergencyHousing, "Emergency housing application", MilestoneAnchor.ExpectedRelease, -28, OffsetUnit.CalendarDays, LocalAuthority, noAccommodation: true),
        Define(13, DischargeConference, "Discharge review case conference", MilestoneAnchor.ExpectedRelease, -21, OffsetUnit.CalendarDays, Probation),
        Define(14, DischargePlan, "Discharge plan sent to the offender manager and borough leads", MilestoneAnchor.Milestone, 5, OffsetUnit.WorkingDays, Prison, after: DischargeConference),
        Define(15, ReleaseAppointment, "Appointment within 24 hours of release", MilestoneAnchor.Release, 1, OffsetUnit.CalendarDays, null),
        Define(16, "outcomes-three-months", "Case outcome indicators at three months", MilestoneAnchor.Release, 91, OffsetUnit.CalendarDays, null),
    ];

    /// <param name="owner">The organisation kind that owns it; null for the allocated worker.</param>
    private static MilestoneDefinition Define(
        int order, string code, string title, MilestoneAnchor anchor, int offset, OffsetUnit unit, OrganisationKind? owner,
        int? overMonths = null, bool indeterminate = false, bool noAccommodation = false, string? after = null) => new()
        {
            Id = new Guid($"6a0f3c1e-2b4d-4e7a-9c11-1000000000{order:D2}"),
            TemplateId = TemplateId,
            Code = code,
            Title = title,
            Order = order,
            Anchor = anchor,
            AnchorMilestoneCode = after,
            Offset = offset,
            Unit = unit,
            OnlyIfSentenceOverMonths = overMonths,
            OnlyIfIndeterminate = indeterminate,
            OnlyIfNoAccommodation = noAccommodation,
            OwnerKind = owner is null ? MilestoneOwnerKind.AllocatedWorker : MilestoneOwnerKind.OrganisationKind,
            Owner = owner?.ToString(),
            ReminderDaysBefore = anchor == MilestoneAnchor.Release ? null : 7,
        };
}
