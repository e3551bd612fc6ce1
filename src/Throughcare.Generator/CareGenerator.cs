using Bogus;
using Bogus.DataSets;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Appointments;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Custody;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Domain.Journeys;
using Throughcare.Core.Domain.People;
using Throughcare.Core.Domain.ReferenceData;
using Throughcare.Core.Domain.Referrals;
using Throughcare.Core.Domain.Services;
using Throughcare.Core.Infrastructure.Text;
using Person = Throughcare.Core.Domain.People.Person;

namespace Throughcare.Generator;

/// <summary>
/// Makes people and their care, a batch at a time: each batch has its own randomizer, seeded from the seed and the
/// batch's number, so batches can be made in any order and a seed always makes the same partnership.
/// </summary>
public sealed class CareGenerator(Partnership partnership, GeneratorScale scale, DateTime now, int seed)
{
    private readonly Partnership _partnership = partnership;
    private readonly GeneratorScale _scale = scale;
    private readonly DateTime _now = now;

    private const int FollowUpDays = 90;

    /// <summary>Contacts within this many days of now were mostly booked ahead as appointments; earlier ones predate the diary.</summary>
    private const int BookedWithinDays = 180;

    /// <summary>How far ahead an open episode's strands have sessions booked, in weeks.</summary>
    private const int UpcomingWeeks = 4;

    /// <summary>The share of people with a period in custody: the pathway follows many through prison.</summary>
    private const float CustodyShare = 0.35f;

    public Batch Generate(int number, int from, int to)
    {
        var faker = new Faker("en_GB") { Random = new Randomizer(unchecked((seed * 7_919) + number + 1)) };
        var batch = new Batch(number);
        var work = new Work(this, faker, batch);
        for (var i = from; i < to; i++)
        {
            work.Person(i);
        }

        return batch;
    }

    private sealed class Work(CareGenerator owner, Faker f, Batch batch)
    {
        private readonly Partnership.Ids _ids = new(f);
        private readonly DateTime _now = owner._now;
        private readonly Partnership _partnership = owner._partnership;
        private readonly GeneratorScale _scale = owner._scale;

        public void Person(int index)
        {
            var region = _partnership.Regions[index % _partnership.Regions.Count];
            var start = _now.AddYears(-_scale.YearsOfHistory);
            var span = (_now.AddDays(-150) - start).TotalDays;
            var created = Between(start.AddDays(span * index / _scale.People), 10);
            var (referrerOrganisation, referrers) = f.Random.WeightedRandom(
                [.. region.Referrers], [.. region.Referrers.Select(r => r.Organisation.Entity.Kind == Core.Domain.Organisations.OrganisationKind.Probation ? 6f : 1f)]);
            var creator = f.PickRandom(referrers);
            var details = Details(created);
            var person = new Person
            {
                Id = _ids.Next(),
                Details = details,
                CreatedByOrganisationId = referrerOrganisation.Entity.Id,
                CreatedAt = created,
                UpdatedAt = created,
                Version = _ids.Next(),
            };
            PersonService.SetSearchKeys(person);
            batch.Add(person);
            Audit(new PersonCreated(person.Id, FieldChanges.Created(details)), creator, created);
            Read(AuditRecordTypes.Person, person.Id, person.Id, creator, created.AddMinutes(1));
            batch.Add(new PersonCareRole { Id = _ids.Next(), PersonId = person.Id, OrganisationId = referrerOrganisation.Entity.Id, Kind = CareRoleKind.CreatedRecord, StartedAt = created });
            if (f.Random.Bool(0.1f))
            {
                var alias = new PersonAlias { Id = _ids.Next(), PersonId = person.Id, GivenName = f.Name.FirstName(), FamilyName = details.FamilyName };
                alias.NormalisedName = PersonService.NormalisedKey($"{alias.GivenName} {alias.FamilyName}");
                alias.GivenNameKey = PersonService.PhoneticKey(alias.GivenName);
                alias.FamilyNameKey = PersonService.PhoneticKey(alias.FamilyName);
                batch.Add(alias);
                Audit(new PersonAliasAdded(person.Id, alias.Id, $"{alias.GivenName} {alias.FamilyName}"), creator, created.AddMinutes(2));
            }

            if (f.Random.Bool(CustodyShare))
            {
                Custody(person, region, creator, created);
            }

            var eligible = region.Services.Where(s => !s.Entity.RequiresOpdScreenedIn || details.OpdScreeningResult == OpdScreeningResult.ScreenedIn).ToList();
            var count = f.Random.WeightedRandom([1, 2, 3], [0.70f, 0.24f, 0.06f]);
            var cursor = created;
            for (var k = 0; k < count && cursor < _now.AddDays(-10); k++)
            {
                var service = f.Random.WeightedRandom([.. eligible], [.. eligible.Select(s => (float)s.Weight)]);
                cursor = Referral(person, service, creator, referrerOrganisation, cursor, last: k == count - 1);
            }
        }

