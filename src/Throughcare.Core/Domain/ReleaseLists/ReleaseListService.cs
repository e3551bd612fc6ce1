using System.Text.Json;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Notifications;
using Throughcare.Core.Domain.ReferenceData;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Security;
using Throughcare.Core.Infrastructure.Text;

namespace Throughcare.Core.Domain.ReleaseLists;

/// <summary>A borough lead as typed.</summary>
public sealed class BoroughLeadInput
{
    public string? Name { get; set; }
    public string? OrganisationName { get; set; }
    public string? Role { get; set; }
    public string? Email { get; set; }
}

/// <summary>
/// A borough's leads, and sending its release list to them: by hand (a manager) or by the weekly schedule. A list sent is
/// frozen as the leads saw it; the e-mail carries only a link, never personal data; each person on it has the sending
/// recorded in their own audit trail with its recipients.
/// </summary>
public sealed class ReleaseListService(ThroughcareDbContext db, AuditLog audit, Outbox outbox, CurrentUser user, TimeProvider time, ReleaseListReader reader, LinkGenerator links)
{
    public const string NoLeads = "This borough has no leads to send its list to: add one first";
    public const string NotPermitted = "Only a manager can send a borough's release list by hand";

    public static readonly InlineValidator<BoroughLeadInput> LeadValidator = new()
    {
        v => v.RuleFor(x => x.Name).NotEmpty().WithMessage("Enter the lead's name").SafeText("Name", BoroughLead.NameMaxLength),
        v => v.RuleFor(x => x.OrganisationName).NotEmpty().WithMessage("Enter the lead's organisation").SafeText("Organisation", BoroughLead.NameMaxLength),
        v => v.RuleFor(x => x.Role).NotEmpty().WithMessage("Enter the lead's role, for example housing options lead").SafeText("Role", BoroughLead.NameMaxLength),
        v => v.RuleFor(x => x.Email).NotEmpty().WithMessage("Enter the lead's e-mail address").SafeText("E-mail address", BoroughLead.EmailMaxLength)
            .EmailAddress().WithMessage("Enter an e-mail address in the correct format, like name@example.com"),
    };

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>The borough's current leads, by name.</summary>
    public Task<List<BoroughLead>> LeadsAsync(string borough, CancellationToken cancellationToken) =>
        db.Set<BoroughLead>().AsNoTracking().Where(l => l.Borough == borough && l.RemovedAt == null).OrderBy(l => l.Name).ToListAsync(cancellationToken);

    /// <summary>Adds a lead to a borough the user may read the lists of; managers and administrators keep the leads.</summary>
    public async Task<WriteResult> AddLeadAsync(string borough, BoroughLeadInput input, CancellationToken cancellationToken)
    {
        if (!await reader.MayReadAsync(borough, cancellationToken))
        {
            return new WriteResult.NotFound();
        }

        if (!MayKeepLeads(user))
        {
            return new WriteResult.Refused("Only a manager or an administrator can change a borough's leads");
        }

        if (LeadValidator.Validate(input).Errors.FirstOrDefault() is { } failure)
        {
            return new WriteResult.Refused(failure.ErrorMessage, failure.PropertyName);
        }

        var lead = db.Set<BoroughLead>().Add(new BoroughLead
        {
            Id = Guid.NewGuid(),
            Borough = borough,
            Name = input.Name!.Trim(),
            OrganisationName = input.OrganisationName!.Trim(),
            Role = input.Role!.Trim(),
            Email = input.Email!.Trim(),
            AddedAt = Now,
            AddedByUserId = user.RequireUserId(),
        }).Entity;
        audit.Record(new BoroughLeadChanged(lead.Id, borough, lead.Name, lead.Email, Removed: false));
        await db.SaveChangesAsync(cancellationToken);
        return new WriteResult.Done(lead.Id);
    }

