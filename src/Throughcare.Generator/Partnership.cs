using Bogus;
using Microsoft.AspNetCore.Identity;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Domain.Organisations;
using Throughcare.Core.Domain.ReferenceData;
using Throughcare.Core.Domain.Services;

namespace Throughcare.Generator;

/// <summary>A member of staff as the generator uses them: who they are and what their audit rows say about them.</summary>
public sealed record Staff(Guid Id, string Email, Guid OrganisationId, Guid? TeamId, string Role, string? JobRole);

public sealed class PartnerOrganisation(Organisation entity, string code)
{
    public Organisation Entity { get; } = entity;

    public string Code { get; } = code;

    public List<Staff> Staff { get; } = [];

    public IEnumerable<Staff> InRole(string role) => Staff.Where(s => s.Role == role);
}

/// <summary>A service with the workers who hold each of its strands and the managers who sift its referrals.</summary>
public sealed class PartnerService(Service entity, PartnerOrganisation organisation)
{
    public Service Entity { get; } = entity;

    public PartnerOrganisation Organisation { get; } = organisation;

    public List<(ServiceStrand Strand, Staff[] Workers)> Strands { get; } = [];

    public List<Staff> Managers { get; } = [];

    /// <summary>How often people are referred to it, against the region's other services.</summary>
    public int Weight { get; init; } = 1;
}

public sealed class Region(string name)
{
    public string Name { get; } = name;

    public List<PartnerOrganisation> Organisations { get; } = [];

    public List<PartnerService> Services { get; } = [];

    /// <summary>Practitioners who refer people and create their records, by the kind of organisation they work for.</summary>
    public List<(PartnerOrganisation Organisation, Staff[] Practitioners)> Referrers { get; } = [];
}

/// <summary>The organisations, teams, staff and services of a synthetic partnership, and the reference data its care draws on.</summary>
public sealed class Partnership
{
    public const string EmailDomain = "throughcare.test";

    public static readonly string[] RegionNames =
    [
        "South London", "North London", "Kent Surrey and Sussex", "East of England", "West Midlands", "East Midlands",
        "North West", "North East", "Yorkshire and the Humber", "South West", "South Central", "Greater Manchester",
    ];

    public List<Region> Regions { get; } = [];

    public List<IdentityRole<Guid>> Roles { get; } = [];

    public List<(Instrument Instrument, InstrumentDefinition Definition)> Instruments { get; } = [];

    public required IReadOnlyList<string> Pathways { get; init; }

    public IEnumerable<PartnerOrganisation> Organisations => Regions.SelectMany(r => r.Organisations);

    /// <summary>
    /// Builds the partnership into the first batch: for each region, its partner organisations with their teams and
    /// staff, and the services people are referred to, each with enough workers per strand for its caseload capacity.
    /// </summary>
    public static Partnership Build(GeneratorScale scale, Faker faker, Batch batch, IReadOnlyList<string> pathways, string passwordHash, DateTime createdAt)
    {
        var partnership = new Partnership { Pathways = pathways };
        var ids = new Ids(faker);
        foreach (var role in StaffRoles.All)
        {
            var entity = new IdentityRole<Guid>(role) { Id = ids.Next(), NormalizedName = role.ToUpperInvariant(), ConcurrencyStamp = ids.Next().ToString() };
            partnership.Roles.Add(entity);
            batch.Add(entity);
        }

        foreach (var (id, resource) in InstrumentCatalogueService.Shipped)
        {
            var json = InstrumentCatalogueService.ShippedJson(resource);
            var definition = InstrumentDefinition.Parse(json).Definition!;
            var instrument = new Instrument { Id = id, Code = definition.Code!, Name = definition.Name, Definition = json, CreatedAt = createdAt, Version = ids.Next() };
            partnership.Instruments.Add((instrument, definition));
            batch.Add(instrument);
        }

        var builder = new Builder(partnership, faker, ids, batch, passwordHash, createdAt);
        var peoplePerRegion = (double)scale.People / scale.Regions;
        for (var r = 0; r < scale.Regions; r++)
        {
            partnership.Regions.Add(builder.Region(RegionNames[r % RegionNames.Length] + (r >= RegionNames.Length ? $" {(r / RegionNames.Length) + 1}" : ""), r + 1, peoplePerRegion));
        }

        return partnership;
    }

    /// <summary>Guids from the seeded randomizer, so that a seed always makes the same keys.</summary>
    public sealed class Ids(Faker faker)
    {
        public Guid Next() => new(faker.Random.Bytes(16));
    }

    private sealed class Builder(Partnership partnership, Faker faker, Ids ids, Batch batch, string passwordHash, DateTime at)
    {
        private Staff? _partnershipAdministrator;