        /// <summary>
        /// A period in custody at one of the region's prisons, with a sentence in plausible proportions and its key dates,
        /// released when its release date has passed, to one of the region's councils' boroughs (which gains its role in the
        /// person's care), and its journey dated by <see cref="JourneyPlanner"/>, the milestones past due mostly done.
        /// </summary>
        private void Custody(Person person, Region region, Staff creator, DateTime created)
        {
            var prisons = region.Organisations.Where(o => o.Entity.Kind == Core.Domain.Organisations.OrganisationKind.Prison).ToList();
            var councils = region.Organisations.Where(o => o.Entity.Borough is not null).ToList();
            var today = DateOnly.FromDateTime(_now);
            var type = f.Random.WeightedRandom(
                [SentenceType.Determinate, SentenceType.ExtendedDeterminate, SentenceType.IndeterminatePublicProtection, SentenceType.Life, SentenceType.Remand, SentenceType.Recall],
                [0.70f, 0.08f, 0.04f, 0.03f, 0.10f, 0.05f]);
            var reception = DateOnly.FromDateTime(created).AddDays(-f.Random.Int(0, 900));
            int? months = type is SentenceType.Determinate or SentenceType.ExtendedDeterminate ? f.Random.Int(6, 96) : null;
            var council = Pick(councils);
            var period = new CustodyPeriod
            {
                Id = _ids.Next(),
                PersonId = person.Id,
                ReceptionPrisonId = Pick(prisons).Entity.Id,
                ReceptionOn = reception,
                SentenceOn = type is SentenceType.Remand or SentenceType.Recall ? null : reception.AddDays(f.Random.Int(0, 3)),
                SentenceType = type,
                SentenceLengthMonths = months,
                ExpectedReleaseOn = months is { } m ? reception.AddMonths(m / 2) : type == SentenceType.Remand ? reception.AddDays(f.Random.Int(20, 200)) : null,
                ParoleEligibilityOn = type is SentenceType.IndeterminatePublicProtection or SentenceType.Life ? reception.AddYears(f.Random.Int(2, 12)) : null,
                LicenceExpiryOn = months is { } l ? reception.AddMonths(l) : null,
                SentenceExpiryOn = months is { } e ? reception.AddMonths(e) : null,
                ReleaseBorough = council.Entity.Borough,
                Accommodation = f.Random.Bool(0.6f) ? f.PickRandom<ReleaseAccommodation>() : null,
                JourneyTemplateId = ShippedJourney.TemplateId,
                CreatedAt = Before(Display.FromLondon(reception, new TimeOnly(10, 0))),
                CreatedByUserId = creator.Id,
                Version = _ids.Next(),
            };
            period.ExpectedReleaseConfirmed = period.ExpectedReleaseOn is { } expected && expected <= today.AddDays(60);
            if (period.ExpectedReleaseOn is { } release && release < today)
            {
                period.ReleasedOn = release;
                period.ReleaseKind = type == SentenceType.Remand ? ReleaseKind.Court : ReleaseKind.AutomaticOnLicence;
                period.Accommodation ??= f.PickRandom<ReleaseAccommodation>();
            }

            batch.Add(period);
            Audit(new CustodyPeriodRecorded(person.Id, period.Id, period.ReceptionPrisonId, [new FieldChange("Reception", null, Display.Date(reception))]), creator, period.CreatedAt);
            batch.Add(new PersonCareRole { Id = _ids.Next(), PersonId = person.Id, OrganisationId = period.ReceptionPrisonId, Kind = CareRoleKind.Custody, CustodyPeriodId = period.Id, StartedAt = period.CreatedAt });
            batch.Add(new PersonCareRole { Id = _ids.Next(), PersonId = person.Id, OrganisationId = council.Entity.Id, Kind = CareRoleKind.ReleaseBorough, CustodyPeriodId = period.Id, StartedAt = period.CreatedAt });

            // Dated in the journey's order, so that a milestone chained to another is dated from its completion.
            var done = new Dictionary<string, DateOnly>();
            foreach (var definition in ShippedJourney.Milestones.OrderBy(d => d.Order))
            {
                var planned = JourneyPlanner.Plan(definition, period, new JourneyFacts(null, new HashSet<Guid>(), done));
                var milestone = new Milestone
                {
                    Id = _ids.Next(),
                    PersonId = person.Id,
                    CustodyPeriodId = period.Id,
                    DefinitionId = definition.Id,
                    DueOn = planned.DueOn,
                    Applies = planned.Applies,
                    State = MilestoneState.Open,
                    Version = _ids.Next(),
                };
                if (planned is { Applies: true, DueOn: { } due } && due < today.AddDays(-7) && f.Random.Bool(0.85f))
                {
                    milestone.State = MilestoneState.Done;
                    milestone.DoneOn = due.AddDays(f.Random.Int(-2, 5)) is var on && on < today ? on : due;
                    milestone.RecordedAt = Before(Display.FromLondon(milestone.DoneOn.Value, new TimeOnly(15, 0)));
                    milestone.RecordedByUserId = creator.Id;
                    done[definition.Code] = milestone.DoneOn.Value;
                }

                batch.Add(milestone);
            }
        }

