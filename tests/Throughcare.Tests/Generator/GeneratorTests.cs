using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Appointments;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Domain.People;
using Throughcare.Core.Domain.ReferenceData;
using Throughcare.Core.Domain.Referrals;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Generator;
using Throughcare.Tests.Infrastructure;
using Throughcare.Web.Infrastructure;

namespace Throughcare.Tests.Generator;

/// <summary>A small partnership generated once into the class's database, before its host starts on it.</summary>
public sealed class GeneratedPartnership : ThroughcareFactory, IAsyncLifetime
{
    public static readonly GeneratorScale Scale = new("test", Regions: 2, People: 200) { PeoplePerBatch = 70, YearsOfHistory = 2 };

    public static readonly string PasswordHash = new PasswordHasher<ApplicationUser>(Microsoft.Extensions.Options.Options.Create(new PasswordHasherOptions { IterationCount = 1000 }))
        .HashPassword(new ApplicationUser { DisplayName = "" }, GeneratorReport.Password);

    public GeneratorResult Result { get; private set; } = null!;

    public static GeneratorOptions Options(GeneratorScale scale, int seed) =>
        new() { Scale = scale, Seed = seed, Now = TestTime.Start.UtcDateTime, PasswordHash = PasswordHash };

    public static async Task<GeneratorResult> GenerateAsync(TestDatabase database, GeneratorOptions options)
    {
        await using var opened = await OpenAsync(database);
        return await PartnershipGenerator.RunAsync(opened.Db, database.ConnectionString, options, TextWriter.Null, CancellationToken.None);
    }

    public static Task<GeneratorDatabase> OpenAsync(TestDatabase database) =>
        GeneratorDatabase.OpenAsync(TestDatabase.IsPostgres ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite, database.ConnectionString, database.DataDirectory, CancellationToken.None);

    public async Task InitializeAsync() => Result = await GenerateAsync(Database, Options(Scale, seed: 7));

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

public sealed class GeneratorTests(GeneratedPartnership partnership) : IClassFixture<GeneratedPartnership>
{
    [Fact]
    public async Task Generate_EveryForeignKeyIsValid()
    {
        await using var opened = await GeneratedPartnership.OpenAsync(partnership.Database);
        var db = opened.Db;
        if (db is SqliteThroughcareDbContext)
        {
            (await QueryAsync(db, "PRAGMA foreign_key_check")).ShouldBeEmpty();
        }
        else
        {
            // PostgreSQL checked every row as it was copied in; no constraint may have been left unchecked.
            (await QueryAsync(db, "SELECT conname FROM pg_constraint WHERE contype = 'f' AND NOT convalidated")).ShouldBeEmpty();
            (await QueryAsync(db, "SELECT conname FROM pg_constraint WHERE contype = 'f' AND conrelid = '\"Contacts\"'::regclass")).ShouldNotBeEmpty();
        }

        partnership.Result.Tables.Select(t => t.Table).ShouldBeSubsetOf(TableShape.InForeignKeyOrder(db.Model).Select(t => t.Name));
        foreach (var table in new[] { "People", "Referrals", "Episodes", "EpisodeStrands", "Contacts", "NeedsAssessments", "Goals", "GoalActions", "MeasureResults", "EpisodeReviews", "AuditEvents" })
        {
            partnership.Result.Tables.Single(t => t.Table == table).Rows.ShouldBeGreaterThan(0, table);
        }
    }

