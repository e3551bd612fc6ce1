using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.ReferenceData;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Tests.Infrastructure;

namespace Throughcare.Tests.Security;

/// <summary>A field under attack, with its length limit; a date group takes day, month and year together.</summary>
public sealed record HostileField(string Name, int Limit, bool IsDateGroup = false)
{
    /// <summary>Makes a record of another organisation whose id this field could name: the form must refuse it.</summary>
    public Func<ThroughcareFactory, Task<string>>? OtherOrganisationsId { get; init; }
}

/// <summary>A signed-in (or anonymous) browser on a form, and the valid values of every field for the next request.</summary>
public sealed class FormSession
{
    public required Browser Browser { get; init; }
    public required string Url { get; init; }

    /// <summary>The page holding the form's anti-forgery token, when it is not <see cref="Url"/>.</summary>
    public string? FormPage { get; init; }

    /// <summary>A search form sent as a query string, without a token.</summary>
    public bool IsQuery { get; init; }

    public string? TokenPage => IsQuery ? null : FormPage ?? Url;

    /// <summary>Files an upload form sends with its fields, as multipart/form-data: valid in every request, never the value under attack.</summary>
    public IReadOnlyList<(string Name, string FileName, byte[] Content)> Files { get; init; } = [];

    public required Func<Task<List<KeyValuePair<string, string>>>> ValidFieldsAsync { get; init; }
}

/// <summary>One form of the service: its fields and how to reach it with valid values in all of them.</summary>
public sealed class HostileForm
{
    public required string Name { get; init; }
    public required IReadOnlyList<HostileField> Fields { get; init; }
    public required Func<ThroughcareFactory, Task<FormSession>> StartAsync { get; init; }

    /// <summary>A success changes who is signed in (sign-in, two-factor): start a new session after one.</summary>
    public bool StartAgainAfterSuccess { get; init; }

    /// <summary>Making the valid values writes rows the harness counts (the merge makes its two people), so it counts again before each request.</summary>
    public bool ValidFieldsWrite { get; init; }
}

/// <summary>Every form listed in the brief, with valid values that the hostile value replaces one field at a time.</summary>
public static partial class HostileForms
{
    private const string StrongPassword = "violet orbit lantern 7714";

    private static IReadOnlyList<HostileForm>? _all;

    public static IReadOnlyList<HostileForm> All => _all ??= [.. Foundation, .. ContactForms, .. AppointmentBookingForms, .. PlanForms, .. MeasureForms, .. EngagementForms, .. ReferralForms, .. ServiceForms, .. ReminderForms, .. CustodyForms];

