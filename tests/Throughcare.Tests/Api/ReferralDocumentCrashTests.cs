using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Throughcare.Core.Domain.ReferenceData;
using Throughcare.Core.Infrastructure.Storage;
using Throughcare.Tests.Infrastructure;
using Throughcare.Web.Api;

namespace Throughcare.Tests.Api;

/// <summary>Documents and crashes: a file is visible only once its row has committed, and the sweeper clears what a crash leaves.</summary>
public sealed class ReferralDocumentCrashTests(ReferralDocumentCrashTests.Factory factory) : IClassFixture<ReferralDocumentCrashTests.Factory>
{
    public sealed class Factory : ThroughcareFactory
    {
        private CrashingStore? _store;

        public string Folder => Path.Combine(Database.DataDirectory, "documents");

        public CrashingStore Store => _store ??= new CrashingStore(new FileSystemDocumentStore(Folder));

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services =>
            {
                services.RemoveAll<IDocumentStore>();
                services.AddSingleton<IDocumentStore>(Store);
            });
        }
    }

    /// <summary>The real store, which can be made to die just after it has written a file, as a killed process would.</summary>
    public sealed class CrashingStore(IDocumentStore inner) : IDocumentStore
    {
        private int _stagesBeforeCrash = -1;

        public void CrashAfterStaging(int files) => _stagesBeforeCrash = files;

        public async Task StageAsync(string storedName, Stream content, CancellationToken cancellationToken)
        {
            await inner.StageAsync(storedName, content, cancellationToken);
            if (Interlocked.Decrement(ref _stagesBeforeCrash) == 0)
            {
                throw new IOException("The process was killed.");
            }
        }

        public Task PublishAsync(string storedName, CancellationToken cancellationToken) => inner.PublishAsync(storedName, cancellationToken);

        public Task<Stream?> OpenAsync(string storedName, CancellationToken cancellationToken) => inner.OpenAsync(storedName, cancellationToken);

        public Task DeleteAsync(string storedName, CancellationToken cancellationToken) => inner.DeleteAsync(storedName, cancellationToken);

        public IEnumerable<StoredFile> List() => inner.List();
    }

    private static readonly (string Type, string Name, byte[] Bytes)[] TwoDocuments =
        [(DocumentTypes.ReferralForm, "form.pdf", ReferralsApiTests.Pdf), (DocumentTypes.OASys, "oasys.pdf", ReferralsApiTests.Pdf)];

    private static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, ReferralsApiTests.Partner partner, string key)
    {
        using var content = ReferralsApiTests.Referral(partner.PersonId, partner.Service.Id, null, TwoDocuments);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/referrals") { Content = content };
        request.Headers.Add(IdempotencyKeys.Header, key);
        return await client.SendAsync(request);
    }

    /// <summary>Files under their real names, other than those already there, that no row refers to.</summary>
    private Task<List<string>> VisibleOrphansAsync(IReadOnlySet<string> before) => factory.WithDbAsync(async db =>
    {
        var visible = factory.Store.List().Where(f => !f.Staged && !before.Contains(f.StoredName)).Select(f => f.StoredName).ToList();
        var held = await db.ReferralDocuments.Where(d => visible.Contains(d.StoredName)).Select(d => d.StoredName).ToListAsync();
        return visible.Except(held).ToList();
    });

    [Fact]
    public async Task CrashBetweenWritingAFileAndCommitting_LeavesNoVisibleOrphan_AndTheRetryAddsEachDocumentOnce()
    {
        var partner = await ReferralsApiTests.PartnerAsync(factory);
        var client = ReferralsApiTests.Client(factory, partner.Token);
        var before = factory.Store.List().Select(f => f.StoredName).ToHashSet();
        factory.Store.CrashAfterStaging(2);

        (await SubmitAsync(client, partner, "crash-1")).StatusCode.ShouldBe(HttpStatusCode.InternalServerError);

        (await factory.WithDbAsync(db => db.Referrals.CountAsync(r => r.PersonId == partner.PersonId))).ShouldBe(0);
        (await VisibleOrphansAsync(before)).ShouldBeEmpty();

        var retried = await SubmitAsync(client, partner, "crash-1");

        retried.StatusCode.ShouldBe(HttpStatusCode.Created, await retried.Content.ReadAsStringAsync());
        using var body = JsonDocument.Parse(await retried.Content.ReadAsStringAsync());
        var id = body.RootElement.GetProperty("id").GetGuid();
        var documents = await factory.WithDbAsync(db => db.ReferralDocuments.Where(d => d.ReferralId == id).Select(d => new { d.DocumentType, d.StoredName }).ToListAsync());
        documents.Select(d => d.DocumentType).OrderBy(t => t).ShouldBe(TwoDocuments.Select(d => d.Type).OrderBy(t => t));
        documents.ShouldAllBe(d => File.Exists(Path.Combine(factory.Folder, d.StoredName)));
        (await factory.WithDbAsync(db => db.Referrals.CountAsync(r => r.PersonId == partner.PersonId))).ShouldBe(1);
        (await VisibleOrphansAsync(before)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Sweeper_RemovesOnlyOrphansADayOld_AndPublishesAFileWhoseRowCommitted()
    {
        var partner = await ReferralsApiTests.PartnerAsync(factory);
        var submitted = await SubmitAsync(ReferralsApiTests.Client(factory, partner.Token), partner, "sweep-1");
        submitted.StatusCode.ShouldBe(HttpStatusCode.Created);
        using var body = JsonDocument.Parse(await submitted.Content.ReadAsStringAsync());
        var id = body.RootElement.GetProperty("id").GetGuid();
        var held = await factory.WithDbAsync(db => db.ReferralDocuments.Where(d => d.ReferralId == id).OrderBy(d => d.DocumentType).Select(d => d.StoredName).ToListAsync());
        var twoDaysAgo = factory.UtcNow.AddDays(-2);

        // A row whose publish a crash cut short, and an old file with its row: both stay.
        var unpublished = Path.Combine(factory.Folder, held[0]);
        File.Move(unpublished, unpublished + ".partial");
        File.SetLastWriteTimeUtc(unpublished + ".partial", twoDaysAgo);
        File.SetLastWriteTimeUtc(Path.Combine(factory.Folder, held[1]), twoDaysAgo);
        var oldOrphan = Orphan(twoDaysAgo);
        var oldStagedOrphan = Orphan(twoDaysAgo, ".partial");
        var youngOrphan = Orphan(factory.UtcNow.AddHours(-23));
        var youngStaged = Orphan(factory.UtcNow.AddMinutes(-5), ".partial");

        var swept = await factory.Services.GetRequiredService<DocumentSweeper>().SweepAsync(CancellationToken.None);

        File.Exists(oldOrphan).ShouldBeFalse();
        File.Exists(oldStagedOrphan).ShouldBeFalse();
        File.Exists(youngOrphan).ShouldBeTrue();
        File.Exists(youngStaged).ShouldBeTrue();
        File.Exists(unpublished).ShouldBeTrue();
        File.Exists(unpublished + ".partial").ShouldBeFalse();
        File.Exists(Path.Combine(factory.Folder, held[1])).ShouldBeTrue();
        swept.ShouldBe(new SweepResult(Published: 1, Removed: 2));
    }

    private string Orphan(DateTime writtenAt, string suffix = "")
    {
        Directory.CreateDirectory(factory.Folder);
        var path = Path.Combine(factory.Folder, Guid.NewGuid().ToString("N") + suffix);
        File.WriteAllBytes(path, ReferralsApiTests.Pdf);
        File.SetLastWriteTimeUtc(path, writtenAt);
        return path;
    }
}