    [Fact]
    public async Task Generate_ReferralsAreInEveryStateWithDatesThatFitIt()
    {
        await using var opened = await GeneratedPartnership.OpenAsync(partnership.Database);
        var db = opened.Db;
        var now = TestTime.Start.UtcDateTime;
        var referrals = await db.Referrals.IgnoreQueryFilters().Include(r => r.Transitions).ToListAsync();
        referrals.Select(r => r.State).Distinct().Order().ShouldBe(Enum.GetValues<ReferralState>());
        foreach (var r in referrals)
        {
            var label = $"{r.State} referral {r.Id}";
            (r.SubmittedAt is null).ShouldBe(r.State == ReferralState.Draft, label);
            (r.DecidedAt is null).ShouldBe(ReferralStates.IsOpen(r.State), label);
            (r.DecidedByUserId is null).ShouldBe(r.DecidedAt is null, label);
            (r.AllocatedAt is null).ShouldBe(r.State != ReferralState.Accepted, label);
            (r.CloseReason is null).ShouldBe(r.State is not (ReferralState.Declined or ReferralState.Withdrawn), label);
            r.SubmittedAt.GetValueOrDefault(r.CreatedAt).ShouldBeGreaterThanOrEqualTo(r.CreatedAt, label);
            r.DecidedAt.GetValueOrDefault(r.SubmittedAt ?? r.CreatedAt).ShouldBeGreaterThanOrEqualTo(r.SubmittedAt ?? r.CreatedAt, label);
            r.AllocatedAt.GetValueOrDefault(r.DecidedAt ?? r.CreatedAt).ShouldBeGreaterThanOrEqualTo(r.DecidedAt ?? r.CreatedAt, label);
            new[] { r.CreatedAt, r.SubmittedAt, r.DecidedAt, r.AllocatedAt }.Max().ShouldNotBeNull().ShouldBeLessThanOrEqualTo(now, label);

            // The transitions follow the life cycle from a draft to the state the referral is in.
            var path = r.Transitions.OrderBy(t => t.At).ToList();
            var state = ReferralState.Draft;
            foreach (var t in path)
            {
                t.From.ShouldBe(state, label);
                ReferralStates.CanMove(t.From, t.To).ShouldBeTrue(label);
                state = t.To;
            }

            state.ShouldBe(r.State, label);
        }

        var roles = await db.PersonCareRoles.Where(c => c.ReferralId != null).ToListAsync();
        foreach (var r in referrals.Where(r => r.State is ReferralState.Declined or ReferralState.Withdrawn))
        {
            roles.Single(c => c.ReferralId == r.Id).EndedAt.ShouldBe(r.DecidedAt);
        }
    }

    [Fact]
    public async Task Generate_EpisodesAndTheirRecordsHaveDatesThatFitTheirState()
    {
        await using var opened = await GeneratedPartnership.OpenAsync(partnership.Database);
        var db = opened.Db;
        var now = TestTime.Start.UtcDateTime;
        var episodes = await db.Episodes.IgnoreQueryFilters().Include(e => e.Strands).ToListAsync();
        episodes.Select(e => e.State).Distinct().ShouldBeSubsetOf(Enum.GetValues<EpisodeState>());
        episodes.Select(e => e.State).ShouldContain(EpisodeState.Active);
        episodes.Select(e => e.State).ShouldContain(EpisodeState.Disengaged);
        episodes.Select(e => e.State).ShouldContain(EpisodeState.Closed);
        var referrals = await db.Referrals.IgnoreQueryFilters().ToDictionaryAsync(r => r.Id);
        var contacts = (await db.Contacts.ToListAsync()).ToLookup(c => c.EpisodeId);
        foreach (var e in episodes)
        {
            var label = $"{e.State} episode {e.Id}";
            referrals[e.ReferralId].State.ShouldBe(ReferralState.Accepted, label);
            e.CreatedAt.ShouldBe(referrals[e.ReferralId].AllocatedAt!.Value, label);
            (e.ClosedAt is null).ShouldBe(e.State != EpisodeState.Closed, label);
            (e.ClosureProposedAt is null).ShouldBe(e.State is not (EpisodeState.Closing or EpisodeState.Closed), label);
            (e.CloseReason is null).ShouldBe(e.ClosureProposedAt is null, label);
            if (e.ClosedAt is { } closed)
            {
                closed.ShouldBeGreaterThan(e.CreatedAt, label);
                closed.ShouldBeGreaterThanOrEqualTo(e.ClosureProposedAt!.Value, label);
                closed.ShouldBeLessThanOrEqualTo(now, label);
                e.Strands.ShouldAllBe(s => s.EndedAt == closed, label);
            }
            else
            {
                e.Strands.ShouldAllBe(s => s.EndedAt == null, label);
            }

            foreach (var c in contacts[e.Id])
            {
                c.OccurredAt.ShouldBeGreaterThanOrEqualTo(e.CreatedAt, label);
                c.OccurredAt.ShouldBeLessThanOrEqualTo(e.ClosureProposedAt ?? now, label);
                c.RecordedAt.ShouldBeInRange(c.OccurredAt, now, label);
                e.Strands.ShouldContain(s => s.ServiceStrandId == c.ServiceStrandId, label);
            }

            // An episode becomes active at its first attended contact.
            if (e.State == EpisodeState.Active)
            {
                contacts[e.Id].ShouldContain(c => c.Attendance == Attendance.Attended || c.Attendance == Attendance.Late, label);
            }
        }

        // Appointments: closed ones carry the contact they became, at its time; booked ones belong to open episodes.
        var appointments = await db.Appointments.ToListAsync();
        var contactsById = contacts.SelectMany(c => c).ToDictionary(c => c.Id);
        var byId = episodes.ToDictionary(e => e.Id);
        appointments.Select(a => a.State).Distinct().ShouldBe(Enum.GetValues<AppointmentState>(), ignoreOrder: true);
        // Outside any episode: liaison and diversion's appointments with people referred and not yet sifted, on its own strand.
        var outside = appointments.Where(a => a.EpisodeId is null).ToList();
        outside.ShouldNotBeEmpty();
        var liaisonStrands = await db.ServiceStrands.Where(s => s.WorkerRole == "liaison-diversion").Select(s => s.Id).ToListAsync();
        foreach (var a in outside)
        {
            liaisonStrands.ShouldContain(a.ServiceStrandId);
            (await db.PersonCareRoles.AnyAsync(r => r.PersonId == a.PersonId && r.OrganisationId == a.OrganisationId && r.EndedAt == null)).ShouldBeTrue($"outside appointment {a.Id}");
        }

        foreach (var a in appointments.Except(outside))
        {
            var label = $"{a.State} appointment {a.Id}";
            var episode = byId[a.EpisodeId.ShouldNotBeNull(label)];
            a.PersonId.ShouldBe(episode.PersonId, label);
            a.OrganisationId.ShouldBe(episode.ServiceOrganisationId, label);
            episode.Strands.ShouldContain(s => s.ServiceStrandId == a.ServiceStrandId && s.WorkerUserId == a.WorkerUserId, label);
            a.BookedAt.ShouldBeLessThanOrEqualTo(now, label);
            (a.ContactId is null).ShouldBe(a.State != AppointmentState.Closed, label);
            if (a.ContactId is { } contactId)
            {
                contactsById[contactId].OccurredAt.ShouldBe(a.StartsAt, label);
                a.Outcome.ShouldBe(contactsById[contactId].Attendance, label);
            }
            else
            {
                episode.State.ShouldNotBe(EpisodeState.Closed, label);
            }
        }

        appointments.ShouldContain(a => AppointmentDue.IsOverdue(a, now));
        appointments.ShouldContain(a => a.State == AppointmentState.Booked && a.StartsAt > now);

        (await db.GoalActions.ToListAsync()).ShouldAllBe(a => a.Status == ActionStatus.Done ? a.CompletedAt != null && a.CompletedAt >= a.CreatedAt : a.CompletedAt == null);
        (await db.MeasureResults.ToListAsync()).ShouldAllBe(m => m.Answers.Count > 0 && m.Band != null);
    }