    public async Task<WriteResult> RemoveLeadAsync(string borough, Guid leadId, CancellationToken cancellationToken)
    {
        var lead = await reader.MayReadAsync(borough, cancellationToken)
            ? await db.Set<BoroughLead>().SingleOrDefaultAsync(l => l.Id == leadId && l.Borough == borough && l.RemovedAt == null, cancellationToken)
            : null;
        if (lead is null)
        {
            return new WriteResult.NotFound();
        }

        if (!MayKeepLeads(user))
        {
            return new WriteResult.Refused("Only a manager or an administrator can change a borough's leads");
        }

        lead.RemovedAt = Now;
        lead.RemovedByUserId = user.RequireUserId();
        audit.Record(new BoroughLeadChanged(lead.Id, borough, lead.Name, lead.Email, Removed: true));
        await db.SaveChangesAsync(cancellationToken);
        return new WriteResult.Done(lead.Id);
    }

    public static bool MayKeepLeads(CurrentUser user) => user.IsInRole(StaffRoles.Manager) || user.IsInRole(StaffRoles.Administrator);

    /// <summary>Who sends a borough's list by hand: a manager (the weekly schedule sends it anyway).</summary>
    public static bool MaySend(CurrentUser user) => user.IsInRole(StaffRoles.Manager);

    /// <summary>Sends the list now, by hand: a manager who may read the borough's lists. The list sent is the manager's view of it.</summary>
    public async Task<WriteResult> SendNowAsync(string borough, CancellationToken cancellationToken)
    {
        if (!await reader.MayReadAsync(borough, cancellationToken))
        {
            return new WriteResult.NotFound();
        }

        if (!MaySend(user))
        {
            return new WriteResult.Refused(NotPermitted);
        }

        return await SendAsync(borough, null, cancellationToken);
    }

    /// <summary>
    /// Freezes the list as it reads now, records it and the recipients, queues one e-mail per lead with a link to it, and
    /// records in each listed person's audit trail that it went to them; all in one transaction. The weekly schedule
    /// passes the week, so each borough's list goes once a week however many nodes run it.
    /// </summary>
    public async Task<WriteResult> SendAsync(string borough, DateOnly? scheduledWeek, CancellationToken cancellationToken)
    {
        var leads = await LeadsAsync(borough, cancellationToken);
        if (leads.Count == 0)
        {
            return new WriteResult.Refused(NoLeads);
        }

        var today = Display.Today(time);
        var rows = await reader.DueAsync(borough, today, ReleaseListReader.DefaultWeeks, cancellationToken);
        var recipients = leads.Select(l => l.Email).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var send = db.Set<ReleaseListSend>().Add(new ReleaseListSend
        {
            Id = Guid.NewGuid(),
            Borough = borough,
            ScheduledWeek = scheduledWeek,
            SentAt = Now,
            SentByUserId = user.UserId,
            WindowWeeks = ReleaseListReader.DefaultWeeks,
            Recipients = string.Join('\n', recipients),
            Rows = JsonSerializer.Serialize(rows, AuditLog.JsonOptions),
        }).Entity;
        var name = Boroughs.All.LabelFor(borough) ?? borough;
        var link = links.GetPathByPage("/ReleaseLists/Sent", values: new { borough, sendId = send.Id });
        foreach (var email in recipients)
        {
            outbox.Queue(email, $"Release list for {name}",
                $"This week's list of people due for release to {name} in the next {ReleaseListReader.DefaultWeeks} weeks is ready in Throughcare. Sign in to read it: {link}");
        }

        foreach (var row in rows)
        {
            audit.Record(new ReleaseListShared(row.PersonId, send.Id, borough, recipients), purpose: scheduledWeek is null ? "release list sent by hand" : "weekly release list");
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (scheduledWeek is not null)
        {
            // Another node sent this week's list first: its send and e-mails stand, ours are dropped.
            db.ChangeTracker.Clear();
            return new WriteResult.Refused("This week's list has been sent already");
        }

        return new WriteResult.Done(send.Id);
    }

    /// <summary>A list as it was sent, with its rows.</summary>
    public async Task<(ReleaseListSend Send, IReadOnlyList<ReleaseListRow> Rows)?> SentAsync(string borough, Guid sendId, CancellationToken cancellationToken)
    {
        var send = await db.Set<ReleaseListSend>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == sendId && s.Borough == borough, cancellationToken);
        return send is null ? null : (send, JsonSerializer.Deserialize<List<ReleaseListRow>>(send.Rows, AuditLog.JsonOptions) ?? []);
    }
}
