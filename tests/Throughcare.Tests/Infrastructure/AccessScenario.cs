using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Appointments;
using Throughcare.Core.Domain.Custody;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Domain.Journeys;
using Throughcare.Core.Domain.Organisations;
using Throughcare.Core.Domain.People;
using Throughcare.Core.Domain.Referrals;
using Throughcare.Core.Domain.Services;
using Throughcare.Core.Infrastructure.Storage;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Tests.Infrastructure;

/// <summary>A unique text put into one field of the scenario's records, so a response that shows the field can be told by it.</summary>
public enum Marker
{
    PersonName,
    SecondPersonName,
    ReferralReason,
    DocumentName,
    DocumentContent,
    ScreeningNotes,
    DraftReason,
    SubmittedReason,
    InformationRequestedReason,
    ScreeningReason,
    DeclinedReason,
    WithdrawnReason,
    ContactNote,
    RestrictedNote,
    SecondContactNote,
    ReviewSummary,
    GoalText,
    ActionText,
    Priority,
    Reflection,
    NeedsNote,
    AppointmentPlace,
    OutsideAppointmentPlace,
    CustodyMoveNote,
    KeyDateReason,
    MilestoneEvidence,
}

/// <summary>What a route value names, which decides what an identity outside the record may expect from it.</summary>
public enum RouteValueKind
{
    /// <summary>A record of a person's care (person, referral, document, episode and what it holds): nothing for outsiders.</summary>
    CareRecord,

    /// <summary>A member of staff or an organisation: administered by that organisation alone.</summary>
    Administration,

    /// <summary>A service: its catalogue entry is open to every member of staff; its lists of people are not.</summary>
    Service,

    /// <summary>A value that names no record (an error code, a document name).</summary>
    Parameter,
}

/// <summary>One value the scenario offers for a route parameter; a child record names the parent it belongs to.</summary>
public sealed record RouteFill(string Key, string Value, string Label, RouteValueKind Kind, string? ParentKey = null, string? ParentValue = null)
{
    /// <summary>The person a care record is about.</summary>
    public Guid? PersonId { get; init; }

    /// <summary>The organisation a staff account or an organisation's record belongs to.</summary>
    public Guid? OrganisationId { get; init; }
}

/// <summary>
/// One rich case for an access matrix: a person whose records reach across four organisations, with a unique marker text
/// in every field that holds their care. The referring organisation (probation) sent a referral, now accepted, with a
/// document and the receiving service's screening notes; the receiving organisation runs the episode, with an ordinary
/// and a restricted contact, a goal and its action, a review, a reflective review, a needs assessment, priorities and a
/// measure. A draft referral is still the referrer's alone; three more to the receiving service are at each open stage
/// (submitted, awaiting information, in screening); two to a third organisation were declined and withdrawn, so that
/// organisation's care roles have ended. A second person's episode in the same service, worked by a colleague who has no
/// role in the first, gives every child route a parent that does not own it. A fourth organisation has its own person
/// and staff in every role, and is in nobody's case.
/// </summary>
public sealed class AccessScenario
{
    public required IReadOnlyDictionary<Marker, string> Markers { get; init; }

    public required Organisation Referring { get; init; }
    public required Organisation Receiving { get; init; }
    public required Organisation Ended { get; init; }
    public required Organisation Outside { get; init; }

    public required Service Service { get; init; }
    public required Service EndedService { get; init; }

    public required Guid PersonId { get; init; }
    public required Guid SecondPersonId { get; init; }
    public required Guid OutsidePersonId { get; init; }

    public required Referral Referral { get; init; }
    public required Referral Draft { get; init; }
    public required Referral Submitted { get; init; }
    public required Referral InformationRequested { get; init; }
    public required Referral Screening { get; init; }
    public required Referral Declined { get; init; }
    public required Referral Withdrawn { get; init; }
    public required Referral SecondReferral { get; init; }
    public required ReferralDocument Document { get; init; }
    public required ReferralDocument SecondDocument { get; init; }