    [Fact]
    public async Task Generate_IdentifiersAndReferenceCodesPassTheApplicationsOwnRules()
    {
        await using var opened = await GeneratedPartnership.OpenAsync(partnership.Database);
        var people = await opened.Db.People.IgnoreQueryFilters().ToListAsync();
        people.Count.ShouldBe(GeneratedPartnership.Scale.People);
        foreach (var d in people.Select(p => p.Details))
        {
            Valid(d.NhsNumber, Identifiers.ParseNhsNumber);
            Valid(d.Crn, Identifiers.ParseCrn);
            Valid(d.PncNumber, Identifiers.ParsePncNumber);
            Valid(d.PrisonNumber, Identifiers.ParsePrisonNumber);
            Known(d.Ethnicity, Ethnicities.All.Contains);
            Known(d.GenderIdentity, GenderIdentities.All.Contains);
            Known(d.Religion, Religions.All.Contains);
            Known(d.SexualOrientation, SexualOrientations.All.Contains);
            Known(d.Disability, Disabilities.All.Contains);
            Known(d.PreferredLanguage, Languages.All.Contains);
            Known(d.Borough, Boroughs.All.Contains);
        }

        // Plausible proportions, not a uniform spread: most people have a CRN, some an NHS number, few are very high risk.
        people.Count(p => p.Details.Crn is not null).ShouldBeGreaterThan(people.Count / 2);
        people.Count(p => p.Details.NhsNumber is not null).ShouldBeGreaterThan(people.Count / 3);
        people.Count(p => p.Details.RoshLevel == RoshLevel.VeryHigh).ShouldBeLessThan(people.Count / 10);

        static void Valid(string? value, Func<string?, IdentifierResult> parse)
        {
            if (value is not null)
            {
                parse(value).Value.ShouldBe(value);
            }
        }

        static void Known(string? code, Func<string?, bool> contains)
        {
            if (code is not null)
            {
                contains(code).ShouldBeTrue(code);
            }
        }
    }

