using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Access;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.People;
using Throughcare.Core.Domain.ReferenceData;
using Throughcare.Core.Domain.Referrals;
using Throughcare.Core.Domain.Services;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.People;

public sealed record ServiceChoice(Guid Id, string Name, string? Description, string Organisation, string WhoFor);

/// <summary>Starts a referral: the service is chosen here; the answers follow on the referral's own pages.</summary>
[Authorize(Policy = Capabilities.MakeReferrals)]
[Requires(PersonRight.Refer)]
public sealed class ReferModel(ThroughcareDbContext db, ReferralService referrals) : PageModel
{
    [BindProperty]
    public string? ServiceId { get; set; }

    [BindProperty]
    public Guid SubmissionId { get; set; }

    public IReadOnlyList<ServiceChoice> Services { get; private set; } = [];

    public async Task OnGetAsync(Guid personId)
    {
        SubmissionId = Guid.NewGuid();
        await LoadAsync(personId);
    }

    public async Task<IActionResult> OnPostAsync(Guid personId)
    {
        await LoadAsync(personId);
        var validator = new InlineValidator<ReferModel>
        {
            v => v.RuleFor(x => x.ServiceId).Must(id => Services.Any(s => s.Id.ToString() == id)).WithMessage("Select a service"),
            v => v.RuleFor(x => x.SubmissionId).NotEmpty().WithMessage("Start the referral again from the person's page"),
        };
        if (!validator.Validate(this).AddTo(ModelState, prefix: ""))
        {
            return Page();
        }

        var result = await referrals.StartDraftAsync(personId, Guid.Parse(ServiceId!), SubmissionId, HttpContext.RequestAborted);
        return await this.AnswerAsync(result, new WriteAnswer
        {
            Done = id => RedirectToPage("/Referrals/Reason", new { referralId = id }),
            RefusedField = nameof(ServiceId),
            Show = () =>
            {
                // A used submission id is refused; the form comes back with a fresh one, so sending it again starts one draft.
                SubmissionId = Guid.NewGuid();
                ModelState.Remove(nameof(SubmissionId));
                return Task.FromResult<IActionResult>(Page());
            },
        });
    }

    private async Task LoadAsync(Guid personId)
    {
        var services = await db.Services.AsNoTracking().Where(s => s.AcceptingReferrals)
            .OrderBy(s => s.Name)
            .Select(s => new { Service = s, Organisation = s.Organisation!.Name })
            .ToListAsync(HttpContext.RequestAborted);
        Services = services.Select(s => new ServiceChoice(s.Service.Id, s.Service.Name, s.Service.Description, s.Organisation, WhoFor(s.Service))).ToList();
    }

    /// <summary>Who the service is for, in words: age, gender, where the person is, OPD pathway and boroughs.</summary>
    public static string WhoFor(Service service)
    {
        var parts = new List<string>
        {
            (service.MinimumAge, service.MaximumAge) switch
            {
                (null, null) => "Any age",
                ({ } min, null) => $"Aged {min} or over",
                (null, { } max) => $"Aged {max} or under",
                ({ } min, { } max) => $"Aged {min} to {max}",
            },
        };
        if (service.GenderIdentities.Count > 0)
        {
            parts.Add(string.Join(" or ", service.GenderIdentities.Select(g => GenderIdentities.All.LabelFor(g) ?? g).Select(g => g.ToLowerInvariant())));
        }

        parts.Add(service.Setting switch
        {
            ServiceSetting.Custody => "in custody",
            ServiceSetting.Community => "in the community",
            _ => "in custody or in the community",
        });
        if (service.RequiresOpdScreenedIn)
        {
            parts.Add("screened in to the OPD pathway");
        }

        if (service.Boroughs.Count > 0)
        {
            parts.Add("living in " + string.Join(", ", service.Boroughs.Select(b => Boroughs.All.LabelFor(b) ?? b)));
        }

        return string.Join(", ", parts);
    }
}
