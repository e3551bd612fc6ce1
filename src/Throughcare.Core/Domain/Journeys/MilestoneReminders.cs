using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Domain.Notifications;
using Throughcare.Core.Domain.Organisations;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Text;

namespace Throughcare.Core.Domain.Journeys;

/// <summary>
/// Once at start and then every hour, e-mails each open milestone's owner the set number of days before it is due, once
/// per due date (a date that moves is reminded of again): the workers allocated on the person's open episodes for the
/// allocated worker's milestones, the managers of the organisations of the owning kind (or the staff in the owning
/// role) that hold a role in the person's care for the rest. The e-mail names the milestone and its date, never the
/// person; the link needs signing in. The milestone's version makes each reminder once-only across nodes.
/// </summary>
public sealed class MilestoneReminderService(IServiceScopeFactory scopes, TimeProvider time, LinkGenerator links, ILogger<MilestoneReminderService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        do
        {
            try
            {
                await SendDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Milestone reminders failed; they will be tried again within the hour.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Whether a milestone is due a reminder today: open, applying, not yet overdue, within its reminder days, not reminded of for this date.</summary>
    public static bool IsDue(Milestone milestone, int? reminderDaysBefore, DateOnly today) =>
        reminderDaysBefore is { } days && milestone is { State: MilestoneState.Open, Applies: true, DueOn: { } due }
        && !MilestoneStatus.IsOverdue(milestone, today) && due.AddDays(-days) <= today && milestone.RemindedFor != due;

    /// <summary>Queues the reminders now due and returns how many milestones were reminded of.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ThroughcareDbContext>();
        db.Scope.AsSystem();
        var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
        var today = Display.Today(time);
        var horizon = today.AddDays(31);
        var candidates = await db.Milestones
            .Where(m => m.State == MilestoneState.Open && m.Applies && m.DueOn != null && m.DueOn >= today && m.DueOn <= horizon && m.RemindedFor != m.DueOn)
            .Join(db.MilestoneDefinitions.Where(d => d.ReminderDaysBefore != null), m => m.DefinitionId, d => d.Id, (m, d) => new { Milestone = m, Definition = d })
            .ToListAsync(cancellationToken);
        var reminded = 0;
        foreach (var c in candidates.Where(c => IsDue(c.Milestone, c.Definition.ReminderDaysBefore, today)))
        {
            var owners = await OwnersAsync(db, c.Milestone.PersonId, c.Definition, cancellationToken);
            var link = links.GetPathByPage("/People/Journey/Milestone", values: new { personId = c.Milestone.PersonId, milestoneId = c.Milestone.Id });
            foreach (var email in owners)
            {
                outbox.Queue(email, "A milestone is due in Throughcare",
                    $"\"{c.Definition.Title}\" is due on {Display.Date(c.Milestone.DueOn!.Value)} for someone whose journey you share. Open Throughcare to record it: {link}");
            }

            c.Milestone.RemindedFor = c.Milestone.DueOn;
            c.Milestone.Version = Guid.NewGuid();
            if (await db.SaveOrConflictAsync(new WriteResult.Done(c.Milestone.Id), cancellationToken) is WriteResult.Done)
            {
                reminded++;
            }
            else
            {
                // Another node reminded of it first, or someone recorded it meanwhile: its e-mails are dropped.
                db.ChangeTracker.Clear();
            }
        }

        return reminded;
    }

    /// <summary>The e-mail addresses of a milestone's owners for this person.</summary>
    public static async Task<List<string>> OwnersAsync(ThroughcareDbContext db, Guid personId, MilestoneDefinition definition, CancellationToken cancellationToken)
    {
        var now = db.AccessNow;
        var holders = db.PersonCareRoles.Where(r => r.PersonId == personId && (r.EndedAt == null || r.EndedAt > now)).Select(r => r.OrganisationId);
        IQueryable<ApplicationUser> users = definition.OwnerKind switch
        {
            MilestoneOwnerKind.AllocatedWorker => db.Users.Where(u => db.EpisodeStrands.Any(s => s.WorkerUserId == u.Id && s.EndedAt == null
                && db.Episodes.IgnoreQueryFilters().Any(e => e.Id == s.EpisodeId && e.PersonId == personId && e.State != EpisodeState.Closed))),
            MilestoneOwnerKind.OrganisationKind when Enum.TryParse<OrganisationKind>(definition.Owner, out var kind) => InRole(db, StaffRoles.Manager)
                .Where(u => holders.Contains(u.OrganisationId) && db.Organisations.Any(o => o.Id == u.OrganisationId && o.Kind == kind)),
            MilestoneOwnerKind.Role when definition.Owner is { } role => InRole(db, role).Where(u => holders.Contains(u.OrganisationId)),
            _ => db.Users.Where(_ => false),
        };
        return await users.Where(u => u.DisabledAt == null && u.Email != null).Select(u => u.Email!).Distinct().OrderBy(e => e).ToListAsync(cancellationToken);
    }

    private static IQueryable<ApplicationUser> InRole(ThroughcareDbContext db, string role) =>
        db.Users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));
}
