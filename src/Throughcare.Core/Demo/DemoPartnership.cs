using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Appointments;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Custody;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Domain.Journeys;
using Throughcare.Core.Domain.Organisations;
using Throughcare.Core.Domain.People;
using Throughcare.Core.Domain.ReferenceData;
using Throughcare.Core.Domain.Referrals;
using Throughcare.Core.Domain.Services;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Text;

namespace Throughcare.Core.Demo;

/// <summary>
/// A small, fictional London partnership for trying Throughcare. Seeded only when Throughcare:Demo:Enabled is true
/// (the Demo environment); no account exists anywhere else until an administrator creates one.
/// </summary>
public sealed class DemoPartnership(
    ThroughcareDbContext db, UserManager<ApplicationUser> users, AuditLog audit, PathwayCatalogue pathways, TimeProvider time, IConfiguration configuration, JourneyService journeys)
{
    public const string EmailDomain = "demo.throughcare.test";

    public sealed record DemoAccount(string Email, string Name, string Organisation, string? Team, params string[] Roles)
    {
        public string? JobRole { get; init; }
        public string[] Languages { get; init; } = [];
    }

    public const string NhsTrust = "South London Pathways NHS Foundation Trust";
    public const string Together = "Together Community Wellbeing";
    public const string Southwark = "London Borough of Southwark";

    public static readonly (string Name, OrganisationKind Kind, string[] Teams)[] Organisations =
    [
        (NhsTrust, OrganisationKind.NhsTrust, ["Liaison and Diversion", "Forensic Psychology"]),
        ("London Probation Region", OrganisationKind.Probation, ["Southwark Probation Delivery Unit", "Lambeth Probation Delivery Unit"]),
        (Together, OrganisationKind.VoluntarySector, ["Community Wellbeing Pathway", "Southwark Hub"]),
        ("HMP Brixton", OrganisationKind.Prison, ["Resettlement"]),
        ("HMP Standford Hill", OrganisationKind.Prison, ["Offender Management Unit"]),
        (Southwark, OrganisationKind.LocalAuthority, ["Housing Options"]),
        ("London OPD Pathway Commissioners", OrganisationKind.Commissioner, []),
    ];

    public static readonly DemoAccount[] Accounts =
    [
        new($"practitioner@{EmailDomain}", "Priya Shah", Together, "Community Wellbeing Pathway", StaffRoles.Practitioner) { JobRole = "fmhp", Languages = [Languages.English, "gu"] },
        new($"clw@{EmailDomain}", "Jordan Clarke", Together, "Community Wellbeing Pathway", StaffRoles.Practitioner) { JobRole = "clw", Languages = ["pl", Languages.English] },
        new($"manager@{EmailDomain}", "Marcus Bell", Together, "Community Wellbeing Pathway", StaffRoles.Manager) { JobRole = "fmhp", Languages = [Languages.English] },
        new($"probation@{EmailDomain}", "Olu Adeyemi", "London Probation Region", "Southwark Probation Delivery Unit", StaffRoles.Practitioner) { JobRole = "probation-officer", Languages = [Languages.English, "yo"] },
        new($"liaison@{EmailDomain}", "Nadia Osei", NhsTrust, "Liaison and Diversion", StaffRoles.Practitioner) { JobRole = "liaison-diversion", Languages = [Languages.English, "tw"] },
        new($"liaison-manager@{EmailDomain}", "Tom Fletcher", NhsTrust, "Liaison and Diversion", StaffRoles.Manager) { JobRole = "liaison-diversion", Languages = [Languages.English] },
        new($"admin@{EmailDomain}", "Alex Morgan", NhsTrust, null, StaffRoles.Administrator),
        new($"dpo@{EmailDomain}", "Dana Whitfield", NhsTrust, null, StaffRoles.DataProtectionOfficer),
        new($"commissioner@{EmailDomain}", "Chris Okafor", "London OPD Pathway Commissioners", null, StaffRoles.Commissioner),
        new($"partnership-admin@{EmailDomain}", "Ruth Adebayo", "London OPD Pathway Commissioners", null, StaffRoles.PartnershipAdministrator),
        new($"prison@{EmailDomain}", "Sam Rahman", "HMP Brixton", "Resettlement", StaffRoles.Practitioner) { JobRole = "prison-officer", Languages = [Languages.English, "bn"] },
        new($"housing@{EmailDomain}", "Grace Okoro", Southwark, "Housing Options", StaffRoles.Manager) { Languages = [Languages.English] },
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Organisations.AnyAsync(cancellationToken))
        {
            return;
        }

        var password = configuration["Throughcare:Demo:Password"] ?? "Partnership-Demo-2026";
        var now = time.GetUtcNow().UtcDateTime;
        var organisations = Organisations.Select(o => new Organisation
        {
            Id = Guid.NewGuid(),
            Name = o.Name,
            Kind = o.Kind,
            Borough = o.Kind == OrganisationKind.LocalAuthority ? "southwark" : null,
            CreatedAt = now,
            Teams = o.Teams.Select(t => new Team { Id = Guid.NewGuid(), Name = t, CreatedAt = now }).ToList(),
        }).ToList();
        db.Organisations.AddRange(organisations);
        await db.SaveChangesAsync(cancellationToken);

        foreach (var account in Accounts)
        {
            var organisation = organisations.Single(o => o.Name == account.Organisation);
            var user = new ApplicationUser
            {
                Id = Guid.NewGuid(),
                UserName = account.Email,
                Email = account.Email,
                EmailConfirmed = true,
                DisplayName = account.Name,
                OrganisationId = organisation.Id,
                TeamId = organisation.Teams.SingleOrDefault(t => t.Name == account.Team)?.Id,
                JobRole = account.JobRole,
                Languages = [.. account.Languages],
                CreatedAt = now,
            };
            Require(await users.CreateAsync(user, password));
            Require(await users.AddToRolesAsync(user, account.Roles));
        }

        foreach (var service in Services(organisations.ToDictionary(o => o.Name, o => o.Id), now))
        {
            db.Services.Add(service);
            audit.Record(new ServiceCreated(service.Id, service.OrganisationId, FieldChanges.Compare(new ServiceSettings(), ServiceSettings.Of(service))), purpose: "demo data");
        }

        var wellbeing = organisations.Single(o => o.Kind == OrganisationKind.VoluntarySector).Id;
        var probation = organisations.Single(o => o.Kind == OrganisationKind.Probation).Id;
        Person? first = null;
        Person? leon = null;
        Person? mohammed = null;
        var byName = new Dictionary<string, Person>();
        foreach (var (details, holders) in People(wellbeing, probation))
        {
            var person = new Person
            {
                Id = Guid.NewGuid(),
                Details = details,
                CreatedAt = now,
                UpdatedAt = now,
                CreatedByOrganisationId = holders[0],
                CareRoles = holders.Select((o, i) => new PersonCareRole
                {
                    Id = Guid.NewGuid(),
                    OrganisationId = o,
                    Kind = i == 0 ? CareRoleKind.CreatedRecord : CareRoleKind.HoldsRecord,
                    StartedAt = now,
                }).ToList(),
            };
            PersonService.SetSearchKeys(person);
            db.People.Add(person);
            first ??= person;
            leon = details.GivenName == "Leon" ? person : leon;
            mohammed = details.GivenName == "Mohammed" ? person : mohammed;
            byName[details.GivenName] = person;
            audit.Record(new PersonCreated(person.Id, FieldChanges.Created(details)), purpose: "demo data");
        }

        await db.SaveChangesAsync(cancellationToken);
        var episode = await SeedEpisodeAsync(first!, probation, now, cancellationToken);
        var custody = await SeedCustodyEpisodeAsync(mohammed!, probation, now, cancellationToken);
        await SeedLiaisonReferralAsync(leon!, probation, now, cancellationToken);
        await SeedAppointmentsAsync(episode, custody, now, cancellationToken);
        await SeedCustodyAsync(byName, organisations, now, cancellationToken);
    }

    /// <summary>
    /// The custody half of the journey, one person at each stage: Kwame just sentenced (his first milestones due),
    /// Tomasz moved to open conditions six weeks before release with no housing found (a milestone overdue), Mohammed
    /// twelve days from release with his emergency housing application overdue, Jason released last week, and Errol
    /// recalled ten days ago after five months on licence.
    /// </summary>
    private async Task SeedCustodyAsync(IReadOnlyDictionary<string, Person> people, IReadOnlyList<Organisation> organisations, DateTime now, CancellationToken cancellationToken)
    {
        var today = Display.LondonDate(now);
        var brixton = organisations.Single(o => o.Name == "HMP Brixton").Id;
        var standfordHill = organisations.Single(o => o.Name == "HMP Standford Hill").Id;
        var officer = await db.Users.SingleAsync(u => u.Email == $"prison@{EmailDomain}", cancellationToken);
        var southwark = organisations.Single(o => o.Name == Southwark).Id;
        var housing = await db.Users.SingleAsync(u => u.Email == $"housing@{EmailDomain}", cancellationToken);
        db.BoroughLeads.AddRange(
            new Domain.ReleaseLists.BoroughLead
            {
                Id = Guid.NewGuid(),
                Borough = "southwark",
                Name = housing.DisplayName,
                OrganisationName = Southwark,
                Role = "Housing options lead",
                Email = housing.Email!,
                AddedAt = now,
                AddedByUserId = housing.Id,
            },
            new Domain.ReleaseLists.BoroughLead
            {
                Id = Guid.NewGuid(),
                Borough = "southwark",
                Name = "Femi Adewale",
                OrganisationName = "Southwark Community Safety Partnership",
                Role = "Reducing reoffending lead",
                Email = $"community-safety@{EmailDomain}",
                AddedAt = now,
                AddedByUserId = housing.Id,
            });
        var template = await journeys.TemplateInForceAsync(cancellationToken);

        CustodyPeriod Period(Person person, int receivedDaysAgo, SentenceType type, int? months, int? releaseInDays, string? borough, ReleaseAccommodation? accommodation) => new()
        {
            Id = Guid.NewGuid(),
            PersonId = person.Id,
            ReceptionPrisonId = brixton,
            ReceptionOn = today.AddDays(-receivedDaysAgo),
            SentenceOn = today.AddDays(-receivedDaysAgo + 2),
            SentenceType = type,
            SentenceLengthMonths = months,
            ExpectedReleaseOn = releaseInDays is { } days ? today.AddDays(days) : null,
            ExpectedReleaseConfirmed = releaseInDays is < 60,
            ConditionalReleaseOn = releaseInDays is { } release ? today.AddDays(release) : null,
            LicenceExpiryOn = months is { } m ? today.AddDays(-receivedDaysAgo).AddMonths(m) : null,
            SentenceExpiryOn = months is { } n ? today.AddDays(-receivedDaysAgo).AddMonths(n) : null,
            ReleaseBorough = borough,
            Accommodation = accommodation,
            JourneyTemplateId = template,
            CreatedAt = now.AddDays(-receivedDaysAgo + 2),
            CreatedByUserId = officer.Id,
        };

        var kwame = Period(people["Kwame"], 5, SentenceType.Determinate, 18, 270, "southwark", null);
        var tomasz = Period(people["Tomasz"], 700, SentenceType.Determinate, 48, 42, "lambeth", null);
        tomasz.Moves.Add(new CustodyMove
        {
            Id = Guid.NewGuid(),
            CustodyPeriodId = tomasz.Id,
            FromPrisonId = brixton,
            ToPrisonId = standfordHill,
            MovedOn = today.AddDays(-120),
            Reason = MoveReason.ProgressiveMove,
            Note = "Category D: open conditions to prepare for release",
            RecordedAt = now.AddDays(-120),
            RecordedByUserId = officer.Id,
        });
        var mohammed = Period(people["Mohammed"], 430, SentenceType.Determinate, 30, 12, "southwark", null);
        var jason = Period(people["Jason"], 380, SentenceType.Determinate, 24, null, "southwark", ReleaseAccommodation.Temporary);
        jason.ReleasedOn = today.AddDays(-6);
        jason.ReleaseKind = ReleaseKind.AutomaticOnLicence;
        jason.ExpectedReleaseOn = jason.ReleasedOn;
        var errolFirst = Period(people["Errol"], 560, SentenceType.Determinate, 36, null, "southwark", ReleaseAccommodation.ApprovedPremises);
        errolFirst.ReleasedOn = today.AddDays(-150);
        errolFirst.ReleaseKind = ReleaseKind.AutomaticOnLicence;
        errolFirst.ExpectedReleaseOn = errolFirst.ReleasedOn;
        (errolFirst.AccommodationAtThreeMonths, errolFirst.Engagement, errolFirst.Ete) = (ReleaseAccommodation.Temporary, Engagement.Partly, EteStatus.None);
        errolFirst.OutcomesRecordedAt = now.AddDays(-60);
        errolFirst.OutcomesRecordedByUserId = officer.Id;
        var errolRecall = Period(people["Errol"], 10, SentenceType.Recall, null, null, "southwark", null);
        errolRecall.SentenceOn = null;
        errolRecall.RecalledFromPeriodId = errolFirst.Id;
        errolRecall.LicenceExpiryOn = errolFirst.LicenceExpiryOn;
        errolRecall.SentenceExpiryOn = errolFirst.SentenceExpiryOn;

        // Each milestone due before the cut-off was done when it fell due, except those the demo leaves overdue.
        (CustodyPeriod Period, int DoneUpToDaysAgo, string[] LeftOverdue)[] stages =
        [
            (kwame, 30, []),
            (tomasz, 0, ["outside-agency-referrals"]),
            (mohammed, 0, [ShippedJourney.EmergencyHousing]),
            (jason, 0, []),
            (errolFirst, 0, []),
            (errolRecall, 30, []),
        ];
        foreach (var (period, doneUpTo, overdue) in stages)
        {
            db.CustodyPeriods.Add(period);
            audit.Record(new CustodyPeriodRecorded(period.PersonId, period.Id, period.ReceptionPrisonId, [new FieldChange("Reception", null, Display.Date(period.ReceptionOn))], period.RecalledFromPeriodId), purpose: "demo data");
            foreach (var prison in period.Moves.Select(m => m.ToPrisonId).Append(period.ReceptionPrisonId).Distinct())
            {
                db.PersonCareRoles.Add(new PersonCareRole { Id = Guid.NewGuid(), PersonId = period.PersonId, OrganisationId = prison, Kind = CareRoleKind.Custody, CustodyPeriodId = period.Id, StartedAt = now.AddDays(-700) });
            }

            // Southwark's housing team plans the release of those due out to the borough.
            if (period.ReleaseBorough == "southwark")
            {
                db.PersonCareRoles.Add(new PersonCareRole { Id = Guid.NewGuid(), PersonId = period.PersonId, OrganisationId = southwark, Kind = CareRoleKind.ReleaseBorough, CustodyPeriodId = period.Id, StartedAt = now.AddDays(-30) });
            }

            // Dated, then done in order, so that milestones chained to others are dated from their completion.
            for (var pass = 0; pass < 3; pass++)
            {
                await journeys.RefreshAsync(period, null, cancellationToken);
                var definitions = await db.MilestoneDefinitions.AsNoTracking().Where(d => d.TemplateId == template).ToDictionaryAsync(d => d.Id, cancellationToken);
                foreach (var milestone in db.Milestones.Local.Where(m => m.CustodyPeriodId == period.Id && m.State == MilestoneState.Open && m.Applies && m.DueOn <= today.AddDays(-doneUpTo)))
                {
                    if (!overdue.Contains(definitions[milestone.DefinitionId].Code))
                    {
                        milestone.State = MilestoneState.Done;
                        milestone.DoneOn = milestone.DueOn;
                        milestone.RecordedAt = now;
                        milestone.RecordedByUserId = officer.Id;
                    }
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// A referral from probation to Liaison and Diversion, sent two days ago and waiting for its manager's sift, and the
    /// practitioner's appointment with him at court tomorrow.
    /// </summary>
    private async Task SeedLiaisonReferralAsync(Person person, Guid probation, DateTime now, CancellationToken cancellationToken)
    {
        var service = await db.Services.SingleAsync(s => s.Name == "Liaison and Diversion", cancellationToken);
        var referrer = await db.Users.SingleAsync(u => u.Email == $"probation@{EmailDomain}", cancellationToken);
        var sent = now.AddDays(-2);
        AddProbationReferral(person, service, probation, referrer.Id, sent.AddHours(-1), sent,
            "Arrested after a disturbance at his hostel; appears very low and says he has stopped his medication.",
            "A mental health assessment before his next court date, and advice to the court.");

        // Nadia sees him at court tomorrow, before the referral is sifted: an appointment outside any episode, which only
        // the trust sees.
        var nadia = await db.Users.SingleAsync(u => u.Email == $"liaison@{EmailDomain}", cancellationToken);
        var strand = await db.ServiceStrands.SingleAsync(s => s.ServiceId == service.Id, cancellationToken);
        db.Appointments.Add(new Appointment
        {
            Id = Guid.NewGuid(),
            PersonId = person.Id,
            ServiceStrandId = strand.Id,
            OrganisationId = service.OrganisationId,
            StartsAt = Display.FromLondon(Display.LondonDate(now).AddDays(1), new TimeOnly(9, 30)),
            DurationMinutes = 45,
            Place = AppointmentPlace.Court,
            PlaceDetail = "Camberwell Green Magistrates' Court, cells",
            WorkerUserId = nadia.Id,
            BookedAt = now.AddHours(-3),
            BookedByUserId = nadia.Id,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A referral probation sent, with consent, about someone in the community, and the care role it gives the service.</summary>
    private Referral AddProbationReferral(Person person, Service service, Guid probation, Guid referrerId, DateTime created, DateTime sent, string reason, string helpWanted)
    {
        var referral = new Referral
        {
            Id = Guid.NewGuid(),
            PersonId = person.Id,
            ServiceId = service.Id,
            ReferringOrganisationId = probation,
            CreatedByUserId = referrerId,
            Source = ReferralSource.Probation,
            Reason = reason,
            HelpWanted = helpWanted,
            PersonSetting = ServiceSetting.Community,
            SharingBasis = SharingBasis.Consent,
            ConsentGivenOn = DateOnly.FromDateTime(created),
            State = ReferralState.Submitted,
            CreatedAt = created,
            SubmittedAt = sent,
        };
        referral.Transitions = [new() { Id = Guid.NewGuid(), ReferralId = referral.Id, From = ReferralState.Draft, To = ReferralState.Submitted, At = sent, ByUserId = referrerId }];
        db.Referrals.Add(referral);
        db.PersonCareRoles.Add(new PersonCareRole { Id = Guid.NewGuid(), PersonId = person.Id, OrganisationId = service.OrganisationId, Kind = CareRoleKind.Referral, ReferralId = referral.Id, StartedAt = sent });
        return referral;
    }

    /// <summary>
    /// Ten weeks into an episode on the wellbeing pathway, referred by probation: contacts on both strands, a start needs
    /// assessment, a goal with an overdue action, and three missed sessions in a row, so the case shows as at risk.
    /// </summary>
    private async Task<Episode> SeedEpisodeAsync(Person person, Guid probation, DateTime now, CancellationToken cancellationToken)
    {
        var service = await db.Services.Include(s => s.Strands).SingleAsync(s => s.Name == "Community Wellbeing Pathway", cancellationToken);
        var staff = await db.Users.Where(u => u.Email!.EndsWith(EmailDomain)).ToDictionaryAsync(u => u.Email!, cancellationToken);
        var referrer = staff[$"probation@{EmailDomain}"];
        var manager = staff[$"manager@{EmailDomain}"];
        var fmhp = staff[$"practitioner@{EmailDomain}"];
        var clw = staff[$"clw@{EmailDomain}"];
        var emotional = service.Strands.Single(s => s.WorkerRole == "fmhp");
        var practical = service.Strands.Single(s => s.WorkerRole == "clw");
        var opened = now.AddDays(-70);
        var referral = AddProbationReferral(person, service, probation, referrer.Id, opened.AddDays(-14), opened.AddDays(-13),
            "Released on licence in the spring; struggling with supervision and at risk of losing his hostel place.",
            "Someone to talk to, and help to find settled housing.");
        referral.State = ReferralState.Accepted;
        referral.DecidedAt = opened.AddDays(-6);
        referral.DecidedByUserId = manager.Id;
        referral.AllocatedAt = opened;
        referral.Transitions.AddRange(
        [
            new() { Id = Guid.NewGuid(), ReferralId = referral.Id, From = ReferralState.Submitted, To = ReferralState.Screening, At = opened.AddDays(-10), ByUserId = manager.Id },
            new() { Id = Guid.NewGuid(), ReferralId = referral.Id, From = ReferralState.Screening, To = ReferralState.Accepted, At = opened.AddDays(-6), ByUserId = manager.Id },
        ]);

        var startedOn = DateOnly.FromDateTime(opened);
        var episode = new Episode
        {
            Id = Guid.NewGuid(),
            PersonId = person.Id,
            ServiceId = service.Id,
            ReferralId = referral.Id,
            ServiceOrganisationId = service.OrganisationId,
            ReferringOrganisationId = probation,
            State = EpisodeState.Active,
            StartedOn = startedOn,
            PlannedEndOn = startedOn.AddMonths(service.MaximumEpisodeMonths),
            CreatedAt = opened,
            HardestThing1 = "Not knowing if I'll still have a room next month",
            HardestThing2 = "Probation appointments make me anxious",
            HardestThing3 = "Being away from my daughter",
            HardestThingsRecordedAt = opened.AddDays(7),
            Strands =
            [
                new() { Id = Guid.NewGuid(), ServiceStrandId = emotional.Id, WorkerUserId = fmhp.Id, StartedAt = opened, AllocatedByUserId = manager.Id, AllocationReason = "Is a forensic mental health practitioner" },
                new() { Id = Guid.NewGuid(), ServiceStrandId = practical.Id, WorkerUserId = clw.Id, StartedAt = opened, AllocatedByUserId = manager.Id, AllocationReason = "Is a community link worker" },
            ],
        };
        db.Episodes.Add(episode);
        db.EpisodeTransitions.Add(new EpisodeTransition { Id = Guid.NewGuid(), EpisodeId = episode.Id, From = EpisodeState.Engaging, To = EpisodeState.Active, At = opened.AddDays(7), ByUserId = fmhp.Id, Reason = "First attended contact" });

        (int Day, ServiceStrand Strand, ApplicationUser Worker, ContactMode Mode, Attendance Attendance, string[] Interventions, string[] Pathways, string? Note)[] contacts =
        [
            (7, emotional, fmhp, ContactMode.FaceToFace, Attendance.Attended, ["motivational-interviewing", "psychoeducation"], ["attitudes"], "First session at the hub. Talked about what he wants from the next year; agreed to meet weekly."),
            (10, practical, clw, ContactMode.FaceToFace, Attendance.Attended, ["accommodation", "benefits"], ["accommodation", "finance"], "Went through the hostel licence and the Universal Credit claim together."),
            (21, emotional, fmhp, ContactMode.Phone, Attendance.Late, ["solution-focused"], ["attitudes"], "Called twenty minutes late; short session on what helped last week."),
            (28, practical, clw, ContactMode.Outreach, Attendance.Attended, ["accommodation"], ["accommodation"], "Viewed a shared house with the housing options officer."),
            (42, emotional, fmhp, ContactMode.FaceToFace, Attendance.DidNotAttend, [], [], "Did not come to the hub. Texted to rearrange."),
            (49, emotional, fmhp, ContactMode.FaceToFace, Attendance.DidNotAttend, [], [], "Did not come. No reply to texts."),
            (56, practical, clw, ContactMode.HomeVisit, Attendance.DidNotAttend, [], [], "No answer at the hostel. Left a card."),
        ];
        foreach (var c in contacts)
        {
            db.Contacts.Add(new Contact
            {
                Id = Guid.NewGuid(),
                EpisodeId = episode.Id,
                ServiceStrandId = c.Strand.Id,
                OccurredAt = opened.AddDays(c.Day),
                DurationMinutes = c.Attendance is Attendance.Attended or Attendance.Late ? 50 : 0,
                Mode = c.Mode,
                Attendance = c.Attendance,
                Interventions = [.. c.Interventions],
                Pathways = [.. c.Pathways],
                Note = c.Note,
                RecordedAt = opened.AddDays(c.Day),
                RecordedByUserId = c.Worker.Id,
            });
        }

        var assessment = new NeedsAssessment { Id = Guid.NewGuid(), EpisodeId = episode.Id, Occasion = AssessmentOccasion.Start, AssessedOn = startedOn.AddDays(7), RecordedAt = opened.AddDays(7), RecordedByUserId = fmhp.Id };
        NeedLevel[] levels = [NeedLevel.High, NeedLevel.Medium, NeedLevel.Medium, NeedLevel.Low, NeedLevel.High, NeedLevel.Medium, NeedLevel.High];
        var offered = (await pathways.GetAsync(cancellationToken)).Offered;
        assessment.Ratings = offered.Select((p, i) => new NeedRating { Id = Guid.NewGuid(), AssessmentId = assessment.Id, Pathway = p.Code, Level = levels[i % levels.Length] }).ToList();
        db.NeedsAssessments.Add(assessment);
        var goal = new Goal { Id = Guid.NewGuid(), EpisodeId = episode.Id, Description = "Move into a settled home before the hostel place ends", Pathway = "accommodation", CreatedAt = opened.AddDays(10), CreatedByUserId = clw.Id };
        goal.Actions =
        [
            new() { Id = Guid.NewGuid(), GoalId = goal.Id, EpisodeId = episode.Id, Description = "Submit the housing register application", Owner = ActionOwner.Worker, DueOn = DateOnly.FromDateTime(opened.AddDays(35)), Status = ActionStatus.InProgress, CreatedAt = opened.AddDays(10), CreatedByUserId = clw.Id },
            new() { Id = Guid.NewGuid(), GoalId = goal.Id, EpisodeId = episode.Id, Description = "Bring ID and proof of income", Owner = ActionOwner.Person, DueOn = DateOnly.FromDateTime(opened.AddDays(20)), Status = ActionStatus.Done, CreatedAt = opened.AddDays(10), CreatedByUserId = clw.Id, CompletedAt = opened.AddDays(19) },
        ];
        db.Goals.Add(goal);
        audit.Record(new EpisodeOpened(episode.Id, person.Id, referral.Id, service.Id, episode.Strands.Select(s => new StrandWorker(s.ServiceStrandId, s.WorkerUserId)).ToList()), purpose: "demo data");
        await db.SaveChangesAsync(cancellationToken);
        return episode;
    }

    /// <summary>
    /// In HMP Brixton and due out in twelve days: accepted three weeks ago for practical support, which starts with a
    /// prison visit to plan his housing before release.
    /// </summary>
    private async Task<Episode> SeedCustodyEpisodeAsync(Person person, Guid probation, DateTime now, CancellationToken cancellationToken)
    {
        var service = await db.Services.Include(s => s.Strands).SingleAsync(s => s.Name == "Community Wellbeing Pathway", cancellationToken);
        var referrer = await db.Users.SingleAsync(u => u.Email == $"probation@{EmailDomain}", cancellationToken);
        var manager = await db.Users.SingleAsync(u => u.Email == $"manager@{EmailDomain}", cancellationToken);
        var clw = await db.Users.SingleAsync(u => u.Email == $"clw@{EmailDomain}", cancellationToken);
        var practical = service.Strands.Single(s => s.WorkerRole == "clw");
        var opened = now.AddDays(-21);
        var referral = AddProbationReferral(person, service, probation, referrer.Id, opened.AddDays(-9), opened.AddDays(-8),
            "Due for release from HMP Brixton in a few weeks with nowhere settled to go; keen to keep away from his old area.",
            "Practical support through the gate: housing, benefits and registering with a GP.");
        referral.PersonSetting = ServiceSetting.Custody;
        referral.State = ReferralState.Accepted;
        referral.DecidedAt = opened.AddDays(-2);
        referral.DecidedByUserId = manager.Id;
        referral.AllocatedAt = opened;
        referral.Transitions.Add(new() { Id = Guid.NewGuid(), ReferralId = referral.Id, From = ReferralState.Submitted, To = ReferralState.Accepted, At = opened.AddDays(-2), ByUserId = manager.Id });
        var startedOn = DateOnly.FromDateTime(opened);
        var episode = new Episode
        {
            Id = Guid.NewGuid(),
            PersonId = person.Id,
            ServiceId = service.Id,
            ReferralId = referral.Id,
            ServiceOrganisationId = service.OrganisationId,
            ReferringOrganisationId = probation,
            StartedOn = startedOn,
            PlannedEndOn = startedOn.AddMonths(service.MaximumEpisodeMonths),
            CreatedAt = opened,
            Strands = [new() { Id = Guid.NewGuid(), ServiceStrandId = practical.Id, WorkerUserId = clw.Id, StartedAt = opened, AllocatedByUserId = manager.Id, AllocationReason = "Is a community link worker" }],
        };
        db.Episodes.Add(episode);
        audit.Record(new EpisodeOpened(episode.Id, person.Id, referral.Id, service.Id, episode.Strands.Select(s => new StrandWorker(s.ServiceStrandId, s.WorkerUserId)).ToList()), purpose: "demo data");
        await db.SaveChangesAsync(cancellationToken);
        return episode;
    }

    /// <summary>
    /// Priya's and Jordan's week: yesterday's session that Daniel missed, still to be closed; Priya's weekly session with
    /// him for eight weeks; Jordan's phone call today and home visit later in the week; and his visit to Mohammed in
    /// HMP Brixton before the release.
    /// </summary>
    private async Task SeedAppointmentsAsync(Episode episode, Episode custody, DateTime now, CancellationToken cancellationToken)
    {
        var today = Display.LondonDate(now);
        var priya = await db.Users.Where(u => u.Email == $"practitioner@{EmailDomain}").Select(u => u.Id).SingleAsync(cancellationToken);
        var fmhp = episode.Strands.Single(s => s.WorkerUserId == priya);
        var clw = episode.Strands.Single(s => s.WorkerUserId != priya);
        var visit = custody.Strands.Single();
        var series = new AppointmentSeries
        {
            Id = Guid.NewGuid(),
            EpisodeId = episode.Id,
            Rule = RepeatRule.Weekly,
            FirstDate = today.AddDays(1),
            LastDate = today.AddDays(50),
            CreatedAt = now.AddDays(-3),
            CreatedByUserId = fmhp.WorkerUserId,
        };
        db.AppointmentSeries.Add(series);

        Appointment Book(Episode on, EpisodeStrand strand, DateOnly date, int hour, int minute, int minutes, AppointmentPlace place, string? detail, Guid? seriesId = null) => new()
        {
            Id = Guid.NewGuid(),
            PersonId = on.PersonId,
            EpisodeId = on.Id,
            ServiceStrandId = strand.ServiceStrandId,
            OrganisationId = on.ServiceOrganisationId,
            StartsAt = Display.FromLondon(date, new TimeOnly(hour, minute)),
            DurationMinutes = minutes,
            Place = place,
            PlaceDetail = detail,
            WorkerUserId = strand.WorkerUserId,
            SeriesId = seriesId,
            BookedAt = now.AddDays(-7),
            BookedByUserId = strand.WorkerUserId,
        };

        db.Appointments.AddRange(
        [
            Book(episode, fmhp, today.AddDays(-1), 11, 0, 50, AppointmentPlace.ServiceLocation, "Southwark Hub"),
            .. Enumerable.Range(0, 8).Select(week => Book(episode, fmhp, series.FirstDate.AddDays(7 * week), 14, 0, 50, AppointmentPlace.ServiceLocation, "Southwark Hub", series.Id)),
            Book(episode, clw, today, 15, 30, 20, AppointmentPlace.Phone, null),
            Book(episode, clw, today.AddDays(3), 10, 30, 60, AppointmentPlace.Home, "Camberwell hostel"),
            Book(custody, visit, today.AddDays(2), 9, 30, 60, AppointmentPlace.Prison, "HMP Brixton, legal visits hall"),
        ]);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The community wellbeing pathway (seed 000) and a liaison and diversion service (seed 002).</summary>
    private static IEnumerable<Service> Services(Dictionary<string, Guid> organisations, DateTime now)
    {
        var wellbeing = new Service
        {
            Id = Guid.NewGuid(),
            OrganisationId = organisations[Together],
            Name = "Community Wellbeing Pathway",
            Description = "Independent, needs-led support for up to 18 months for men screened on to the OPD pathway, with a focus on Black, Asian "
                + "and minority ethnic men: one-to-one emotional support from a forensic mental health practitioner and practical support "
                + "from a community link worker, taken together or one after the other.",
            MinimumAge = 18,
            GenderIdentities = ["man"],
            RequiresOpdScreenedIn = true,
            Setting = ServiceSetting.Community,
            MaximumEpisodeMonths = 18,
            CaseloadCapacity = 12,
            CreatedAt = now,
        };
        wellbeing.Documents =
        [
            Document(wellbeing, DocumentTypes.ReferralForm, required: true),
            Document(wellbeing, DocumentTypes.Formulation, required: true),
            Document(wellbeing, DocumentTypes.OASys, required: true),
            Document(wellbeing, DocumentTypes.PreSentenceReport, required: false),
            Document(wellbeing, DocumentTypes.PsychologicalReport, required: false),
        ];
        wellbeing.Strands = [Strand(wellbeing, "Emotional support", "fmhp"), Strand(wellbeing, "Practical support", "clw")];
        yield return wellbeing;

        var liaison = new Service
        {
            Id = Guid.NewGuid(),
            OrganisationId = organisations[NhsTrust],
            Name = "Liaison and Diversion",
            Description = "Identifies, screens and assesses people at police stations and courts, gives immediate support and refers them on, "
                + "and reports to court on bail and remand.",
            MinimumAge = 18,
            Setting = ServiceSetting.Either,
            MaximumEpisodeMonths = 3,
            CaseloadCapacity = 30,
            CreatedAt = now,
        };
        liaison.Strands = [Strand(liaison, "Liaison and diversion", "liaison-diversion")];
        yield return liaison;
    }

    private static ServiceDocumentRequirement Document(Service service, string type, bool required) =>
        new() { Id = Guid.NewGuid(), ServiceId = service.Id, DocumentType = type, Required = required };

    private static ServiceStrand Strand(Service service, string name, string role) =>
        new() { Id = Guid.NewGuid(), ServiceId = service.Id, Name = name, WorkerRole = role, InterventionList = Interventions.DefaultListFor(role) };

    private static IEnumerable<(PersonDetails, Guid[])> People(Guid wellbeing, Guid probation)
    {
        yield return (new PersonDetails
        {
            GivenName = "Daniel",
            FamilyName = "Mensah",
            DateOfBirth = new DateOnly(1988, 4, 12),
            GenderIdentity = "man",
            Crn = "X310245",
            Borough = "southwark",
            Ethnicity = "african",
            PreferredLanguage = "en",
            Religion = "christian",
            RoshLevel = RoshLevel.Medium,
            OpdScreeningResult = OpdScreeningResult.ScreenedIn,
            OpdScreenedOn = new DateOnly(2026, 3, 2),
        }, [wellbeing, probation]);
        yield return (new PersonDetails
        {
            GivenName = "Tomasz",
            FamilyName = "Kowalski",
            DateOfBirth = new DateOnly(1979, 11, 3),
            GenderIdentity = "man",
            Crn = "K904512",
            PrisonNumber = "A4821BC",
            Borough = "lambeth",
            Ethnicity = "any-other-white-background",
            PreferredLanguage = "pl",
            InterpreterNeeded = true,
            RoshLevel = RoshLevel.High,
            MappaCategory = 2,
            MappaLevel = 1,
            OpdScreeningResult = OpdScreeningResult.ScreenedIn,
            OpdScreenedOn = new DateOnly(2025, 12, 15),
        }, [probation]);
        yield return (new PersonDetails
        {
            GivenName = "Mohammed",
            FamilyName = "Rahman",
            DateOfBirth = new DateOnly(1995, 7, 21),
            GenderIdentity = "man",
            NhsNumber = "9434765919",
            Borough = "tower-hamlets",
            Ethnicity = "bangladeshi",
            PreferredLanguage = "bn",
            RoshLevel = RoshLevel.Low,
            IsPpo = true,
            OpdScreeningResult = OpdScreeningResult.ScreenedIn,
            OpdScreenedOn = new DateOnly(2026, 6, 30),
        }, [wellbeing]);
        yield return (new PersonDetails
        {
            GivenName = "Leon",
            FamilyName = "Campbell",
            DateOfBirth = new DateOnly(1991, 1, 30),
            GenderIdentity = "man",
            Crn = "L118273",
            Borough = "croydon",
            Ethnicity = "caribbean",
            RoshLevel = RoshLevel.High,
            OpdScreeningResult = OpdScreeningResult.ScreenedIn,
            OpdScreenedOn = new DateOnly(2026, 1, 19),
        }, [probation, wellbeing]);
        yield return (new PersonDetails
        {
            GivenName = "Kwame",
            FamilyName = "Asante",
            DateOfBirth = new DateOnly(1999, 9, 14),
            GenderIdentity = "man",
            Crn = "A552310",
            PrisonNumber = "A7712KD",
            Borough = "southwark",
            Ethnicity = "african",
            RoshLevel = RoshLevel.Medium,
            OpdScreeningResult = OpdScreeningResult.NotScreened,
        }, [probation]);
        yield return (new PersonDetails
        {
            GivenName = "Jason",
            FamilyName = "Reid",
            DateOfBirth = new DateOnly(1984, 2, 8),
            GenderIdentity = "man",
            Crn = "R230981",
            PrisonNumber = "A6620JR",
            Borough = "southwark",
            Ethnicity = "white-british",
            RoshLevel = RoshLevel.Medium,
            OpdScreeningResult = OpdScreeningResult.ScreenedIn,
            OpdScreenedOn = new DateOnly(2025, 10, 6),
        }, [probation]);
        yield return (new PersonDetails
        {
            GivenName = "Errol",
            FamilyName = "Thompson",
            DateOfBirth = new DateOnly(1976, 6, 25),
            GenderIdentity = "man",
            Crn = "T771204",
            PrisonNumber = "A3391ET",
            Borough = "southwark",
            Ethnicity = "caribbean",
            RoshLevel = RoshLevel.High,
            MappaCategory = 1,
            MappaLevel = 2,
            OpdScreeningResult = OpdScreeningResult.ScreenedIn,
            OpdScreenedOn = new DateOnly(2024, 11, 20),
        }, [probation]);
    }

    private static void Require(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Demo seeding failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