    public required Episode Episode { get; init; }
    public required Episode SecondEpisode { get; init; }
    public required Contact Contact { get; init; }
    public required Contact RestrictedContact { get; init; }
    public required Contact SecondContact { get; init; }
    public required Goal Goal { get; init; }
    public required Goal SecondGoal { get; init; }
    public required GoalAction Action { get; init; }
    public required GoalAction SecondAction { get; init; }
    public required Appointment Appointment { get; init; }
    public required Appointment SecondAppointment { get; init; }

    /// <summary>The receiving organisation's appointments with each person outside any episode (liaison and diversion's kind of work).</summary>
    public required Appointment OutsideAppointment { get; init; }
    public required Appointment SecondOutsideAppointment { get; init; }

    /// <summary>Each person's period in custody, with a move, a changed key date and a milestone done: custody follows the person's own rule.</summary>
    public required CustodyPeriod Custody { get; init; }
    public required CustodyPeriod SecondCustody { get; init; }
    public required Milestone Milestone { get; init; }
    public required Milestone SecondMilestone { get; init; }

    /// <summary>Southwark's release list as sent to its leads, with both people on it (their periods are due for release to Southwark).</summary>
    public required Guid ReleaseListSendId { get; init; }

    /// <summary>Staff by name: receiving ("manager", "worker", …), referring ("referrer", "referring Practitioner", …), ended ("ended manager") and outside ("outside Manager", …).</summary>
    public required IReadOnlyDictionary<string, TestUser> Staff { get; init; }

    public string this[Marker marker] => Markers[marker];