        private PersonDetails Details(DateTime created)
        {
            var gender = f.Random.WeightedRandom(["man", "woman", "non-binary", GenderIdentities.PreferNotToSay], [0.85f, 0.13f, 0.01f, 0.01f]);
            var given = f.Name.FirstName(gender == "woman" ? Name.Gender.Female : Name.Gender.Male);
            var family = f.Name.LastName();
            var age = f.Random.WeightedRandom([(18, 25), (26, 35), (36, 50), (51, 70)], [0.22f, 0.36f, 0.30f, 0.12f]);
            var recorded = f.Random.Bool(0.88f);
            var language = f.Random.Bool(0.86f) ? Languages.English : f.PickRandom(OtherLanguages);
            var mappa = f.Random.Bool(0.12f);
            var opd = f.Random.WeightedRandom([OpdScreeningResult.ScreenedIn, OpdScreeningResult.ScreenedOut, OpdScreeningResult.NotScreened], [0.55f, 0.15f, 0.30f]);
            return new PersonDetails
            {
                GivenName = given,
                FamilyName = family,
                MiddleNames = f.Random.Bool(0.3f) ? f.Name.FirstName(gender == "woman" ? Name.Gender.Female : Name.Gender.Male) : null,
                DateOfBirth = DateOnly.FromDateTime(created).AddYears(-f.Random.Int(age.Item1, age.Item2)).AddDays(-f.Random.Int(0, 364)),
                GenderIdentity = gender,
                Crn = f.Random.Bool(0.85f) ? $"{f.Random.Char('A', 'Z')}{f.Random.Int(0, 999_999):D6}" : null,
                PncNumber = f.Random.Bool(0.8f) ? PncNumber() : null,
                PrisonNumber = f.Random.Bool(0.45f) ? $"{f.Random.Char('A', 'Z')}{f.Random.Int(0, 9999):D4}{f.Random.Char('A', 'Z')}{f.Random.Char('A', 'Z')}" : null,
                NhsNumber = f.Random.Bool(0.7f) ? NhsNumber() : null,
                Phone = f.Random.Bool(0.6f) ? $"07{f.Random.Int(100_000_000, 999_999_999)}" : null,
                Email = f.Random.Bool(0.3f) ? f.Internet.Email(given, family, "example.com") : null,
                Address = f.Random.Bool(0.8f) ? $"{f.Address.StreetAddress()}, {f.Address.City()}" : null,
                Postcode = f.Random.Bool(0.8f) ? f.Address.ZipCode() : null,
                Borough = Pick(Boroughs.All).Code,
                Ethnicity = recorded ? f.Random.WeightedRandom(EthnicityCodes, EthnicityWeights) : null,
                PreferredLanguage = language,
                InterpreterNeeded = language == Languages.English ? false : f.Random.Bool(0.5f),
                Religion = recorded ? f.Random.WeightedRandom(
                    ["no-religion", "christian", "muslim", "hindu", "sikh", "buddhist", "jewish", "any-other-religion", Religions.PreferNotToSay],
                    [0.35f, 0.30f, 0.14f, 0.02f, 0.02f, 0.01f, 0.01f, 0.03f, 0.12f]) : null,
                SexualOrientation = recorded ? f.Random.WeightedRandom(
                    ["heterosexual-or-straight", "gay-or-lesbian", "bisexual", "other-sexual-orientation", SexualOrientations.PreferNotToSay],
                    [0.84f, 0.03f, 0.03f, 0.01f, 0.09f]) : null,
                Disability = recorded ? f.Random.WeightedRandom([Disabilities.Yes, Disabilities.No, Disabilities.PreferNotToSay], [0.32f, 0.55f, 0.13f]) : null,
                RoshLevel = f.Random.WeightedRandom([RoshLevel.Low, RoshLevel.Medium, RoshLevel.High, RoshLevel.VeryHigh], [0.28f, 0.47f, 0.22f, 0.03f]),
                MappaCategory = mappa ? f.Random.WeightedRandom([1, 2, 3], [0.6f, 0.3f, 0.1f]) : null,
                MappaLevel = mappa ? f.Random.WeightedRandom([1, 2, 3], [0.8f, 0.17f, 0.03f]) : null,
                IsPpo = f.Random.Bool(0.08f),
                OpdScreeningResult = opd,
                OpdScreenedOn = opd == OpdScreeningResult.NotScreened ? null : DateOnly.FromDateTime(created.AddDays(-f.Random.Int(10, 400))),
            };
        }

        /// <summary>NHS numbers from the range the NHS keeps for testing (999 …), with a valid check digit.</summary>
        private string NhsNumber()
        {
            while (true)
            {
                var nine = $"999{f.Random.Int(0, 999_999):D6}";
                if (Identifiers.NhsCheckDigit(nine) is { } check)
                {
                    return nine + check;
                }
            }
        }

        private string PncNumber()
        {
            var year = f.Random.Int(1995, 2026);
            var serial = f.Random.Int(1, 9_999_999);
            return $"{year}/{serial:D7}{Identifiers.PncCheckLetter(year % 100, serial)}";
        }

