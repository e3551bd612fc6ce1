using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Appointments;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Custody;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Domain.Journeys;
using Throughcare.Core.Domain.Notifications;
using Throughcare.Core.Domain.Organisations;
using Throughcare.Core.Domain.People;
using Throughcare.Core.Domain.ReferenceData;
using Throughcare.Core.Domain.Referrals;
using Throughcare.Core.Domain.Services;

namespace Throughcare.Core.Infrastructure.Database;

public abstract class ThroughcareDbContext(DbContextOptions options, AccessScope scope)
    : IdentityDbContext<ApplicationUser, IdentityRole<Guid>, Guid>(options)
{
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<HealthProbe> HealthProbes => Set<HealthProbe>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<PersonAlias> PersonAliases => Set<PersonAlias>();
    public DbSet<PersonCareRole> PersonCareRoles => Set<PersonCareRole>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Service> Services => Set<Service>();
    public DbSet<ServiceStrand> ServiceStrands => Set<ServiceStrand>();
    public DbSet<Referral> Referrals => Set<Referral>();
    public DbSet<ReferralDocument> ReferralDocuments => Set<ReferralDocument>();
    public DbSet<ReferralTransition> ReferralTransitions => Set<ReferralTransition>();
    public DbSet<Episode> Episodes => Set<Episode>();
    public DbSet<EpisodeStrand> EpisodeStrands => Set<EpisodeStrand>();
    public DbSet<EpisodeTransition> EpisodeTransitions => Set<EpisodeTransition>();
    public DbSet<EpisodeExtension> EpisodeExtensions => Set<EpisodeExtension>();
    public DbSet<EpisodeReview> EpisodeReviews => Set<EpisodeReview>();
    public DbSet<EpisodeReminder> EpisodeReminders => Set<EpisodeReminder>();
    public DbSet<ReflectiveReview> ReflectiveReviews => Set<ReflectiveReview>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<ContactRevision> ContactRevisions => Set<ContactRevision>();
    public DbSet<NeedsAssessment> NeedsAssessments => Set<NeedsAssessment>();
    public DbSet<NeedRating> NeedRatings => Set<NeedRating>();
    public DbSet<Goal> Goals => Set<Goal>();
    public DbSet<GoalAction> GoalActions => Set<GoalAction>();
    public DbSet<Instrument> Instruments => Set<Instrument>();
    public DbSet<MeasureResult> MeasureResults => Set<MeasureResult>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<Appointment> Appointments => Set<Appointment>();
    public DbSet<AppointmentSeries> AppointmentSeries => Set<AppointmentSeries>();
    public DbSet<ReminderPreference> ReminderPreferences => Set<ReminderPreference>();
    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<PartnershipAction> PartnershipActions => Set<PartnershipAction>();
    public DbSet<ResettlementPathway> ResettlementPathways => Set<ResettlementPathway>();
    public DbSet<CustodyPeriod> CustodyPeriods => Set<CustodyPeriod>();
    public DbSet<CustodyMove> CustodyMoves => Set<CustodyMove>();
    public DbSet<KeyDateChange> KeyDateChanges => Set<KeyDateChange>();
    public DbSet<JourneyTemplate> JourneyTemplates => Set<JourneyTemplate>();
    public DbSet<MilestoneDefinition> MilestoneDefinitions => Set<MilestoneDefinition>();
    public DbSet<Milestone> Milestones => Set<Milestone>();
    public DbSet<Domain.ReleaseLists.BoroughLead> BoroughLeads => Set<Domain.ReleaseLists.BoroughLead>();
    public DbSet<Domain.ReleaseLists.ReleaseListSend> ReleaseListSends => Set<Domain.ReleaseLists.ReleaseListSend>();

    public AccessScope Scope => scope;

    // Read by the access filters on every query, so each context instance filters by its own user's organisation and clock.
    public bool AccessIsSystem => scope.IsSystem;

    public Guid? AccessOrganisationId => scope.OrganisationId;

    public DateTime AccessNow => scope.Now;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Conventions.Add(_ => new EnumsAsNamesConvention());

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ThroughcareDbContext).Assembly);
        ConfigureAccessFilters(builder);
    }

    /// <summary>
    /// Record-level access, as each aggregate's access object states it: a query cannot return a record the user's
    /// organisation has no active care role for, by accident. The filters read this context's scope on every query.
    /// </summary>
    private void ConfigureAccessFilters(ModelBuilder builder)
    {
        builder.Entity<Person>().HasQueryFilter(AccessFilter.For(PersonAccess.Filter, this));
        builder.Entity<Referral>().HasQueryFilter(AccessFilter.For(ReferralAccess.Filter, this));
        builder.Entity<Episode>().HasQueryFilter(AccessFilter.For(EpisodeAccess.Filter, this));
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new InvalidOperationException("Use SaveChangesAsync so that audit rows are sealed into the chain.");

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var pending = ChangeTracker.Entries<AuditEvent>()
            .Where(e => e.State == EntityState.Added)
            .Select(e => e.Entity)
            .ToList();
        if (pending.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // One writer at a time extends the chain, serialised by the database itself (see LockAuditChainAsync), never by
        // a lock in this process: such a lock, held while waiting for a database lock, can deadlock with a transaction
        // that holds the database lock and waits for it.
        var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        await using (ownTransaction)
        {
            await LockAuditChainAsync(cancellationToken);
            var last = await AuditEvents
                .OrderByDescending(a => a.Sequence)
                .Select(a => new { a.Sequence, a.Hash })
                .FirstOrDefaultAsync(cancellationToken);
            AuditChain.Seal(pending, last?.Sequence ?? 0, last?.Hash ?? AuditChain.Genesis);
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

            // Anchored outside the database once the transaction commits (see AuditAnchorInterceptor).
            _unanchoredHead = (pending[^1].Sequence, pending[^1].Hash);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            return written;
        }
    }

    private (long Sequence, string Hash)? _unanchoredHead;

    /// <summary>The chain's head as this context last extended it, not yet anchored; taking it clears it.</summary>
    public (long Sequence, string Hash)? TakeUnanchoredHead()
    {
        var head = _unanchoredHead;
        _unanchoredHead = null;
        return head;
    }

    /// <summary>Serialises appends to the audit chain across every node sharing this database.</summary>
    protected abstract Task LockAuditChainAsync(CancellationToken cancellationToken);
}