    /// <summary>
    /// The values the scenario offers for each route parameter. Every record kind a route can name is here; a route whose
    /// parameter is missing cannot be tested, and the matrix fails until its kind of record joins the scenario.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<RouteFill>> RouteFills
    {
        get
        {
            var first = PersonId;
            var second = SecondPersonId;
            return new Dictionary<string, IReadOnlyList<RouteFill>>
            {
                ["personId"] = [Care("personId", PersonId, first, "the person"), Care("personId", SecondPersonId, second, "the second person")],
                ["referralId"] =
                [
                    Care("referralId", Referral.Id, first, "the accepted referral"), Care("referralId", Draft.Id, first, "the draft referral"),
                    Care("referralId", Submitted.Id, first, "the submitted referral"), Care("referralId", InformationRequested.Id, first, "the referral awaiting information"),
                    Care("referralId", Screening.Id, first, "the referral in screening"), Care("referralId", Declined.Id, first, "the declined referral"),
                    Care("referralId", Withdrawn.Id, first, "the withdrawn referral"), Care("referralId", SecondReferral.Id, second, "the second person's referral"),
                ],
                ["documentId"] =
                [
                    Care("documentId", Document.Id, first, "the referral's document", "referralId", Referral.Id),
                    Care("documentId", SecondDocument.Id, second, "the second referral's document", "referralId", SecondReferral.Id),
                ],
                ["episodeId"] = [Care("episodeId", Episode.Id, first, "the episode"), Care("episodeId", SecondEpisode.Id, second, "the second episode")],
                ["contactId"] =
                [
                    Care("contactId", Contact.Id, first, "the ordinary contact", "episodeId", Episode.Id),
                    Care("contactId", RestrictedContact.Id, first, "the restricted contact", "episodeId", Episode.Id),
                    Care("contactId", SecondContact.Id, second, "the second episode's contact", "episodeId", SecondEpisode.Id),
                ],
                ["goalId"] =
                [
                    Care("goalId", Goal.Id, first, "the goal", "episodeId", Episode.Id),
                    Care("goalId", SecondGoal.Id, second, "the second episode's goal", "episodeId", SecondEpisode.Id),
                ],
                ["actionId"] =
                [
                    Care("actionId", Action.Id, first, "the action", "episodeId", Episode.Id),
                    Care("actionId", SecondAction.Id, second, "the second episode's action", "episodeId", SecondEpisode.Id),
                ],
                ["appointmentId"] =
                [
                    Care("appointmentId", Appointment.Id, first, "the appointment", "episodeId", Episode.Id),
                    Care("appointmentId", SecondAppointment.Id, second, "the second episode's appointment", "episodeId", SecondEpisode.Id),
                ],
                ["personAppointmentId"] =
                [
                    Care("personAppointmentId", OutsideAppointment.Id, first, "the appointment outside an episode", "personId", PersonId),
                    Care("personAppointmentId", SecondOutsideAppointment.Id, second, "the second person's appointment outside an episode", "personId", SecondPersonId),
                ],
                ["custodyPeriodId"] =
                [
                    Care("custodyPeriodId", Custody.Id, first, "the custody period", "personId", PersonId),
                    Care("custodyPeriodId", SecondCustody.Id, second, "the second person's custody period", "personId", SecondPersonId),
                ],
                ["milestoneId"] =
                [
                    Care("milestoneId", Milestone.Id, first, "the journey's milestone", "personId", PersonId),
                    Care("milestoneId", SecondMilestone.Id, second, "the second person's milestone", "personId", SecondPersonId),
                ],
                // A borough's lists are read by whoever may read that borough's: which people they show is the people filter's.
                ["borough"] = [new("borough", "southwark", "Southwark", RouteValueKind.Parameter)],
                ["sendId"] = [new("sendId", Id(ReleaseListSendId), "Southwark's release list as sent", RouteValueKind.Parameter)],
                ["strandId"] =
                [
                    Care("strandId", Episode.Strands[0].Id, first, "the episode's strand", "episodeId", Episode.Id),
                    Care("strandId", SecondEpisode.Strands[0].Id, second, "the second episode's strand", "episodeId", SecondEpisode.Id),
                ],
                ["serviceId"] = [new("serviceId", Id(Service.Id), "the receiving service", RouteValueKind.Service) { OrganisationId = Receiving.Id }],
                ["organisationId"] =
                [
                    Administered("organisationId", Receiving.Id, Receiving.Id, "the receiving organisation"),
                    Administered("organisationId", Referring.Id, Referring.Id, "the referring organisation"),
                ],
                ["userId"] =
                [
                    Administered("userId", Staff["worker"].Id, Receiving.Id, "the receiving worker's account"),
                    Administered("userId", Staff["referrer"].Id, Referring.Id, "the referrer's account"),
                ],
                ["teamId"] =
                [
                    Administered("teamId", Receiving.Teams[0].Id, Receiving.Id, "the receiving organisation's team"),
                    Administered("teamId", Referring.Teams[0].Id, Referring.Id, "the referring organisation's team"),
                ],
                // The partnership's own reference data: no organisation's, so only a partnership administrator changes it.
                ["pathwayId"] = [new("pathwayId", Id(SeededDrugsPathwayId), "the drugs pathway", RouteValueKind.Administration)],
                ["milestoneCode"] = [new("milestoneCode", ShippedJourney.FirstNight, "the journey template's first milestone", RouteValueKind.Administration)],
                ["code"] = [new("code", "404", "not found", RouteValueKind.Parameter)],
                ["documentName"] = [new("documentName", "v1", "version 1", RouteValueKind.Parameter)],
                // The calendar feed's address is its own credential: one no one holds answers 404 to everyone (CalendarFeedTests has the real ones).
                ["token"] = [new("token", new string('A', 43), "a calendar address no one holds", RouteValueKind.Parameter)],
            };
        }
    }

    /// <summary>The drugs pathway, as the ResettlementPathwaysAsData migrations seed it on every database.</summary>
    private static readonly Guid SeededDrugsPathwayId = new("3b1f6c52-7a0e-4e43-9d3e-5f1a0c7d2e04");

    private static RouteFill Care(string key, Guid id, Guid personId, string label, string? parentKey = null, Guid? parent = null) =>
        new(key, Id(id), label, RouteValueKind.CareRecord, parentKey, parent is { } p ? Id(p) : null) { PersonId = personId };

    private static RouteFill Administered(string key, Guid id, Guid organisationId, string label) =>
        new(key, Id(id), label, RouteValueKind.Administration) { OrganisationId = organisationId };

    private static string Id(Guid id) => id.ToString("D");

    /// <summary>Ten random letters after a fixed word: unique, unchanged by HTML or JSON encoding, and found by a name search.</summary>
    private static string NewMarker()
    {
        var letters = RandomNumberGenerator.GetItems<char>("abcdefghijklmnopqrstuvwxyz", 10);
        return "Marker" + new string(letters);
    }