        public Region Region(string name, int number, double people)
        {
            var region = new Region(name);
            var code = $"r{number:D2}";
            var nhs = Organisation(region, $"{name} Forensic NHS Foundation Trust", OrganisationKind.NhsTrust, $"{code}-nhs", ["Liaison and Diversion", "Forensic Psychology"]);
            var probation = Organisation(region, $"{name} Probation Region", OrganisationKind.Probation, $"{code}-probation",
                [.. Enumerable.Range(1, Math.Max(2, (int)Math.Ceiling(people / 2500))).Select(i => $"Probation Delivery Unit {i}")]);
            var prisons = Enumerable.Range(1, 2).Select(i => Organisation(region, $"HMP {faker.Address.City()} ({name} {i})", OrganisationKind.Prison, $"{code}-prison{i}", ["Resettlement", "Offender Management Unit"])).ToList();
            var councils = Enumerable.Range(1, 2).Select(i => Organisation(region, $"{name} Council {i}", OrganisationKind.LocalAuthority, $"{code}-council{i}", ["Housing Options"])).ToList();

            // Each council serves a borough of its own, so that people released to it come onto its release list.
            for (var i = 0; i < councils.Count; i++)
            {
                councils[i].Entity.Borough = Boroughs.LondonBoroughs[((number - 1) * councils.Count + i) % Boroughs.LondonBoroughs.Count].Code;
            }
            var wellbeing = Organisation(region, $"{name} Community Wellbeing", OrganisationKind.VoluntarySector, $"{code}-wellbeing", ["Community Wellbeing Pathway", "Hub"]);
            var police = Organisation(region, $"{name} Police", OrganisationKind.Police, $"{code}-police", ["Custody"]);
            var court = Organisation(region, $"{name} Magistrates' Court", OrganisationKind.Court, $"{code}-court", ["Court Support"]);
            var commissioners = Organisation(region, $"{name} OPD Pathway Commissioners", OrganisationKind.Commissioner, $"{code}-commissioners", []);
            Add(commissioners, StaffRoles.Commissioner, 2, null);
            if (_partnershipAdministrator is null)
            {
                _partnershipAdministrator = Add(commissioners, StaffRoles.PartnershipAdministrator, 1, null)[0];
            }

            foreach (var organisation in region.Organisations.Where(o => o.Entity.Kind != OrganisationKind.Commissioner))
            {
                Add(organisation, StaffRoles.Administrator, 1, null);
                Add(organisation, StaffRoles.DataProtectionOfficer, 1, null);
            }

            Add(wellbeing, StaffRoles.Volunteer, 3, "peer-mentor", Team(wellbeing, "Hub"));

            // Referrers: probation most of all, then prisons, the NHS trust's liaison team, police and court.
            var perTeam = Math.Max(3, (int)Math.Ceiling(people / 250 / probation.Entity.Teams.Count));
            region.Referrers.Add((probation, [.. probation.Entity.Teams.SelectMany(t => Add(probation, StaffRoles.Practitioner, perTeam, "probation-officer", t))]));
            foreach (var team in probation.Entity.Teams)
            {
                Add(probation, StaffRoles.Manager, 1, "probation-officer", team);
            }

            foreach (var prison in prisons)
            {
                region.Referrers.Add((prison, Add(prison, StaffRoles.Practitioner, Math.Max(2, (int)(people / 1500)), "prison-officer", Team(prison, "Offender Management Unit"))));
            }

            region.Referrers.Add((police, Add(police, StaffRoles.Practitioner, 2, null, Team(police, "Custody"))));
            region.Referrers.Add((court, Add(court, StaffRoles.Practitioner, 2, null, Team(court, "Court Support"))));

            // Services, each staffed for the caseload the region's people bring it (about a third of its episodes are open).
            Service(region, wellbeing, "Community Wellbeing Pathway", "Community Wellbeing Pathway", ServiceSetting.Community, months: 18, capacity: 12, weight: 4, people,
                [("Emotional support", "fmhp"), ("Practical support", "clw")], s => { s.MinimumAge = 18; s.RequiresOpdScreenedIn = true; });
            Service(region, nhs, "Liaison and Diversion", "Liaison and Diversion", ServiceSetting.Either, months: 3, capacity: 30, weight: 3, people,
                [("Liaison and diversion", "liaison-diversion")], s => s.MinimumAge = 18);
            Service(region, nhs, "Forensic Psychology Consultation", "Forensic Psychology", ServiceSetting.Either, months: 12, capacity: 15, weight: 2, people,
                [("Psychological consultation", "psychologist")], _ => { });
            Service(region, prisons[0], "Resettlement Support", "Resettlement", ServiceSetting.Custody, months: 6, capacity: 20, weight: 2, people,
                [("Resettlement pathways", "pathways-worker")], _ => { });
            Service(region, councils[0], "Housing Options for Prison Leavers", "Housing Options", ServiceSetting.Community, months: 6, capacity: 25, weight: 1, people,
                [("Housing support", "clw")], _ => { });
            return region;
        }