        /// <summary>One referral, its decision, and for an accepted one the episode; returns when the person's next referral may start.</summary>
        private DateTime Referral(Person person, PartnerService service, Staff creator, PartnerOrganisation referrer, DateTime after, bool last)
        {
            var state = last
                ? f.Random.WeightedRandom(
                    [ReferralState.Draft, ReferralState.Submitted, ReferralState.AwaitingInformation, ReferralState.Screening, ReferralState.Accepted, ReferralState.Declined, ReferralState.Withdrawn],
                    [0.03f, 0.05f, 0.02f, 0.05f, 0.60f, 0.13f, 0.12f])
                : f.Random.WeightedRandom([ReferralState.Accepted, ReferralState.Declined, ReferralState.Withdrawn], [0.60f, 0.22f, 0.18f]);
            var open = ReferralStates.IsOpen(state);
            // Steps below are bounded (submitted within 3 days, sifted within 4, decided within 10, allocated within 10), so
            // a referral made this long ago has every step in the past.
            var createdAt = open ? Later(after, _now.AddDays(-f.Random.Double(8, 45))) : Between(after.AddDays(1), 30);
            if (!open && createdAt > _now.AddDays(-30))
            {
                state = ReferralState.Screening;
                open = true;
                createdAt = Later(after, _now.AddDays(-f.Random.Double(8, 20)));
            }

            var manager = Pick(service.Managers);
            var referral = new Referral
            {
                Id = _ids.Next(),
                PersonId = person.Id,
                ServiceId = service.Entity.Id,
                ReferringOrganisationId = referrer.Entity.Id,
                CreatedByUserId = creator.Id,
                Source = referrer.Entity.Kind switch
                {
                    Core.Domain.Organisations.OrganisationKind.Probation => ReferralSource.Probation,
                    Core.Domain.Organisations.OrganisationKind.Prison => ReferralSource.Prison,
                    Core.Domain.Organisations.OrganisationKind.Police => ReferralSource.Police,
                    Core.Domain.Organisations.OrganisationKind.Court => ReferralSource.Court,
                    _ => ReferralSource.Other,
                },
                Reason = f.PickRandom(Text.ReferralReasons),
                HelpWanted = f.PickRandom(Text.HelpWanted),
                AccessibilityNeeds = f.Random.Bool(0.15f) ? "Needs information in plain English and appointments in the afternoon." : null,
                RisksToWorkers = person.Details.RoshLevel >= RoshLevel.High ? "Meet in pairs or at the office; no lone home visits." : null,
                PersonSetting = service.Entity.Setting == ServiceSetting.Either ? f.PickRandom(ServiceSetting.Community, ServiceSetting.Custody) : service.Entity.Setting,
                SharingBasis = f.Random.WeightedRandom([SharingBasis.Consent, SharingBasis.PublicTask], [0.85f, 0.15f]),
                State = state,
                CreatedAt = createdAt,
                Version = _ids.Next(),
            };
            referral.ConsentGivenOn = referral.SharingBasis == SharingBasis.Consent ? DateOnly.FromDateTime(createdAt) : null;
            batch.Add(referral);
            Audit(new ReferralStarted(referral.Id, person.Id, service.Entity.Id), creator, createdAt);
            if (state == ReferralState.Draft)
            {
                return createdAt;
            }

            var submitted = Before(createdAt.AddHours(f.Random.Double(1, 72)));
            referral.SubmittedAt = submitted;
            Move(referral, ReferralState.Draft, ReferralState.Submitted, submitted, creator);
            var role = new PersonCareRole { Id = _ids.Next(), PersonId = person.Id, OrganisationId = service.Organisation.Entity.Id, Kind = CareRoleKind.Referral, ReferralId = referral.Id, StartedAt = submitted };
            batch.Add(role);
            Audit(new CareRoleStarted(person.Id, role.Id, role.OrganisationId, referral.Id), creator, submitted);
            if (state is ReferralState.Submitted or ReferralState.AwaitingInformation or ReferralState.Screening)
            {
                OutsideEpisode(person, service, submitted);
            }

            if (state == ReferralState.Submitted)
            {
                return submitted;
            }

            var sifted = Before(submitted.AddDays(f.Random.Double(0.5, 4)));
            Read(AuditRecordTypes.Referral, referral.Id, person.Id, manager, sifted.AddMinutes(-5));
            if (state == ReferralState.AwaitingInformation)
            {
                Move(referral, ReferralState.Submitted, ReferralState.AwaitingInformation, sifted, manager, note: "Please send the latest OASys assessment.");
                return sifted;
            }

            if (state == ReferralState.Withdrawn)
            {
                var reason = f.PickRandom(ReferralCloseReason.DeclinedByPerson, ReferralCloseReason.MovedAway, ReferralCloseReason.InCustodyElsewhere);
                Decide(referral, ReferralState.Submitted, state, sifted, creator, reason);
                EndRole(role, sifted, "Referral withdrawn", creator);
                return sifted;
            }

            Move(referral, ReferralState.Submitted, ReferralState.Screening, sifted, manager);
            if (state == ReferralState.Screening)
            {
                return sifted;
            }

            var decided = Before(sifted.AddDays(f.Random.Double(1, 10)));
            if (state == ReferralState.Declined)
            {
                var reason = f.Random.WeightedRandom([ReferralCloseReason.NotEligible, ReferralCloseReason.NeedsMetElsewhere, ReferralCloseReason.Other], [0.5f, 0.4f, 0.1f]);
                Decide(referral, ReferralState.Screening, state, decided, manager, reason);
                EndRole(role, decided, "Referral declined", manager);
                return decided;
            }

            Decide(referral, ReferralState.Screening, ReferralState.Accepted, decided, manager, null);
            referral.AllocatedAt = Before(decided.AddDays(f.Random.Double(0, 10)));
            return Episode(person, service, referral, role, manager);
        }

        private void Move(Referral referral, ReferralState from, ReferralState to, DateTime at, Staff by, ReferralCloseReason? reason = null, string? note = null)
        {
            batch.Add(new ReferralTransition { Id = _ids.Next(), ReferralId = referral.Id, From = from, To = to, At = at, ByUserId = by.Id, Reason = reason, Note = note });
            Audit(new ReferralStateChanged(referral.Id, referral.PersonId, from, to, reason, note), by, at);
        }

        private void Decide(Referral referral, ReferralState from, ReferralState to, DateTime at, Staff by, ReferralCloseReason? reason)
        {
            referral.DecidedAt = at;
            referral.DecidedByUserId = by.Id;
            referral.CloseReason = reason;
            referral.CloseReasonText = reason == ReferralCloseReason.Other ? "Already supported by the community mental health team." : null;
            Move(referral, from, to, at, by, reason, referral.CloseReasonText);
        }

        private void EndRole(PersonCareRole role, DateTime endsAt, string reason, Staff by)
        {
            role.EndedAt = endsAt;
            role.EndReason = reason;
            Audit(new CareRoleEnded(role.PersonId, role.Id, role.OrganisationId, role.ReferralId!.Value, endsAt, reason), by, Before(endsAt));
        }