    public static async Task<AccessScenario> CreateAsync(ThroughcareFactory factory)
    {
        var builder = new Builder(factory);
        return await builder.BuildAsync();
    }

    private sealed class Builder(ThroughcareFactory factory)
    {
        private readonly TestData _data = new(factory);
        private readonly ReferralTestData _referrals = new(factory);
        private readonly Dictionary<Marker, string> _markers = Enum.GetValues<Marker>().ToDictionary(m => m, _ => NewMarker());

        public async Task<AccessScenario> BuildAsync()
        {
            var referring = await _data.CreateOrganisationAsync(OrganisationKind.Probation);
            var receiving = await _data.CreateOrganisationAsync(OrganisationKind.NhsTrust);
            var ended = await _data.CreateOrganisationAsync(OrganisationKind.NhsTrust);
            var outside = await _data.CreateOrganisationAsync(OrganisationKind.Probation);

            var staff = new Dictionary<string, TestUser>
            {
                ["referrer"] = await _data.CreateUserAsync(referring.Id, StaffRoles.Manager),
                ["manager"] = await _data.CreateUserAsync(receiving.Id, StaffRoles.Manager),
                ["worker"] = await _referrals.CreateWorkerAsync(receiving.Id, "fmhp", displayName: TestData.Unique("Emotional worker")),
                ["practical worker"] = await _referrals.CreateWorkerAsync(receiving.Id, "clw", displayName: TestData.Unique("Practical worker")),
                ["colleague"] = await _referrals.CreateWorkerAsync(receiving.Id, "fmhp", displayName: TestData.Unique("Colleague")),
                ["data protection officer"] = await _data.CreateUserAsync(receiving.Id, StaffRoles.DataProtectionOfficer),
                ["administrator"] = await _data.CreateUserAsync(receiving.Id, StaffRoles.Administrator),
                ["commissioner"] = await _data.CreateUserAsync(receiving.Id, StaffRoles.Commissioner),
                ["volunteer"] = await _data.CreateUserAsync(receiving.Id, StaffRoles.Volunteer),
                ["disabled"] = await _data.CreateUserAsync(receiving.Id, StaffRoles.Manager, StaffRoles.Practitioner),
                ["ended manager"] = await _data.CreateUserAsync(ended.Id, StaffRoles.Manager),
                ["ended practitioner"] = await _data.CreateUserAsync(ended.Id, StaffRoles.Practitioner),
            };
            foreach (var role in StaffRoles.All)
            {
                staff["outside " + role] = await _data.CreateUserAsync(outside.Id, role);
            }

            foreach (var role in new[] { StaffRoles.Practitioner, StaffRoles.DataProtectionOfficer, StaffRoles.Administrator, StaffRoles.Commissioner, StaffRoles.Volunteer })
            {
                staff["referring " + role] = await _data.CreateUserAsync(referring.Id, role);
            }

            var personId = await _data.CreatePersonAsync(referring.Id, d => d with
            {
                FamilyName = _markers[Marker.PersonName],
                GenderIdentity = "man",
                OpdScreeningResult = OpdScreeningResult.ScreenedIn,
            });
            var secondPersonId = await _data.CreatePersonAsync(referring.Id, d => d with
            {
                FamilyName = _markers[Marker.SecondPersonName],
                GenderIdentity = "man",
                OpdScreeningResult = OpdScreeningResult.ScreenedIn,
            });
            var outsidePersonId = await _data.CreatePersonAsync(outside.Id);
            var prison = await _data.CreateOrganisationAsync(OrganisationKind.Prison);
            var openPrison = await _data.CreateOrganisationAsync(OrganisationKind.Prison);

            var service = await _referrals.CreateServiceAsync(receiving.Id);
            var endedService = await _referrals.CreateServiceAsync(ended.Id);
            var referrer = staff["referrer"].Id;
            var referral = await _referrals.CreateReferralAsync(personId, service, referring.Id, referrer, ReferralState.Accepted);
            var draft = await _referrals.CreateReferralAsync(personId, service, referring.Id, referrer, ReferralState.Draft);
            var submitted = await _referrals.CreateReferralAsync(personId, service, referring.Id, referrer, ReferralState.Submitted);
            var informationRequested = await _referrals.CreateReferralAsync(personId, service, referring.Id, referrer, ReferralState.AwaitingInformation);
            var screening = await _referrals.CreateReferralAsync(personId, service, referring.Id, referrer, ReferralState.Screening);
            var declined = await _referrals.CreateReferralAsync(personId, endedService, referring.Id, referrer, ReferralState.Declined);
            var withdrawn = await _referrals.CreateReferralAsync(personId, endedService, referring.Id, referrer, ReferralState.Withdrawn);
            var secondReferral = await _referrals.CreateReferralAsync(secondPersonId, service, referring.Id, referrer, ReferralState.Accepted);

            var reasons = new Dictionary<Referral, Marker>
            {
                [draft] = Marker.DraftReason,
                [submitted] = Marker.SubmittedReason,
                [informationRequested] = Marker.InformationRequestedReason,
                [screening] = Marker.ScreeningReason,
                [declined] = Marker.DeclinedReason,
                [withdrawn] = Marker.WithdrawnReason,
            };
            var document = await MarkReferralsAsync(referral, secondReferral, reasons);
            var secondDocument = secondReferral.Documents[0];

            var episode = await CreateEpisodeAsync(personId, service, referral, [staff["worker"].Id, staff["practical worker"].Id], staff["manager"].Id);
            var secondEpisode = await CreateEpisodeAsync(secondPersonId, service, secondReferral, [staff["colleague"].Id], staff["manager"].Id);
            var worker = staff["worker"].Id;
            var contact = NewContact(episode, worker, _markers[Marker.ContactNote], restricted: false);
            var restricted = NewContact(episode, worker, _markers[Marker.RestrictedNote], restricted: true);
            var secondContact = NewContact(secondEpisode, staff["colleague"].Id, _markers[Marker.SecondContactNote], restricted: false);
            var goal = NewGoal(episode, worker, _markers[Marker.GoalText], _markers[Marker.ActionText]);
            var secondGoal = NewGoal(secondEpisode, staff["colleague"].Id, "Keep the tenancy", "Call the housing officer");
            var appointment = NewAppointment(episode, worker, _markers[Marker.AppointmentPlace]);
            var secondAppointment = NewAppointment(secondEpisode, staff["colleague"].Id, "Hope Street");
            var outsideAppointment = NewAppointment(episode, worker, _markers[Marker.OutsideAppointmentPlace], outside: true);
            var secondOutsideAppointment = NewAppointment(secondEpisode, staff["colleague"].Id, "Camberwell Green Magistrates' Court", outside: true);
            var (custody, milestone) = NewCustody(personId, prison.Id, openPrison.Id, worker, _markers[Marker.CustodyMoveNote], _markers[Marker.KeyDateReason], _markers[Marker.MilestoneEvidence]);
            var (secondCustody, secondMilestone) = NewCustody(secondPersonId, prison.Id, openPrison.Id, worker, "Category D", "Remand time credited", "Plan sent by e-mail");
            await factory.WithDbAsync(async db =>
            {
                var now = factory.UtcNow;
                var today = Display.LondonDate(now);
                db.Contacts.AddRange(contact, restricted, secondContact);
                db.Goals.AddRange(goal, secondGoal);
                db.Appointments.AddRange(appointment, secondAppointment, outsideAppointment, secondOutsideAppointment);
                db.CustodyPeriods.AddRange(custody, secondCustody);
                db.Milestones.AddRange(milestone, secondMilestone);
                foreach (var period in new[] { custody, secondCustody })
                {
                    db.PersonCareRoles.Add(new PersonCareRole { Id = Guid.NewGuid(), PersonId = period.PersonId, OrganisationId = prison.Id, Kind = CareRoleKind.Custody, CustodyPeriodId = period.Id, StartedAt = now });
                }

                db.EpisodeReviews.Add(new EpisodeReview { Id = Guid.NewGuid(), EpisodeId = episode.Id, HeldOn = today.AddDays(-3), Summary = _markers[Marker.ReviewSummary], RecordedAt = now, RecordedByUserId = worker });
                db.ReflectiveReviews.Add(new ReflectiveReview
                {
                    Id = Guid.NewGuid(),
                    EpisodeId = episode.Id,
                    WhatIsGoingOn = _markers[Marker.Reflection],
                    WhatMayHaveBeenMissed = "Sleep",
                    WhatWasTried = "Texts",
                    RecordedAt = now,
                    RecordedByUserId = worker,
                });
                db.NeedsAssessments.Add(new NeedsAssessment
                {
                    Id = Guid.NewGuid(),
                    EpisodeId = episode.Id,
                    Occasion = AssessmentOccasion.Start,
                    AssessedOn = today.AddDays(-20),
                    Note = _markers[Marker.NeedsNote],
                    Ratings = [new NeedRating { Id = Guid.NewGuid(), Pathway = "health", Level = NeedLevel.High }],
                    RecordedAt = now,
                    RecordedByUserId = worker,
                });
                db.MeasureResults.Add(new MeasureResult
                {
                    Id = Guid.NewGuid(),
                    EpisodeId = episode.Id,
                    InstrumentId = InstrumentCatalogueService.Shipped[0].Id,
                    Occasion = AssessmentOccasion.Start,
                    TakenOn = today.AddDays(-20),
                    Answers = [1, 1, 1, 1, 1, 1, 1, 1, 1],
                    Score = 9,
                    Band = "Mild",
                    RecordedAt = now,
                    RecordedByUserId = worker,
                });
                var stored = await db.Episodes.SingleAsync(e => e.Id == episode.Id);
                stored.HardestThing1 = _markers[Marker.Priority];
                stored.HardestThingsRecordedAt = now;
                return await db.SaveChangesAsync();
            });
            var sendId = await SendReleaseListAsync();

            return new AccessScenario
            {
                Referring = referring,
                Receiving = receiving,
                Ended = ended,
                Outside = outside,
                Service = service,
                EndedService = endedService,
                PersonId = personId,
                SecondPersonId = secondPersonId,
                OutsidePersonId = outsidePersonId,
                Referral = referral,
                Draft = draft,
                Submitted = submitted,
                InformationRequested = informationRequested,
                Screening = screening,
                Declined = declined,
                Withdrawn = withdrawn,
                SecondReferral = secondReferral,
                Document = document,
                SecondDocument = secondDocument,
                Episode = episode,
                SecondEpisode = secondEpisode,
                Contact = contact,
                RestrictedContact = restricted,
                SecondContact = secondContact,
                Goal = goal,
                SecondGoal = secondGoal,
                Action = goal.Actions[0],
                SecondAction = secondGoal.Actions[0],
                Appointment = appointment,
                SecondAppointment = secondAppointment,
                OutsideAppointment = outsideAppointment,
                SecondOutsideAppointment = secondOutsideAppointment,
                Custody = custody,
                SecondCustody = secondCustody,
                Milestone = milestone,
                SecondMilestone = secondMilestone,
                ReleaseListSendId = sendId,
                Staff = staff,
                Markers = _markers,
            };
        }

