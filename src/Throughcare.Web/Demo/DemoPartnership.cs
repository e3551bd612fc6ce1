using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Throughcare.Web.Domain.Accounts;
using Throughcare.Web.Domain.Audit;
using Throughcare.Web.Domain.Organisations;
using Throughcare.Web.Domain.People;
using Throughcare.Web.Domain.ReferenceData;
using Throughcare.Web.Domain.Services;
using Throughcare.Web.Infrastructure.Database;

namespace Throughcare.Web.Demo;

/// <summary>
/// A small, fictional London partnership for trying Throughcare. Seeded only when Throughcare:Demo:Enabled is true
/// (the Demo environment); no account exists anywhere else until an administrator creates one.
/// </summary>
public sealed class DemoPartnership(ThroughcareDbContext db, UserManager<ApplicationUser> users, AuditLog audit, TimeProvider time, IConfiguration configuration)
{
    public const string EmailDomain = "demo.throughcare.test";

    public sealed record DemoAccount(string Email, string Name, string Organisation, string? Team, params string[] Roles)
    {
        public string? JobRole { get; init; }
        public string[] Languages { get; init; } = [];
    }

    public const string NhsTrust = "South London Pathways NHS Foundation Trust";
    public const string Together = "Together Community Wellbeing";

    public static readonly (string Name, OrganisationKind Kind, string[] Teams)[] Organisations =
    [
        (NhsTrust, OrganisationKind.NhsTrust, ["Liaison and Diversion", "Forensic Psychology"]),
        ("London Probation Region", OrganisationKind.Probation, ["Southwark Probation Delivery Unit", "Lambeth Probation Delivery Unit"]),
        (Together, OrganisationKind.VoluntarySector, ["Community Wellbeing Pathway", "Southwark Hub"]),
        ("HMP Brixton", OrganisationKind.Prison, ["Resettlement"]),
        ("London Borough of Southwark", OrganisationKind.LocalAuthority, ["Housing Options"]),
        ("London OPD Pathway Commissioners", OrganisationKind.Commissioner, []),
    ];

    public static readonly DemoAccount[] Accounts =
    [
        new($"practitioner@{EmailDomain}", "Priya Shah", Together, "Community Wellbeing Pathway", StaffRoles.Practitioner) { JobRole = "fmhp", Languages = [Languages.English, "gu"] },
        new($"clw@{EmailDomain}", "Jordan Clarke", Together, "Community Wellbeing Pathway", StaffRoles.Practitioner) { JobRole = "clw", Languages = ["pl", Languages.English] },
        new($"manager@{EmailDomain}", "Marcus Bell", Together, "Community Wellbeing Pathway", StaffRoles.Manager) { JobRole = "fmhp", Languages = [Languages.English] },
        new($"probation@{EmailDomain}", "Olu Adeyemi", "London Probation Region", "Southwark Probation Delivery Unit", StaffRoles.Practitioner) { JobRole = "probation-officer", Languages = [Languages.English, "yo"] },
        new($"admin@{EmailDomain}", "Alex Morgan", NhsTrust, null, StaffRoles.Administrator),
        new($"dpo@{EmailDomain}", "Dana Whitfield", NhsTrust, null, StaffRoles.DataProtectionOfficer),
        new($"commissioner@{EmailDomain}", "Chris Okafor", "London OPD Pathway Commissioners", null, StaffRoles.Commissioner),
        new($"prison@{EmailDomain}", "Sam Rahman", "HMP Brixton", "Resettlement", StaffRoles.Practitioner) { JobRole = "prison-officer", Languages = [Languages.English, "bn"] },
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
            audit.Add(AuditRecordTypes.Service, service.Id.ToString(), AuditActions.Create, purpose: "demo data");
        }

        var wellbeing = organisations.Single(o => o.Kind == OrganisationKind.VoluntarySector).Id;
        var probation = organisations.Single(o => o.Kind == OrganisationKind.Probation).Id;
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
            audit.Add(AuditRecordTypes.Person, person.Id.ToString(), AuditActions.Create, person.Id, new { changes = FieldChanges.Created(details) }, purpose: "demo data");
        }

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
    }

    private static void Require(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Demo seeding failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