        /// <summary>The episode an accepted referral opened, with everything recorded in it until it closed or until now.</summary>
        private DateTime Episode(Person person, PartnerService service, Referral referral, PersonCareRole role, Staff manager)
        {
            var opened = referral.AllocatedAt!.Value;
            var startedOn = DateOnly.FromDateTime(opened);
            var months = service.Entity.MaximumEpisodeMonths;
            var plannedEnd = opened.AddMonths(months);
            var reason = f.Random.WeightedRandom(
                [EpisodeCloseReason.Completed, EpisodeCloseReason.Disengaged, EpisodeCloseReason.MovedOnToAnotherService, EpisodeCloseReason.ReturnedToCustody, EpisodeCloseReason.MovedAway, EpisodeCloseReason.Died, EpisodeCloseReason.Other],
                [0.55f, 0.16f, 0.09f, 0.09f, 0.07f, 0.01f, 0.03f]);
            var ends = reason == EpisodeCloseReason.Completed
                ? plannedEnd.AddDays(-f.Random.Double(0, 30))
                : opened.AddDays((plannedEnd - opened).TotalDays * f.Random.Double(0.2, 0.9));
            var closed = ends < _now.AddDays(-14);
            var disengagedAt = reason == EpisodeCloseReason.Disengaged ? ends.AddDays(-f.Random.Double(25, 45)) : (DateTime?)null;
            if (!closed && reason == EpisodeCloseReason.Disengaged && disengagedAt > _now.AddDays(-7))
            {
                disengagedAt = null;
            }

            var episode = new Episode
            {
                Id = _ids.Next(),
                PersonId = person.Id,
                ServiceId = service.Entity.Id,
                ReferralId = referral.Id,
                ServiceOrganisationId = service.Organisation.Entity.Id,
                ReferringOrganisationId = referral.ReferringOrganisationId,
                State = EpisodeState.Engaging,
                StartedOn = startedOn,
                PlannedEndOn = DateOnly.FromDateTime(plannedEnd),
                CreatedAt = opened,
                Version = _ids.Next(),
            };
            batch.Add(episode);
            var strands = service.Strands.Select(s => new EpisodeStrand
            {
                Id = _ids.Next(),
                EpisodeId = episode.Id,
                ServiceStrandId = s.Strand.Id,
                WorkerUserId = f.PickRandom(s.Workers).Id,
                StartedAt = opened,
                AllocatedByUserId = manager.Id,
                AllocationReason = $"Is a {JobRoles.All.LabelFor(s.Strand.WorkerRole)?.ToLowerInvariant()}",
            }).ToList();
            strands.ForEach(batch.Add);
            Audit(new EpisodeOpened(episode.Id, person.Id, referral.Id, service.Entity.Id, [.. strands.Select(s => new StrandWorker(s.ServiceStrandId, s.WorkerUserId))]), manager, opened);
            var worker = Worker(service, strands[0]);

            // Open episodes: most active, some disengaged, a few awaiting a manager's sign-off of their closure.
            var closing = !closed && opened < _now.AddDays(-30) && f.Random.Bool(0.05f);
            var contactsEnd = closed ? ends : closing ? _now.AddDays(-f.Random.Double(2, 10)) : _now.AddHours(-1);
            if (!closed && !closing && reason != EpisodeCloseReason.Disengaged && opened < _now.AddDays(-60) && f.Random.Bool(0.1f))
            {
                disengagedAt = _now.AddDays(-f.Random.Double(10, 40));
            }

            Contacts(episode, service, strands, opened, contactsEnd, disengagedAt);
            if (!closed && !closing)
            {
                Upcoming(episode, service, strands);
            }

            Plan(episode, service, worker, opened, contactsEnd, closed);
            if (f.Random.Bool(0.7f) && opened.AddDays(7) < contactsEnd)
            {
                episode.HardestThing1 = f.PickRandom(Text.HardestThings);
                episode.HardestThing2 = f.PickRandom(Text.HardestThings);
                episode.HardestThing3 = f.Random.Bool(0.6f) ? f.PickRandom(Text.HardestThings) : null;
                episode.HardestThingsRecordedAt = opened.AddDays(7);
            }

            if (disengagedAt is { } since && since < contactsEnd)
            {
                var reviewed = Before(since.AddDays(f.Random.Double(7, 20)));
                if (reviewed < contactsEnd)
                {
                    var review = new ReflectiveReview
                    {
                        Id = _ids.Next(),
                        EpisodeId = episode.Id,
                        WhatIsGoingOn = "He has stopped answering since his hostel move; his probation officer has not seen him either.",
                        WhatMayHaveBeenMissed = "Appointments were in the morning, when he has said he finds it hardest to get out.",
                        WhatWasTried = "Texts, a letter, a visit to the hostel and a call to his probation officer.",
                        RecordedAt = reviewed,
                        RecordedByUserId = worker.Id,
                    };
                    batch.Add(review);
                    Audit(new ReflectiveReviewRecorded(episode.Id, person.Id, review.Id), worker, reviewed);
                }
            }

            if (closing || closed)
            {
                var proposedAt = contactsEnd.AddHours(2);
                var from = episode.State;
                Transition(episode, from, EpisodeState.Closing, proposedAt, worker, $"Closure proposed: {EpisodeStates.Label(reason)}", new ClosureProposed(episode.Id, person.Id, from, reason));
                episode.CloseReason = reason;
                episode.CloseReasonText = reason == EpisodeCloseReason.Other ? "Moved to a specialist service out of area." : null;
                episode.EndOfServiceSummary = f.PickRandom(Text.Summaries);
                episode.ClosureProposedByUserId = worker.Id;
                episode.ClosureProposedAt = proposedAt;
                if (closed)
                {
                    var closedAt = Before(proposedAt.AddDays(f.Random.Double(1, 10)));
                    Transition(episode, EpisodeState.Closing, EpisodeState.Closed, closedAt, manager, "Closure signed off", new EpisodeClosed(episode.Id, person.Id, reason));
                    episode.ClosureSignedOffByUserId = manager.Id;
                    episode.ClosedAt = closedAt;
                    foreach (var strand in strands)
                    {
                        strand.EndedAt = closedAt;
                        strand.EndReason = "Episode closed";
                        strand.EndedByUserId = manager.Id;
                    }

                    EndRole(role, closedAt.AddDays(FollowUpDays), $"Episode closed; follow-up of {FollowUpDays} days", manager);
                    return closedAt;
                }
            }

            return _now;
        }