    private static readonly IReadOnlyList<HostileForm> Foundation =
    [
        new()
        {
            Name = "sign-in",
            Fields = [new("Input.Email", 256), new("Input.Password", 256), new("ReturnUrl", 2048)],
            StartAgainAfterSuccess = true,
            StartAsync = async factory =>
            {
                var user = await new TestData(factory).CreateStaffAsync(StaffRoles.Practitioner);
                return new FormSession
                {
                    Browser = Browser.Anonymous(factory),
                    Url = "/sign-in",
                    ValidFieldsAsync = () => Fields(("Input.Email", user.Email), ("Input.Password", user.Password), ("ReturnUrl", "/people")),
                };
            },
        },
        new()
        {
            Name = "sign-in two-factor",
            Fields = [new("Input.Code", 7), new("ReturnUrl", 2048)],
            StartAgainAfterSuccess = true,
            StartAsync = async factory =>
            {
                var user = await new TestData(factory).CreateStaffAsync(StaffRoles.Practitioner);
                var key = await EnableTwoFactorAsync(factory, user);
                var browser = Browser.Anonymous(factory);
                await browser.PostFormAsync("/sign-in", new() { ["Input.Email"] = user.Email, ["Input.Password"] = user.Password });
                return new FormSession
                {
                    Browser = browser,
                    Url = "/sign-in/two-factor",
                    ValidFieldsAsync = () => Fields(("Input.Code", Totp.CurrentCode(key)), ("ReturnUrl", "/people")),
                };
            },
        },
        new()
        {
            Name = "change password",
            Fields = [new("Input.CurrentPassword", 256), new("Input.NewPassword", 256), new("Input.ConfirmPassword", 256)],
            StartAsync = async factory =>
            {
                var (browser, user) = await SignInAsync(factory, StaffRoles.Practitioner);

                // Changing to the same password keeps the valid values valid after a success.
                return new FormSession
                {
                    Browser = browser,
                    Url = "/account/password",
                    ValidFieldsAsync = () => Fields(("Input.CurrentPassword", user.Password), ("Input.NewPassword", user.Password), ("Input.ConfirmPassword", user.Password)),
                };
            },
        },
        new()
        {
            Name = "two-factor set-up",
            Fields = [new("Input.Code", 7)],
            StartAgainAfterSuccess = true,
            StartAsync = async factory =>
            {
                var (browser, user) = await SignInAsync(factory, StaffRoles.Practitioner);
                await browser.GetAsync("/account/two-factor");
                var key = await AuthenticatorKeyAsync(factory, user);
                return new FormSession
                {
                    Browser = browser,
                    Url = "/account/two-factor",
                    ValidFieldsAsync = () => Fields(("Input.Code", Totp.CurrentCode(key))),
                };
            },
        },
        new()
        {
            Name = "people create",
            Fields = [.. PersonFields, new("SubmissionId", 36), new("ConfirmedNotDuplicate", 5)],
            StartAsync = async factory =>
            {
                var (browser, _) = await SignInAsync(factory, StaffRoles.Practitioner);
                return new FormSession
                {
                    Browser = browser,
                    Url = "/people/new",
                    ValidFieldsAsync = () => Fields([.. ValidPerson(), ("SubmissionId", Guid.NewGuid().ToString()), ("ConfirmedNotDuplicate", "true")]),
                };
            },
        },
        new()
        {
            Name = "people edit",
            Fields = [.. PersonFields, new("Version", 36)],
            StartAsync = async factory =>
            {
                var (browser, user) = await SignInAsync(factory, StaffRoles.Practitioner);
                var personId = await new TestData(factory).CreatePersonAsync(user.OrganisationId);
                return new FormSession
                {
                    Browser = browser,
                    Url = $"/people/{personId}/edit",
                    ValidFieldsAsync = async () =>
                    {
                        var version = await factory.WithDbAsync(db => db.People.IgnoreQueryFilters().Where(p => p.Id == personId).Select(p => p.Version).SingleAsync());
                        return await Fields([.. ValidPerson(), ("Version", version.ToString())]);
                    },
                };
            },
        },
        new()
        {
            Name = "people search",
            Fields = [new("Input.Name", 200), new("Input.Identifier", 20), .. DateFields("Input.DateOfBirth")],
            StartAsync = async factory =>
            {
                var (browser, user) = await SignInAsync(factory, StaffRoles.Practitioner);
                await new TestData(factory).CreatePersonAsync(user.OrganisationId, d => d with { GivenName = "Amara", FamilyName = "Okafor", Crn = "X123456" });
                return new FormSession
                {
                    Browser = browser,
                    Url = "/people",
                    ValidFieldsAsync = () => Fields(("Input.Name", "Amara Okafor"), ("Input.Identifier", "X123456"),
                        ("Input.DateOfBirth.Day", "27"), ("Input.DateOfBirth.Month", "3"), ("Input.DateOfBirth.Year", "1985")),
                };
            },
        },
        new()
        {
            Name = "organisation's people filter",
            Fields = [new("Input.Name", 200), new("Input.ServiceId", 36), new("Input.Care", 6)],
            StartAsync = async factory =>
            {
                var (browser, user) = await SignInAsync(factory, StaffRoles.Practitioner);
                await new TestData(factory).CreatePersonAsync(user.OrganisationId, d => d with { GivenName = "Amara", FamilyName = "Okafor" });
                return new FormSession
                {
                    Browser = browser,
                    Url = "/people/organisation",
                    ValidFieldsAsync = () => Fields(("Input.Name", "Okafor"), ("Input.ServiceId", ""), ("Input.Care", "closed")),
                };
            },
        },
        new()
        {
            Name = "alias",
            Fields = [new("Input.GivenName", 100), new("Input.FamilyName", 100)],
            StartAsync = async factory =>
            {
                var (browser, user) = await SignInAsync(factory, StaffRoles.Practitioner);
                var personId = await new TestData(factory).CreatePersonAsync(user.OrganisationId);
                return new FormSession
                {
                    Browser = browser,
                    Url = $"/people/{personId}/aliases/new",
                    ValidFieldsAsync = () => Fields(("Input.GivenName", "Ade"), ("Input.FamilyName", "Okafor")),
                };
            },
        },
        new()
        {
            Name = "merge",
            Fields = [new("Input.KeepPersonId", 36), new("Input.MergePersonId", 36), new("Input.Reason", 1000), new("Input.Confirmed", 5)],
            ValidFieldsWrite = true,
            StartAsync = async factory =>
            {
                var (browser, user) = await SignInAsync(factory, StaffRoles.Administrator);
                var data = new TestData(factory);
                return new FormSession
                {
                    Browser = browser,
                    Url = "/people/merge",
                    ValidFieldsAsync = async () =>
                    {
                        // Two new records each time, so that a confirmed merge is always a valid one.
                        var keep = await data.CreatePersonAsync(user.OrganisationId);
                        var merge = await data.CreatePersonAsync(user.OrganisationId);
                        return await Fields(("Input.KeepPersonId", keep.ToString()), ("Input.MergePersonId", merge.ToString()),
                            ("Input.Reason", "Same date of birth and NHS number"), ("Input.Confirmed", "true"));
                    },
                };
            },
        },
        new()
        {
            Name = "organisation create",
            Fields = [.. OrganisationFields, new("SubmissionId", 36)],
            StartAsync = async factory =>
            {
                var (browser, _) = await SignInAsync(factory, StaffRoles.PartnershipAdministrator);
                return new FormSession
                {
                    Browser = browser,
                    Url = "/admin/organisations/new",
                    ValidFieldsAsync = () => Fields([.. ValidOrganisation(), ("SubmissionId", Guid.NewGuid().ToString())]),
                };
            },
        },
        new()
        {
            Name = "organisation edit",
            Fields = [.. OrganisationFields, new("Version", 36)],
            StartAsync = async factory =>
            {
                var (browser, administrator) = await SignInAsync(factory, StaffRoles.Administrator);
                var organisationId = administrator.OrganisationId;
                return new FormSession
                {
                    Browser = browser,
                    Url = $"/admin/organisations/{organisationId}/edit",
                    ValidFieldsAsync = async () =>
                    {
                        var version = await factory.WithDbAsync(db => db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Version).SingleAsync());
                        return await Fields([.. ValidOrganisation(), ("Version", version.ToString())]);
                    },
                };
            },
        },
        new()
        {
            Name = "organisation add team",
            Fields = [new("Team.Name", 200)],
            StartAsync = async factory =>
            {
                var (browser, administrator) = await SignInAsync(factory, StaffRoles.Administrator);
                return new FormSession
                {
                    Browser = browser,
                    Url = $"/admin/organisations/{administrator.OrganisationId}?handler=AddTeam",
                    FormPage = $"/admin/organisations/{administrator.OrganisationId}",
                    ValidFieldsAsync = () => Fields(("Team.Name", TestData.Unique("Team"))),
                };
            },
        },
        new()
        {
            Name = "staff account create",
            Fields = [new("Input.DisplayName", 200), new("Input.Email", 256), new("Input.TeamId", 36), new("Input.Roles", 30), new("Input.Password", 256)],
            StartAsync = async factory =>
            {
                var (browser, administrator) = await SignInAsync(factory, StaffRoles.Administrator);
                var teamId = await TeamOfAsync(factory, administrator.OrganisationId);
                return new FormSession
                {
                    Browser = browser,
                    Url = "/admin/users/new",
                    ValidFieldsAsync = () => Fields(("Input.DisplayName", "Priya Shah"), ("Input.Email", $"priya-{Guid.NewGuid():N}@example.test"),
                        ("Input.TeamId", teamId.ToString()), ("Input.Roles", StaffRoles.Practitioner), ("Input.Roles", StaffRoles.Manager), ("Input.Password", StrongPassword)),
                };
            },
        },
        new()
        {
            Name = "organisation add administrator",
            Fields = [new("Input.DisplayName", 200), new("Input.Email", 256), new("Input.Roles", 30), new("Input.Password", 256)],
            StartAsync = async factory =>
            {
                var (browser, _) = await SignInAsync(factory, StaffRoles.PartnershipAdministrator);
                var organisation = await new TestData(factory).CreateOrganisationAsync();
                return new FormSession
                {
                    Browser = browser,
                    Url = $"/admin/organisations/{organisation.Id}/administrators/new",
                    ValidFieldsAsync = () => Fields(("Input.DisplayName", "Amara Okafor"), ("Input.Email", $"amara-{Guid.NewGuid():N}@example.test"),
                        ("Input.Roles", StaffRoles.Administrator), ("Input.Password", StrongPassword)),
                };
            },
        },
        new()
        {
            Name = "staff account edit",
            Fields = [new("Input.DisplayName", 200), new("Input.TeamId", 36), new("Input.Roles", 30)],
            StartAsync = async factory =>
            {
                var (browser, _, target, teamId) = await AdministratorAndTargetAsync(factory);
                return new FormSession
                {
                    Browser = browser,
                    Url = $"/admin/users/{target.Id}",

                    // The account as saved now: a value that was accepted changed it, and its version with it.
                    ValidFieldsAsync = async () => await Fields(("Input.DisplayName", "Priya Shah"), ("Input.TeamId", teamId.ToString()),
                        ("Input.Roles", StaffRoles.Practitioner), ("Input.Roles", StaffRoles.Manager),
                        ("Version", (await factory.WithDbAsync(db => db.Users.Where(u => u.Id == target.Id).Select(u => u.ConcurrencyStamp).SingleAsync()))!)),
                };
            },
        },
        AccountHandler("Disable"),
        AccountHandler("Enable"),
        new()
        {
            Name = "audit search",
            Fields = [new("Filter.User", 256), new("Filter.Person", 200), new("Filter.OrganisationId", 36), .. DateFields("Filter.From"), .. DateFields("Filter.To")],
            StartAsync = async factory =>
            {
                var (browser, user) = await SignInAsync(factory, StaffRoles.DataProtectionOfficer);
                var family = TestData.Unique("Okafor");
                await new TestData(factory).CreatePersonAsync(user.OrganisationId, d => d with { FamilyName = family });
                return new FormSession
                {
                    Browser = browser,
                    Url = "/audit",
                    ValidFieldsAsync = () => Fields(("Filter.User", user.Email), ("Filter.Person", family), ("Filter.OrganisationId", user.OrganisationId.ToString()),
                        ("Filter.From.Day", "1"), ("Filter.From.Month", "1"), ("Filter.From.Year", "2020"),
                        ("Filter.To.Day", "31"), ("Filter.To.Month", "12"), ("Filter.To.Year", "2030")),
                };
            },
        },
    ];

    // The handlers take no fields, but the page's bound properties are bound on every POST.
    private static HostileForm AccountHandler(string handler) => new()
    {
        Name = $"staff account {handler.ToLowerInvariant()}",
        Fields = [new("Input.DisplayName", 200), new("Input.Roles", 30)],
        StartAsync = async factory =>
        {
            var (browser, _, target, _) = await AdministratorAndTargetAsync(factory);
            return new FormSession
            {
                Browser = browser,
                Url = $"/admin/users/{target.Id}?handler={handler}",
                FormPage = $"/admin/users/{target.Id}",
                ValidFieldsAsync = () => Fields(("Input.DisplayName", "Priya Shah"), ("Input.Roles", StaffRoles.Practitioner)),
            };
        },
    };

    /// <summary>How many test classes the hostile-value cases are dealt round (see HostileValuesTests.cs).</summary>
    public const int Parts = 4;

    public static TheoryData<string, string> Cases => CasesOf(_ => true);

    /// <summary>Every <paramref name="parts"/>th case, starting at the <paramref name="part"/>th (1-based): together the parts are <see cref="Cases"/>.</summary>
    public static TheoryData<string, string> CasesInPart(int part, int parts)
    {
        var cases = new TheoryData<string, string>();
        foreach (var (row, index) in Cases.Select((row, index) => (row, index)).Where(c => c.index % parts == part - 1))
        {
            cases.Add((string)row[0], (string)row[1]);
        }

        return cases;
    }

    /// <summary>Every field that names a record, with the form it is on: each is sent another organisation's record's id.</summary>
    public static TheoryData<string, string> OtherOrganisationsIdCases => CasesOf(f => f.OtherOrganisationsId is not null);

    private static TheoryData<string, string> CasesOf(Func<HostileField, bool> include)
    {
        var cases = new TheoryData<string, string>();
        foreach (var form in All)
        {
            foreach (var hostileField in form.Fields.Where(include))
            {
                cases.Add(form.Name, hostileField.Name);
            }
        }

        return cases;
    }

    public static HostileForm Find(string name) => All.Single(f => f.Name == name);

    private static IEnumerable<HostileField> PersonFields =>
    [
        new("Input.GivenName", 100), new("Input.MiddleNames", 200), new("Input.FamilyName", 100), .. DateFields("Input.DateOfBirth"),
        new("Input.GenderIdentity", 40), new("Input.Crn", 7), new("Input.PncNumber", 13), new("Input.PrisonNumber", 7), new("Input.NhsNumber", 12),
        new("Input.Phone", 20), new("Input.Email", 254), new("Input.Address", 500), new("Input.Postcode", 8), new("Input.Borough", 40),
        new("Input.Ethnicity", 60), new("Input.PreferredLanguage", 40), new("Input.InterpreterNeeded", 3), new("Input.Religion", 40),
        new("Input.SexualOrientation", 40), new("Input.Disability", 40), new("Input.RoshLevel", 8), new("Input.MappaCategory", 1),
        new("Input.MappaLevel", 1), new("Input.IsPpo", 3), new("Input.OpdScreeningResult", 11), .. DateFields("Input.OpdScreenedOn"),
    ];

    private static IEnumerable<HostileField> OrganisationFields => [new("Input.Name", 200), new("Input.Kind", 15), new("Input.RequireTwoFactor", 3), new("Input.Borough", 60)];

    private static IEnumerable<HostileField> DateFields(string prefix) =>
        [new(prefix, 4, IsDateGroup: true), new($"{prefix}.Day", 2), new($"{prefix}.Month", 2), new($"{prefix}.Year", 4)];

    private static IEnumerable<(string, string)> ValidPerson() =>
    [
        ("Input.GivenName", "Chidi"), ("Input.MiddleNames", "Emeka"), ("Input.FamilyName", TestData.Unique("Okafor").Replace(" ", "", StringComparison.Ordinal)),
        ("Input.DateOfBirth.Day", "14"), ("Input.DateOfBirth.Month", "2"), ("Input.DateOfBirth.Year", "1990"),
        ("Input.GenderIdentity", GenderIdentities.All[0].Code), ("Input.Crn", "X123456"), ("Input.PncNumber", "2012/0052834K"),
        ("Input.PrisonNumber", "A1234BC"), ("Input.NhsNumber", "943 476 5919"), ("Input.Phone", "07700 900 982"), ("Input.Email", "chidi@example.com"),
        ("Input.Address", "1 High Street\nLondon"), ("Input.Postcode", "SE1 7TP"), ("Input.Borough", Boroughs.All[0].Code),
        ("Input.Ethnicity", Ethnicities.Selectable[0].Code), ("Input.PreferredLanguage", Languages.All[0].Code), ("Input.InterpreterNeeded", "no"),
        ("Input.Religion", Religions.All[0].Code), ("Input.SexualOrientation", SexualOrientations.All[0].Code), ("Input.Disability", Disabilities.All[0].Code),
        ("Input.RoshLevel", "Medium"), ("Input.MappaCategory", "1"), ("Input.MappaLevel", "2"), ("Input.IsPpo", "no"),
        ("Input.OpdScreeningResult", "ScreenedIn"), ("Input.OpdScreenedOn.Day", "3"), ("Input.OpdScreenedOn.Month", "6"), ("Input.OpdScreenedOn.Year", "2021"),
    ];

    private static IEnumerable<(string, string)> ValidOrganisation() =>
        [("Input.Name", TestData.Unique("Organisation")), ("Input.Kind", "LocalAuthority"), ("Input.RequireTwoFactor", "no"), ("Input.Borough", "southwark")];

    private static Task<List<KeyValuePair<string, string>>> Fields(params IEnumerable<(string Name, string Value)> fields) =>
        Task.FromResult(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).ToList());

    private static async Task<(Browser Browser, TestUser User)> SignInAsync(ThroughcareFactory factory, string role)
    {
        var user = await new TestData(factory).CreateStaffAsync(role);
        return (await Browser.SignInAsync(factory, user), user);
    }

    private static async Task<(Browser Browser, TestUser Administrator, TestUser Target, Guid TeamId)> AdministratorAndTargetAsync(ThroughcareFactory factory)
    {
        var (browser, administrator) = await SignInAsync(factory, StaffRoles.Administrator);
        var target = await new TestData(factory).CreateUserAsync(administrator.OrganisationId, StaffRoles.Practitioner);
        return (browser, administrator, target, await TeamOfAsync(factory, administrator.OrganisationId));
    }

    private static Task<Guid> TeamOfAsync(ThroughcareFactory factory, Guid organisationId) =>
        factory.WithDbAsync(db => db.Teams.Where(t => t.OrganisationId == organisationId).Select(t => t.Id).FirstAsync());

    private static Task<string> EnableTwoFactorAsync(ThroughcareFactory factory, TestUser user) =>
        WithAccountAsync(factory, user, async (users, account) =>
        {
            await users.ResetAuthenticatorKeyAsync(account);
            await users.SetTwoFactorEnabledAsync(account, true);
        });

    private static Task<string> AuthenticatorKeyAsync(ThroughcareFactory factory, TestUser user) =>
        WithAccountAsync(factory, user, (_, _) => Task.CompletedTask);

    /// <summary>Runs <paramref name="work"/> on the user's account and returns their authenticator key.</summary>
    private static async Task<string> WithAccountAsync(ThroughcareFactory factory, TestUser user, Func<UserManager<ApplicationUser>, ApplicationUser, Task> work)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().AsSystem();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var account = await users.FindByIdAsync(user.Id.ToString()) ?? throw new InvalidOperationException("No such user");
        await work(users, account);
        return await users.GetAuthenticatorKeyAsync(account) ?? throw new InvalidOperationException("No authenticator key");
    }
}