        /// <summary>Puts the markers into the referrals' answers and the first document, whose file is stored with a marker in it.</summary>
        private async Task<ReferralDocument> MarkReferralsAsync(Referral referral, Referral second, IReadOnlyDictionary<Referral, Marker> reasons)
        {
            var document = referral.Documents[0];
            document.FileName = _markers[Marker.DocumentName] + ".pdf";
            var content = Encoding.ASCII.GetBytes($"%PDF-1.7\n% {_markers[Marker.DocumentContent]}\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");
            var store = factory.Services.GetRequiredService<IDocumentStore>();
            foreach (var stored in referral.Documents.Concat(second.Documents).Concat(reasons.Keys.SelectMany(r => r.Documents)))
            {
                await store.StageAsync(stored.StoredName, new MemoryStream(content), CancellationToken.None);
                await store.PublishAsync(stored.StoredName, CancellationToken.None);
            }

            await factory.WithDbAsync(async db =>
            {
                (await db.ReferralDocuments.SingleAsync(d => d.Id == document.Id)).FileName = document.FileName;
                var ids = reasons.Keys.Select(r => r.Id).Append(referral.Id).ToList();
                var stored = await db.Referrals.Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id);
                stored[referral.Id].Reason = _markers[Marker.ReferralReason];
                stored[referral.Id].ScreeningNotes = _markers[Marker.ScreeningNotes];
                stored[referral.Id].DecidedAt = factory.UtcNow;
                foreach (var (other, marker) in reasons)
                {
                    var row = stored[other.Id];
                    row.Reason = _markers[marker];
                    if (row.State is ReferralState.Declined or ReferralState.Withdrawn)
                    {
                        row.CloseReason = row.State == ReferralState.Declined ? ReferralCloseReason.NotEligible : ReferralCloseReason.DeclinedByPerson;
                        row.DecidedAt = factory.UtcNow;
                    }
                }

                return await db.SaveChangesAsync();
            });
            referral.Reason = _markers[Marker.ReferralReason];
            return document;
        }