        private void Service(Region region, PartnerOrganisation organisation, string name, string team, ServiceSetting setting, int months, int capacity, int weight, double people,
            (string Name, string Role)[] strands, Action<Service> configure)
        {
            var service = new Service
            {
                Id = ids.Next(),
                OrganisationId = organisation.Entity.Id,
                Name = name,
                Description = $"{name} for people in contact with the criminal justice system in {region.Name}.",
                Setting = setting,
                MaximumEpisodeMonths = months,
                CaseloadCapacity = capacity,
                CreatedAt = at,
                Version = ids.Next(),
            };
            configure(service);
            batch.Add(service);
            Audit(new ServiceCreated(service.Id, organisation.Entity.Id, FieldChanges.Compare(new ServiceSettings(), ServiceSettings.Of(service))), organisation.InRole(StaffRoles.Administrator).First());
            var partner = new PartnerService(service, organisation) { Weight = weight };
            var teamEntity = Team(organisation, team);
            var totalWeight = 12.0;
            var openEpisodes = people * 0.8 * 0.35 * weight / totalWeight;
            foreach (var (strandName, role) in strands)
            {
                var strand = new ServiceStrand { Id = ids.Next(), ServiceId = service.Id, Name = strandName, WorkerRole = role, InterventionList = Interventions.DefaultListFor(role) };
                batch.Add(strand);
                var workers = Add(organisation, StaffRoles.Practitioner, Math.Max(2, (int)Math.Ceiling(openEpisodes / capacity / 0.85)), role, teamEntity);
                partner.Strands.Add((strand, workers));
            }

            partner.Managers.AddRange(Add(organisation, StaffRoles.Manager, 1 + (int)(openEpisodes / 150), strands[0].Role, teamEntity));
            region.Services.Add(partner);
        }

        private PartnerOrganisation Organisation(Region region, string name, OrganisationKind kind, string code, string[] teams)
        {
            var organisation = new Organisation
            {
                Id = ids.Next(),
                Name = name,
                Kind = kind,
                CreatedAt = at,
                Version = ids.Next(),
            };
            organisation.Teams = [.. teams.Select(t => new Team { Id = ids.Next(), OrganisationId = organisation.Id, Name = t, CreatedAt = at })];
            batch.Add(organisation);
            foreach (var team in organisation.Teams)
            {
                batch.Add(team);
            }

            var partner = new PartnerOrganisation(organisation, code);
            region.Organisations.Add(partner);
            if (_partnershipAdministrator is not null)
            {
                Audit(new OrganisationCreated(organisation.Id, [new FieldChange("Name", null, name), new FieldChange("Kind", null, OrganisationKinds.Label(kind))]), _partnershipAdministrator);
            }

            return partner;
        }

        private static Team Team(PartnerOrganisation organisation, string name) => organisation.Entity.Teams.Single(t => t.Name == name);

        /// <summary>Staff e-mails read role-number@organisation-code.throughcare.test: practitioner-3@r01-wellbeing.throughcare.test.</summary>
        private Staff[] Add(PartnerOrganisation organisation, string role, int count, string? jobRole, Team? team = null)
        {
            var slug = role switch
            {
                StaffRoles.DataProtectionOfficer => "dpo",
                StaffRoles.PartnershipAdministrator => "partnership-administrator",
                _ => role.ToLowerInvariant(),
            };
            var added = new Staff[count];
            for (var i = 0; i < count; i++)
            {
                var email = $"{slug}-{organisation.InRole(role).Count() + 1}@{organisation.Code}.{EmailDomain}";
                var name = faker.Name.FullName();
                var user = new ApplicationUser
                {
                    Id = ids.Next(),
                    UserName = email,
                    NormalizedUserName = email.ToUpperInvariant(),
                    Email = email,
                    NormalizedEmail = email.ToUpperInvariant(),
                    EmailConfirmed = true,
                    PasswordHash = passwordHash,
                    SecurityStamp = faker.Random.AlphaNumeric(32).ToUpperInvariant(),
                    ConcurrencyStamp = ids.Next().ToString(),
                    LockoutEnabled = true,
                    DisplayName = name,
                    OrganisationId = organisation.Entity.Id,
                    TeamId = team?.Id,
                    JobRole = jobRole,
                    Languages = faker.Random.Bool(0.3f) ? [Languages.English, faker.PickRandom(Languages.All.Select(l => l.Code).Where(c => c is not Languages.English and not Languages.Other).ToArray())] : [Languages.English],
                    GenderIdentity = faker.Random.Bool(0.5f) ? "man" : "woman",
                    CreatedAt = at,
                };
                batch.Add(user);
                batch.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = partnership.Roles.Single(r => r.Name == role).Id });
                var staff = new Staff(user.Id, email, organisation.Entity.Id, team?.Id, role, jobRole);
                organisation.Staff.Add(staff);
                added[i] = staff;
                if (_partnershipAdministrator is not null)
                {
                    Audit(new StaffAccountCreated(user.Id, organisation.Entity.Id, [new FieldChange("Name", null, name), new FieldChange("Email", null, email), new FieldChange("Roles", null, StaffRoles.Label(role))]), _partnershipAdministrator);
                }
            }

            return added;
        }

        private void Audit(AuditedEvent e, Staff by) => batch.Audit.Add(AuditRows.Of(e, by, at, ids));
    }
}
