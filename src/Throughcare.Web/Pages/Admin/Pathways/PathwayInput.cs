using FluentValidation;
using Throughcare.Core.Domain.ReferenceData;
using Throughcare.Core.Infrastructure.Text;
using Throughcare.Web.Infrastructure.Web;

namespace Throughcare.Web.Pages.Admin.Pathways;

/// <summary>A pathway's name as an administrator enters it, on the add and change pages alike.</summary>
public sealed class PathwayInput
{
    public static readonly InlineValidator<PathwayInput> Validator = new()
    {
        v => v.RuleFor(x => x.Label).NotEmpty().WithMessage("Enter the name of the pathway")
            .SafeText("Name", ResettlementPathway.LabelMaxLength),
    };

    public string? Label { get; set; }
}
