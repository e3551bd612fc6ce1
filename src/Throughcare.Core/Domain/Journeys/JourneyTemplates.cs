using System.Globalization;
using System.Text.RegularExpressions;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Throughcare.Core.Domain.Accounts;
using Throughcare.Core.Domain.Audit;
using Throughcare.Core.Domain.Organisations;
using Throughcare.Core.Domain.ReferenceData;
using Throughcare.Core.Infrastructure.Database;
using Throughcare.Core.Infrastructure.Security;
using Throughcare.Core.Infrastructure.Text;

namespace Throughcare.Core.Domain.Journeys;

/// <summary>A milestone of the journey template as an administrator types it.</summary>
public sealed class MilestoneDefinitionInput
{
    public string? Title { get; set; }
    public MilestoneAnchor? Anchor { get; set; }
    public string? AnchorMilestoneCode { get; set; }
    public string? Offset { get; set; }
    public OffsetUnit? Unit { get; set; }
    public string? OnlyIfSentenceOverMonths { get; set; }
    public bool OnlyIfIndeterminate { get; set; }
    public bool OnlyIfNoAccommodation { get; set; }
    public string? OnlyIfBorough { get; set; }
    public MilestoneOwnerKind? OwnerKind { get; set; }
    public string? Owner { get; set; }
    public string? ReminderDaysBefore { get; set; }

    public static MilestoneDefinitionInput From(MilestoneDefinition d) => new()
    {
        Title = d.Title,
        Anchor = d.Anchor,
        AnchorMilestoneCode = d.AnchorMilestoneCode,
        Offset = d.Offset.ToString(CultureInfo.InvariantCulture),
        Unit = d.Unit,
        OnlyIfSentenceOverMonths = d.OnlyIfSentenceOverMonths?.ToString(CultureInfo.InvariantCulture),
        OnlyIfIndeterminate = d.OnlyIfIndeterminate,
        OnlyIfNoAccommodation = d.OnlyIfNoAccommodation,
        OnlyIfBorough = d.OnlyIfBorough,
        OwnerKind = d.OwnerKind,
        Owner = d.Owner,
        ReminderDaysBefore = d.ReminderDaysBefore?.ToString(CultureInfo.InvariantCulture),
    };
}

/// <summary>A new version of the journey template was published: the change it made, and the version it replaced.</summary>
public sealed record JourneyTemplatePublished(Guid TemplateId, int Version, string Change, string Milestone) : AuditedEvent
{
    public override AuditSubject Subject() => new(AuditRecordTypes.JourneyTemplate, TemplateId, null);

    public override string Action() => AuditActions.Create;

    public override AuditDescription Describe(AuditLabels labels) =>
        new($"Journey template version {Version.ToString(CultureInfo.InvariantCulture)} published", [new FieldChange(Change, null, Milestone)]);
}

/// <summary>
/// The journey template as partnership administrators edit it: each change publishes a new version, a copy of the one in
/// force with the change made, so custody periods opened under an earlier version keep it (editing never rewrites
/// history), and new periods take the new one.
/// </summary>
public sealed partial class JourneyTemplates(ThroughcareDbContext db, AuditLog audit, CurrentUser user, TimeProvider time)
{
    public const string NotPermitted = "Only a partnership administrator can change the journey template";
    public const int MaximumOffset = 3650;

    /// <summary>The version in force now, with its milestones in order.</summary>
    public async Task<JourneyTemplate> InForceAsync(CancellationToken cancellationToken)
    {
        var template = await db.JourneyTemplates.AsNoTracking().Include(t => t.Milestones)
            .Where(t => t.Name == ShippedJourney.Name).OrderByDescending(t => t.Version).FirstAsync(cancellationToken);
        template.Milestones = [.. template.Milestones.OrderBy(m => m.Order)];
        return template;
    }

    /// <summary>Every version, the latest first, with how many custody periods keep each.</summary>
    public async Task<List<(JourneyTemplate Template, int Periods)>> VersionsAsync(CancellationToken cancellationToken) =>
        (await db.JourneyTemplates.AsNoTracking().Where(t => t.Name == ShippedJourney.Name).OrderByDescending(t => t.Version)
            .Select(t => new { Template = t, Periods = db.CustodyPeriods.IgnoreQueryFilters().Count(p => p.JourneyTemplateId == t.Id) })
            .ToListAsync(cancellationToken)).Select(x => (x.Template, x.Periods)).ToList();

