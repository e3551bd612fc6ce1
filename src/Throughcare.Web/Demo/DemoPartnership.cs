using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Throughcare.Web.Domain.Accounts;
using Throughcare.Web.Domain.Audit;
using Throughcare.Web.Domain.Organisations;
using Throughcare.Web.Domain.People;
using Throughcare.Web.Infrastructure.Database;

namespace Throughcare.Web.Demo;

/// <summary>
/// A small, fictional London partnership for trying Throughcare. Seeded only when Throughcare:Demo:Enabled is true
/// (the Demo environment); no account exists anywhere else until an administrator creates one.
/// </summary>
public sealed class DemoPartnership(ThroughcareDbContext db, UserManager<ApplicationUser> users, AuditLog audit, TimeProvider time, IConfiguration configuration)
{
    public const string EmailDomain = "demo.throughcare.test";

    public sealed record DemoAccount(string Email, string Name, string Organisation, string? Team, params string[] Roles);

    public static readonly (string Name, OrganisationKind Kind, string[] Teams)[] Organisations =
    [
        ("South London Pathways NHS Foundation Trust", OrganisationKind.NhsTrust, ["Liaison and Diversion", "Forensic Psychology"]),
        ("London Probation Region", OrganisationKind.Probation, ["Southwark Probation Delivery Unit", "Lambeth Probation Delivery Unit"]),
        ("Together Community Wellbeing", OrganisationKind.VoluntarySector, ["Community Wellbeing Pathway", "Southwark Hub"]),
        ("HMP Brixton", OrganisationKind.Prison, ["Resettlement"]),
        ("London Borough of Southwark", OrganisationKind.LocalAuthority, ["Housing Options"]),
        ("London OPD Pathway Commissioners", OrganisationKind.Commissioner, []),
    ];

    public static readonly DemoAccount[] Accounts =
    [
        new($"practitioner@{EmailDomain}", "Priya Shah", "Together Community Wellbeing", "Community Wellbeing Pathway", StaffRoles.Practitioner),
        new($"manager@{EmailDomain}", "Marcus Bell", "Together Community Wellbeing", "Community Wellbeing Pathway", StaffRoles.Manager),
        new($"probation@{EmailDomain}", "Olu Adeyemi", "London Probation Region", "Southwark Probation Delivery Unit", StaffRoles.Practitioner),
        new($"admin@{EmailDomain}", "Alex Morgan", "South London Pathways NHS Foundation Trust", null, StaffRoles.Administrator),
        new($"dpo@{EmailDomain}", "Dana Whitfield", "South London Pathways NHS Foundation Trust", null, StaffRoles.DataProtectionOfficer),
        new($"commissioner@{EmailDomain}", "Chris Okafor", "London OPD Pathway Commissioners", null, StaffRoles.Commissioner),
        new($"prison@{EmailDomain}", "Sam Rahman", "HMP Brixton", "Resettlement", StaffRoles.Practitioner),
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
                CreatedAt = now,
            };
            Require(await users.CreateAsync(user, password));
            Require(await users.AddToRolesAsync(user, account.Roles));
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