    [Fact]
    public async Task Generate_AuditChainVerifiesWithTheApplicationsOwnCheck()
    {
        await using var opened = await GeneratedPartnership.OpenAsync(partnership.Database);
        var (count, firstBreak) = await MaintenanceCommands.VerifyAuditChainAsync(opened.Db, CancellationToken.None);
        firstBreak.ShouldBeNull();
        count.ShouldBe(await opened.Db.AuditEvents.LongCountAsync());

        // The generated chain ends where the generator said; rows the host has written since (sign-ins, reads) extend it.
        count.ShouldBeGreaterThanOrEqualTo(partnership.Result.AuditHead);
        (await opened.Db.AuditEvents.SingleAsync(a => a.Sequence == partnership.Result.AuditHead)).Hash.ShouldBe(partnership.Result.AuditHeadHash);

        // Reads and writes, in proportion: more rows than contacts, every person created and read.
        count.ShouldBeGreaterThan(partnership.Result.Tables.Single(t => t.Table == "Contacts").Rows * 2);
        (await opened.Db.AuditEvents.CountAsync(a => a.EventType == "PersonCreated")).ShouldBe(GeneratedPartnership.Scale.People);
    }

    [Fact]
    public async Task Generate_StaffSignInWithTheSharedPasswordAndSeeTheirCases()
    {
        var worker = await WorkerWithAnOpenEpisodeAsync();
        var browser = await Browser.SignInAsync(partnership, new TestUser(worker.UserId, worker.Email, GeneratorReport.Password, worker.OrganisationId));

        var cases = await browser.GetAsync("/my-cases");
        cases.Status.ShouldBe(HttpStatusCode.OK);
        cases.Html.ShouldContain(worker.PersonName);
        var person = await browser.GetAsync($"/people/{worker.PersonId}");
        person.Status.ShouldBe(HttpStatusCode.OK);
        person.Html.ShouldContain(worker.PersonName);
    }

    [Fact]
    public async Task Generate_TheSameSeedMakesTheSameData()
    {
        var small = GeneratedPartnership.Scale with { People = 30, PeoplePerBatch = 20 };
        using var first = TestDatabase.Migrated();
        using var second = TestDatabase.Migrated();
        using var other = TestDatabase.Migrated();
        await GeneratedPartnership.GenerateAsync(first, GeneratedPartnership.Options(small, seed: 3));
        await GeneratedPartnership.GenerateAsync(second, GeneratedPartnership.Options(small, seed: 3));
        await GeneratedPartnership.GenerateAsync(other, GeneratedPartnership.Options(small, seed: 4));

        var digest = await DigestAsync(first);
        (await DigestAsync(second)).ShouldBe(digest);
        (await DigestAsync(other)).ShouldNotBe(digest);
    }

    private async Task<(Guid UserId, string Email, Guid OrganisationId, Guid PersonId, string PersonName)> WorkerWithAnOpenEpisodeAsync()
    {
        await using var opened = await GeneratedPartnership.OpenAsync(partnership.Database);
        var db = opened.Db;
        var strand = await db.EpisodeStrands.Where(s => s.EndedAt == null).OrderBy(s => s.Id).FirstAsync();
        var episode = await db.Episodes.IgnoreQueryFilters().SingleAsync(e => e.Id == strand.EpisodeId);
        var person = await db.People.IgnoreQueryFilters().SingleAsync(p => p.Id == episode.PersonId);
        var user = await db.Users.SingleAsync(u => u.Id == strand.WorkerUserId);
        return (user.Id, user.Email!, user.OrganisationId, person.Id, person.FullName);
    }

    /// <summary>Every table's rows in key order, hashed: equal digests mean equal contents.</summary>
    private static async Task<string> DigestAsync(TestDatabase database)
    {
        await using var opened = await GeneratedPartnership.OpenAsync(database);
        var db = opened.Db;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var table in TableShape.InForeignKeyOrder(db.Model))
        {
            var keys = table.EntityType.FindPrimaryKey()!.Properties.Select(p => TableShape.Quote(p.GetColumnName()));
            foreach (var row in await QueryAsync(db, $"SELECT * FROM {TableShape.Quote(table.Name)} ORDER BY {string.Join(", ", keys)}"))
            {
                hash.AppendData(Encoding.UTF8.GetBytes(table.Name + "\u001e" + row + "\u001d"));
            }
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static async Task<List<string>> QueryAsync(ThroughcareDbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join('\u001f', Enumerable.Range(0, reader.FieldCount).Select(i => Text(reader.GetValue(i)))));
        }

        return rows;

        // PostgreSQL returns its arrays (a contact's interventions) as arrays: their elements are the content.
        static string? Text(object value) => value is Array array
            ? "[" + string.Join(",", array.Cast<object>().Select(Text)) + "]"
            : Convert.ToString(value, CultureInfo.InvariantCulture);
    }
}