    public ValidationResult Validate(MilestoneDefinitionInput input, IReadOnlyList<MilestoneDefinition> milestones, string? code)
    {
        var others = milestones.Where(m => m.Code != code).ToList();
        var validator = new InlineValidator<MilestoneDefinitionInput>
        {
            v => v.RuleFor(x => x.Title).NotEmpty().WithMessage("Enter what is to be done").SafeText("Milestone", MilestoneDefinition.TitleMaxLength)
                .Must(t => others.All(m => !string.Equals(m.Title, t?.Trim(), StringComparison.OrdinalIgnoreCase))).WithMessage("The journey already has a milestone with this name"),
            v => v.RuleFor(x => x.Anchor).NotNull().WithMessage("Select what the milestone is dated from").IsInEnum().WithMessage("Select what the milestone is dated from"),
            v => v.RuleFor(x => x.AnchorMilestoneCode).Must(c => others.Any(m => m.Code == c)).When(x => x.Anchor == MilestoneAnchor.Milestone)
                .WithMessage("Select the milestone it follows"),
            v => v.RuleFor(x => x.AnchorMilestoneCode).Must((x, c) => !Cycles(code, c, others)).When(x => x.Anchor == MilestoneAnchor.Milestone)
                .WithMessage("A milestone cannot follow one that follows it"),
            v => v.RuleFor(x => x.Offset).Must(o => Whole(o, -MaximumOffset, MaximumOffset) is not null)
                .WithMessage($"Enter the offset as a whole number of days from -{MaximumOffset} to {MaximumOffset}, negative for before, like -28"),
            v => v.RuleFor(x => x.Unit).NotNull().WithMessage("Select whether the offset counts every day or working days").IsInEnum().WithMessage("Select whether the offset counts every day or working days"),
            v => v.RuleFor(x => x.OnlyIfSentenceOverMonths).Must(o => string.IsNullOrWhiteSpace(o) || Whole(o, 1, 1200) is not null)
                .WithMessage("Enter the sentence length in months as a whole number from 1 to 1200, or leave it empty"),
            v => v.RuleFor(x => x.OnlyIfBorough).Must(Custody.CustodyRules.BeABorough).WithMessage("Select a borough from the list"),
            v => v.RuleFor(x => x.OwnerKind).NotNull().WithMessage("Select who owns the milestone").IsInEnum().WithMessage("Select who owns the milestone"),
            v => v.RuleFor(x => x.Owner).Must(o => Enum.TryParse<OrganisationKind>(o, out var kind) && Enum.IsDefined(kind) && !int.TryParse(o, out _))
                .When(x => x.OwnerKind == MilestoneOwnerKind.OrganisationKind).WithMessage("Select the kind of organisation that owns it"),
            v => v.RuleFor(x => x.Owner).Must(o => StaffRoles.All.Contains(o)).When(x => x.OwnerKind == MilestoneOwnerKind.Role).WithMessage("Select the staff role that owns it"),
            v => v.RuleFor(x => x.ReminderDaysBefore).Must(r => string.IsNullOrWhiteSpace(r) || Whole(r, 0, 90) is not null)
                .WithMessage("Enter the days before it is due to remind its owner, from 0 to 90, or leave it empty for no reminder"),
        };
        return validator.Validate(input);
    }

    /// <summary>Publishes a new version with the milestone changed, or added when the code is null; the form's version must be the one in force.</summary>
    public Task<WriteResult> SaveAsync(string? code, int version, MilestoneDefinitionInput input, CancellationToken cancellationToken) =>
        PublishAsync(version, async (current, milestones) =>
        {
            if (code is not null && milestones.All(m => m.Code != code))
            {
                return new WriteResult.NotFound();
            }

            if (Validate(input, current.Milestones, code).Errors.FirstOrDefault() is { } failure)
            {
                return new WriteResult.Refused(failure.ErrorMessage, failure.PropertyName);
            }

            var target = code is null
                ? new MilestoneDefinition { Code = NewCode(input.Title!, milestones), Title = "", Order = milestones.Count == 0 ? 1 : milestones.Max(m => m.Order) + 1 }
                : milestones.Single(m => m.Code == code);
            if (code is null)
            {
                milestones.Add(target);
            }

            Apply(target, input);
            return new Published(code is null ? "Milestone added" : "Milestone changed", target.Title);
        }, cancellationToken);

    /// <summary>Publishes a new version without the milestone; refused while another milestone follows it.</summary>
    public Task<WriteResult> RemoveAsync(string code, int version, CancellationToken cancellationToken) =>
        PublishAsync(version, (current, milestones) =>
        {
            if (milestones.SingleOrDefault(m => m.Code == code) is not { } removed)
            {
                return Task.FromResult<WriteResult>(new WriteResult.NotFound());
            }

            if (milestones.FirstOrDefault(m => m.AnchorMilestoneCode == code) is { } follower)
            {
                return Task.FromResult<WriteResult>(new WriteResult.Refused($"\"{follower.Title}\" follows this milestone: change it first"));
            }

            milestones.Remove(removed);
            return Task.FromResult<WriteResult>(new Published("Milestone removed", removed.Title));
        }, cancellationToken);

    /// <summary>A change to make in the new version: what it was, and the milestone's title, for the audit trail.</summary>
    private sealed record Published(string Change, string Title) : WriteResult;

