using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.Rendering;
using Throughcare.Core.Domain.ReferenceData;
using Throughcare.Core.Domain.Services;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Services;

/// <summary>The service form shared by the create and edit pages. Numbers stay text so a typing slip is echoed back with a message.</summary>
public sealed class ServiceInput
{
    public const string Required = "required";
    public const string Optional = "optional";
    public const string NotUsed = "not-used";

    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? MinimumAge { get; set; }
    public string? MaximumAge { get; set; }
    public string[] GenderIdentities { get; set; } = [];
    public string? RequiresOpdScreenedIn { get; set; }
    public string[] Boroughs { get; set; } = [];
    public string? Setting { get; set; }
    public string? MaximumEpisodeMonths { get; set; }
    public string? CaseloadCapacity { get; set; }
    public string? AcceptingReferrals { get; set; }
    public string? ReviewIntervalMonths { get; set; }
    public string? AtRiskMissedInARow { get; set; }
    public string? AtRiskWeeksWithoutContact { get; set; }
    public string? MinimumReengagementAttempts { get; set; }

    /// <summary>One choice per document type, in the order of <see cref="DocumentTypes.All"/>.</summary>
    public List<DocumentChoice> Documents { get; set; } = [];

    public sealed class DocumentChoice
    {
        public string? Type { get; set; }
        public string? Use { get; set; }
    }

    public static readonly InlineValidator<ServiceInput> Validator = new()
    {
        v => v.RuleFor(x => x.Name).NotEmpty().WithMessage("Enter the service's name").SafeText("Service name", 200),
        v => v.RuleFor(x => x.Description).SafeText("Description", 2000, multiline: true),
        v => v.RuleFor(x => x.MinimumAge).Must(a => WholeNumber(a, 10, 120) is not null).When(x => !string.IsNullOrWhiteSpace(x.MinimumAge))
            .WithMessage("Minimum age must be a whole number between 10 and 120"),
        v => v.RuleFor(x => x.MaximumAge).Must(a => WholeNumber(a, 10, 120) is not null).When(x => !string.IsNullOrWhiteSpace(x.MaximumAge))
            .WithMessage("Maximum age must be a whole number between 10 and 120"),
        v => v.RuleFor(x => x.MaximumAge)
            .Must((x, max) => WholeNumber(max, 10, 120) is not { } most || WholeNumber(x.MinimumAge, 10, 120) is not { } least || most >= least)
            .WithMessage("Maximum age must be the same as or more than the minimum age"),
        v => v.RuleFor(x => x.GenderIdentities).Must(all => all.All(g => GenderItems.Any(i => i.Value == g))).WithMessage("Select gender identities from the list"),
        v => v.RuleFor(x => x.RequiresOpdScreenedIn).Must(r => r is "yes" or "no")
            .WithMessage("Select whether people must be screened in to the OPD pathway"),
        v => v.RuleFor(x => x.Boroughs).Must(all => all.All(Core.Domain.ReferenceData.Boroughs.All.Contains)).WithMessage("Select boroughs from the list"),
        v => v.RuleFor(x => x.Setting).Must(s => SettingItems.Any(i => i.Value == s))
            .WithMessage("Select whether the service is for people in custody, in the community or either"),
        v => v.RuleFor(x => x.MaximumEpisodeMonths).NotEmpty().WithMessage("Enter the longest episode in months")
            .Must(m => WholeNumber(m, 1, 60) is not null).WithMessage("Longest episode must be a whole number of months between 1 and 60"),
        v => v.RuleFor(x => x.CaseloadCapacity).NotEmpty().WithMessage("Enter the caseload capacity per worker")
            .Must(c => WholeNumber(c, 1, 200) is not null).WithMessage("Caseload capacity must be a whole number between 1 and 200"),
        v => v.RuleFor(x => x.AcceptingReferrals).Must(r => r is "yes" or "no")
            .WithMessage("Select whether the service is accepting referrals"),
        v => v.RuleFor(x => x.ReviewIntervalMonths).NotEmpty().WithMessage("Enter how often episodes are reviewed, in months")
            .Must(m => WholeNumber(m, 1, 12) is not null).WithMessage("Review interval must be a whole number of months between 1 and 12"),
        v => v.RuleFor(x => x.AtRiskMissedInARow).NotEmpty().WithMessage("Enter how many did-not-attends in a row put an episode at risk")
            .Must(m => WholeNumber(m, 1, 10) is not null).WithMessage("Did-not-attends in a row must be a whole number between 1 and 10"),
        v => v.RuleFor(x => x.AtRiskWeeksWithoutContact).NotEmpty().WithMessage("Enter how many weeks without contact put an episode at risk")
            .Must(m => WholeNumber(m, 1, 26) is not null).WithMessage("Weeks without contact must be a whole number between 1 and 26"),
        v => v.RuleFor(x => x.MinimumReengagementAttempts).NotEmpty().WithMessage("Enter the fewest re-engagement attempts before closing for disengagement")
            .Must(m => WholeNumber(m, 1, 10) is not null).WithMessage("Re-engagement attempts must be a whole number between 1 and 10"),
        v => v.RuleForEach(x => x.Documents).ChildRules(d => d.RuleFor(c => c.Use).Must(u => u is Required or Optional or NotUsed)
            .WithMessage(c => $"Select whether the {InSentence(DocumentTypes.All.LabelFor(c.Type) ?? "document")} is required, optional or not used")),
    };