        private void Contacts(Episode episode, PartnerService service, List<EpisodeStrand> strands, DateTime opened, DateTime end, DateTime? disengagedAt)
        {
            var custody = service.Entity.Setting == ServiceSetting.Custody;
            var at = opened.AddDays(f.Random.Double(2, 7));
            var n = 0;
            while (at < end)
            {
                var strand = strands[n++ % strands.Count];
                var serviceStrand = service.Strands.Single(s => s.Strand.Id == strand.ServiceStrandId).Strand;
                var worker = Worker(service, strand);
                var disengaged = disengagedAt is { } since && at >= since;
                if (disengaged && episode.State is EpisodeState.Active)
                {
                    Transition(episode, EpisodeState.Active, EpisodeState.Disengaged, disengagedAt!.Value, worker, "Missed contacts in a row", new EpisodeStateChanged(episode.Id, episode.PersonId, EpisodeState.Active, EpisodeState.Disengaged));
                }

                var attendance = disengaged
                    ? f.Random.WeightedRandom([Attendance.DidNotAttend, Attendance.Attended], [0.9f, 0.1f])
                    : f.Random.WeightedRandom([Attendance.Attended, Attendance.Late, Attendance.DidNotAttend, Attendance.CancelledByPerson, Attendance.CancelledByService], [0.74f, 0.07f, 0.12f, 0.05f, 0.02f]);
                var attended = attendance is Attendance.Attended or Attendance.Late;
                var occurredAt = at.Date.AddHours(f.Random.Int(9, 16)).AddMinutes(f.Random.Int(0, 3) * 15);
                if (occurredAt >= end)
                {
                    break;
                }

                var contact = new Contact
                {
                    Id = _ids.Next(),
                    EpisodeId = episode.Id,
                    ServiceStrandId = strand.ServiceStrandId,
                    OccurredAt = occurredAt,
                    DurationMinutes = attended ? f.Random.Int(2, 6) * 15 : 0,
                    Mode = disengaged
                        ? f.PickRandom(ContactMode.Phone, ContactMode.LetterOrText, ContactMode.Outreach)
                        : custody ? ContactMode.PrisonVisit : f.Random.WeightedRandom([ContactMode.FaceToFace, ContactMode.Phone, ContactMode.Video, ContactMode.HomeVisit, ContactMode.Outreach], [0.55f, 0.22f, 0.08f, 0.1f, 0.05f]),
                    Attendance = attendance,
                    Interventions = attended ? [.. f.PickRandom(Interventions.For(serviceStrand.InterventionList), f.Random.Int(1, 2)).Select(i => i.Code)] : [],
                    Pathways = attended ? [.. f.PickRandom(_partnership.Pathways, f.Random.Int(0, 2))] : [],
                    IsReengagementAttempt = disengaged,
                    Note = f.Random.Bool(0.75f) ? f.PickRandom(attended ? Text.AttendedNotes : Text.MissedNotes) : null,
                    NoteRestricted = f.Random.Bool(0.03f),
                    RecordedAt = Before(occurredAt.AddHours(f.Random.Double(0.5, 30))),
                    RecordedByUserId = worker.Id,
                    Version = _ids.Next(),
                };
                batch.Add(contact);
                if (occurredAt > _now.AddDays(-BookedWithinDays) && !disengaged && f.Random.Bool(0.6f))
                {
                    var booked = Booking(episode, strand, occurredAt, contact.DurationMinutes == 0 ? 60 : contact.DurationMinutes, PlaceFor(contact.Mode), occurredAt.AddDays(-f.Random.Double(3, 14)));
                    booked.State = AppointmentState.Closed;
                    booked.ContactId = contact.Id;
                    booked.Outcome = attendance;
                    booked.ClosedAt = contact.RecordedAt;
                    booked.ClosedByUserId = worker.Id;
                    batch.Add(booked);
                }

                if (attended && episode.State == EpisodeState.Engaging)
                {
                    Transition(episode, EpisodeState.Engaging, EpisodeState.Active, occurredAt, worker, "First attended contact", new EpisodeStateChanged(episode.Id, episode.PersonId, EpisodeState.Engaging, EpisodeState.Active));
                }

                if (f.Random.Bool(0.25f))
                {
                    Audit(new SignedIn(worker.Id, false), worker, contact.RecordedAt.AddMinutes(-6));
                }

                var reads = _scale.ReadsPerContact;
                Read(AuditRecordTypes.Person, episode.PersonId, episode.PersonId, worker, contact.RecordedAt.AddMinutes(-4));
                for (var r = 1; r < reads; r++)
                {
                    if (r + 1 <= reads || f.Random.Double() < reads - r)
                    {
                        Read(AuditRecordTypes.Episode, episode.Id, episode.PersonId, worker, contact.RecordedAt.AddMinutes(-3));
                    }
                }

                Audit(new ContactRecorded(episode.Id, episode.PersonId, contact.Id, ContactFacts.Of(contact), contact.Note is not null), worker, contact.RecordedAt);
                at = at.AddDays(f.Random.Double(6, 12));
            }
        }

        /// <summary>
        /// An open episode's diary: each strand's next sessions over the coming weeks, now and then one cancelled, and
        /// now and then a past one nobody has closed yet (awaiting closing, or overdue).
        /// </summary>
        private void Upcoming(Episode episode, PartnerService service, List<EpisodeStrand> strands)
        {
            var custody = service.Entity.Setting == ServiceSetting.Custody;
            foreach (var strand in strands.Where(s => s.EndedAt is null))
            {
                var first = _now.Date.AddDays(f.Random.Int(-3, 6)).AddHours(f.Random.Int(9, 16)).AddMinutes(f.Random.Int(0, 3) * 15);
                for (var week = 0; week < UpcomingWeeks; week++)
                {
                    var startsAt = first.AddDays(7 * week);
                    if (startsAt < _now && f.Random.Bool(0.8f))
                    {
                        continue;
                    }

                    var mode = custody ? ContactMode.PrisonVisit : f.Random.WeightedRandom([ContactMode.FaceToFace, ContactMode.Phone, ContactMode.HomeVisit, ContactMode.Video], [0.6f, 0.2f, 0.12f, 0.08f]);
                    var booked = Booking(episode, strand, startsAt, f.Random.Int(2, 4) * 15, PlaceFor(mode), Before(_now.AddDays(-f.Random.Double(1, 10))));
                    if (startsAt > _now && f.Random.Bool(0.05f))
                    {
                        booked.State = AppointmentState.Cancelled;
                        booked.CancelledBy = f.PickRandom(CancelledBy.Person, CancelledBy.Service);
                        booked.CancelledAt = booked.BookedAt.AddHours(f.Random.Double(1, 20));
                        booked.CancelledByUserId = booked.BookedByUserId;
                        booked.CancellationReason = booked.CancelledBy == CancelledBy.Person ? "He has a hospital appointment that morning." : "Worker off sick.";
                    }

                    batch.Add(booked);
                }
            }
        }