    private async Task<WriteResult> PublishAsync(int version, Func<JourneyTemplate, List<MilestoneDefinition>, Task<WriteResult>> change, CancellationToken cancellationToken)
    {
        if (!user.Holds(Capabilities.AdministerPartnership))
        {
            return new WriteResult.Refused(NotPermitted);
        }

        var current = await InForceAsync(cancellationToken);
        if (current.Version != version)
        {
            return new WriteResult.Conflict();
        }

        var copies = current.Milestones.Select(m => new MilestoneDefinition
        {
            Code = m.Code,
            Title = m.Title,
            Order = m.Order,
            Anchor = m.Anchor,
            AnchorMilestoneCode = m.AnchorMilestoneCode,
            Offset = m.Offset,
            Unit = m.Unit,
            OnlyIfSentenceOverMonths = m.OnlyIfSentenceOverMonths,
            OnlyIfIndeterminate = m.OnlyIfIndeterminate,
            OnlyIfNoAccommodation = m.OnlyIfNoAccommodation,
            OnlyIfBorough = m.OnlyIfBorough,
            OnlyIfServiceId = m.OnlyIfServiceId,
            OwnerKind = m.OwnerKind,
            Owner = m.Owner,
            ReminderDaysBefore = m.ReminderDaysBefore,
        }).ToList();
        var result = await change(current, copies);
        if (result is not Published published)
        {
            return result;
        }

        var template = new JourneyTemplate
        {
            Id = Guid.NewGuid(),
            Name = current.Name,
            Version = current.Version + 1,
            PublishedAt = time.GetUtcNow().UtcDateTime,
            PublishedByUserId = user.RequireUserId(),
        };
        foreach (var (milestone, order) in copies.OrderBy(m => m.Order).Select((m, i) => (m, i + 1)))
        {
            milestone.Id = Guid.NewGuid();
            milestone.TemplateId = template.Id;
            milestone.Order = order;
            template.Milestones.Add(milestone);
        }

        db.JourneyTemplates.Add(template);
        audit.Record(new JourneyTemplatePublished(template.Id, template.Version, published.Change, published.Title));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException duplicate) when (duplicate.IsUniqueViolation())
        {
            // Another administrator published the same version number first: theirs stands.
            db.ChangeTracker.Clear();
            return new WriteResult.Conflict();
        }

        return new WriteResult.Done(template.Id);
    }
}

public sealed partial class JourneyTemplates
{
    private static void Apply(MilestoneDefinition target, MilestoneDefinitionInput input)
    {
        target.Title = input.Title!.Trim();
        target.Anchor = input.Anchor!.Value;
        target.AnchorMilestoneCode = input.Anchor == MilestoneAnchor.Milestone ? input.AnchorMilestoneCode : null;
        target.Offset = Whole(input.Offset, -MaximumOffset, MaximumOffset)!.Value;
        target.Unit = input.Unit!.Value;
        target.OnlyIfSentenceOverMonths = Whole(input.OnlyIfSentenceOverMonths, 1, 1200);
        target.OnlyIfIndeterminate = input.OnlyIfIndeterminate;
        target.OnlyIfNoAccommodation = input.OnlyIfNoAccommodation;
        target.OnlyIfBorough = TextRules.Tidy(input.OnlyIfBorough);
        target.OwnerKind = input.OwnerKind!.Value;
        target.Owner = input.OwnerKind == MilestoneOwnerKind.AllocatedWorker ? null : input.Owner;
        target.ReminderDaysBefore = Whole(input.ReminderDaysBefore, 0, 90);
    }

    /// <summary>Whether following this anchor from the milestone would come back to it.</summary>
    private static bool Cycles(string? code, string? anchor, IReadOnlyList<MilestoneDefinition> others)
    {
        var seen = new HashSet<string>();
        for (var next = anchor; next is not null; next = others.FirstOrDefault(m => m.Code == next)?.AnchorMilestoneCode)
        {
            if (next == code || !seen.Add(next))
            {
                return true;
            }
        }

        return false;
    }

    private static int? Whole(string? text, int from, int to) =>
        int.TryParse(text?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= from && value <= to ? value : null;

    /// <summary>A code from the title, unique in the template: stable across versions, so milestones can follow it.</summary>
    private static string NewCode(string title, IReadOnlyList<MilestoneDefinition> milestones)
    {
        var slug = NotLetters().Replace(title.Trim().ToLowerInvariant(), "-").Trim('-');
        slug = slug.Length == 0 ? "milestone" : slug[..Math.Min(slug.Length, MilestoneDefinition.CodeMaxLength - 4)];
        var code = slug;
        for (var n = 2; milestones.Any(m => m.Code == code); n++)
        {
            code = $"{slug}-{n}";
        }

        return code;
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotLetters();
}
