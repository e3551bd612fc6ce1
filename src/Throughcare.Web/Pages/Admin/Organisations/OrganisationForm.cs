using FluentValidation;
using Microsoft.AspNetCore.Mvc.Rendering;
using Throughcare.Core.Domain.Custody;
using Throughcare.Core.Domain.Organisations;
using Throughcare.Core.Domain.ReferenceData;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Admin.Organisations;

/// <summary>The organisation form shared by the create and edit pages.</summary>
public sealed class OrganisationInput
{
    public string? Name { get; set; }
    public string? Kind { get; set; }
    public string? RequireTwoFactor { get; set; }
    public string? Borough { get; set; }

    public static readonly InlineValidator<OrganisationInput> Validator = new()
    {
        v => v.RuleFor(x => x.Name).NotEmpty().WithMessage("Enter the organisation's name").SafeText("Organisation name", 200),
        v => v.RuleFor(x => x.Kind).Must(k => Enum.TryParse<OrganisationKind>(k, out var kind) && Enum.IsDefined(kind) && !int.TryParse(k, out _))
            .WithMessage("Select the kind of organisation"),
        v => v.RuleFor(x => x.RequireTwoFactor).Must(r => r is "yes" or "no")
            .WithMessage("Select whether staff must use two-factor authentication"),
        v => v.RuleFor(x => x.Borough).Must(CustodyRules.BeABorough).WithMessage("Select a borough from the list"),
        v => v.RuleFor(x => x.Borough).Empty().When(x => x.Kind != nameof(OrganisationKind.LocalAuthority))
            .WithMessage("Only a local authority serves a borough: leave the borough empty"),
    };

    public static IEnumerable<SelectListItem> BoroughItems => Boroughs.All.Select(b => new SelectListItem(b.Label, b.Code));

    public static IEnumerable<SelectListItem> KindItems =>
        Enum.GetValues<OrganisationKind>().Select(k => new SelectListItem(OrganisationKinds.Label(k), k.ToString()));

    public static IEnumerable<SelectListItem> YesNoItems => [new("Yes", "yes"), new("No", "no")];

    public OrganisationDetails ToDetails() =>
        new(Name!.Trim(), Enum.Parse<OrganisationKind>(Kind!), RequireTwoFactor == "yes", string.IsNullOrEmpty(Borough) ? null : Borough);

    public static OrganisationInput From(OrganisationDetails details) => new()
    {
        Name = details.Name,
        Kind = details.Kind.ToString(),
        RequireTwoFactor = details.RequireTwoFactor ? "yes" : "no",
        Borough = details.Borough,
    };
}
