using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Organisations;
using Throughcare.Core.Domain.People;
using Throughcare.Core.Infrastructure.Database;

namespace Throughcare.Tests.Infrastructure;

public sealed record TestUser(Guid Id, string Email, string Password, Guid OrganisationId)
{
    public string DisplayName { get; init; } = "";
}

/// <summary>Readable builders for test data, written straight to the database as a system task.</summary>
public sealed class TestData(ThroughcareFactory factory)
{
    public const string Password = "correct horse battery staple 42";

    public static string Unique(string prefix) => $"{prefix} {Guid.NewGuid().ToString("N")[..8]}";

    public Task<Organisation> CreateOrganisationAsync(OrganisationKind kind = OrganisationKind.Probation, bool requireTwoFactor = false, string? name = null) =>
        factory.WithDbAsync(async db =>
        {
            var now = factory.UtcNow;
            var organisation = new Organisation
            {
                Id = Guid.NewGuid(),
                Name = name ?? Unique("Organisation"),
                Kind = kind,
                RequireTwoFactor = requireTwoFactor,
                CreatedAt = now,
                Teams = [new Team { Id = Guid.NewGuid(), Name = "Team one", CreatedAt = now }],
            };
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
            return organisation;
        });

    public async Task<TestUser> CreateUserAsync(Guid organisationId, params string[] roles)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().AsSystem();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = $"user-{Guid.NewGuid():N}@example.test";
        var user = new ApplicationUser
        {
            Id = Guid.NewGuid(),
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = Unique("Staff"),
            OrganisationId = organisationId,
            CreatedAt = factory.UtcNow,
        };
        Check(await users.CreateAsync(user, Password));
        Check(await users.AddToRolesAsync(user, roles.Length == 0 ? [StaffRoles.Practitioner] : roles));
        return new TestUser(user.Id, email, Password, organisationId) { DisplayName = user.DisplayName };
    }

    /// <summary>An organisation with one user in the given roles: the usual start of a test.</summary>
    public async Task<TestUser> CreateStaffAsync(params string[] roles)
    {
        var organisation = await CreateOrganisationAsync();
        return await CreateUserAsync(organisation.Id, roles);
    }

    public Task<Guid> CreatePersonAsync(Guid organisationId, Func<PersonDetails, PersonDetails>? configure = null) =>
        factory.WithDbAsync(async db =>
        {
            var details = new PersonDetails
            {
                GivenName = "Test",
                FamilyName = Unique("Person").Replace(" ", "", StringComparison.Ordinal),
                DateOfBirth = new DateOnly(1985, 3, 27),
            };
            details = configure?.Invoke(details) ?? details;
            var now = factory.UtcNow;
            var person = new Person
            {
                Id = Guid.NewGuid(),
                Details = details,
                CreatedAt = now,
                UpdatedAt = now,
                CreatedByOrganisationId = organisationId,
                CareRoles = [new PersonCareRole { Id = Guid.NewGuid(), OrganisationId = organisationId, Kind = CareRoleKind.CreatedRecord, StartedAt = now }],
            };
            PersonService.SetSearchKeys(person);
            db.People.Add(person);
            db.AuditEvents.Add(new AuditEvent { RecordType = AuditRecordTypes.Person, RecordId = person.Id.ToString(), Action = AuditActions.Create, PersonId = person.Id, OccurredAt = AuditChain.TruncateToMicroseconds(now), Purpose = "test data" });
            await db.SaveChangesAsync();
            return person.Id;
        });

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