        /// <summary>An open episode begun sixty days ago, with a worker on each of the first strands of the service.</summary>
        private Task<Episode> CreateEpisodeAsync(Guid personId, Service service, Referral referral, Guid[] workers, Guid managerId) =>
            factory.WithDbAsync(async db =>
            {
                var now = factory.UtcNow;
                var started = Display.LondonDate(now).AddDays(-60);
                var episode = new Episode
                {
                    Id = Guid.NewGuid(),
                    PersonId = personId,
                    ServiceId = service.Id,
                    ReferralId = referral.Id,
                    ServiceOrganisationId = service.OrganisationId,
                    ReferringOrganisationId = referral.ReferringOrganisationId,
                    State = EpisodeState.Active,
                    StartedOn = started,
                    PlannedEndOn = started.AddMonths(service.MaximumEpisodeMonths),
                    CreatedAt = now.AddDays(-60),
                    Strands = workers.Select((worker, i) => new EpisodeStrand
                    {
                        Id = Guid.NewGuid(),
                        ServiceStrandId = service.Strands[i].Id,
                        WorkerUserId = worker,
                        StartedAt = now.AddDays(-60),
                        AllocatedByUserId = managerId,
                    }).ToList(),
                };
                db.Episodes.Add(episode);
                (await db.Referrals.SingleAsync(r => r.Id == referral.Id)).AllocatedAt = now.AddDays(-60);
                await db.SaveChangesAsync();
                return episode;
            });

