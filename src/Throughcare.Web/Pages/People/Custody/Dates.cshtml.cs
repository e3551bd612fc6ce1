using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc;
using Throughcare.Core.Domain;
using Throughcare.Core.Domain.Custody;

namespace Throughcare.Web.Pages.People.Custody;

/// <summary>Change key dates and the release plan; a date that moves needs a reason, and the journey's milestones follow at once.</summary>
public sealed class DatesModel(CustodyService custody) : CustodyChangeModel(custody), IKeyDatesForm
{
    [BindProperty]
    public CustodyDatesInput Input { get; set; } = new();

    IReleasePlanInput IKeyDatesForm.Input => Input;

    protected override string Done => "Dates changed; the journey's milestones follow them";

    protected override void Fill(CustodyPeriod period) => Input = new CustodyDatesInput
    {
        Dates = KeyDatesInput.From(period),
        ExpectedReleaseConfirmed = period.ExpectedReleaseConfirmed,
        ReleaseBorough = period.ReleaseBorough,
        Accommodation = period.Accommodation,
    };

    protected override ValidationResult Validate(CustodyRules rules) => rules.Validate(Input, Period);

    protected override Task<WriteResult> WriteAsync() => Custody.ChangeDatesAsync(InView.Id, Version, Input, HttpContext.RequestAborted);
}
