using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc;
using Throughcare.Core.Domain;
using Throughcare.Core.Domain.Custody;

namespace Throughcare.Web.Pages.People.Custody;

/// <summary>Record the case outcome indicators after release, until the end of contact: they show on the borough's archive list.</summary>
public sealed class OutcomesModel(CustodyService custody) : CustodyChangeModel(custody)
{
    [BindProperty]
    public OutcomesInput Input { get; set; } = new();

    protected override string Done => "Outcomes recorded";

    protected override void Fill(CustodyPeriod period) => Input = new OutcomesInput
    {
        AccommodationAtThreeMonths = period.AccommodationAtThreeMonths,
        Engagement = period.Engagement,
        Ete = period.Ete,
    };

    protected override ValidationResult Validate(CustodyRules rules) => CustodyRules.Validate(Input);

    protected override Task<WriteResult> WriteAsync() => Custody.RecordOutcomesAsync(InView.Id, Version, Input, HttpContext.RequestAborted);
}
