using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Npgsql;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Organisations;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Security;
using Throughcare.Tests.Infrastructure;
using Throughcare.Web.Infrastructure;
using static Throughcare.Tests.Pages.People.PeoplePages;

namespace Throughcare.Tests.Platform;

/// <summary>
/// ConnectionStrings:ReadReplica (ADR 0020). On PostgreSQL the "replica" is a copy of the test database whose sessions
/// are read-only by default, in which one person's family name differs from the primary's: a list that shows the
/// replica's name read the replica. On SQLite the setting is refused, and the read-only context reads the primary.
/// </summary>
public sealed class ReadReplicaTests(ReadReplicaTests.Replica replica) : IClassFixture<ReadReplicaTests.Replica>
{
    private ThroughcareFactory Node => replica.Node!;

    [Fact]
    public void ReadReplica_WithSqlite_IsRefusedWithAClearMessage()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Throughcare"] = "Data Source=unused.db",
            ["ConnectionStrings:ReadReplica"] = "Host=localhost;Database=replica",
        }).Build();
        var environment = new HostingEnvironment { EnvironmentName = ThroughcareHost.TestingEnvironment, ContentRootPath = replica.Primary.DataDirectory };

        var refused = Should.Throw<InvalidOperationException>(() => new ServiceCollection().AddThroughcareDatabase(configuration, environment));

        refused.Message.ShouldBe("Refusing to start: ConnectionStrings:ReadReplica is for PostgreSQL only. Remove it, or set Database:Provider to PostgreSql.");
    }

    [Fact]
    public async Task ReadOnlyContext_TracksNothing_AndRefusesEverySave()
    {
        await using var scope = Node.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().AsSystem();
        var readOnly = scope.ServiceProvider.GetRequiredService<ReadOnlyDb>();

        readOnly.OnReplica.ShouldBe(TestDatabase.IsPostgres);
        readOnly.Db.ShouldNotBeSameAs(scope.ServiceProvider.GetRequiredService<ThroughcareDbContext>());
        (await readOnly.Db.Organisations.FirstAsync(o => o.Id == replica.User.OrganisationId)).ShouldNotBeNull();
        readOnly.Db.ChangeTracker.Entries().ShouldBeEmpty();
        readOnly.Db.Organisations.Add(new Organisation { Id = Guid.NewGuid(), Name = TestData.Unique("Refused"), Kind = OrganisationKind.Probation });
        var refused = await Should.ThrowAsync<InvalidOperationException>(() => readOnly.Db.SaveChangesAsync());
        refused.Message.ShouldContain("read-only");
    }

    [Fact]
    public async Task ListsAndSearch_ReadThroughTheReadOnlyContext_AndTheirReadsAreAuditedInThePrimary()
    {
        var browser = await Browser.SignInAsync(Node, replica.User);

        var list = await browser.GetAsync("/people/organisation");
        var searched = await browser.PostFormAndFollowAsync("/people", new() { ["Input.Name"] = "Abena" });

        list.Status.ShouldBe(HttpStatusCode.OK);
        searched.Status.ShouldBe(HttpStatusCode.OK);
        list.Html.ShouldContain(replica.ShownFamilyName);
        searched.Html.ShouldContain(replica.ShownFamilyName);
        list.Html.ShouldNotContain(replica.OtherFamilyName);
        searched.Html.ShouldNotContain(replica.OtherFamilyName);
        (await Node.AuditEventsAsync(replica.Marker, AuditActions.SearchResult)).Count.ShouldBe(2);
        if (TestDatabase.IsPostgres)
        {
            (await replica.CountInReplicaAsync("""SELECT count(*) FROM "AuditEvents" WHERE "PersonId" = @id AND "Action" = 'search-result'""", replica.Marker)).ShouldBe(0);
        }
    }

    [Fact]
    public async Task RecordingAPerson_WritesToThePrimaryOnly()
    {
        var browser = await Browser.SignInAsync(Node, replica.User);

        var created = await browser.PostFormAsync("/people/new", PersonForm("Kofi", UniqueFamilyName("Appiah"), new DateOnly(1981, 2, 3)));

        created.Status.ShouldBe(HttpStatusCode.Redirect);
        var personId = PersonIdFrom(created.Location);
        (await Node.WithDbAsync(db => db.People.CountAsync(p => p.Id == personId))).ShouldBe(1);
        if (TestDatabase.IsPostgres)
        {
            (await replica.CountInReplicaAsync("""SELECT count(*) FROM "People" WHERE "Id" = @id""", personId)).ShouldBe(0);
        }
    }

    /// <summary>
    /// The primary, a staff member and one person, then (on PostgreSQL) the replica copied from the primary while no one
    /// is connected to it, and a node on both.
    /// </summary>
    public sealed class Replica : IAsyncLifetime
    {
        public TestDatabase Primary { get; } = TestDatabase.Migrated();
        public ThroughcareFactory? Node { get; private set; }
        public TestUser User { get; private set; } = null!;
        public Guid Marker { get; private set; }

        /// <summary>The person's family name where the pages read, and where they do not.</summary>
        public string ShownFamilyName { get; private set; } = "";
        public string OtherFamilyName { get; private set; } = "";

        private string? _replicaOwner;
        private string? _replicaName;

        public async Task InitializeAsync()
        {
            var primaryName = UniqueFamilyName("Primary");
            using (var seeding = new NodeFactory(Primary, replica: null))
            {
                var data = new TestData(seeding);
                User = await data.CreateStaffAsync(StaffRoles.Practitioner);
                Marker = await data.CreatePersonAsync(User.OrganisationId, d => d with { GivenName = "Abena", FamilyName = primaryName });
            }

            string? replicaConnection = null;
            (ShownFamilyName, OtherFamilyName) = (primaryName, UniqueFamilyName("Replica"));
            if (TestDatabase.IsPostgres)
            {
                NpgsqlConnection.ClearAllPools();
                _replicaName = Primary.DatabaseName + "_replica";
                var server = Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable)!;
                await ExecuteAsync(server, $"""CREATE DATABASE "{_replicaName}" TEMPLATE "{Primary.DatabaseName}" """);
                _replicaOwner = new NpgsqlConnectionStringBuilder(Primary.ConnectionString) { Database = _replicaName, Pooling = false }.ConnectionString;
                replicaConnection = new NpgsqlConnectionStringBuilder(Primary.ConnectionString) { Database = _replicaName }.ConnectionString;

                // Only the replica's copy of the person changes, before its sessions become read-only by default.
                (ShownFamilyName, OtherFamilyName) = (OtherFamilyName, primaryName);
                await ExecuteAsync(_replicaOwner, $"""
                    UPDATE "People" SET "Details_FamilyName" = '{ShownFamilyName}', "NormalisedName" = 'abena {ShownFamilyName.ToLowerInvariant()}' WHERE "Id" = '{Marker}'
                    """);
                await ExecuteAsync(server, $"""ALTER DATABASE "{_replicaName}" SET default_transaction_read_only = on""");
            }

            Node = new NodeFactory(Primary, replicaConnection);
        }

        public async Task<long> CountInReplicaAsync(string sql, Guid id)
        {
            await using var connection = new NpgsqlConnection(_replicaOwner);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("id", id);
            return (long)(await command.ExecuteScalarAsync())!;
        }

        public async Task DisposeAsync()
        {
            Node?.Dispose();
            if (_replicaName is not null)
            {
                NpgsqlConnection.ClearAllPools();
                await ExecuteAsync(Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable)!, $"""DROP DATABASE IF EXISTS "{_replicaName}" WITH (FORCE)""");
            }

            Primary.Dispose();
        }

        private static async Task ExecuteAsync(string connectionString, string sql)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    private sealed class NodeFactory(TestDatabase database, string? replica) : ThroughcareFactory(database, ownsDatabase: false)
    {
        protected override IDictionary<string, string?> Settings => replica is null
            ? new Dictionary<string, string?>()
            : new Dictionary<string, string?> { ["ConnectionStrings:ReadReplica"] = replica };
    }
}