    public static IEnumerable<SelectListItem> YesNoItems => [new("Yes", "yes"), new("No", "no")];

    public static IEnumerable<SelectListItem> GenderItems =>
        Core.Domain.ReferenceData.GenderIdentities.All.Where(g => g.Code != ReferenceList.PreferNotToSay).Select(g => new SelectListItem(g.Label, g.Code));

    public static IEnumerable<SelectListItem> BoroughItems => Core.Domain.ReferenceData.Boroughs.All.Select(b => new SelectListItem(b.Label, b.Code));

    public static IEnumerable<SelectListItem> SettingItems =>
    [
        new("In the community", nameof(ServiceSetting.Community)),
        new("In custody", nameof(ServiceSetting.Custody)),
        new("Either", nameof(ServiceSetting.Either)),
    ];

    public static IEnumerable<SelectListItem> DocumentUseItems =>
        [new("Required", Required), new("Optional", Optional), new("Not used", NotUsed)];

    public static IEnumerable<SelectListItem> JobRoleItems => JobRoles.All.Select(r => new SelectListItem(r.Label, r.Code));

    /// <summary>A new service's starting answers: anyone, anywhere, accepting referrals, no documents.</summary>
    public static ServiceInput New() => Blank(From(new ServiceDefinition { Name = "" }));

    public static ServiceInput From(ServiceDefinition d) => new()
    {
        Name = d.Name,
        Description = d.Description,
        MinimumAge = d.MinimumAge?.ToString(CultureInfo.InvariantCulture),
        MaximumAge = d.MaximumAge?.ToString(CultureInfo.InvariantCulture),
        GenderIdentities = [.. d.GenderIdentities],
        RequiresOpdScreenedIn = d.RequiresOpdScreenedIn ? "yes" : "no",
        Boroughs = [.. d.Boroughs],
        Setting = d.Setting.ToString(),
        MaximumEpisodeMonths = d.MaximumEpisodeMonths.ToString(CultureInfo.InvariantCulture),
        CaseloadCapacity = d.CaseloadCapacity.ToString(CultureInfo.InvariantCulture),
        AcceptingReferrals = d.AcceptingReferrals ? "yes" : "no",
        ReviewIntervalMonths = d.ReviewIntervalMonths.ToString(CultureInfo.InvariantCulture),
        AtRiskMissedInARow = d.AtRiskMissedInARow.ToString(CultureInfo.InvariantCulture),
        AtRiskWeeksWithoutContact = d.AtRiskWeeksWithoutContact.ToString(CultureInfo.InvariantCulture),
        MinimumReengagementAttempts = d.MinimumReengagementAttempts.ToString(CultureInfo.InvariantCulture),
        Documents = DocumentTypes.All.Select(t => new DocumentChoice
        {
            Type = t.Code,
            Use = d.Documents.TryGetValue(t.Code, out var required) ? (required ? Required : Optional) : NotUsed,
        }).ToList(),
    };