        /// <summary>
        /// A liaison and diversion practitioner sees half the people whose referral to them is still being decided, at court
        /// or in the custody suite: an appointment outside any episode, which only their organisation sees.
        /// </summary>
        private void OutsideEpisode(Person person, PartnerService service, DateTime submitted)
        {
            if (service.Strands.FirstOrDefault(s => s.Strand.WorkerRole == "liaison-diversion") is not { Workers.Length: > 0 } strand || !f.Random.Bool(0.5f))
            {
                return;
            }

            var worker = f.PickRandom(strand.Workers);
            var court = f.Random.Bool(0.7f);
            var startsAt = _now.Date.AddDays(f.Random.Int(1, 5)).AddHours(f.Random.Int(9, 15)).AddMinutes(f.Random.Int(0, 3) * 15);
            var appointment = new Appointment
            {
                Id = _ids.Next(),
                PersonId = person.Id,
                ServiceStrandId = strand.Strand.Id,
                OrganisationId = service.Organisation.Entity.Id,
                StartsAt = Micro(startsAt),
                DurationMinutes = 45,
                Place = court ? AppointmentPlace.Court : AppointmentPlace.ServiceLocation,
                PlaceDetail = court ? "Magistrates' court, cells" : "Police custody suite",
                WorkerUserId = worker.Id,
                BookedAt = Micro(submitted.AddHours(1) < _now ? submitted.AddHours(1) : _now),
                BookedByUserId = worker.Id,
                Version = _ids.Next(),
            };
            batch.Add(appointment);
            Audit(new PersonAppointmentBooked(person.Id, appointment.Id, AppointmentFacts.Of(appointment), null), worker, appointment.BookedAt);
        }

        private Appointment Booking(Episode episode, EpisodeStrand strand, DateTime startsAt, int minutes, AppointmentPlace place, DateTime bookedAt) => new()
        {
            Id = _ids.Next(),
            PersonId = episode.PersonId,
            EpisodeId = episode.Id,
            ServiceStrandId = strand.ServiceStrandId,
            OrganisationId = episode.ServiceOrganisationId,
            StartsAt = Micro(startsAt),
            DurationMinutes = minutes,
            Place = place,
            PlaceDetail = place switch
            {
                AppointmentPlace.ServiceLocation => "Hub, ground floor",
                AppointmentPlace.Prison => "Legal visits hall",
                _ => null,
            },
            WorkerUserId = strand.WorkerUserId,
            BookedAt = Micro(bookedAt < startsAt ? bookedAt : startsAt.AddDays(-1)),
            BookedByUserId = strand.WorkerUserId,
            Version = _ids.Next(),
        };

        private static AppointmentPlace PlaceFor(ContactMode mode) => mode switch
        {
            ContactMode.HomeVisit => AppointmentPlace.Home,
            ContactMode.PrisonVisit => AppointmentPlace.Prison,
            ContactMode.Video => AppointmentPlace.Video,
            ContactMode.Phone or ContactMode.LetterOrText => AppointmentPlace.Phone,
            _ => AppointmentPlace.ServiceLocation,
        };