        private Contact NewContact(Episode episode, Guid workerId, string note, bool restricted) => new()
        {
            Id = Guid.NewGuid(),
            EpisodeId = episode.Id,
            ServiceStrandId = episode.Strands[0].ServiceStrandId,
            OccurredAt = factory.UtcNow.AddDays(restricted ? -2 : -3),
            DurationMinutes = 45,
            Mode = ContactMode.FaceToFace,
            Attendance = Attendance.Attended,
            Interventions = ["safety-planning"],
            Pathways = ["health"],
            Note = note,
            NoteRestricted = restricted,
            RecordedAt = factory.UtcNow,
            RecordedByUserId = workerId,
        };

        /// <param name="outside">Booked with the episode's person, on the same strand, outside any episode.</param>
        private Appointment NewAppointment(Episode episode, Guid workerId, string placeDetail, bool outside = false) => new()
        {
            Id = Guid.NewGuid(),
            PersonId = episode.PersonId,
            EpisodeId = outside ? null : episode.Id,
            ServiceStrandId = episode.Strands[0].ServiceStrandId,
            OrganisationId = episode.ServiceOrganisationId,
            StartsAt = factory.UtcNow.AddDays(2),
            DurationMinutes = 60,
            Place = AppointmentPlace.ServiceLocation,
            PlaceDetail = placeDetail,
            WorkerUserId = workerId,
            State = AppointmentState.Booked,
            BookedAt = factory.UtcNow,
            BookedByUserId = workerId,
        };

