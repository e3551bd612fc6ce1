using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Throughcare.Web.Domain.Accounts;
using Throughcare.Web.Domain.Audit;
using Throughcare.Web.Domain.Episodes;
using Throughcare.Web.Domain.Notifications;
using Throughcare.Web.Domain.Organisations;
using Throughcare.Web.Domain.People;
using Throughcare.Web.Domain.Referrals;
using Throughcare.Web.Domain.Services;

namespace Throughcare.Web.Infrastructure.Database;

public abstract class ThroughcareDbContext(DbContextOptions options, AccessScope scope)
    : IdentityDbContext<ApplicationUser, IdentityRole<Guid>, Guid>(options)
{
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
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
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<PartnershipAction> PartnershipActions => Set<PartnershipAction>();

    public AccessScope Scope => scope;

    // Read by the query filters per query, so each context instance filters by its own user's organisation.
    private bool ScopeIsSystem => scope.IsSystem;
    private Guid? ScopeOrganisationId => scope.OrganisationId;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<OrganisationKind>().HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<RoshLevel>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<OpdScreeningResult>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<CareRoleKind>().HaveConversion<string>().HaveMaxLength(30);
        configurationBuilder.Properties<AuditOutcome>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<ServiceSetting>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<ReferralState>().HaveConversion<string>().HaveMaxLength(30);
        configurationBuilder.Properties<ReferralCloseReason>().HaveConversion<string>().HaveMaxLength(30);
        configurationBuilder.Properties<ReferralSource>().HaveConversion<string>().HaveMaxLength(30);
        configurationBuilder.Properties<SharingBasis>().HaveConversion<string>().HaveMaxLength(30);
        configurationBuilder.Properties<EpisodeState>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<EpisodeCloseReason>().HaveConversion<string>().HaveMaxLength(30);
        configurationBuilder.Properties<ContactMode>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<Attendance>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<AssessmentOccasion>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<NeedLevel>().HaveConversion<string>().HaveMaxLength(10);
        configurationBuilder.Properties<GoalOutcome>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<ActionOwner>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<ActionStatus>().HaveConversion<string>().HaveMaxLength(20);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<Organisation>(b =>
        {
            b.Property(o => o.Name).HasMaxLength(200);
            b.HasIndex(o => o.Name).IsUnique();
            b.HasIndex(o => o.SubmissionId).IsUnique();
            b.Property(o => o.Version).IsConcurrencyToken();
            b.HasMany(o => o.Teams).WithOne(t => t.Organisation).HasForeignKey(t => t.OrganisationId);
        });
        builder.Entity<Team>(b =>
        {
            b.Property(t => t.Name).HasMaxLength(200);
            b.HasIndex(t => new { t.OrganisationId, t.Name }).IsUnique();
        });
        builder.Entity<ApplicationUser>(b =>
        {
            b.Property(u => u.DisplayName).HasMaxLength(200);
            b.HasOne(u => u.Organisation).WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne(u => u.Team).WithMany().HasForeignKey(u => u.TeamId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<UserSession>(b =>
        {
            b.HasIndex(s => s.UserId);
            b.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.UserId);
        });

        builder.Entity<Person>(b =>
        {
            b.ComplexProperty(p => p.Details, d =>
            {
                d.Property(x => x.GivenName).HasMaxLength(100);
                d.Property(x => x.FamilyName).HasMaxLength(100);
                d.Property(x => x.MiddleNames).HasMaxLength(200);
                d.Property(x => x.Crn).HasMaxLength(7);
                d.Property(x => x.PncNumber).HasMaxLength(13);
                d.Property(x => x.PrisonNumber).HasMaxLength(7);
                d.Property(x => x.NhsNumber).HasMaxLength(10);
                d.Property(x => x.Phone).HasMaxLength(30);
                d.Property(x => x.Email).HasMaxLength(254);
                d.Property(x => x.Address).HasMaxLength(500);
                d.Property(x => x.Postcode).HasMaxLength(10);
                d.Property(x => x.Borough).HasMaxLength(40);
                d.Property(x => x.GenderIdentity).HasMaxLength(40);
                d.Property(x => x.Ethnicity).HasMaxLength(60);
                d.Property(x => x.PreferredLanguage).HasMaxLength(40);
                d.Property(x => x.Religion).HasMaxLength(40);
                d.Property(x => x.SexualOrientation).HasMaxLength(40);
                d.Property(x => x.Disability).HasMaxLength(40);
            });
            b.Property(p => p.NormalisedName).HasMaxLength(250);
            b.Property(p => p.GivenNameKey).HasMaxLength(40);
            b.Property(p => p.FamilyNameKey).HasMaxLength(40);
            b.HasIndex(p => p.FamilyNameKey);
            b.HasIndex(p => p.SubmissionId).IsUnique();
            b.Property(p => p.Version).IsConcurrencyToken();
            b.HasMany(p => p.Aliases).WithOne().HasForeignKey(a => a.PersonId);
            b.HasMany(p => p.CareRoles).WithOne().HasForeignKey(r => r.PersonId);
            b.HasQueryFilter(p => ScopeIsSystem
                || p.CareRoles.Any(r => r.OrganisationId == ScopeOrganisationId && r.EndedAt == null));
        });
        builder.Entity<PersonAlias>(b =>
        {
            b.Property(a => a.GivenName).HasMaxLength(100);
            b.Property(a => a.FamilyName).HasMaxLength(100);
            b.Property(a => a.NormalisedName).HasMaxLength(250);
            b.Property(a => a.GivenNameKey).HasMaxLength(40);
            b.Property(a => a.FamilyNameKey).HasMaxLength(40);
            b.HasIndex(a => a.FamilyNameKey);
        });
        builder.Entity<PersonCareRole>(b =>
        {
            b.HasIndex(r => new { r.OrganisationId, r.PersonId });
            b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<AuditEvent>(b =>
        {
            b.HasKey(a => a.Id);
            b.HasIndex(a => a.Sequence).IsUnique();
            b.Property(a => a.UserName).HasMaxLength(256);
            b.Property(a => a.Role).HasMaxLength(100);
            b.Property(a => a.RecordType).HasMaxLength(60);
            b.Property(a => a.RecordId).HasMaxLength(100);
            b.Property(a => a.Action).HasMaxLength(60);
            b.Property(a => a.Purpose).HasMaxLength(500);
            b.Property(a => a.CorrelationId).HasMaxLength(100);
            b.Property(a => a.PreviousHash).HasMaxLength(64);
            b.Property(a => a.Hash).HasMaxLength(64);
            b.HasIndex(a => a.PersonId);
            b.HasIndex(a => a.UserId);
            b.HasIndex(a => a.OrganisationId);
            b.HasIndex(a => a.OccurredAt);
        });
        builder.Entity<DataProtectionKey>(b => b.Property(k => k.FriendlyName).HasMaxLength(200));
        ConfigureReferrals(builder);
        ConfigureEpisodes(builder);
    }

    private void ConfigureEpisodes(ModelBuilder builder)
    {
        builder.Entity<Episode>(b =>
        {
            b.Property(e => e.Version).IsConcurrencyToken();
            b.HasIndex(e => e.ReferralId).IsUnique();
            b.HasIndex(e => new { e.ServiceId, e.State });
            b.HasIndex(e => e.PersonId);
            b.Property(e => e.HardestThing1).HasMaxLength(1000);
            b.Property(e => e.HardestThing2).HasMaxLength(1000);
            b.Property(e => e.HardestThing3).HasMaxLength(1000);
            b.Property(e => e.CloseReasonText).HasMaxLength(2000);
            b.Property(e => e.EndOfServiceSummary).HasMaxLength(8000);
            b.HasOne<Person>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne<Service>().WithMany().HasForeignKey(e => e.ServiceId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne<Organisation>().WithMany().HasForeignKey(e => e.ServiceOrganisationId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne<Organisation>().WithMany().HasForeignKey(e => e.ReferringOrganisationId).OnDelete(DeleteBehavior.Restrict);
            b.HasMany(e => e.Strands).WithOne().HasForeignKey(s => s.EpisodeId);
            b.HasMany<EpisodeTransition>().WithOne().HasForeignKey(t => t.EpisodeId);
            b.HasMany<EpisodeExtension>().WithOne().HasForeignKey(t => t.EpisodeId);
            b.HasMany<EpisodeReview>().WithOne().HasForeignKey(t => t.EpisodeId);
            b.HasMany<ReflectiveReview>().WithOne().HasForeignKey(t => t.EpisodeId);
            b.HasMany<Contact>().WithOne().HasForeignKey(t => t.EpisodeId);
            b.HasMany<NeedsAssessment>().WithOne().HasForeignKey(t => t.EpisodeId);
            b.HasMany<Goal>().WithOne().HasForeignKey(t => t.EpisodeId);
            b.HasMany<MeasureResult>().WithOne().HasForeignKey(t => t.EpisodeId);

            // The service's organisation works the episode; the referring organisation sees its state and closure
            // summary (the pages decide how much); no one else finds it.
            b.HasQueryFilter(e => ScopeIsSystem
                || e.ServiceOrganisationId == ScopeOrganisationId
                || e.ReferringOrganisationId == ScopeOrganisationId);
        });
        builder.Entity<EpisodeStrand>(b =>
        {
            b.Property(s => s.AllocationReason).HasMaxLength(2000);
            b.Property(s => s.EndReason).HasMaxLength(2000);
            b.HasIndex(s => new { s.WorkerUserId, s.EndedAt });
            b.HasOne<ServiceStrand>().WithMany().HasForeignKey(s => s.ServiceStrandId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<EpisodeTransition>(b => b.Property(t => t.Reason).HasMaxLength(2000));
        builder.Entity<EpisodeReminder>(b =>
        {
            b.Property(r => r.Kind).HasMaxLength(40);
            b.HasIndex(r => new { r.EpisodeId, r.Kind, r.DueOn }).IsUnique();
            b.HasOne<Episode>().WithMany().HasForeignKey(r => r.EpisodeId);
        });
        builder.Entity<EpisodeExtension>(b => b.Property(t => t.Reason).HasMaxLength(2000));
        builder.Entity<EpisodeReview>(b =>
        {
            b.Property(r => r.Summary).HasMaxLength(8000);
            b.HasIndex(r => r.SubmissionId).IsUnique();
        });
        builder.Entity<ReflectiveReview>(b =>
        {
            b.Property(r => r.WhatIsGoingOn).HasMaxLength(4000);
            b.Property(r => r.WhatMayHaveBeenMissed).HasMaxLength(4000);
            b.Property(r => r.WhatWasTried).HasMaxLength(4000);
            b.HasIndex(r => r.SubmissionId).IsUnique();
        });
        builder.Entity<Contact>(b =>
        {
            b.Property(c => c.Note).HasMaxLength(8000);
            b.Property(c => c.Version).IsConcurrencyToken();
            b.HasIndex(c => c.SubmissionId).IsUnique();
            b.HasIndex(c => new { c.EpisodeId, c.OccurredAt });
            b.HasOne<ServiceStrand>().WithMany().HasForeignKey(c => c.ServiceStrandId).OnDelete(DeleteBehavior.Restrict);
            b.HasMany(c => c.Revisions).WithOne().HasForeignKey(r => r.ContactId);
        });
        builder.Entity<ContactRevision>(b =>
        {
            b.Property(r => r.Snapshot).HasMaxLength(4000);
            b.Property(r => r.Note).HasMaxLength(8000);
            b.Property(r => r.CorrectionReason).HasMaxLength(2000);
            b.HasIndex(r => new { r.ContactId, r.Number }).IsUnique();
        });
        builder.Entity<NeedsAssessment>(b =>
        {
            b.Property(a => a.Note).HasMaxLength(4000);
            b.HasIndex(a => a.SubmissionId).IsUnique();
            b.HasMany(a => a.Ratings).WithOne().HasForeignKey(r => r.AssessmentId);
        });
        builder.Entity<NeedRating>(b =>
        {
            b.Property(r => r.Pathway).HasMaxLength(40);
            b.HasIndex(r => new { r.AssessmentId, r.Pathway }).IsUnique();
        });
        builder.Entity<Goal>(b =>
        {
            b.Property(g => g.Description).HasMaxLength(1000);
            b.Property(g => g.Pathway).HasMaxLength(40);
            b.Property(g => g.Version).IsConcurrencyToken();
            b.HasIndex(g => g.SubmissionId).IsUnique();
            b.HasMany(g => g.Actions).WithOne().HasForeignKey(a => a.GoalId);
        });
        builder.Entity<GoalAction>(b =>
        {
            b.Property(a => a.Description).HasMaxLength(1000);
            b.Property(a => a.OwnerName).HasMaxLength(200);
            b.Property(a => a.Version).IsConcurrencyToken();
            b.HasIndex(a => a.SubmissionId).IsUnique();
            b.HasIndex(a => a.EpisodeId);
        });
        builder.Entity<Instrument>(b =>
        {
            b.Property(i => i.Code).HasMaxLength(40);
            b.Property(i => i.Name).HasMaxLength(200);
            b.Property(i => i.Definition).HasMaxLength(100_000);
            b.Property(i => i.Version).IsConcurrencyToken();
            b.HasIndex(i => new { i.OrganisationId, i.Code }).IsUnique();
            b.HasOne<Organisation>().WithMany().HasForeignKey(i => i.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<MeasureResult>(b =>
        {
            b.Property(m => m.Band).HasMaxLength(100);
            b.HasIndex(m => m.SubmissionId).IsUnique();
            b.HasIndex(m => new { m.EpisodeId, m.InstrumentId, m.TakenOn });
            b.HasOne<Instrument>().WithMany().HasForeignKey(m => m.InstrumentId).OnDelete(DeleteBehavior.Restrict);
        });
    }

    private void ConfigureReferrals(ModelBuilder builder)
    {
        builder.Entity<Service>(b =>
        {
            b.Property(s => s.Name).HasMaxLength(200);
            b.Property(s => s.Description).HasMaxLength(2000);
            b.HasIndex(s => new { s.OrganisationId, s.Name }).IsUnique();
            b.HasIndex(s => s.SubmissionId).IsUnique();
            b.Property(s => s.Version).IsConcurrencyToken();
            b.HasOne(s => s.Organisation).WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            b.HasMany(s => s.Documents).WithOne().HasForeignKey(d => d.ServiceId);
            b.HasMany(s => s.Strands).WithOne().HasForeignKey(d => d.ServiceId);
        });
        builder.Entity<ServiceDocumentRequirement>(b => b.Property(d => d.DocumentType).HasMaxLength(60));
        builder.Entity<ServiceStrand>(b =>
        {
            b.Property(s => s.Name).HasMaxLength(200);
            b.Property(s => s.WorkerRole).HasMaxLength(40);
            b.Property(s => s.InterventionList).HasMaxLength(20);
        });
        builder.Entity<Referral>(b =>
        {
            b.Property(r => r.Reason).HasMaxLength(4000);
            b.Property(r => r.HelpWanted).HasMaxLength(4000);
            b.Property(r => r.AccessibilityNeeds).HasMaxLength(2000);
            b.Property(r => r.RisksToWorkers).HasMaxLength(2000);
            b.Property(r => r.PreferredWorkerGender).HasMaxLength(40);
            b.Property(r => r.SharingNote).HasMaxLength(2000);
            b.Property(r => r.CloseReasonText).HasMaxLength(2000);
            b.Property(r => r.ScreeningNotes).HasMaxLength(8000);
            b.Property(r => r.Version).IsConcurrencyToken();
            b.HasIndex(r => r.SubmissionId).IsUnique();
            b.HasIndex(r => new { r.ServiceId, r.State });
            b.HasIndex(r => r.PersonId);
            b.HasOne(r => r.Service).WithMany().HasForeignKey(r => r.ServiceId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.ReferringOrganisationId).OnDelete(DeleteBehavior.Restrict);
            b.HasMany(r => r.Documents).WithOne().HasForeignKey(d => d.ReferralId);
            b.HasMany(r => r.Transitions).WithOne().HasForeignKey(t => t.ReferralId);
            b.HasMany(r => r.Overrides).WithOne().HasForeignKey(o => o.ReferralId);

            // The referring organisation and the receiving service's organisation see a referral; no one else.
            b.HasQueryFilter(r => ScopeIsSystem
                || r.ReferringOrganisationId == ScopeOrganisationId
                || r.Service!.OrganisationId == ScopeOrganisationId);
        });
        builder.Entity<ReferralDocument>(b =>
        {
            b.Property(d => d.DocumentType).HasMaxLength(60);
            b.Property(d => d.FileName).HasMaxLength(255);
            b.Property(d => d.StoredName).HasMaxLength(100);
            b.Property(d => d.ContentType).HasMaxLength(100);
            b.Property(d => d.Sha256).HasMaxLength(64);
        });
        builder.Entity<ReferralTransition>(b => b.Property(t => t.Note).HasMaxLength(2000));
        builder.Entity<ScreeningOverride>(b =>
        {
            b.Property(o => o.Rule).HasMaxLength(40);
            b.Property(o => o.Reason).HasMaxLength(2000);
        });
        builder.Entity<OutboxMessage>(b =>
        {
            b.Property(m => m.To).HasMaxLength(256);
            b.Property(m => m.Subject).HasMaxLength(300);
            b.Property(m => m.LastError).HasMaxLength(2000);
            b.Property(m => m.LockedBy).HasMaxLength(100);
            b.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
        });
        builder.Entity<ApiToken>(b =>
        {
            b.Property(t => t.Name).HasMaxLength(200);
            b.Property(t => t.TokenHash).HasMaxLength(64);
            b.HasIndex(t => t.TokenHash).IsUnique();
            b.HasOne<ApplicationUser>().WithMany().HasForeignKey(t => t.UserId);
        });
        builder.Entity<PartnershipAction>(b =>
        {
            b.HasIndex(p => new { p.OrganisationId, p.AuditEventId }).IsUnique();
            b.HasOne<AuditEvent>().WithMany().HasForeignKey(p => p.AuditEventId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<ApplicationUser>(b =>
        {
            b.Property(u => u.JobRole).HasMaxLength(40);
            b.Property(u => u.GenderIdentity).HasMaxLength(40);
        });
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
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            return written;
        }
    }

    /// <summary>Serialises appends to the audit chain across every node sharing this database.</summary>
    protected abstract Task LockAuditChainAsync(CancellationToken cancellationToken);
}

public sealed class DataProtectionKey
{
    public int Id { get; set; }
    public string? FriendlyName { get; set; }
    public required string Xml { get; set; }
}
