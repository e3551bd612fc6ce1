using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc;
using Throughcare.Core.Domain;
using Throughcare.Core.Domain.Custody;

namespace Throughcare.Web.Pages.People.Custody;

/// <summary>Record the release: the date, how, where they went to live and in which borough. The release milestones are dated from it.</summary>
public sealed class ReleaseModel(CustodyService custody) : CustodyChangeModel(custody)
{
    [BindProperty]
    public ReleaseInput Input { get; set; } = new();

    protected override string Done => "Release recorded";

    protected override void Fill(CustodyPeriod period) => Input = new ReleaseInput { ReleaseBorough = period.ReleaseBorough, Accommodation = period.Accommodation };

    protected override ValidationResult Validate(CustodyRules rules) => rules.Validate(Input, Period);

    protected override Task<WriteResult> WriteAsync() => Custody.ReleaseAsync(InView.Id, Version, Input, HttpContext.RequestAborted);
}