        /// <summary>Southwark's release list as its leads received it, frozen with both people on it.</summary>
        private Task<Guid> SendReleaseListAsync() => factory.WithDbAsync(async db =>
        {
            var rows = await db.CustodyPeriods.AsNoTracking().Where(p => p.ReleaseBorough == "southwark")
                .Join(db.People, p => p.PersonId, person => person.Id, (p, person) => new { p.Id, p.PersonId, p.ExpectedReleaseOn, Name = person.Details.GivenName + " " + person.Details.FamilyName })
                .ToListAsync();
            var send = new Throughcare.Core.Domain.ReleaseLists.ReleaseListSend
            {
                Id = Guid.NewGuid(),
                Borough = "southwark",
                SentAt = factory.UtcNow,
                WindowWeeks = 12,
                Recipients = "lead@southwark.example.test",
                Rows = System.Text.Json.JsonSerializer.Serialize(rows.Select(r => new Throughcare.Core.Domain.ReleaseLists.ReleaseListRow(
                    r.PersonId, r.Id, r.Name, null, r.ExpectedReleaseOn!.Value, false, "A prison", "Determinate", "Medium", "None", "", "None found", "Due", "Due")).ToList(),
                    Throughcare.Core.Domain.Audit.AuditLog.JsonOptions),
            };
            db.ReleaseListSends.Add(send);
            await db.SaveChangesAsync();
            return send.Id;
        });

        /// <summary>
        /// A determinate sentence begun a hundred days ago, moved to open conditions with a note, its expected release moved
        /// with a reason, and its first-night milestone done with evidence.
        /// </summary>
        private (CustodyPeriod Period, Milestone Milestone) NewCustody(Guid personId, Guid prisonId, Guid openPrisonId, Guid workerId, string note, string reason, string evidence)
        {
            var today = factory.Today;
            var period = new CustodyPeriod
            {
                Id = Guid.NewGuid(),
                PersonId = personId,
                ReceptionPrisonId = prisonId,
                ReceptionOn = today.AddDays(-100),
                SentenceOn = today.AddDays(-98),
                SentenceType = SentenceType.Determinate,
                SentenceLengthMonths = 24,
                ExpectedReleaseOn = today.AddDays(60),
                ReleaseBorough = "southwark",
                JourneyTemplateId = ShippedJourney.TemplateId,
                CreatedAt = factory.UtcNow.AddDays(-98),
                CreatedByUserId = workerId,
            };
            period.Moves.Add(new CustodyMove
            {
                Id = Guid.NewGuid(),
                CustodyPeriodId = period.Id,
                FromPrisonId = prisonId,
                ToPrisonId = openPrisonId,
                MovedOn = today.AddDays(-20),
                Reason = MoveReason.ProgressiveMove,
                Note = note,
                RecordedAt = factory.UtcNow,
                RecordedByUserId = workerId,
            });
            period.KeyDateChanges.Add(new KeyDateChange
            {
                Id = Guid.NewGuid(),
                CustodyPeriodId = period.Id,
                KeyDate = KeyDate.ExpectedRelease,
                From = today.AddDays(40),
                To = today.AddDays(60),
                Reason = reason,
                ChangedAt = factory.UtcNow,
                ChangedByUserId = workerId,
            });
            var milestone = new Milestone
            {
                Id = Guid.NewGuid(),
                PersonId = personId,
                CustodyPeriodId = period.Id,
                DefinitionId = ShippedJourney.Milestones[0].Id,
                DueOn = period.ReceptionOn,
                Applies = true,
                State = MilestoneState.Done,
                DoneOn = period.ReceptionOn,
                Evidence = evidence,
                RecordedAt = factory.UtcNow,
                RecordedByUserId = workerId,
            };
            return (period, milestone);
        }

        private Goal NewGoal(Episode episode, Guid workerId, string description, string action)
        {
            var goal = new Goal { Id = Guid.NewGuid(), EpisodeId = episode.Id, Description = description, Pathway = "health", CreatedAt = factory.UtcNow, CreatedByUserId = workerId };
            goal.Actions.Add(new GoalAction
            {
                Id = Guid.NewGuid(),
                GoalId = goal.Id,
                EpisodeId = episode.Id,
                Description = action,
                Owner = ActionOwner.Worker,
                DueOn = factory.Today.AddDays(14),
                Status = ActionStatus.InProgress,
                CreatedAt = factory.UtcNow,
                CreatedByUserId = workerId,
            });
            return goal;
        }
    }
}