    public static ServiceDefinition Definition(Service s) => new()
    {
        Name = s.Name,
        Description = s.Description,
        MinimumAge = s.MinimumAge,
        MaximumAge = s.MaximumAge,
        GenderIdentities = s.GenderIdentities,
        RequiresOpdScreenedIn = s.RequiresOpdScreenedIn,
        Boroughs = s.Boroughs,
        Setting = s.Setting,
        MaximumEpisodeMonths = s.MaximumEpisodeMonths,
        CaseloadCapacity = s.CaseloadCapacity,
        AcceptingReferrals = s.AcceptingReferrals,
        ReviewIntervalMonths = s.ReviewIntervalMonths,
        AtRiskMissedInARow = s.AtRiskMissedInARow,
        AtRiskWeeksWithoutContact = s.AtRiskWeeksWithoutContact,
        MinimumReengagementAttempts = s.MinimumReengagementAttempts,
        Documents = s.Documents.ToDictionary(d => d.DocumentType, d => d.Required),
    };

    public ServiceDefinition ToDefinition() => new()
    {
        Name = Name!.Trim(),
        Description = TextRules.Tidy(Description),
        MinimumAge = WholeNumber(MinimumAge, 10, 120),
        MaximumAge = WholeNumber(MaximumAge, 10, 120),
        GenderIdentities = GenderIdentities.Distinct().ToList(),
        RequiresOpdScreenedIn = RequiresOpdScreenedIn == "yes",
        Boroughs = Boroughs.Distinct().ToList(),
        Setting = Enum.Parse<ServiceSetting>(Setting!),
        MaximumEpisodeMonths = WholeNumber(MaximumEpisodeMonths, 1, 60)!.Value,
        CaseloadCapacity = WholeNumber(CaseloadCapacity, 1, 200)!.Value,
        AcceptingReferrals = AcceptingReferrals == "yes",
        ReviewIntervalMonths = WholeNumber(ReviewIntervalMonths, 1, 12)!.Value,
        AtRiskMissedInARow = WholeNumber(AtRiskMissedInARow, 1, 10)!.Value,
        AtRiskWeeksWithoutContact = WholeNumber(AtRiskWeeksWithoutContact, 1, 26)!.Value,
        MinimumReengagementAttempts = WholeNumber(MinimumReengagementAttempts, 1, 10)!.Value,
        Documents = Documents.Where(d => d.Use is Required or Optional).DistinctBy(d => d.Type).ToDictionary(d => d.Type!, d => d.Use == Required),
    };

    /// <summary>One choice per known document type, whatever was posted: unknown types are dropped, missing ones are not used.</summary>
    public void CompleteDocuments() =>
        Documents = DocumentTypes.All.Select(t => Documents.FirstOrDefault(d => d.Type == t.Code) ?? new DocumentChoice { Type = t.Code, Use = NotUsed }).ToList();

    private static ServiceInput Blank(ServiceInput input)
    {
        input.Name = null;
        input.MinimumAge = null;
        input.MaximumAge = null;
        input.RequiresOpdScreenedIn = null;
        input.Setting = null;
        input.AcceptingReferrals = "yes";
        return input;
    }

    /// <summary>"Level 2 or 3 formulation" inside a sentence; "OASys assessment" keeps its capitals.</summary>
    private static string InSentence(string label) =>
        label.Length > 1 && char.IsLower(label[1]) ? char.ToLowerInvariant(label[0]) + label[1..] : label;

    private static int? WholeNumber(string? text, int min, int max) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max ? n : null;
}