        /// <summary>Needs assessments and measures at the start, at each review point and at the end; reviews; goals and their actions.</summary>
        private void Plan(Episode episode, PartnerService service, Staff worker, DateTime opened, DateTime end, bool closed)
        {
            var (instrument, definition) = _partnership.Instruments[0];
            var occasions = new List<(AssessmentOccasion Occasion, DateTime At)> { (AssessmentOccasion.Start, opened.AddDays(f.Random.Double(3, 14))) };
            for (var point = 1; opened.AddMonths(point * service.Entity.ReviewIntervalMonths) < end; point++)
            {
                occasions.Add((AssessmentOccasion.Review, opened.AddMonths(point * service.Entity.ReviewIntervalMonths).AddDays(f.Random.Double(-5, 5))));
            }

            if (closed)
            {
                occasions.Add((AssessmentOccasion.End, end.AddHours(1)));
            }

            foreach (var (occasion, at) in occasions.Where(o => o.At < end.AddHours(2) && o.At < _now))
            {
                var assessment = new NeedsAssessment { Id = _ids.Next(), EpisodeId = episode.Id, Occasion = occasion, AssessedOn = DateOnly.FromDateTime(at), RecordedAt = at, RecordedByUserId = worker.Id };
                assessment.Ratings = [.. _partnership.Pathways.Select(p => new NeedRating { Id = _ids.Next(), AssessmentId = assessment.Id, Pathway = p, Level = f.Random.WeightedRandom([NeedLevel.None, NeedLevel.Low, NeedLevel.Medium, NeedLevel.High], [0.2f, 0.3f, 0.3f, 0.2f]) })];
                batch.Add(assessment);
                assessment.Ratings.ForEach(batch.Add);
                Audit(new NeedsAssessed(episode.Id, episode.PersonId, assessment.Id, occasion, assessment.AssessedOn, assessment.Ratings.ToDictionary(r => r.Pathway, r => r.Level), false), worker, at);

                List<int> answers = [.. definition.Items.Select(i => Pick(i.Options).Value)];
                var score = definition.Score(answers);
                var measure = new MeasureResult
                {
                    Id = _ids.Next(),
                    EpisodeId = episode.Id,
                    InstrumentId = instrument.Id,
                    Occasion = occasion,
                    TakenOn = assessment.AssessedOn,
                    Answers = answers,
                    Score = score.Total,
                    Band = score.Band,
                    RecordedAt = at.AddMinutes(20),
                    RecordedByUserId = worker.Id,
                };
                batch.Add(measure);
                Audit(new MeasureRecorded(episode.Id, episode.PersonId, measure.Id, instrument.Id, instrument.Name, occasion, measure.TakenOn, measure.Score, measure.Band), worker, measure.RecordedAt);
                if (occasion == AssessmentOccasion.Review)
                {
                    var review = new EpisodeReview { Id = _ids.Next(), EpisodeId = episode.Id, HeldOn = assessment.AssessedOn, Summary = f.PickRandom(Text.Reviews), RecordedAt = at.AddMinutes(40), RecordedByUserId = worker.Id };
                    batch.Add(review);
                    Audit(new ReviewRecorded(episode.Id, episode.PersonId, review.Id, review.HeldOn), worker, review.RecordedAt);
                }
            }

            var goalsAt = opened.AddDays(f.Random.Double(7, 21));
            if (goalsAt >= end)
            {
                return;
            }

            foreach (var pathway in f.PickRandom(_partnership.Pathways, f.Random.Int(1, 3)))
            {
                var goal = new Goal
                {
                    Id = _ids.Next(),
                    EpisodeId = episode.Id,
                    Description = Text.Goals.TryGetValue(pathway, out var description) ? description : "Feel more settled day to day",
                    Pathway = pathway,
                    Outcome = closed ? f.Random.WeightedRandom([GoalOutcome.Achieved, GoalOutcome.PartlyAchieved, GoalOutcome.NotAchieved], [0.45f, 0.35f, 0.2f]) : null,
                    CreatedAt = goalsAt,
                    CreatedByUserId = worker.Id,
                    Version = _ids.Next(),
                };
                batch.Add(goal);
                Audit(new GoalSet(episode.Id, episode.PersonId, goal.Id, pathway), worker, goalsAt);
                for (var a = f.Random.Int(1, 3); a > 0; a--)
                {
                    var due = DateOnly.FromDateTime(goalsAt.AddDays(f.Random.Int(7, 60)));
                    var status = closed
                        ? f.Random.WeightedRandom([ActionStatus.Done, ActionStatus.NoLongerNeeded], [0.8f, 0.2f])
                        : f.Random.WeightedRandom([ActionStatus.NotStarted, ActionStatus.InProgress, ActionStatus.Done], [0.25f, 0.35f, 0.4f]);
                    var completed = Later(goalsAt.AddDays(1), due.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc));
                    if (status == ActionStatus.Done && completed >= _now)
                    {
                        status = ActionStatus.InProgress;
                    }

                    var owner = f.Random.WeightedRandom([ActionOwner.Worker, ActionOwner.Person, ActionOwner.OtherOrganisation], [0.45f, 0.4f, 0.15f]);
                    var action = new GoalAction
                    {
                        Id = _ids.Next(),
                        GoalId = goal.Id,
                        EpisodeId = episode.Id,
                        Description = f.PickRandom(Text.Actions),
                        Owner = owner,
                        OwnerName = owner == ActionOwner.OtherOrganisation ? "Housing Options" : null,
                        DueOn = due,
                        Status = status,
                        CreatedAt = goalsAt.AddMinutes(a),
                        CreatedByUserId = worker.Id,
                        CompletedAt = status == ActionStatus.Done ? Micro(completed) : null,
                        Version = _ids.Next(),
                    };
                    batch.Add(action);
                    Audit(new ActionAdded(episode.Id, episode.PersonId, goal.Id, action.Id, owner, due), worker, action.CreatedAt);
                }
            }
        }

        private void Transition(Episode episode, EpisodeState from, EpisodeState to, DateTime at, Staff by, string reason, AuditedEvent e)
        {
            episode.State = to;
            batch.Add(new EpisodeTransition { Id = _ids.Next(), EpisodeId = episode.Id, From = from, To = to, At = at, ByUserId = by.Id, Reason = reason });
            Audit(e, by, at);
        }

        private static Staff Worker(PartnerService service, EpisodeStrand strand) =>
            service.Strands.Single(s => s.Strand.Id == strand.ServiceStrandId).Workers.Single(w => w.Id == strand.WorkerUserId);

        private T Pick<T>(IReadOnlyList<T> items) => items[f.Random.Int(0, items.Count - 1)];

        private void Audit(AuditedEvent e, Staff by, DateTime at) => batch.Audit.Add(AuditRows.Of(e, by, at, _ids));

        private void Read(string recordType, Guid recordId, Guid personId, Staff by, DateTime at) =>
            batch.Audit.Add(AuditRows.Read(recordType, recordId, personId, AuditActions.View, by, at, _ids));

        /// <summary>A moment up to <paramref name="days"/> days after <paramref name="from"/>, to the microsecond, never after now.</summary>
        private DateTime Between(DateTime from, double days) => Before(from.AddDays(f.Random.Double(0, days)));

        private DateTime Before(DateTime at) => Micro(at < _now ? at : _now.AddMinutes(-f.Random.Int(1, 60)));

        private static DateTime Later(DateTime a, DateTime b) => a > b ? a : b;

        // PostgreSQL keeps microseconds: what is generated is what is stored, on either database.
        private static DateTime Micro(DateTime at) => AuditChain.TruncateToMicroseconds(at);
    }

    private static readonly string[] OtherLanguages =
        [.. Languages.All.Select(l => l.Code).Where(c => c is not Languages.English and not Languages.Other)];

    private static readonly (string Code, float Weight)[] Ethnicity =
    [
        ("white-british", 0.44f), ("any-other-white-background", 0.08f), ("white-irish", 0.01f), ("caribbean", 0.10f), ("african", 0.08f),
        ("any-other-black-background", 0.03f), ("white-and-black-caribbean", 0.05f), ("any-other-mixed-background", 0.02f), ("indian", 0.02f),
        ("pakistani", 0.03f), ("bangladeshi", 0.03f), ("any-other-asian-background", 0.02f), ("gypsy-or-irish-traveller", 0.01f),
        ("somali", 0.01f), ("not-known", 0.03f), (ReferenceList.PreferNotToSay, 0.04f),
    ];

    private static readonly string[] EthnicityCodes = [.. Ethnicity.Select(e => e.Code)];

    private static readonly float[] EthnicityWeights = [.. Ethnicity.Select(e => e.Weight)];
}
