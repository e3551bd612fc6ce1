using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Appointments;
using Throughcare.Core.Domain.Episodes;
using Throughcare.Core.Domain.People;
using Throughcare.Core.Domain.Referrals;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Web.Infrastructure.Web;
using Throughcare.Web.TagHelpers;

namespace Throughcare.Web.Pages.People;

/// <summary>A member of staff on a referral and how to reach them.</summary>
public sealed record StaffContact(string Name, string Organisation, string? Email, string? Phone);

public sealed record EpisodeCare(EpisodeInView Episode, string Organisation, string ReferredBy, DateOnly StartedOn, DateTime? ClosedAt, IReadOnlyList<WorkerContact> Workers);

public sealed record ReferralCare(ReferralInView Referral, string Organisation, StaffContact? Referrer, DateTime? SentAt, DateTime? DecidedAt, DateTime? AllocatedAt)
{
    /// <summary>Still to be decided or allocated: once allocated, the episode it opened carries the care on.</summary>
    public bool IsCurrent => ReferralStates.IsOpen(Referral.State) || OpenCare.Holds(Referral.State, AllocatedAt);
}

/// <summary>
/// The person's page leads with their care: the episodes and referrals the viewer may see, as
/// <see cref="EpisodeAccess"/> and <see cref="ReferralAccess"/> list them, with their state and who to contact; their
/// personal details follow.
/// </summary>
public sealed class ViewModel(ThroughcareDbContext db, EpisodeAccess episodeAccess, ReferralAccess referralAccess) : PageModel
{
    public Person Person { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public bool CanRefer { get; private set; }
    public IReadOnlyList<EpisodeCare> Episodes { get; private set; } = [];
    public IReadOnlyList<ReferralCare> Referrals { get; private set; } = [];
    public string Reminders { get; private set; } = "";

    public async Task OnGetAsync(Guid personId)
    {
        var inView = HttpContext.Record<PersonInView>();
        var cancellationToken = HttpContext.RequestAborted;
        Person = await db.People.AsNoTracking().Include(p => p.Aliases).SingleAsync(p => p.Id == personId, cancellationToken);
        CanEdit = inView.May(PersonRight.Edit);
        CanRefer = inView.May(PersonRight.Refer);
        var reminders = await db.ReminderPreferences.AsNoTracking().Where(r => r.PersonId == personId).Select(r => new { r.Consents, r.Channel }).SingleOrDefaultAsync(cancellationToken);
        Reminders = reminders is null ? "" : reminders.Consents ? $"Yes, by {ReminderPreferences.ChannelLabel(reminders.Channel)?.ToLowerInvariant()}" : "No";

        var episodes = (await episodeAccess.ListForPeopleAsync([personId], cancellationToken)).Cast<EpisodeInView>().ToList();
        var referrals = (await referralAccess.ListForPeopleAsync([personId], cancellationToken)).Cast<ReferralInView>().ToList();
        if (episodes.Count == 0 && referrals.Count == 0)
        {
            return;
        }

        var organisationIds = episodes.SelectMany(e => new[] { e.ServiceOrganisationId, e.ReferringOrganisationId })
            .Concat(referrals.SelectMany(r => new[] { r.ServiceOrganisationId, r.ReferringOrganisationId })).Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);

        var episodeIds = episodes.Select(e => e.Id).ToList();
        var episodeDates = await db.Episodes.AsNoTracking().Where(e => episodeIds.Contains(e.Id))
            .ToDictionaryAsync(e => e.Id, e => new { e.StartedOn, e.ClosedAt }, cancellationToken);
        var workers = episodes.Count == 0 ? Enumerable.Empty<WorkerContact>().ToLookup(w => w.EpisodeId) : await EpisodeTeam.ContactsAsync(db, episodes, cancellationToken);
        Episodes = episodes
            .Select(e => new EpisodeCare(e, organisations.GetValueOrDefault(e.ServiceOrganisationId, ""), organisations.GetValueOrDefault(e.ReferringOrganisationId, ""),
                episodeDates[e.Id].StartedOn, episodeDates[e.Id].ClosedAt, workers[e.Id].ToList()))
            .OrderByDescending(e => e.StartedOn)
            .ThenBy(e => e.Episode.ServiceName, StringComparer.Ordinal)
            .ToList();

        var referralIds = referrals.Select(r => r.Id).ToList();
        var referralFacts = await db.Referrals.AsNoTracking().Where(r => referralIds.Contains(r.Id))
            .Select(r => new
            {
                r.Id,
                r.CreatedAt,
                r.SubmittedAt,
                r.DecidedAt,
                r.AllocatedAt,
                Referrer = db.Users.Where(u => u.Id == r.CreatedByUserId).Select(u => new { u.DisplayName, u.Email, u.PhoneNumber }).FirstOrDefault(),
            })
            .ToDictionaryAsync(r => r.Id, cancellationToken);
        Referrals = referrals
            .Select(r =>
            {
                var facts = referralFacts[r.Id];
                var referringOrganisation = organisations.GetValueOrDefault(r.ReferringOrganisationId, "");
                var referrer = facts.Referrer is { } by ? new StaffContact(by.DisplayName, referringOrganisation, by.Email, by.PhoneNumber) : null;
                return (Care: new ReferralCare(r, organisations.GetValueOrDefault(r.ServiceOrganisationId, ""), referrer, facts.SubmittedAt, facts.DecidedAt, facts.AllocatedAt), facts.CreatedAt);
            })
            .OrderByDescending(r => r.Care.SentAt ?? r.CreatedAt)
            .Select(r => r.Care)
            .ToList();
    }

    /// <summary>
    /// The edit page, opened at the field a "Change" link names: the fragment is the id of that field's input (a date's
    /// day box), so the browser moves to it. Null when the user may not change the person's details.
    /// </summary>
    public string? ChangeHref(string field, bool isDate = false) => CanEdit
        ? Url.Page("/People/Edit", pageHandler: null, values: new { personId = Person.Id }, protocol: null, host: null,
            fragment: GovUkHtml.FieldId($"{nameof(EditModel.Input)}.{field}") + (isDate ? "-day" : ""))
        : null;
}
